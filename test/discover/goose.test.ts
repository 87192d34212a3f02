import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/discover/frameworks/goose.js';
import { discoverPaths } from '../../src/discover/index.js';
import { FIXTURES, expectSameShape, lineOf, released } from './helpers.js';

const CWD = join(FIXTURES, 'goose');
const ctx = { rel: 'x.sql', placeholders: {}, bom: false, aux: () => undefined };

describe('goose', () => {
  it('orders by version; NO TRANSACTION makes a file non-transactional', async () => {
    const files = released(await discoverPaths(['migrations'], {}, CWD));
    expect(files.map((f) => basename(f.path))).toEqual([
      '00001_create_users.sql',
      '00002_touch_function.sql',
      '00003_index_name.sql',
      '00004_owner.sql',
    ]);
    expect(files.every((f) => f.framework === 'goose')).toBe(true);
    expect(files.map((f) => f.transactional)).toEqual([true, true, false, true]);
    expect(files.flatMap((f) => f.diagnostics)).toEqual([]);
  });

  it('keeps the up section (StatementBegin/End included) on its lines and blanks the down section', async () => {
    const files = released(await discoverPaths(['migrations'], {}, CWD));
    for (const f of files) expectSameShape(await readFile(join(CWD, f.path), 'utf8'), f.sql);
    const fn = files[1]?.sql ?? '';
    const original = await readFile(join(CWD, files[1]?.path ?? ''), 'utf8');
    expect(lineOf(fn, 'CREATE FUNCTION touch()')).toBe(lineOf(original, 'CREATE FUNCTION touch()'));
    expect(fn).toContain('-- +goose StatementEnd');
    expect(fn).not.toContain('DROP FUNCTION');
    expect(files[0]?.sql).not.toContain('DROP TABLE');
  });

  it('leaves ${VAR} alone under ENVSUB ON', async () => {
    const files = released(await discoverPaths(['migrations/00004_owner.sql'], {}, CWD));
    expect(files[0]?.sql).toContain('OWNER TO ${APP_OWNER};');
  });

  it('reports what goose refuses: no Up, SQL before Up, indented or unknown annotations', () => {
    const none = extract('SELECT 1;\n', ctx);
    expect(none.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('needs a `-- +goose Up`'),
    ]);
    expect(none.sql.trim()).toBe('');
    const stray = extract('-- note\nSELECT 0;\n-- +goose Up\nSELECT 1;\n', ctx);
    expect(stray.diagnostics).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('SQL before') }),
    ]);
    expect(stray.sql).toBe('-- note\n         \n-- +goose Up\nSELECT 1;\n');
    const indented = extract('  -- +goose Up\nSELECT 1;\n', ctx);
    expect(indented.diagnostics).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('leading white space') }),
    ]);
    expect(indented.sql).toContain('SELECT 1;');
    const unknown = extract('-- +goose Up\n-- +goose Sideways\nSELECT 1;\n', ctx);
    expect(unknown.diagnostics).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('does not know') }),
    ]);
    const open = extract('-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n', ctx);
    expect(open.diagnostics[0]?.message).toContain('StatementEnd');
  });
});
