// Replaying history on PGlite: the schema read back from pg_catalog agrees with the static model,
// failures name the file and line, and what PGlite lacks fails cleanly. One PGlite for the file.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PgCatalog, readCatalogSnapshot } from '../../src/catalog/pg-catalog.js';
import { snapshotMaps } from '../../src/catalog/replay-seed.js';
import {
  historyExtensions,
  replayHistory,
  replayNotice,
  type ReplayFailure,
} from '../../src/catalog/replay.js';
import { openPglite, type PgliteDatabase } from '../../src/db/pglite.js';
import { qualify } from '../../src/parse/ast.js';
import { loadParser, parseFile } from '../../src/parse/index.js';
import { comparable, HISTORY, migration, staticMaps } from '../db/history.js';

let db: PgliteDatabase;

beforeAll(async () => {
  await loadParser();
  db = await openPglite({ extensions: historyExtensions(HISTORY) });
}, 60_000);

afterAll(async () => {
  await db?.close();
});

/** Back to an empty database between histories (cheaper than a new PGlite). */
beforeEach(async () => {
  const schemas = await db.query<{ nspname: string }>(
    "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'",
  );
  for (const { nspname } of schemas) await db.exec(`DROP SCHEMA "${nspname}" CASCADE`);
  await db.exec('CREATE SCHEMA public');
});

describe('replayHistory on PGlite', () => {
  it('replays a realistic history and reads back what the static model builds from it', async () => {
    const result = await replayHistory(HISTORY, db);
    expect(result).toMatchObject({ ok: true, replayed: 5, skipped: [] });
    const replayed = snapshotMaps(await readCatalogSnapshot(db));
    const fromStatic = staticMaps(HISTORY);
    expect(comparable(replayed, fromStatic)).toEqual(comparable(fromStatic, fromStatic));

    // What only the database knows: indexes behind constraints, sequences behind serial and identity.
    const extraIndexes = [...replayed.indexes.keys()].filter((k) => !fromStatic.indexes.has(k)).sort();
    expect(extraIndexes).toEqual([
      'billing.invoices_pkey',
      'public.audit_log_pkey',
      'public.orders_pkey',
      'public.users_email_key',
      'public.users_pkey',
    ]);
    const extraSequences = [...replayed.sequences.keys()].filter((k) => !fromStatic.sequences.has(k)).sort();
    expect(extraSequences).toEqual([
      'public.audit_log_id_seq',
      'public.orders_id_seq',
      'public.users_id_seq',
    ]);
  });

  it('reads types, defaults, constraints and indexes the way the rules expect them', async () => {
    expect(await replayHistory(HISTORY, db)).toMatchObject({ ok: true });
    const catalog = await PgCatalog.read(db);
    const users = qualify('users');
    const purchases = qualify('purchases');
    expect(catalog.column(users, 'full_name')?.type).toEqual({
      name: 'varchar',
      schema: null,
      mods: [200],
      arrayDims: 0,
      display: 'varchar(200)',
    });
    expect(catalog.column(users, 'name')).toBeUndefined();
    expect(catalog.column(users, 'country')).toBeUndefined();
    expect(catalog.column(users, 'tags')).toMatchObject({
      type: { name: 'text', arrayDims: 1, display: 'text[]' },
      notNull: true,
      default: "'{}'::text[]",
    });
    expect(catalog.column(users, 'id')).toMatchObject({
      type: { name: 'int8' },
      default: "nextval('users_id_seq'::regclass)",
      identity: false,
    });
    expect(catalog.column(users, 'state')).toMatchObject({ notNull: true, default: "'active'::text" });
    expect(catalog.column(purchases, 'id')).toMatchObject({ identity: true, notNull: true, default: null });
    expect(catalog.column(purchases, 'total_cents')).toMatchObject({ generated: 'stored', default: null });
    expect(catalog.column(purchases, 'placed_at')?.type).toMatchObject({ name: 'timestamp', mods: [3] });
    expect(catalog.column(purchases, 'status')?.type).toMatchObject({ name: 'order_status', schema: null });
    expect(catalog.relation(purchases)?.constraints.get('orders_total_positive')).toMatchObject({
      kind: 'check',
      validated: false,
      columns: ['total'],
    });
    expect(
      catalog.relation(qualify('invoices', 'billing'))?.constraints.get('invoices_order_fk'),
    ).toMatchObject({
      kind: 'foreign key',
      validated: true,
      columns: ['order_id'],
    });
    expect(catalog.type(qualify('order_status'))?.values).toEqual([
      'draft',
      'pending',
      'paid',
      'shipped',
      'refunded',
    ]);
    expect(catalog.type(qualify('email_address'))?.kind).toBe('domain');
    expect(catalog.index(qualify('orders_placed_at_idx'))).toMatchObject({
      table: 'public.purchases',
      columns: ['placed_at'],
      unique: false,
    });
    expect(catalog.index(qualify('users_lower_email_idx'))).toMatchObject({ unique: true, columns: [] });
    expect(
      catalog
        .indexesOn(purchases)
        .map((i) => i.name)
        .sort(),
    ).toEqual(['orders_pkey', 'orders_placed_at_idx', 'orders_user_id_idx']);
    expect(catalog.relation(qualify('events_2024'))).toMatchObject({
      kind: 'table',
      partitionOf: 'public.events',
    });
    expect(catalog.relation(qualify('active_users'))?.kind).toBe('view');
    expect(catalog.relation(qualify('order_totals'))?.kind).toBe('materialized view');
    expect(catalog.sequence(qualify('invoice_numbers', 'billing'))).toBeDefined();
    expect(catalog.schemaExists('billing')).toBe(true);
    expect(
      catalog.isNewRelation(users) || catalog.isNewColumn(users, 'id') || catalog.isNewSchema('billing'),
    ).toBe(false);
  });

  it('seeds a static model the engine can carry on from', async () => {
    expect(await replayHistory(HISTORY, db)).toMatchObject({ ok: true });
    const pg = await PgCatalog.read(db);
    const seeded = pg.toStatic();
    seeded.beginRelease(1);
    const change = migration(
      '002.sql',
      'ALTER TABLE users ADD COLUMN nickname text; CREATE TABLE tags (id int);',
    );
    for (const s of parseFile(change).statements) seeded.apply(s);
    const users = qualify('users');
    expect(seeded.isNewRelation(users)).toBe(false);
    expect(seeded.isNewColumn(users, 'email')).toBe(false);
    expect(seeded.isNewColumn(users, 'nickname')).toBe(true);
    expect(seeded.isNewRelation(qualify('tags'))).toBe(true);
    expect(seeded.column(users, 'full_name')?.origin).toBe(-1);
    expect(seeded.type(qualify('order_status'))?.values).toHaveLength(5);
    // The replayed catalog itself is untouched by what the seeded one applied.
    expect(pg.column(users, 'nickname')).toBeUndefined();
  });

  it('stops at the first failing statement and names the file, the line and the message', async () => {
    const history = [
      migration('migrations/001_a.sql', 'CREATE TABLE a (id int);\n', { transactional: true }),
      migration(
        'migrations/002_b.sql',
        "-- seed b\nCREATE TABLE b (id int);\n\nINSERT INTO b VALUES\n  (1),\n  ('x');\nCREATE TABLE c (id int);\n",
        { transactional: true },
      ),
      migration('migrations/003_c.sql', 'CREATE TABLE d (id int);\n'),
    ];
    const result = await replayHistory(history, db);
    expect(result).toEqual({
      ok: false,
      file: 'migrations/002_b.sql',
      line: 6,
      statement: "INSERT INTO b VALUES\n  (1),\n  ('x')",
      message: 'invalid input syntax for type integer: "x"',
      code: '22P02',
      replayed: 1,
    });
    // The framework's transaction was rolled back: nothing of 002 remains, 001 does.
    const tables = await db.query<{ relname: string }>(
      "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 1",
    );
    expect(tables.map((t) => t.relname)).toEqual(['a']);
    expect(replayNotice(result as ReplayFailure, 'PGlite')).toBe(
      'Could not replay the migration history on PGlite: migrations/002_b.sql:6 (INSERT INTO b VALUES...) failed: ' +
        'invalid input syntax for type integer: "x". Using the static schema model instead (it reads the ' +
        'migrations without running them).',
    );
  });

  it("reports a deferred constraint that fails at the framework's COMMIT", async () => {
    const result = await replayHistory(
      [
        migration(
          '001.sql',
          'CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE c (p int REFERENCES p DEFERRABLE INITIALLY DEFERRED);\nINSERT INTO c VALUES (1);\n',
          { transactional: true },
        ),
      ],
      db,
    );
    expect(result).toMatchObject({ ok: false, file: '001.sql', line: 3, statement: 'COMMIT', code: '23503' });
  });

  it('reports a syntax error at its line, after running what precedes it', async () => {
    const result = await replayHistory(
      [
        migration(
          'V2__bad.sql',
          'CREATE TABLE kept (id int);\nCREATE TABLE oops (;\nCREATE TABLE never (id int);\n',
        ),
      ],
      db,
    );
    expect(result).toMatchObject({
      ok: false,
      file: 'V2__bad.sql',
      line: 2,
      statement: 'CREATE TABLE oops (;',
    });
    expect((result as ReplayFailure).message).toMatch(/syntax error/);
    const tables = await db.query<{ relname: string }>(
      "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 1",
    );
    expect(tables.map((t) => t.relname)).toEqual(['kept']);
  });

  it('fails cleanly on an extension PGlite does not ship', async () => {
    const history = [
      migration('001_gis.sql', 'CREATE TABLE t (id int);\nCREATE EXTENSION IF NOT EXISTS postgis;\n'),
    ];
    expect(historyExtensions(history)).toEqual(['postgis']);
    const result = await replayHistory(history, db);
    expect(result).toMatchObject({
      ok: false,
      file: '001_gis.sql',
      line: 2,
      statement: 'CREATE EXTENSION IF NOT EXISTS postgis',
      message: 'extension "postgis" is not available',
      code: '0A000',
    });
    expect(replayNotice(result as ReplayFailure, 'PGlite')).toContain(
      'PGlite ships only PostgreSQL contrib extensions; give a shadow database URL to replay on a real server.',
    );
  });

  it('skips statements that reach beyond the database, creates the roles grants need, runs DO blocks', async () => {
    const history = [
      migration(
        'init.sql',
        `CREATE DATABASE other;
CREATE TABLE t (id int);
VACUUM t;
CREATE ROLE app_writer;
GRANT INSERT ON t TO app_writer, anon;
ALTER TABLE t OWNER TO app_owner;
DO $$ BEGIN EXECUTE 'CREATE TABLE made_in_do (id int)'; END $$;
GRANT CONNECT ON DATABASE app TO app_writer;
COMMENT ON DATABASE app IS 'ours';
COPY t FROM STDIN;
`,
        { framework: 'sqitch' },
      ),
    ];
    const result = await replayHistory(history, db);
    expect(result).toMatchObject({
      ok: true,
      statements: 5,
      skipped: [
        { file: 'init.sql', line: 1, kind: 'CreatedbStmt', reason: 'acts on another database' },
        { file: 'init.sql', line: 3, kind: 'VacuumStmt', reason: 'does not change the schema' },
        { file: 'init.sql', line: 8, kind: 'GrantStmt', reason: 'acts on a database, not on the schema' },
        { file: 'init.sql', line: 9, kind: 'CommentStmt', reason: 'acts on a database, not on the schema' },
        { file: 'init.sql', line: 10, kind: 'CopyStmt', reason: 'reads or writes files or a client stream' },
      ],
    });
    const roles = await db.query<{ rolname: string }>(
      "SELECT rolname FROM pg_roles WHERE rolname IN ('app_writer', 'anon', 'app_owner') ORDER BY 1",
    );
    expect(roles.map((r) => r.rolname)).toEqual(['anon', 'app_owner', 'app_writer']);
    const catalog = await PgCatalog.read(db);
    expect(catalog.relation(qualify('made_in_do'))).toBeDefined();
    // Sqitch's registry schema exists in a database sqitch deployed to; scripts grant on it.
    expect(catalog.schemaExists('sqitch')).toBe(true);
  });

  it('finds the extensions a history creates, DO blocks included', () => {
    expect(historyExtensions(HISTORY)).toEqual(['citext']);
    expect(
      historyExtensions([
        migration(
          'x.sql',
          'CREATE EXTENSION pgcrypto;\nDO $$ BEGIN CREATE EXTENSION IF NOT EXISTS "uuid-ossp"; END $$;',
        ),
      ]),
    ).toEqual(['pgcrypto', 'uuid-ossp']);
  });
});
