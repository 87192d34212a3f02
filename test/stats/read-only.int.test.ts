// The statistics connection cannot write, on the real server: every write tried in the read-only session is
// refused by PostgreSQL (SQLSTATE 25006) with a clear message, and nothing is left behind; `stats` and
// `check --stats-database-url` leave no trace either. A URL nobody answers at: exit 2, one line, no secret.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readOnlySession, type ReadOnlyPurpose } from '../../src/db/read-only.js';
import { collectStats, StatsError } from '../../src/stats/collect.js';
import { useFreshDatabase } from '../support/database.js';
import { cli, expectOneLine, freePort, repoDir, sql, tableExists } from './helpers.js';

const db = useFreshDatabase();

/** The purpose collectStats reads with (src/stats/collect.ts), its errors StatsErrors. */
const PURPOSE: ReadOnlyPurpose = {
  what: 'the statistics database',
  applicationName: 'expand-contract stats test (read only)',
  reading: 'reading the table statistics',
  privilegeHint: 'grant the role pg_read_all_stats (or pg_monitor), and USAGE on the schemas',
  error: (message, code) => new StatsError(message, code),
  owns: (e) => e instanceof StatsError,
};

/** What the read-only session refuses `write` with. */
async function refusal(url: string, write: string): Promise<StatsError> {
  const error = await readOnlySession(url, PURPOSE, async (session) => {
    await session.query(write);
    return null;
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StatsError);
  return error as StatsError;
}

/** The user relations, schemas and roles of the database: what a write would change. */
async function catalog(url: string): Promise<string> {
  const rows = await sql<{ what: string }>(
    url,
    `SELECT 'relation ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text AS what
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
     UNION ALL SELECT 'schema ' || nspname FROM pg_namespace
     UNION ALL SELECT 'role ' || rolname FROM pg_roles
     ORDER BY 1`,
  );
  return rows.map((r) => r.what).join('\n');
}

describe('the statistics session cannot write', () => {
  it('CREATE TABLE is refused with SQLSTATE 25006 and a clear message; the table does not exist after', async () => {
    const url = new URL(db().url);
    const e = await refusal(db().url, 'CREATE TABLE written_by_stats (id int)');
    expect(e.code).toBe('25006');
    expect(e.message).toBe(
      `reading the table statistics on ${url.hostname}:${url.port}${url.pathname} failed: cannot execute CREATE TABLE in a read-only transaction; the connection is read only and the statement tried to write`,
    );
    if (url.password) expect(e.message).not.toContain(decodeURIComponent(url.password));
    expect(await tableExists(db().url, 'written_by_stats')).toBe(false);
  });

  it('INSERT, UPDATE, DELETE and nextval are refused; the rows and the sequence are unchanged', async () => {
    await sql(
      db().url,
      `CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v int NOT NULL);
       INSERT INTO t (v) VALUES (1), (2);`,
    );
    for (const [write, verb] of [
      ['INSERT INTO t (v) VALUES (3)', 'INSERT'],
      ['UPDATE t SET v = v + 1', 'UPDATE'],
      ['DELETE FROM t', 'DELETE'],
      ["SELECT nextval(pg_get_serial_sequence('t', 'id'))", 'nextval()'],
    ] as const) {
      const e = await refusal(db().url, write);
      expect(e.code, write).toBe('25006');
      expect(e.message).toContain(`cannot execute ${verb} in a read-only transaction`);
      expect(e.message).toContain('; the connection is read only and the statement tried to write');
    }
    expect(await sql(db().url, 'SELECT id::int, v FROM t ORDER BY id')).toEqual([
      { id: 1, v: 1 },
      { id: 2, v: 2 },
    ]);
  });

  it('the transaction cannot be switched to read-write', async () => {
    const e = await refusal(db().url, 'SET TRANSACTION READ WRITE');
    expect(e.code).toBe('25001');
    expect(e.message).toContain('transaction read-write mode must be set before any query');
  });

  it('a COMMIT inside the session does not open a way to write: the next transaction is read only too', async () => {
    const error = await readOnlySession(db().url, PURPOSE, async (session) => {
      await session.query('COMMIT');
      await session.query('CREATE TABLE escaped_after_commit (id int)');
      return null;
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StatsError);
    expect((error as StatsError).code).toBe('25006');
    expect(await tableExists(db().url, 'escaped_after_commit')).toBe(false);
  });

  it('collectStats and the `stats` command leave no trace: no object, no session, nothing written', async () => {
    await sql(
      db().url,
      `CREATE TABLE t (id bigint PRIMARY KEY, v int); INSERT INTO t SELECT g, g FROM generate_series(1, 100) g;`,
    );
    const before = await catalog(db().url);

    const snapshot = await collectStats(db().url);
    expect(snapshot.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['public.t']);
    const dir = await repoDir({});
    const exported = await cli(['stats', '--database-url', db().url], dir);
    expect(exported.code).toBe(0);

    expect(await catalog(db().url)).toBe(before);
    expect(await tableExists(db().url, 'expand_contract.backfill_progress')).toBe(false);
    // no session left (a closed client's backend ends a moment later)
    const sessions = (): Promise<unknown[]> =>
      sql(
        db().url,
        "SELECT application_name FROM pg_stat_activity WHERE application_name LIKE 'expand-contract%'",
      );
    for (let i = 0; i < 50 && (await sessions()).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await sessions()).toEqual([]);
  });
});

describe('a statistics database that cannot be reached', () => {
  const MIGRATIONS = {
    'db/001_t.sql': 'CREATE TABLE t (id bigint PRIMARY KEY, email text);\n',
    'db/002_idx.sql': 'CREATE INDEX t_email ON t (email);\n',
  };

  async function unreachable(): Promise<{ url: string; display: string; password: string }> {
    const url = new URL(db().url);
    url.port = String(await freePort(url.hostname));
    const password = `S3cret:${randomBytes(6).toString('hex')}`;
    url.password = encodeURIComponent(password);
    return { url: url.toString(), display: `${url.hostname}:${url.port}/${db().name}`, password };
  }

  it('--stats-database-url: exit 2, one line naming host:port/database, the URL and password nowhere', async () => {
    const { url, display, password } = await unreachable();
    const dir = await repoDir(MIGRATIONS);
    const out = await cli(['check', 'db/002_idx.sql', '--stats-database-url', url, '--no-cache'], dir);
    const line = expectOneLine(out, [url, password]);
    expect(line).toMatch(
      new RegExp(
        `^expand-contract: --stats-database-url: cannot connect to the statistics database ${display.replace(/\./g, '\\.')}: `,
      ),
    );
    expect(line).toContain('check the host and port in the URL');
  });

  it('$EXPAND_CONTRACT_STATS_DATABASE_URL and `stats --database-url`: the same one line', async () => {
    const { url, display, password } = await unreachable();
    const dir = await repoDir(MIGRATIONS);
    const fromEnv = await cli(['plan', 'db/002_idx.sql', '--no-cache', '--no-prove'], dir, {
      EXPAND_CONTRACT_STATS_DATABASE_URL: url,
    });
    expect(expectOneLine(fromEnv, [url, password])).toContain(
      `expand-contract: $EXPAND_CONTRACT_STATS_DATABASE_URL: cannot connect to the statistics database ${display}: `,
    );
    const stats = await cli(['stats', '--database-url', url], dir);
    expect(expectOneLine(stats, [url, password])).toContain(
      `expand-contract: cannot connect to the statistics database ${display}: `,
    );
  });
});
