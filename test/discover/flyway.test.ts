import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverPaths } from '../../src/discover/index.js';
import { compareOrderKeys } from '../../src/discover/text.js';
import { FIXTURES, expectSameShape, lineOf, released, removeTree, tempTree } from './helpers.js';

const CWD = join(FIXTURES, 'flyway');
const DIR = 'db/migration';
const config = { placeholders: { schema: 'shop' } };

describe('flyway', () => {
  const temps: string[] = [];
  afterEach(async () => {
    await Promise.all(temps.splice(0).map(removeTree));
  });

  it('orders versions numerically, repeatables last, and leaves undo scripts out', async () => {
    const files = released(await discoverPaths([DIR], config, CWD));
    expect(files.map((f) => basename(f.path))).toEqual([
      'V1__create_users.sql',
      'V1_1__add_email.sql',
      'V1_9__grant_reader.sql',
      'V1_10__index_email.sql',
      'R__users_view.sql',
    ]);
    expect(files.every((f) => f.framework === 'flyway')).toBe(true);
    expect(files.map((f) => f.repeatable ?? false)).toEqual([false, false, false, false, true]);
    const keys = files.map((f) => f.orderKey);
    expect([...keys].sort(compareOrderKeys)).toEqual(keys);
    expect(files[0]?.path).toBe('db/migration/V1__create_users.sql');
  });

  it('reads executeInTransaction=false from <file>.sql.conf; others are transactional', async () => {
    const files = released(await discoverPaths([DIR], config, CWD));
    expect(files.map((f) => f.transactional)).toEqual([true, true, true, false, true]);
  });

  it('runs a script with CREATE INDEX CONCURRENTLY outside a transaction, as Flyway does', async () => {
    const root = await tempTree({ 'V1__idx.sql': 'create index concurrently i on t (c);\n' });
    temps.push(root);
    const [file] = released(await discoverPaths([root]));
    expect(file?.transactional).toBe(false);
  });

  it('substitutes placeholders on their own line only', async () => {
    const files = released(await discoverPaths([DIR], config, CWD));
    const original = await readFile(join(CWD, DIR, 'V1_9__grant_reader.sql'), 'utf8');
    const v19 = files[2];
    expect(v19?.sql).toContain('GRANT USAGE ON SCHEMA public TO current_user;');
    expect(v19?.sql.split('\n')).toHaveLength(original.split('\n').length);
    expect(lineOf(v19?.sql ?? '', 'GRANT SELECT')).toBe(lineOf(original, 'GRANT SELECT'));
    expect(files[0]?.sql).toContain('CREATE TABLE shop.users (');
    expect(files[0]?.diagnostics).toEqual([]);
  });

  it('reports an unknown placeholder at its line and column, naming it', async () => {
    const [first] = released(await discoverPaths([`${DIR}/V1__create_users.sql`], {}, CWD));
    expect(first?.diagnostics).toEqual([
      {
        rule: 'input-error',
        severity: 'error',
        line: 2,
        column: 14,
        message: expect.stringContaining('placeholder ${schema} has no value; add it under placeholders:'),
      },
    ]);
    // The statement still parses: the name stands in for the value.
    expect(first?.sql).toContain('CREATE TABLE schema.users (');
  });

  it('gives a single file the earlier versions as history', async () => {
    const input = await discoverPaths([`${DIR}/V1_10__index_email.sql`], config, CWD);
    expect(input.history.map((f) => basename(f.path))).toEqual([
      'V1__create_users.sql',
      'V1_1__add_email.sql',
      'V1_9__grant_reader.sql',
    ]);
    expect(released(input).map((f) => basename(f.path))).toEqual(['V1_10__index_email.sql']);
  });

  it('explains a file Flyway would not run, and refuses duplicate versions', async () => {
    const root = await tempTree({
      'V1__init.sql': 'create table t (id int);\n',
      'V1.0__again.sql': 'create table u (id int);\n',
      'V2_add_column.sql': 'alter table t add column c int;\n',
    });
    temps.push(root);
    const files = released(await discoverPaths([root]));
    const bad = files.find((f) => f.path.endsWith('V2_add_column.sql'));
    expect(bad?.diagnostics[0]).toMatchObject({
      severity: 'notice',
      message: expect.stringContaining('two underscores'),
    });
    expect(bad?.sql).toBe('');
    const dup = files.find((f) =>
      f.diagnostics.some((d) => d.message.includes('two migrations with version 1')),
    );
    expect(dup).toBeDefined();
  });

  it('explains an undo script named on the command line', async () => {
    const [undo] = released(await discoverPaths([`${DIR}/U1_1__add_email.sql`], config, CWD));
    expect(undo?.diagnostics[0]?.message).toContain('undo migration');
  });

  it('keeps every line of every script', async () => {
    for (const f of released(await discoverPaths([DIR], {}, CWD))) {
      const original = await readFile(join(CWD, f.path), 'utf8');
      expect(f.sql.split('\n')).toHaveLength(original.split('\n').length);
    }
  });

  it('keeps the shape of a script without placeholders', async () => {
    const root = await tempTree({ 'V3__x.sql': '-- c\r\nalter table t add column c int;\r\n' });
    temps.push(root);
    const [file] = released(await discoverPaths([root]));
    expectSameShape('-- c\r\nalter table t add column c int;\r\n', file?.sql ?? '');
  });
});
