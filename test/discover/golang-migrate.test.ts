import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverPaths } from '../../src/discover/index.js';
import { FIXTURES, expectSameShape, released } from './helpers.js';

const CWD = join(FIXTURES, 'golang-migrate');

describe('golang-migrate', () => {
  it('runs the .up.sql files in version order, transactional; .down.sql files are not migrations', async () => {
    const files = released(await discoverPaths(['migrations'], {}, CWD));
    expect(files.map((f) => basename(f.path))).toEqual([
      '000001_create_users.up.sql',
      '000002_add_email.up.sql',
      '000010_drop_name.up.sql',
    ]);
    expect(files.every((f) => f.framework === 'golang-migrate' && f.transactional)).toBe(true);
    expect(files.every((f) => f.diagnostics.length === 0)).toBe(true);
    for (const f of files) expectSameShape(await readFile(join(CWD, f.path), 'utf8'), f.sql);
  });

  it('gives a single up file the earlier up files as history', async () => {
    const input = await discoverPaths(['migrations/000010_drop_name.up.sql'], {}, CWD);
    expect(input.history.map((f) => basename(f.path))).toEqual([
      '000001_create_users.up.sql',
      '000002_add_email.up.sql',
    ]);
    expect(input.releases).toHaveLength(1);
  });

  it('explains a down file named on the command line instead of analysing it', async () => {
    const input = await discoverPaths(['migrations/000002_add_email.down.sql'], {}, CWD);
    const [down] = released(input);
    expect(down?.sql).toBe('');
    expect(down?.diagnostics).toEqual([
      expect.objectContaining({ severity: 'notice', message: expect.stringContaining('down migration') }),
    ]);
    expect(input.history).toEqual([]);
  });
});
