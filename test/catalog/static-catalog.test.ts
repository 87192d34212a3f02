import { beforeAll, describe, expect, it } from 'vitest';
import { StaticCatalog } from '../../src/catalog/static-catalog.js';
import { qualify } from '../../src/parse/ast.js';
import { loadParser, parseFile } from '../../src/parse/index.js';

function build(history: string, change?: string): StaticCatalog {
  const catalog = new StaticCatalog();
  catalog.beginRelease(0);
  const apply = (sql: string) => {
    for (const s of parseFile({
      path: 'x.sql',
      framework: 'sql',
      orderKey: 'x',
      transactional: false,
      sql,
      diagnostics: [],
    }).statements) {
      catalog.apply(s);
    }
  };
  apply(history);
  if (change !== undefined) {
    catalog.beginRelease(1);
    apply(change);
  }
  return catalog;
}

const users = qualify('users');

beforeAll(async () => {
  await loadParser();
});

describe('StaticCatalog', () => {
  it('models columns with canonical types, nullability and defaults', () => {
    const c = build(`CREATE TABLE users (
      id serial PRIMARY KEY,
      name varchar(40) NOT NULL DEFAULT 'x',
      score numeric(10, 2),
      tags text[],
      seen timestamp with time zone DEFAULT now()
    );`);
    const col = (n: string) => c.column(users, n);
    expect(col('id')).toMatchObject({ type: { name: 'serial4' }, notNull: true });
    expect(col('name')).toMatchObject({
      type: { name: 'varchar', mods: [40], display: 'varchar(40)' },
      notNull: true,
      default: "'x'",
    });
    expect(col('score')?.type).toMatchObject({ name: 'numeric', mods: [10, 2] });
    expect(col('tags')?.type).toMatchObject({ name: 'text', arrayDims: 1, display: 'text[]' });
    expect(col('seen')).toMatchObject({ type: { name: 'timestamptz' }, default: 'now()', notNull: false });
    expect([...(c.relation(users)?.constraints.keys() ?? [])]).toEqual(['users_pkey']);
  });

  it('tells objects of the current release from older ones', () => {
    const c = build(
      'CREATE TABLE users (id int);',
      'ALTER TABLE users ADD COLUMN email text; CREATE TABLE orders (id int);',
    );
    expect(c.isNewRelation(users)).toBe(false);
    expect(c.isNewColumn(users, 'id')).toBe(false);
    expect(c.isNewColumn(users, 'email')).toBe(true);
    expect(c.isNewRelation(qualify('orders'))).toBe(true);
    expect(c.isNewColumn(qualify('orders'), 'id')).toBe(true);
  });

  it('follows renames, type changes, defaults, NOT NULL and drops', () => {
    const c = build(`CREATE TABLE users (id int, a int, b text DEFAULT 'x');
      ALTER TABLE users RENAME COLUMN a TO c;
      ALTER TABLE users ALTER COLUMN c TYPE bigint, ALTER COLUMN c SET NOT NULL;
      ALTER TABLE users ALTER COLUMN b DROP DEFAULT;
      ALTER TABLE users RENAME TO people;`);
    const people = qualify('people');
    expect(c.relation(users)).toBeUndefined();
    expect(c.column(people, 'a')).toBeUndefined();
    expect(c.column(people, 'c')).toMatchObject({ type: { name: 'int8' }, notNull: true });
    expect(c.column(people, 'b')?.default).toBeNull();
    const d = build(
      'CREATE TABLE users (id int, x int); ALTER TABLE users DROP COLUMN x; DROP TABLE IF EXISTS nope;',
    );
    expect(d.column(users, 'x')).toBeUndefined();
    expect(d.column(users, 'id')).toBeDefined();
  });

  it('keeps schemas apart and resolves unqualified names to public', () => {
    const c = build('CREATE SCHEMA app; CREATE TABLE app.users (id int); CREATE TABLE users (name text);');
    expect(c.column(qualify('users', 'app'), 'id')).toBeDefined();
    expect(c.column(users, 'id')).toBeUndefined();
    expect(c.column(users, 'name')).toBeDefined();
    expect(c.schemaExists('app')).toBe(true);
  });

  it('models enums with value order, renames and placement', () => {
    const c = build(`CREATE TYPE mood AS ENUM ('sad', 'ok');
      ALTER TYPE mood ADD VALUE 'happy';
      ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';
      ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';`);
    expect(c.type(qualify('mood'))?.values).toEqual(['blue', 'meh', 'ok', 'happy']);
  });

  it('tracks indexes, constraints and their validation', () => {
    const c = build(`CREATE TABLE users (id int, org int);
      CREATE UNIQUE INDEX users_org_idx ON users (org);
      ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org) REFERENCES orgs (id) NOT VALID;`);
    expect(c.index(qualify('users_org_idx'))).toMatchObject({
      table: 'public.users',
      unique: true,
      columns: ['org'],
    });
    expect(c.relation(users)?.constraints.get('users_org_fk')).toMatchObject({
      kind: 'foreign key',
      validated: false,
    });
    const v = build(`CREATE TABLE users (id int, org int);
      ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org) REFERENCES orgs (id) NOT VALID;
      ALTER TABLE users VALIDATE CONSTRAINT users_org_fk;`);
    expect(v.relation(users)?.constraints.get('users_org_fk')?.validated).toBe(true);
  });

  it('keeps a replaced view as old as the view it replaces', () => {
    const c = build(
      'CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t;',
      'CREATE OR REPLACE VIEW v AS SELECT a, 1 AS b FROM t;',
    );
    expect(c.isNewRelation(qualify('v'))).toBe(false);
    expect(c.relation(qualify('v'))?.columns.has('b')).toBe(true);
  });

  it('leaves the model unchanged for statements it does not model', () => {
    const c = build(
      'CREATE TABLE users (id int); GRANT SELECT ON users TO app; CREATE EXTENSION IF NOT EXISTS pgcrypto;',
    );
    expect([...(c.relation(users)?.columns.keys() ?? [])]).toEqual(['id']);
  });
});

describe('StaticCatalog type names', () => {
  it('keeps the case of quoted type names and lets columns follow a type rename', () => {
    const c = build(`CREATE TYPE "Role" AS ENUM ('A');
      CREATE TABLE "User" (role "Role");
      ALTER TYPE "Role" RENAME TO "Role_old";`);
    expect(c.column(qualify('User'), 'role')?.type).toMatchObject({ name: 'Role_old', display: 'Role_old' });
    expect(c.type(qualify('Role_old'))?.values).toEqual(['A']);
    expect(c.type(qualify('Role'))).toBeUndefined();
  });
});
