// The shadow-database backend against a real server: TEST_DATABASE_URL, else the local server when it
// answers; skipped when none does. The URL checks need no server.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseError, ShadowUrlError, SqlError } from '../../src/db/database.js';
import { checkShadowUrl, openShadow } from '../../src/db/shadow.js';

const URL_UNDER_TEST = process.env['TEST_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const server = await answers(URL_UNDER_TEST);

describe('checkShadowUrl', () => {
  it('accepts postgres:// and postgresql:// server URLs, hiding the password in what it shows', () => {
    expect(checkShadowUrl('postgres://u:secret@db.example:5433/postgres').display).toBe(
      'postgres://u:***@db.example:5433/postgres',
    );
    expect(
      checkShadowUrl('postgresql:///postgres?host=/var/run/postgresql').url.searchParams.get('host'),
    ).toBe('/var/run/postgresql');
  });

  it.each([
    ['not a url', /is not a URL/],
    ['file:///tmp/db.sqlite', /is not a PostgreSQL server connection/],
    ['memory://', /is not a PostgreSQL server connection/],
    ['mysql://root@localhost/app', /is not a PostgreSQL server connection/],
    ['postgres:///postgres', /names no server host/],
    ['postgres://u:pw@localhost/expand_contract_0123456789ab', /points at a scratch database/],
  ])('refuses %s', (url, message) => {
    expect(() => checkShadowUrl(url)).toThrow(ShadowUrlError);
    expect(() => checkShadowUrl(url)).toThrow(message);
  });

  it('never repeats a password in its messages', () => {
    expect(() => checkShadowUrl('mysql://root:hunter2@localhost/app')).toThrow(
      /mysql:\/\/root:\*\*\*@localhost\/app/,
    );
  });
});

describe.skipIf(!server)(`openShadow on ${URL_UNDER_TEST.replace(/:[^:@/]*@/, ':***@')}`, () => {
  const admin = new pg.Client({ connectionString: URL_UNDER_TEST });
  // Other test runs create and drop their own databases (ec_test_*) on the same server meanwhile.
  const databases = async (): Promise<string[]> =>
    (
      await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname NOT LIKE 'ec\\_test\\_%' ORDER BY 1",
      )
    ).rows.map((r) => r.datname);
  const ownSchema = async (): Promise<string> =>
    JSON.stringify(
      (
        await admin.query(
          "SELECT relname, relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1",
        )
      ).rows,
    );

  beforeAll(async () => {
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
  });

  it('creates a scratch database, works only there, and drops it on close', async () => {
    const before = await databases();
    const beforeSchema = await ownSchema();
    const db = await openShadow(URL_UNDER_TEST);
    const name = db.name;
    try {
      expect(name).toMatch(/^expand_contract_[0-9a-f]{12}$/);
      expect(db.description).toMatch(new RegExp(`^shadow database ${name} on `));
      expect(await databases()).toEqual([...before, name].sort());
      await db.exec('CREATE TABLE shadow_probe (id int); INSERT INTO shadow_probe VALUES (1), (2);');
      const [row] = await db.query<{ db: string; n: number }>(
        'SELECT current_database() AS db, count(*)::int AS n FROM shadow_probe WHERE id >= $1',
        [1],
      );
      expect(row).toEqual({ db: name, n: 2 });
      expect(db.serverVersion).toBeGreaterThanOrEqual(120000);
    } finally {
      await db.close();
    }
    await db.close();
    expect(await databases()).toEqual(before);
    expect(await databases()).not.toContain(name);
    // The database in the URL is left as it was: the probe table went to the scratch database.
    expect(await ownSchema()).toBe(beforeSchema);
  });

  it('runs transactions, and reports SQL errors with their SQLSTATE', async () => {
    const db = await openShadow(URL_UNDER_TEST);
    try {
      await db.exec('CREATE TABLE t (id int PRIMARY KEY)');
      const err = await db
        .transaction(async (tx) => {
          await tx.exec('INSERT INTO t VALUES (1)');
          await tx.exec('INSERT INTO t VALUES (1)');
        })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SqlError);
      expect(err).toMatchObject({ code: '23505' });
      await db.transaction((tx) => tx.exec('INSERT INTO t VALUES (2)'));
      expect(await db.query<{ id: number }>('SELECT id FROM t')).toEqual([{ id: 2 }]);
      const bad = await db.exec('SELECT nope FROM t').catch((e: unknown) => e);
      expect(bad).toMatchObject({ name: 'SqlError', code: '42703', position: 8 });
    } finally {
      await db.close();
    }
    await expect(db.exec('SELECT 1')).rejects.toBeInstanceOf(DatabaseError);
  });

  it('says clearly when the server does not answer', async () => {
    const url = new URL(URL_UNDER_TEST);
    url.port = '1';
    url.hostname = '127.0.0.1';
    await expect(openShadow(url.href, { connectTimeoutMs: 1000 })).rejects.toThrow(
      /^cannot connect to the shadow database server postgres:\/\/.*127\.0\.0\.1:1\/.*ECONNREFUSED/,
    );
  });
});
