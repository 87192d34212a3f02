import { describe, it } from 'vitest';
import * as tester from '../helpers/rule-tester.js';

// A goose file with `-- +goose NO TRANSACTION`: known to run statement by statement.
const goose = { framework: 'goose' } as const;
const expectFindings = (
  rule: string,
  sql: string,
  expected: tester.Expected[],
  opts: tester.RunOptions = {},
) => tester.expectFindings(rule, sql, expected, { ...goose, ...opts });
const expectNoFindings = (rule: string, sql: string, opts: tester.RunOptions = {}) =>
  tester.expectNoFindings(rule, sql, { ...goose, ...opts });

const history =
  "CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy text, CONSTRAINT users_email_check CHECK (email <> ''));";

describe('prefer-robust-stmts', () => {
  it('in a plain .sql file, whose way of running is unknown, reports only CREATE INDEX CONCURRENTLY', async () => {
    const sql =
      'CREATE TABLE orders (id bigint);\nCREATE INDEX CONCURRENTLY orders_id ON orders (id);\nSELECT 1;';
    await tester.expectFindings('prefer-robust-stmts', sql, [
      { line: 2, message: 'DROP INDEX CONCURRENTLY IF EXISTS' },
    ]);
    await expectFindings('prefer-robust-stmts', sql, [{ line: 1 }, { line: 2 }]);
  });

  it('reports a CREATE TABLE that a later statement of the file can leave applied, not the last statement', async () => {
    await expectFindings(
      'prefer-robust-stmts',
      'CREATE TABLE orders (id bigint);\nCREATE INDEX orders_id ON orders (id);',
      [
        {
          line: 1,
          column: 1,
          object: 'public.orders',
          severity: 'notice',
          breaking: false,
          lock: null,
          message: 'write `CREATE TABLE IF NOT EXISTS`',
        },
      ],
    );
  });

  it('reports sequences, schemas and extensions', async () => {
    await expectFindings(
      'prefer-robust-stmts',
      'CREATE SCHEMA billing;\nCREATE SEQUENCE billing.invoice_no;\nCREATE EXTENSION pgcrypto;\nSELECT 1;',
      [
        { line: 1, object: 'billing', message: '`CREATE SCHEMA` commits on its own' },
        { line: 2, object: 'billing.invoice_no', message: 'write `CREATE SEQUENCE IF NOT EXISTS`' },
        { line: 3, object: 'pgcrypto', message: 'write `CREATE EXTENSION IF NOT EXISTS`' },
      ],
    );
  });

  it('reports each ADD COLUMN, DROP COLUMN and DROP CONSTRAINT clause', async () => {
    await expectFindings(
      'prefer-robust-stmts',
      'ALTER TABLE users\n  ADD COLUMN "Nick" text,\n  DROP COLUMN legacy,\n  DROP CONSTRAINT users_email_check;\nCREATE TABLE IF NOT EXISTS t (a int);',
      [
        {
          line: 1,
          column: 1,
          object: 'public.users.legacy',
          message: 'write `DROP COLUMN IF EXISTS legacy`',
        },
        {
          line: 1,
          column: 1,
          object: 'public.users.users_email_check',
          message: 'write `DROP CONSTRAINT IF EXISTS users_email_check`',
        },
        {
          line: 2,
          column: 14,
          object: 'public.users.Nick',
          message: 'write `ADD COLUMN IF NOT EXISTS "Nick"`',
        },
      ],
      { history },
    );
  });

  it('reports DROP statements without IF EXISTS', async () => {
    await expectFindings(
      'prefer-robust-stmts',
      'DROP TABLE old_sessions;\nDROP INDEX CONCURRENTLY users_email_idx;\nDROP TYPE mood;\nCREATE TABLE IF NOT EXISTS t (a int);',
      [
        { line: 1, object: 'public.old_sessions', message: '`DROP TABLE` commits on its own' },
        { line: 2, object: 'public.users_email_idx', message: 'write `DROP INDEX CONCURRENTLY IF EXISTS`' },
        { line: 3, object: 'public.mood', message: 'write `DROP TYPE IF EXISTS`' },
      ],
    );
  });

  it('reports a concurrent index build even alone: a failed build leaves an invalid index', async () => {
    await expectFindings(
      'prefer-robust-stmts',
      'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
      [
        {
          line: 1,
          column: 1,
          object: 'public.users_email_idx',
          message: 'put `DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;` before this statement',
        },
      ],
    );
  });

  it('reports that IF NOT EXISTS on a concurrent build keeps an invalid index', async () => {
    await expectFindings(
      'prefer-robust-stmts',
      'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS email_key ON app.users (email);',
      [
        {
          line: 1,
          object: 'app.email_key',
          message:
            '`IF NOT EXISTS` silently keeps that unusable index; put `DROP INDEX CONCURRENTLY IF EXISTS app.email_key;`',
        },
      ],
    );
  });

  it('accepts a concurrent build preceded by DROP INDEX CONCURRENTLY IF EXISTS', async () => {
    await expectNoFindings(
      'prefer-robust-stmts',
      'DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
    );
  });

  it('reports an unnamed index, which a re-run builds twice', async () => {
    await expectFindings('prefer-robust-stmts', 'CREATE INDEX CONCURRENTLY ON users (email);', [
      { line: 1, object: 'public.users', message: 'builds a second index on `public.users`' },
    ]);
  });

  it('reports statements of an explicit transaction that later work in the file follows', async () => {
    await expectFindings(
      'prefer-robust-stmts',
      'BEGIN;\nCREATE TABLE orders (id bigint);\nCOMMIT;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS orders_id ON orders (id);',
      [
        { line: 2, object: 'public.orders', message: 'write `CREATE TABLE IF NOT EXISTS`' },
        { line: 4, object: 'public.orders_id' },
      ],
    );
  });

  it('accepts a lone statement: if it fails, nothing was applied', async () => {
    await expectNoFindings('prefer-robust-stmts', 'CREATE TABLE orders (id bigint);\nSET lock_timeout = 0;');
  });

  it('accepts files that run in one transaction', async () => {
    const sql = 'CREATE TABLE orders (id bigint);\nCREATE INDEX orders_id ON orders (id);\nDROP TABLE old;';
    await expectNoFindings('prefer-robust-stmts', sql, { transactional: true });
    await expectNoFindings('prefer-robust-stmts', `BEGIN;\n${sql}\nCOMMIT;`);
  });

  it('accepts robust forms, temporary tables and DO blocks', async () => {
    await expectNoFindings(
      'prefer-robust-stmts',
      [
        'CREATE TABLE IF NOT EXISTS orders (id bigint);',
        'CREATE TEMP TABLE scratch (id bigint);',
        'CREATE INDEX IF NOT EXISTS orders_id ON orders (id);',
        'ALTER TABLE orders ADD COLUMN IF NOT EXISTS total int, DROP COLUMN IF EXISTS legacy;',
        'DROP TABLE IF EXISTS old_sessions;',
        'DO $$ BEGIN CREATE TABLE audit (id bigint); END $$;',
        'CREATE SCHEMA IF NOT EXISTS billing;',
      ].join('\n'),
    );
  });
});
