import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history = `CREATE TABLE users (
  id serial PRIMARY KEY,
  name varchar(50),
  bio text,
  price numeric(10, 2),
  created timestamp,
  net cidr,
  flags bit varying(8),
  tags varchar(20)[]
);
CREATE SCHEMA shop;
CREATE TABLE shop.orders (total integer);`;

describe('changing-column-type', () => {
  it('reports a real type change at the column, naming both types and the rewrite', async () => {
    await expectFindings(
      'changing-column-type',
      'ALTER TABLE shop.orders\n  ALTER COLUMN total TYPE bigint;',
      [
        {
          line: 2,
          column: 16,
          statementLine: 1,
          breaking: true,
          object: 'shop.orders.total',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'Changing `shop.orders.total` from integer to bigint breaks the running release, which still reads and writes integer values, and rewrites the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes on `shop.orders`',
        },
      ],
      { history },
    );
  });

  it('reports a shrinking varchar and a numeric scale change', async () => {
    await expectFindings(
      'changing-column-type',
      'ALTER TABLE users ALTER name TYPE varchar(20), ALTER price TYPE numeric(12, 3);',
      [
        { column: 25, object: 'public.users.name', message: 'from varchar(50) to varchar(20)' },
        { column: 54, object: 'public.users.price', message: 'from numeric(10,2) to numeric(12,3)' },
      ],
      { history },
    );
  });

  it('reports any USING clause, even to a compatible type', async () => {
    await expectFindings(
      'changing-column-type',
      'ALTER TABLE users ALTER bio TYPE text USING trim(bio);',
      [{ object: 'public.users.bio', message: 'rewrites the whole table' }],
      { history },
    );
  });

  it('reports timestamp to timestamptz: values change meaning; no rewrite only under UTC', async () => {
    await expectFindings(
      'changing-column-type',
      'ALTER TABLE users ALTER created TYPE timestamptz;',
      [
        {
          object: 'public.users.created',
          message: 'changes what every stored value means to the running release',
        },
      ],
      { history },
    );
    await expectFindings(
      'changing-column-type',
      'ALTER TABLE users ALTER created TYPE timestamptz;',
      [{ message: 'from timestamp to timestamptz breaks the running release' }],
      { history, postgresVersion: 11 },
    );
  });

  it('reports a column whose old type is unknown', async () => {
    await expectFindings('changing-column-type', 'ALTER TABLE legacy ALTER COLUMN code TYPE text;', [
      {
        object: 'public.legacy.code',
        message: 'Changing `public.legacy.code` to text breaks the running release',
      },
    ]);
  });

  it('ignores binary-coercible widenings and restatements', async () => {
    await expectNoFindings(
      'changing-column-type',
      [
        'ALTER TABLE users ALTER name TYPE varchar(100);',
        'ALTER TABLE users ALTER name TYPE character varying;',
        'ALTER TABLE users ALTER name TYPE text;',
        'ALTER TABLE users ALTER bio TYPE varchar;',
        'ALTER TABLE users ALTER price TYPE numeric(14, 2), ALTER net TYPE inet, ALTER flags TYPE varbit(64);',
        'ALTER TABLE users ALTER price TYPE decimal;',
        'ALTER TABLE users ALTER id TYPE integer;',
        'ALTER TABLE users ALTER created TYPE timestamp(6) without time zone;',
        'ALTER TABLE users ALTER tags TYPE text[];',
      ].join('\n'),
      { history },
    );
  });

  it('ignores a USING clause that only restates the cast (Django, migra, Supabase)', async () => {
    await expectNoFindings(
      'changing-column-type',
      'ALTER TABLE users ALTER COLUMN name TYPE varchar(80) USING name::varchar(80);\nalter table "public"."users" alter column "bio" set data type text using "bio"::text;\nALTER TABLE users ALTER net TYPE inet USING net;',
      { history },
    );
  });

  it('reports a USING clause that converts the values', async () => {
    await expectFindings(
      'changing-column-type',
      "ALTER TABLE users ALTER name TYPE text USING name::text || '!', ALTER bio TYPE varchar(10) USING bio::varchar(10);",
      [
        { object: 'public.users.name', message: 'from varchar(50) to text' },
        { object: 'public.users.bio', message: 'from text to varchar(10)' },
      ],
      { history },
    );
  });

  it('ignores columns and tables created in the same release', async () => {
    await expectNoFindings(
      'changing-column-type',
      'ALTER TABLE users ADD COLUMN n int;\nALTER TABLE users ALTER n TYPE bigint;\nCREATE TABLE t (a int);\nALTER TABLE t ALTER a TYPE text;',
      { history },
    );
  });
});

describe('changing-column-type between enums (the Prisma enum swap)', () => {
  const history = `CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN', 'GUEST');
CREATE TABLE "User" (id bigint PRIMARY KEY, role "Role" NOT NULL DEFAULT 'USER');`;

  it('is breaking when the new enum lacks a value the running release writes, and names it', async () => {
    const sql = `CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN');
ALTER TABLE "User" ALTER COLUMN role TYPE "Role_new" USING (role::text::"Role_new");
ALTER TYPE "Role" RENAME TO "Role_old";
ALTER TYPE "Role_new" RENAME TO "Role";
DROP TYPE "Role_old";`;
    await expectFindings(
      'changing-column-type',
      sql,
      [{ statementLine: 2, breaking: true, object: 'public.User.role', message: "drops the values 'GUEST'" }],
      { history },
    );
  });

  it('is only a blocking warning when the new enum keeps every value', async () => {
    const sql = `ALTER TYPE "Role" RENAME TO "Role_old";
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN', 'GUEST', 'OWNER');
ALTER TABLE "User" ALTER COLUMN role TYPE "Role" USING (role::text::"Role");
DROP TYPE "Role_old";`;
    await expectFindings(
      'changing-column-type',
      sql,
      [
        {
          statementLine: 3,
          breaking: false,
          severity: 'warning',
          lock: 'ACCESS EXCLUSIVE',
          message: 'from enum Role_old to enum Role keeps every value',
        },
      ],
      { history },
    );
  });
});
