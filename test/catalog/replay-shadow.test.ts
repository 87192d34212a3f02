// The same history replayed on a shadow database (a real server: TEST_DATABASE_URL, else the local one
// when it answers) reads back as on PGlite and as the static model says: the backends agree.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogSnapshot } from '../../src/catalog/pg-catalog.js';
import { openHistory } from '../../src/catalog/replay-history.js';
import { snapshotMaps, type CatalogSnapshot } from '../../src/catalog/replay-seed.js';
import { replayHistory } from '../../src/catalog/replay.js';
import { openShadow, type ShadowDatabase } from '../../src/db/shadow.js';
import { loadParser } from '../../src/parse/index.js';
import { comparable, HISTORY, migration, staticMaps } from '../db/history.js';

const URL_UNDER_TEST = process.env['TEST_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    // The history needs citext, a contrib extension most server packages include.
    const { rows } = await client.query("SELECT 1 FROM pg_available_extensions WHERE name = 'citext'");
    return rows.length === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const server = await answers(URL_UNDER_TEST);

describe.skipIf(!server)('replayHistory on a shadow database', () => {
  let shadow: ShadowDatabase;
  let fromShadow: CatalogSnapshot;

  beforeAll(async () => {
    await loadParser();
    shadow = await openShadow(URL_UNDER_TEST);
  });
  afterAll(async () => {
    await shadow?.close();
  });

  it('reads back what the static model builds, and what PGlite reads', async () => {
    const result = await replayHistory(HISTORY, shadow);
    // The server has no role `reporting` and roles are server-wide: the GRANT is skipped, not the replay.
    expect(result).toMatchObject({
      ok: true,
      replayed: 5,
      skipped: [
        {
          file: 'db/migrations/005_events.up.sql',
          line: 8,
          kind: 'GrantStmt',
          reason: 'names the role "reporting", which the server does not have (privileges are not modelled)',
        },
      ],
    });
    fromShadow = await readCatalogSnapshot(shadow);
    const fromStatic = staticMaps(HISTORY);
    expect(comparable(snapshotMaps(fromShadow), fromStatic)).toEqual(comparable(fromStatic, fromStatic));

    const pglite = await openHistory(HISTORY);
    try {
      expect(pglite.ok).toBe(true);
      if (pglite.ok) expect(fromShadow).toEqual(pglite.catalog.snapshot);
    } finally {
      if (pglite.ok) await pglite.db.close();
    }
  }, 60_000);

  it('reports a failure with the same file, line and message as on PGlite', async () => {
    const history = [
      migration('007_bad.sql', 'CREATE TABLE ok_table (id int);\nALTER TABLE missing ADD COLUMN x int;\n'),
    ];
    expect(await replayHistory(history, shadow)).toEqual({
      ok: false,
      file: '007_bad.sql',
      line: 2,
      statement: 'ALTER TABLE missing ADD COLUMN x int',
      message: 'relation "missing" does not exist',
      code: '42P01',
      replayed: 0,
    });
  });

  it('leaves roles and other databases of the server alone', async () => {
    const role = `ec_replay_probe_${process.pid}`;
    const history = [
      migration(
        '008_roles.sql',
        `CREATE ROLE ${role};\nGRANT CONNECT ON DATABASE test TO ${role};\nCREATE TABLE r (id int);\n` +
          `GRANT SELECT ON r TO ${role};\nALTER TABLE r OWNER TO ${role};\nDROP DATABASE test;\n`,
      ),
    ];
    const result = await replayHistory(history, shadow);
    expect(result).toMatchObject({ ok: true, statements: 1 });
    expect(result.ok && result.skipped.map((s) => [s.line, s.reason])).toEqual([
      [1, 'acts on server-wide roles'],
      [2, 'acts on a database, not on the schema'],
      [4, `names the role "${role}", which the server does not have (privileges are not modelled)`],
      [5, `names the role "${role}", which the server does not have (privileges are not modelled)`],
      [6, 'acts on another database'],
    ]);
    expect(await shadow.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).toEqual([]);
    expect(await shadow.query("SELECT 1 FROM pg_database WHERE datname = 'test'")).toHaveLength(1);
  });

  it('opens a history on the shadow server through openHistory and drops the scratch database', async () => {
    const outcome = await openHistory([migration('001.sql', 'CREATE TABLE t (id int PRIMARY KEY);')], {
      shadowDatabaseUrl: URL_UNDER_TEST,
    });
    expect(outcome).toMatchObject({ ok: true, source: 'replay' });
    if (!outcome.ok) return;
    const name = (outcome.db as ShadowDatabase).name;
    try {
      expect(outcome.catalog.relation({ schema: 'public', name: 't', key: 'public.t' })).toBeDefined();
    } finally {
      await outcome.db.close();
    }
    const admin = new pg.Client({ connectionString: URL_UNDER_TEST });
    await admin.connect();
    try {
      const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      expect(rows).toEqual([]);
    } finally {
      await admin.end();
    }
  });
});
