import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extract } from '../../src/discover/frameworks/dbmate.js';
import { discoverPaths } from '../../src/discover/index.js';
import { FIXTURES, expectSameShape, lineOf, released, removeTree, tempTree } from './helpers.js';

const CWD = join(FIXTURES, 'dbmate');
const ctx = { rel: 'x.sql', placeholders: {}, bom: false, aux: () => undefined };

describe('dbmate', () => {
  const temps: string[] = [];
  afterEach(async () => {
    await Promise.all(temps.splice(0).map(removeTree));
  });

  it('detects dbmate from its markers, orders by version, reads transaction:false', async () => {
    const files = released(await discoverPaths(['db/migrations'], {}, CWD));
    expect(files.map((f) => basename(f.path))).toEqual([
      '20240101120000_create_users.sql',
      '20240102120000_index_name.sql',
      '20240103120000_rename_name.sql',
    ]);
    expect(files.every((f) => f.framework === 'dbmate')).toBe(true);
    expect(files.map((f) => f.transactional)).toEqual([true, false, true]);
    expect(files.flatMap((f) => f.diagnostics)).toEqual([]);
  });

  it('blanks the down section and keeps the up statements on their lines', async () => {
    const files = released(await discoverPaths(['db/migrations'], {}, CWD));
    for (const f of files) {
      const original = await readFile(join(CWD, f.path), 'utf8');
      expectSameShape(original, f.sql);
    }
    const rename = files[2];
    const original = await readFile(join(CWD, rename?.path ?? ''), 'utf8');
    expect(lineOf(rename?.sql ?? '', 'RENAME COLUMN name TO full_name')).toBe(
      lineOf(original, 'TO full_name'),
    );
    expect(rename?.sql).not.toContain('TO name');
    expect(rename?.sql).toContain('-- Rename for the new API.');
    expect(rename?.sql).toContain('-- migrate:down');
    expect(files[0]?.sql).not.toContain('DROP TABLE');
  });

  it('reports a file without -- migrate:up and runs nothing of it', () => {
    const x = extract('CREATE TABLE t (id int);\n', ctx);
    expect(x.sql.trim()).toBe('');
    expect(x.diagnostics[0]).toMatchObject({
      severity: 'error',
      line: 1,
      message: expect.stringContaining('-- migrate:up'),
    });
  });

  it('reports SQL before the up marker and down before up', () => {
    const stray = extract('-- header\nDROP TABLE t;\n-- migrate:up\nSELECT 1;\n', ctx);
    expect(stray.diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 2 })]);
    expect(stray.sql).toBe('-- header\n             \n-- migrate:up\nSELECT 1;\n');
    const reversed = extract('-- migrate:down\nDROP TABLE t;\n-- migrate:up\nCREATE TABLE t ();\n', ctx);
    expect(reversed.diagnostics[0]).toMatchObject({ severity: 'error', line: 1 });
    expect(reversed.sql.trim()).toBe('');
  });

  it('warns about an indented down marker (dbmate would not see it) and still leaves the down SQL out', () => {
    const text =
      '-- migrate:up\nALTER TABLE t\n    ADD COLUMN c text\n    -- migrate:down\n    DROP COLUMN c;\n';
    const x = extract(text, ctx);
    expect(x.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 4,
        column: 5,
        message: expect.stringContaining('column 1'),
      }),
    ]);
    expect(x.sql).not.toContain('DROP COLUMN');
  });

  it('does not take a byte order mark for an indentation', () => {
    const x = extract(' -- migrate:up\nSELECT 1;\n', { ...ctx, bom: true });
    expect(x.diagnostics).toEqual([]);
  });

  it('keeps CRLF line ends', async () => {
    const text = '-- migrate:up\r\nCREATE TABLE t (id int);\r\n-- migrate:down\r\nDROP TABLE t;\r\n';
    const root = await tempTree({ '20240101000000_t.sql': text });
    temps.push(root);
    const [file] = released(await discoverPaths([root]));
    expect(file?.framework).toBe('dbmate');
    expectSameShape(text, file?.sql ?? '');
    expect(file?.sql).toBe(
      '-- migrate:up\r\nCREATE TABLE t (id int);\r\n-- migrate:down\r\n             \r\n',
    );
  });
});
