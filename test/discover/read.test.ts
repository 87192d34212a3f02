import { chmod, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverPaths } from '../../src/discover/index.js';
import { decodeMigration, firstInvalidByte, formatSize, readMigrationFile } from '../../src/discover/read.js';
import { released, removeTree, tempTree } from './helpers.js';

describe('reading migration files', () => {
  const temps: string[] = [];
  const tree = async (files: Record<string, string | Buffer>): Promise<string> => {
    const root = await tempTree(files);
    temps.push(root);
    return root;
  };
  afterEach(async () => {
    await Promise.all(temps.splice(0).map(removeTree));
  });

  it('does not read a file over the size limit and says how to raise it', async () => {
    const root = await tree({ '1_big.sql': `SELECT 1;\n${'-- padding\n'.repeat(600_000)}` });
    const [file] = released(await discoverPaths([root]));
    expect(file?.sql).toBe('');
    expect(file?.diagnostics).toEqual([
      {
        rule: 'input-error',
        severity: 'error',
        line: 1,
        column: 1,
        message:
          'file is 6.3 MiB, over the 5 MiB limit; raise max-file-size in .github/expand-contract.yml or split it',
      },
    ]);
    const small = await readMigrationFile(join(root, '1_big.sql'), 2048);
    expect(small.diagnostics[0]?.message).toMatch(/^file is 6\.3 MiB, over the 2 KiB limit/);
  });

  it('falls back to bytes when both sizes round alike', async () => {
    const root = await tree({ 'a.sql': 'x'.repeat(1030) });
    const r = await readMigrationFile(join(root, 'a.sql'), 1025);
    expect(r.diagnostics[0]?.message).toMatch(/^file is 1,030 bytes, over the 1,025 byte limit/);
    expect(formatSize(5 * 1024 * 1024)).toBe('5 MiB');
  });

  it('reports invalid UTF-8 at the line and column of the first bad byte, and goes on', async () => {
    const bytes = Buffer.concat([
      Buffer.from("CREATE TABLE t (id int);\nCOMMENT ON TABLE t IS 'caf", 'utf8'),
      Buffer.from([0xe9]),
      Buffer.from("';\nSELECT 1;\n", 'utf8'),
    ]);
    const root = await tree({ '1_latin1.sql': bytes });
    const [file] = released(await discoverPaths([root]));
    expect(file?.diagnostics).toEqual([
      {
        rule: 'input-error',
        severity: 'error',
        line: 2,
        column: 27,
        message: 'not valid UTF-8 at line 2 (byte 0xE9); re-save the file as UTF-8',
      },
    ]);
    expect(file?.sql.split('\n')).toHaveLength(4);
    expect(file?.sql).toContain('SELECT 1;');
  });

  it('finds the first invalid byte of truncated, overlong and surrogate sequences', () => {
    expect(firstInvalidByte(Buffer.from('ok', 'utf8'))).toBe(2);
    expect(firstInvalidByte(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidByte(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
    expect(firstInvalidByte(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidByte(Buffer.from('é€😀', 'utf8'))).toBe(9);
  });

  it('turns a UTF-8 byte order mark into one space, without a diagnostic', async () => {
    const root = await tree({
      '1_bom.sql': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('SELECT 1;\n')]),
    });
    const [file] = released(await discoverPaths([root]));
    expect(file?.sql).toBe(' SELECT 1;\n');
    expect(file?.diagnostics).toEqual([]);
  });

  it('keeps CRLF line ends as they are', async () => {
    const root = await tree({ '1_crlf.sql': 'SELECT 1;\r\nSELECT 2;\r\n' });
    const [file] = released(await discoverPaths([root]));
    expect(file?.sql).toBe('SELECT 1;\r\nSELECT 2;\r\n');
  });

  it('gives an empty or comment-only migration a notice', async () => {
    const root = await tree({
      '1_empty.sql': '',
      '2_blank.sql': '\n  \n',
      '3_comments.sql': '-- nothing yet\n/* later */\n',
    });
    const files = released(await discoverPaths([root]));
    expect(files.map((f) => f.diagnostics)).toEqual(
      [1, 2, 3].map(() => [
        {
          rule: 'input-error',
          severity: 'notice',
          line: 1,
          column: 1,
          message: 'migration has no statements',
        },
      ]),
    );
  });

  it('reports a folder named like a migration instead of crashing', async () => {
    const root = await tree({ '1_ok.sql': 'SELECT 1;\n' });
    await mkdir(join(root, '2_folder.sql'));
    const files = released(await discoverPaths([root]));
    const folder = files.find((f) => f.path.endsWith('2_folder.sql'));
    expect(folder?.diagnostics[0]).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('is a directory'),
    });
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file instead of crashing', async () => {
    const root = await tree({ '1_secret.sql': 'SELECT 1;\n' });
    await chmod(join(root, '1_secret.sql'), 0o000);
    const [file] = released(await discoverPaths([root]));
    expect(file?.diagnostics[0]).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('permission denied'),
    });
    await chmod(join(root, '1_secret.sql'), 0o600);
  });

  it('reports a broken link instead of crashing', async () => {
    const root = await tree({ '1_ok.sql': 'SELECT 1;\n' });
    await symlink(join(root, 'gone.sql'), join(root, '2_link.sql'));
    const files = released(await discoverPaths([root]));
    expect(files[1]?.diagnostics[0]).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('does not exist'),
    });
  });

  it('decodes UTF-16 with an error, and replaces NUL characters', () => {
    const utf16 = decodeMigration(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('SELECT 1;\n', 'utf16le')]),
    );
    expect(utf16.text).toBe(' SELECT 1;\n');
    expect(utf16.diagnostics[0]?.message).toContain('UTF-16');
    const nul = decodeMigration(Buffer.from('SELECT 1;\nSELECT\0 2;\n', 'utf8'));
    expect(nul.text).toBe('SELECT 1;\nSELECT  2;\n');
    expect(nul.diagnostics[0]).toMatchObject({ line: 2, column: 7 });
  });
});
