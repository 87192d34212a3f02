import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverPaths } from '../../src/discover/index.js';
import { FIXTURES, expectSameShape, lineOf, released, removeTree, tempTree } from './helpers.js';

const CWD = join(FIXTURES, 'drizzle');

describe('drizzle', () => {
  const temps: string[] = [];
  afterEach(async () => {
    await Promise.all(temps.splice(0).map(removeTree));
  });

  it('takes order and membership from meta/_journal.json; statement-breakpoint lines stay', async () => {
    const files = released(await discoverPaths(['drizzle'], {}, CWD));
    expect(files.map((f) => basename(f.path))).toEqual([
      '0000_steady_hulk.sql',
      '0001_brave_storm.sql',
      '0002_backfill_names.sql',
    ]);
    const [first, second] = files;
    expect(files.every((f) => f.framework === 'drizzle')).toBe(true);
    expect([first?.transactional, second?.transactional]).toEqual([true, true]);
    const original = await readFile(join(CWD, 'drizzle/0000_steady_hulk.sql'), 'utf8');
    expectSameShape(original, first?.sql ?? '');
    expect(lineOf(first?.sql ?? '', 'CREATE INDEX')).toBe(6);
    expect(first?.sql).toContain('--> statement-breakpoint');
  });

  it('skips a file that is not in the journal, with a notice', async () => {
    const files = released(await discoverPaths(['drizzle'], {}, CWD));
    const orphan = files[2];
    expect(orphan?.sql).toBe('');
    expect(orphan?.diagnostics).toEqual([
      {
        rule: 'input-error',
        severity: 'notice',
        line: 1,
        column: 1,
        message: expect.stringContaining('not in meta/_journal.json, so drizzle-kit migrate does not run it'),
      },
    ]);
  });

  it('leaves files outside the journal out of the history', async () => {
    const input = await discoverPaths(['drizzle/0001_brave_storm.sql'], {}, CWD);
    expect(input.history.map((f) => basename(f.path))).toEqual(['0000_steady_hulk.sql']);
  });

  it('falls back to name order with a warning when the journal is broken', async () => {
    const root = await tempTree({
      'meta/_journal.json': '{ "entries": [',
      '0000_a.sql': 'CREATE TABLE a ();\n',
      '0001_b.sql': 'CREATE TABLE b ();\n',
    });
    temps.push(root);
    const files = released(await discoverPaths([root]));
    expect(files.map((f) => basename(f.path))).toEqual(['0000_a.sql', '0001_b.sql']);
    expect(files[0]?.diagnostics[0]).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining('not valid JSON'),
    });
  });
});
