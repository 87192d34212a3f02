import { beforeAll, describe, expect, it } from 'vitest';
import { StaticCatalog } from '../../../src/catalog/static-catalog.js';
import { qualify } from '../../../src/parse/ast.js';
import { loadParser, parseFile } from '../../../src/parse/index.js';
import { readAlterTable } from '../../../src/rules/util/alter-table.js';
import {
  addedColumns,
  addedConstraints,
  columnForeignKeysSkipValidation,
  defaultConstraintName,
  isExistingTable,
} from '../../../src/rules/util/blocking.js';
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
const one = (sql: string): Statement => parse(sql)[0] as Statement;

beforeAll(async () => {
  await loadParser();
});

describe('addedConstraints', () => {
  it('reads ADD CONSTRAINT commands with their names, columns and flags', () => {
    const got = addedConstraints(
      one(
        'ALTER TABLE s.orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users NOT VALID, ADD UNIQUE (a, b), ADD CHECK (total > 0) NOT ENFORCED;',
      ),
    );
    expect(got.map((c) => [c.table.key, c.contype, c.name, c.columns, c.notValid, c.enforced])).toEqual([
      ['s.orders', 'CONSTR_FOREIGN', 'fk', ['user_id'], true, true],
      ['s.orders', 'CONSTR_UNIQUE', 'orders_a_b_key', ['a', 'b'], false, true],
      ['s.orders', 'CONSTR_CHECK', 'orders_total_check', [], true, false],
    ]);
    expect(got[0]?.location).toBe(25);
  });

  it('reads column constraints of ADD COLUMN, tied to their column', () => {
    const got = addedConstraints(
      one('ALTER TABLE t ADD COLUMN a int UNIQUE CHECK (a > 0) REFERENCES u, ADD COLUMN b int PRIMARY KEY;'),
    );
    expect(got.map((c) => [c.contype, c.name, c.column?.colname])).toEqual([
      ['CONSTR_UNIQUE', 't_a_key', 'a'],
      ['CONSTR_CHECK', 't_a_check', 'a'],
      ['CONSTR_FOREIGN', 't_a_fkey', 'a'],
      ['CONSTR_PRIMARY', 't_pkey', 'b'],
    ]);
  });

  it('names exclusion constraints after all their columns', () => {
    const [c] = addedConstraints(one('ALTER TABLE b ADD EXCLUDE USING gist (during WITH &&, room WITH =);'));
    expect(c?.name).toBe('b_during_room_excl');
  });

  it('returns nothing for other statements', () => {
    expect(addedConstraints(one('CREATE TABLE t (a int CHECK (a > 0));'))).toEqual([]);
    expect(addedConstraints(one('ALTER INDEX i SET (fillfactor = 50);'))).toEqual([]);
  });
});

describe('defaultConstraintName', () => {
  it('follows PostgreSQL: a CHECK over one column carries its name, over several not', () => {
    const t = qualify('orders');
    const check = (expr: string): string => {
      const [c] = addedConstraints(one(`ALTER TABLE orders ADD CHECK (${expr});`));
      return defaultConstraintName(t, 'CONSTR_CHECK', [], c?.con);
    };
    expect(check('qty > 0 AND qty < 100')).toBe('orders_qty_check');
    expect(check('qty < total')).toBe('orders_check');
    expect(defaultConstraintName(t, 'CONSTR_PRIMARY', ['id'])).toBe('orders_pkey');
    expect(defaultConstraintName(t, 'CONSTR_FOREIGN', ['a', 'b'])).toBe('orders_a_b_fkey');
  });
});

describe('columnForeignKeysSkipValidation', () => {
  const skips = (sql: string): boolean =>
    columnForeignKeysSkipValidation(readAlterTable(one(sql))?.cmds ?? []);

  it('is true for ADD COLUMN ... REFERENCES without a default', () => {
    expect(skips('ALTER TABLE t ADD COLUMN a int REFERENCES u;')).toBe(true);
    expect(skips('ALTER TABLE t ADD COLUMN a int REFERENCES u, ADD COLUMN b int;')).toBe(true);
  });

  it('is false when any added column has a default, even NULL, or a table FOREIGN KEY is added too', () => {
    expect(skips('ALTER TABLE t ADD COLUMN a int DEFAULT 1 REFERENCES u;')).toBe(false);
    expect(skips('ALTER TABLE t ADD COLUMN a int DEFAULT NULL REFERENCES u;')).toBe(false);
    expect(skips('ALTER TABLE t ADD COLUMN a int REFERENCES u, ADD COLUMN b int DEFAULT 0;')).toBe(false);
    expect(skips('ALTER TABLE t ADD COLUMN a int REFERENCES u, ADD FOREIGN KEY (c) REFERENCES v;')).toBe(
      false,
    );
  });
});

describe('addedColumns', () => {
  it('lists added columns with their constraints and locations', () => {
    const got = addedColumns(one('ALTER TABLE t ADD COLUMN a int DEFAULT 1, DROP COLUMN x, ADD b serial;'));
    expect(got.map((c) => [c.table.key, c.name, c.location, c.constraints.map((k) => k.contype)])).toEqual([
      ['public.t', 'a', 25, ['CONSTR_DEFAULT']],
      ['public.t', 'b', 61, []],
    ]);
  });
});

describe('isExistingTable', () => {
  it('is false only for tables created in the current release', () => {
    const catalog = new StaticCatalog();
    catalog.beginRelease(0);
    for (const s of parse('CREATE TABLE old (a int);')) catalog.apply(s);
    catalog.beginRelease(1);
    for (const s of parse('CREATE TABLE fresh (a int);')) catalog.apply(s);
    expect(isExistingTable(catalog, qualify('old'))).toBe(true);
    expect(isExistingTable(catalog, qualify('never_seen'))).toBe(true);
    expect(isExistingTable(catalog, qualify('fresh'))).toBe(false);
  });
});
