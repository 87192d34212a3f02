import { beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/parse/ast.js';
import { loadParser, parseFile } from '../../../src/parse/index.js';
import { dropTargets, producedObject, producerIn, viewColumns } from '../../../src/rules/util/objects.js';
import type { Statement } from '../../../src/types.js';

function parse(sql: string): Statement[] {
  return parseFile({
    path: 'x.sql',
    framework: 'sql',
    orderKey: 'x',
    transactional: false,
    sql,
    diagnostics: [],
  }).statements;
}
const body = (sql: string): Record<string, unknown> => unwrap((parse(sql)[0] as Statement).node)[1];

beforeAll(async () => {
  await loadParser();
});

describe('dropTargets', () => {
  it('names each object by kind', () => {
    const keys = (sql: string): string[] => dropTargets(body(sql)).map((t) => `${t.category}:${t.key}`);
    expect(keys('DROP TABLE a, s.b')).toEqual(['relation:public.a', 'relation:s.b']);
    expect(keys('DROP TYPE s.e')).toEqual(['type:s.e']);
    expect(keys('DROP SCHEMA x, y')).toEqual(['schema:x', 'schema:y']);
    expect(keys('DROP FUNCTION s.f(int), g')).toEqual(['function:s.f', 'function:public.g']);
    expect(keys('DROP TRIGGER t ON s.tab')).toEqual(['trigger:s.tab.t']);
    expect(keys('DROP POLICY p ON tab')).toEqual(['other:public.tab.p']);
    expect(keys('DROP EXTENSION hstore')).toEqual(['other:hstore']);
  });

  it('keeps the location of type names', () => {
    expect(dropTargets(body('DROP TYPE a, b')).map((t) => t.location)).toEqual([10, 13]);
  });
});

describe('producedObject', () => {
  it('reads creates, renames and moves', () => {
    const got = parse(
      [
        'CREATE TABLE s.t (a int)',
        'CREATE FOREIGN TABLE f (a int) SERVER x',
        'CREATE MATERIALIZED VIEW m AS SELECT 1',
        'CREATE VIEW v AS SELECT 1',
        "CREATE TYPE e AS ENUM ('a')",
        'CREATE DOMAIN d AS int',
        'CREATE SEQUENCE q',
        'CREATE SCHEMA sc',
        'CREATE INDEX i ON s.t (a)',
        "CREATE FUNCTION fn() RETURNS int LANGUAGE sql AS 'select 1'",
        'CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION fn()',
        'ALTER TABLE s.t RENAME TO u',
        'ALTER TYPE s.e RENAME TO g',
        'ALTER VIEW v SET SCHEMA archive',
        'SELECT 1',
      ].join(';\n'),
    ).map((s) => producedObject(s));
    expect(got).toEqual([
      { category: 'relation', key: 's.t' },
      { category: 'relation', key: 'public.f' },
      { category: 'relation', key: 'public.m' },
      { category: 'relation', key: 'public.v' },
      { category: 'type', key: 'public.e' },
      { category: 'type', key: 'public.d' },
      { category: 'sequence', key: 'public.q' },
      { category: 'schema', key: 'sc' },
      { category: 'index', key: 's.i' },
      { category: 'function', key: 'public.fn' },
      { category: 'trigger', key: 'public.t.tr' },
      { category: 'relation', key: 's.u' },
      { category: 'type', key: 's.g' },
      { category: 'relation', key: 'archive.v' },
      undefined,
    ]);
  });

  it('matches tables, views, sequences and indexes in one name space', () => {
    const later = parse('CREATE SEQUENCE x;');
    expect(producerIn(later, { category: 'relation', key: 'public.x' })).toBeDefined();
    expect(producerIn(later, { category: 'type', key: 'public.x' })).toBeUndefined();
  });
});

describe('viewColumns', () => {
  it('combines aliases and select names', () => {
    expect(viewColumns(body('CREATE VIEW v (a) AS SELECT x, y AS z, t.w FROM t'))).toEqual(['a', 'z', 'w']);
  });
  it('is unknown for *, unnamed expressions and set operations', () => {
    expect(viewColumns(body('CREATE VIEW v AS SELECT * FROM t'))).toBeUndefined();
    expect(viewColumns(body('CREATE VIEW v AS SELECT count(*) FROM t'))).toBeUndefined();
    expect(viewColumns(body('CREATE VIEW v AS SELECT a FROM t UNION SELECT b FROM u'))).toBeUndefined();
  });
});
