import { PGlite } from '@electric-sql/pglite';
import { pg_stat_statements } from '@electric-sql/pglite/contrib/pg_stat_statements';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementsUsing, UsageError, type QueryFn } from '../../src/contract/usage.js';
import { useFreshDatabase } from '../support/database.js';

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('statementsUsing on the real server', () => {
  const db = useFreshDatabase();

  it('says plainly that pg_stat_statements is not installed', async () => {
    const result = await statementsUsing({ url: db().url, drops: ['public.users.full_name'] });
    expect(result).toEqual({
      kind: 'no-extension',
      reason:
        "pg_stat_statements is not installed in this database, so which statements still name the dropped objects is unknown; run CREATE EXTENSION pg_stat_statements (the server also needs shared_preload_libraries = 'pg_stat_statements')",
    });
  });

  it('installed: reads the statements when the server loads it, else says it is not loaded', async () => {
    const url = db().url;
    const preloaded = await withClient(url, async (c) => {
      await c.query('CREATE EXTENSION pg_stat_statements');
      await c.query('CREATE TABLE users (id int, full_name text, full_names text)');
      await c.query('CREATE TABLE orgs (id int, name text)');
      const libs = (await c.query<{ v: string }>("SELECT current_setting('shared_preload_libraries') AS v"))
        .rows[0];
      return /\bpg_stat_statements\b/.test(libs?.v ?? '');
    });
    const result = await statementsUsing({ url, drops: ['public.users.full_name', 'public.orgs'] });
    if (!preloaded) {
      expect(result).toEqual({
        kind: 'no-extension',
        reason:
          "pg_stat_statements is installed but not loaded, so it records nothing; add it to shared_preload_libraries (shared_preload_libraries = 'pg_stat_statements') and restart the server",
      });
      return;
    }
    await withClient(url, async (c) => {
      await c.query('SELECT pg_stat_statements_reset()');
      for (let i = 0; i < 3; i++) await c.query('SELECT full_name FROM users WHERE id = $1', [i]);
      await c.query('SELECT full_names FROM users');
      await c.query('SELECT count(*) FROM orgs');
    });
    const checked = await statementsUsing({ url, drops: ['public.users.full_name', 'public.orgs'] });
    expect(checked.kind).toBe('checked');
    if (checked.kind !== 'checked') return;
    expect(checked.hits.map((h) => [h.query, h.calls, h.object])).toEqual([
      ['SELECT full_name FROM users WHERE id = $1', 3, 'public.users.full_name'],
      ['SELECT count(*) FROM orgs', 1, 'public.orgs'],
    ]);
  });

  it('runs read only, and leaves nothing behind: no open transaction, no connection', async () => {
    const url = db().url;
    const seen: string[] = [];
    const settings =
      "SELECT current_setting('transaction_read_only') AS ro, current_setting('statement_timeout') AS st, current_setting('lock_timeout') AS lt";
    const result = await withClient(url, async (c) => {
      let during: unknown;
      const query: QueryFn = async (sql, params) => {
        seen.push(sql);
        if (sql.includes('pg_extension')) during = (await c.query(settings)).rows[0];
        return (await c.query(sql, params as unknown[] | undefined)).rows;
      };
      const r = await statementsUsing({ url: 'postgres://unused', drops: ['public.users.full_name'], query });
      return { r, during, after: (await c.query(settings)).rows[0] as unknown };
    });
    expect(result.r.kind).toBe('no-extension');
    expect(result.during).toEqual({ ro: 'on', st: '10s', lt: '2s' });
    expect(result.after).toEqual({ ro: 'off', st: '0', lt: '0' });
    expect(seen.slice(0, 3)).toEqual([
      'BEGIN TRANSACTION READ ONLY',
      'SET LOCAL statement_timeout = 10000',
      'SET LOCAL lock_timeout = 2000',
    ]);
    expect(seen[seen.length - 1]).toBe('ROLLBACK');
  });

  it('never shows the URL or its password when it cannot connect', async () => {
    const url = 'postgres://someone:s3cret-Pa55@127.0.0.1:1/app?sslmode=disable';
    const error = await statementsUsing({
      url,
      drops: ['public.users.full_name'],
      connectTimeoutMs: 2000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    const text = (error as Error).message;
    expect(text).toMatch(
      /^cannot connect to the database to read pg_stat_statements: .*; check the database URL \(a secret, not shown\)$/,
    );
    expect(text).not.toContain('s3cret-Pa55');
    expect(text).not.toContain(url);
    expect(text).not.toContain('\n');
  });
});

describe('statementsUsing on PGlite, which loads pg_stat_statements (the checked path, real SQL)', () => {
  let lite: PGlite;
  beforeAll(async () => {
    lite = await PGlite.create({ extensions: { pg_stat_statements } });
    await lite.exec(
      'CREATE EXTENSION pg_stat_statements; CREATE TABLE users (id int, full_name text, full_names text); CREATE TABLE orgs (id int);',
    );
  });
  afterAll(async () => {
    await lite.close();
  });

  it("finds this database's statements naming the dropped objects", async () => {
    for (let i = 0; i < 3; i++) await lite.query('SELECT full_name FROM users WHERE id = $1', [i]);
    await lite.query('SELECT full_names FROM users');
    await lite.query('SELECT count(*) FROM orgs');
    const query: QueryFn = async (sql, params) =>
      (await lite.query<Record<string, unknown>>(sql, params as unknown[])).rows;
    const result = await statementsUsing({
      url: 'unused',
      drops: ['public.users.full_name', 'public.orgs'],
      query,
    });
    expect(result).toEqual({
      kind: 'checked',
      hidden: 0,
      hits: [
        { query: 'SELECT full_name FROM users WHERE id = $1', calls: 3, object: 'public.users.full_name' },
        { query: 'SELECT count(*) FROM orgs', calls: 1, object: 'public.orgs' },
      ],
    });
  });
});

describe('statementsUsing: matching, through an injected query function', () => {
  /** A fake server: the extension is installed in `ext`, pg_stat_statements holds `rows`. */
  function fake(
    rows: Array<{ query: string; calls: number | string }>,
    fail?: unknown,
  ): { query: QueryFn; sql: string[]; params: unknown[][] } {
    const sql: string[] = [];
    const params: unknown[][] = [];
    const query: QueryFn = async (text, p) => {
      sql.push(text);
      if (p) params.push([...p]);
      if (text.includes('pg_extension')) return [{ schema: 'ext' }];
      if (text.includes('pg_stat_statements')) {
        if (fail !== undefined) throw fail;
        return rows;
      }
      return [];
    };
    return { query, sql, params };
  }

  it('finds statements naming a dropped column (with its table) or table, word-bounded, most called first', async () => {
    const server = fake([
      { query: 'SELECT u.full_name FROM users u WHERE u.id = $1', calls: '12' },
      { query: 'UPDATE "users" SET FULL_NAME = $1 WHERE id = $2', calls: 40 },
      { query: 'SELECT full_names, user_full_name FROM users', calls: 99 },
      { query: 'SELECT full_name FROM people', calls: 50 },
      { query: 'SELECT o.id FROM public.orgs o', calls: 7 },
      { query: 'SELECT * FROM orgs_archive', calls: 8 },
      { query: 'ALTER TABLE users DROP COLUMN full_name', calls: 1 },
      { query: '/* migration */ CREATE INDEX ON orgs (id)', calls: 1 },
      { query: '<insufficient privilege>', calls: 300 },
      { query: '<insufficient privilege>', calls: 2 },
      { query: `SELECT full_name\n  FROM users\n  WHERE ${'x = 1 AND '.repeat(40)}true`, calls: 1 },
    ]);
    const result = await statementsUsing({
      url: 'postgres://u:pw@h/db',
      drops: ['public.users.full_name', 'public.orgs', 'trigger t on public.users'],
      query: server.query,
    });
    expect(result).toEqual({
      kind: 'checked',
      hidden: 2,
      hits: [
        {
          query: 'UPDATE "users" SET FULL_NAME = $1 WHERE id = $2',
          calls: 40,
          object: 'public.users.full_name',
        },
        {
          query: 'SELECT u.full_name FROM users u WHERE u.id = $1',
          calls: 12,
          object: 'public.users.full_name',
        },
        { query: 'SELECT o.id FROM public.orgs o', calls: 7, object: 'public.orgs' },
        {
          query: `SELECT full_name FROM users WHERE ${'x = 1 AND '.repeat(40)}true`.slice(0, 200),
          calls: 1,
          object: 'public.users.full_name',
        },
      ],
    });
    // The pg_stat_statements query reads the extension's schema, this database, and pre-filters by name.
    const read = server.sql.find((s) => s.includes('FROM ext.')) ?? '';
    expect(read).toContain(
      'FROM ext.pg_stat_statements WHERE dbid = (SELECT oid FROM pg_catalog.pg_database',
    );
    expect(server.params).toEqual([[['%full\\_name%', '%users%', '%orgs%']]]);
    expect(server.sql[server.sql.length - 1]).toBe('ROLLBACK');
  });

  it('a name that needs quoting matches only as written', async () => {
    const server = fake([
      { query: 'SELECT "FullName" FROM "Users"', calls: 2 },
      { query: 'SELECT fullname FROM users', calls: 3 },
    ]);
    const result = await statementsUsing({
      url: 'x',
      drops: ['public."Users"."FullName"'],
      query: server.query,
    });
    expect(result).toEqual({
      kind: 'checked',
      hidden: 0,
      hits: [{ query: 'SELECT "FullName" FROM "Users"', calls: 2, object: 'public."Users"."FullName"' }],
    });
  });

  it('not loaded (55000), a timeout, and other errors, without the URL', async () => {
    const notLoaded = Object.assign(
      new Error('pg_stat_statements must be loaded via "shared_preload_libraries"'),
      {
        code: '55000',
      },
    );
    expect(
      await statementsUsing({ url: 'x', drops: ['public.t'], query: fake([], notLoaded).query }),
    ).toMatchObject({
      kind: 'no-extension',
      reason: expect.stringContaining('installed but not loaded') as unknown,
    });
    const timeout = Object.assign(new Error('canceling statement due to statement timeout'), {
      code: '57014',
    });
    await expect(
      statementsUsing({ url: 'x', drops: ['public.t'], query: fake([], timeout).query }),
    ).rejects.toThrow('could not read pg_stat_statements: it took longer than the statement timeout');
    const url = 'postgres://me:hunter2@db.internal/app';
    const leak = new Error(`permission denied (while using ${url}, password hunter2)`);
    const error = await statementsUsing({ url, drops: ['public.t'], query: fake([], leak).query }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      'could not read pg_stat_statements: permission denied (while using ***, password ***)',
    );
  });
});
