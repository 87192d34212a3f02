// The database source on a real PostgreSQL: each framework's history table as the tool itself creates it
// (DDL copied from the tools' sources, see src/contract/deploy-age/database.ts), rows as the tool writes
// them, and the answers read back through the read-only transaction.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  databaseDeployTime,
  databaseEvidence,
  DeployAgeError,
  drizzleJournalWhen,
  readOnly,
} from '../../src/contract/deploy-age/database.js';
import { testDatabase, useFreshDatabase } from '../support/database.js';
import { Sessions } from '../support/sessions.js';

const db = useFreshDatabase();
const sessions = new Sessions(() => db().url);
afterEach(() => sessions.closeAll());

async function setup(sql: string, params: unknown[] = []): Promise<void> {
  const client = await sessions.connect('setup');
  await client.query(sql, params);
}

// prisma/prisma-engines: schema-engine/connectors/sql-schema-connector/src/flavour/postgres.rs
const PRISMA_DDL = (schema = 'public') => `
CREATE TABLE ${schema}._prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

// flyway/flyway: flyway-database-postgresql/.../PostgreSQLDatabase.java, getRawCreateScript (no tablespace)
const FLYWAY_DDL = `
CREATE TABLE "public"."flyway_schema_history" (
    "installed_rank" INT NOT NULL,
    "version" VARCHAR(50),
    "description" VARCHAR(200) NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "script" VARCHAR(1000) NOT NULL,
    "checksum" INTEGER,
    "installed_by" VARCHAR(100) NOT NULL,
    "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
    "execution_time" INTEGER NOT NULL,
    "success" BOOLEAN NOT NULL
);
ALTER TABLE "public"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
CREATE INDEX "flyway_schema_history_s_idx" ON "public"."flyway_schema_history" ("success");`;

// pressly/goose: internal/dialect/dialectquery/postgres.go, CreateTable; goose then records version 0.
const GOOSE_DDL = `
CREATE TABLE goose_db_version (
		id serial NOT NULL,
		version_id bigint NOT NULL,
		is_applied boolean NOT NULL,
		tstamp timestamp NULL default now(),
		PRIMARY KEY(id)
	);
INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true);`;

// sqitchers/sqitch: lib/App/Sqitch/Engine/pg.sql with registry "sqitch" (the two tables a change needs).
const SQITCH_DDL = `
CREATE SCHEMA sqitch;
CREATE TABLE sqitch.projects (
    project         TEXT        PRIMARY KEY,
    uri             TEXT            NULL UNIQUE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    creator_name    TEXT        NOT NULL,
    creator_email   TEXT        NOT NULL
);
CREATE TABLE sqitch.changes (
    change_id       TEXT        PRIMARY KEY,
    script_hash     TEXT            NULL,
    change          TEXT        NOT NULL,
    project         TEXT        NOT NULL REFERENCES sqitch.projects(project) ON UPDATE CASCADE,
    note            TEXT        NOT NULL DEFAULT '',
    committed_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    committer_name  TEXT        NOT NULL,
    committer_email TEXT        NOT NULL,
    planned_at      TIMESTAMPTZ NOT NULL,
    planner_name    TEXT        NOT NULL,
    planner_email   TEXT        NOT NULL,
    UNIQUE(project, script_hash)
);
INSERT INTO sqitch.projects (project, creator_name, creator_email) VALUES ('shop', 'Ann', 'ann@example.com');`;

// drizzle-team/drizzle-orm: drizzle-orm/src/pg-core/dialect.ts, migrate (before 1.0)
const DRIZZLE_DDL = `
CREATE SCHEMA IF NOT EXISTS "drizzle";
CREATE TABLE IF NOT EXISTS "drizzle"."__drizzle_migrations" (
				id SERIAL PRIMARY KEY,
				hash text NOT NULL,
				created_at bigint
			);`;

// drizzle-orm 1.0: src/up-migrations/pg.ts, upgrade of the table from version 0 to 1
const DRIZZLE_V1_UPGRADE = `
ALTER TABLE "drizzle"."__drizzle_migrations" ADD COLUMN IF NOT EXISTS "name" text;
ALTER TABLE "drizzle"."__drizzle_migrations" ADD COLUMN IF NOT EXISTS "applied_at" timestamp with time zone DEFAULT now();
ALTER TABLE "drizzle"."__drizzle_migrations" ADD COLUMN IF NOT EXISTS "version" integer;
UPDATE "drizzle"."__drizzle_migrations" SET version = 1, applied_at = NULL;`;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('databaseDeployTime: Prisma', () => {
  const migration = { path: 'prisma/migrations/20240301000000_expand_users/migration.sql' };

  it('reads finished_at of the finished row, ignoring a failed attempt that was rolled back', async () => {
    await setup(PRISMA_DDL());
    await setup(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, rolled_back_at, applied_steps_count) VALUES
        ('a', 'x', '20240301000000_expand_users', '2024-03-01T10:00:00Z', NULL, '2024-03-01T10:05:00Z', 0),
        ('b', 'x', '20240301000000_expand_users', '2024-03-01T11:00:00Z', '2024-03-01T11:00:02.5Z', NULL, 1),
        ('c', 'x', '20240201000000_init', '2024-02-01T11:00:00Z', '2024-02-01T11:00:01Z', NULL, 1)`,
    );
    const result = await databaseDeployTime({ url: db().url, framework: 'prisma', migration });
    expect(result).toEqual({
      kind: 'applied',
      appliedAt: '2024-03-01T11:00:02.500Z',
      table: '_prisma_migrations',
      row: 'migration_name 20240301000000_expand_users (id b), finished_at 2024-03-01T11:00:02.500Z',
    });
    const evidence = databaseEvidence(result, new Date('2024-03-11T11:00:02.500Z'));
    expect(evidence).toMatchObject({
      source: 'database',
      at: '2024-03-01T11:00:02.500Z',
      ageDays: 10,
      weak: false,
    });
  });

  it('says not applied for a failed run, and no-table when Prisma never ran', async () => {
    expect(await databaseDeployTime({ url: db().url, framework: 'prisma', migration })).toEqual({
      kind: 'no-table',
      table: 'public._prisma_migrations',
    });
    await setup(PRISMA_DDL());
    await setup(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, logs)
       VALUES ('a', 'x', '20240301000000_expand_users', '2024-03-01T10:00:00Z', 'error')`,
    );
    const failed = await databaseDeployTime({ url: db().url, framework: 'prisma', migration });
    expect(failed).toMatchObject({ kind: 'not-applied', table: '_prisma_migrations' });
    expect(failed.kind === 'not-applied' && failed.note).toMatch(
      /never finished: a failed `prisma migrate deploy`/,
    );
    const other = { path: 'prisma/migrations/20240401000000_other/migration.sql' };
    expect(await databaseDeployTime({ url: db().url, framework: 'prisma', migration: other })).toEqual({
      kind: 'not-applied',
      table: '_prisma_migrations',
    });
  });

  it("finds the table in the schema named by the URL's schema parameter", async () => {
    await setup('CREATE SCHEMA app');
    await setup(PRISMA_DDL('app'));
    await setup(
      `INSERT INTO app._prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ('a', 'x', '20240301000000_expand_users', '2024-03-01T12:00:00Z', 0)`,
    );
    const url = new URL(db().url);
    url.searchParams.set('schema', 'app');
    const result = await databaseDeployTime({ url: url.href, framework: 'prisma', migration });
    expect(result).toMatchObject({
      kind: 'applied',
      appliedAt: '2024-03-01T12:00:00.000Z',
      table: 'app._prisma_migrations',
    });
    expect(result.kind === 'applied' && result.note).toMatch(/migrate resolve --applied/);
  });
});

describe('databaseDeployTime: Flyway', () => {
  const migration = { path: 'db/migration/V1_2__expand_users.sql' };

  it("reads installed_on (a timestamp without time zone) in the database's time zone", async () => {
    await setup(FLYWAY_DDL);
    await setup(`ALTER DATABASE "${db().name}" SET timezone TO 'Europe/Amsterdam'`);
    await setup(
      `INSERT INTO flyway_schema_history VALUES
        (1, '1', 'init', 'SQL', 'V1__init.sql', 1, 'ci', '2024-02-01 10:00:00', 12, true),
        (2, '1.2', 'expand users', 'SQL', 'V1_2__expand_users.sql', 2, 'ci', '2024-03-02 11:00:00', 40, true)`,
    );
    expect(await databaseDeployTime({ url: db().url, framework: 'flyway', migration })).toEqual({
      kind: 'applied',
      appliedAt: '2024-03-02T10:00:00.000Z',
      table: 'flyway_schema_history',
      row:
        'version 1.2 (V1_2__expand_users.sql, type SQL, installed_rank 2), installed_on 2024-03-02T10:00:00.000Z ' +
        "(a timestamp without time zone, read in the database's time zone Europe/Amsterdam)",
    });
  });

  it('says not applied when the run failed (success = false) or the version is not there', async () => {
    await setup(FLYWAY_DDL);
    await setup(
      `INSERT INTO flyway_schema_history VALUES
        (1, '1.2', 'expand users', 'SQL', 'V1_2__expand_users.sql', 2, 'ci', '2024-03-02 11:00:00', 40, false)`,
    );
    const failed = await databaseDeployTime({ url: db().url, framework: 'flyway', migration });
    expect(failed.kind === 'not-applied' && failed.note).toMatch(/failed \(success = false\)/);
    expect(
      await databaseDeployTime({
        url: db().url,
        framework: 'flyway',
        migration: { path: 'db/migration/V3__x.sql' },
      }),
    ).toEqual({ kind: 'not-applied', table: 'flyway_schema_history' });
  });
});

describe('databaseDeployTime: goose', () => {
  const migration = { path: 'db/migrations/20240303120000_expand_users.sql' };

  it('reads tstamp of the latest row of the version', async () => {
    await setup(GOOSE_DDL);
    await setup(
      `INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES
        (20240201000000, true, '2024-02-01 09:00:00'), (20240303120000, true, '2024-03-03 12:30:00')`,
    );
    const result = await databaseDeployTime({ url: db().url, framework: 'goose', migration });
    expect(result).toMatchObject({
      kind: 'applied',
      appliedAt: '2024-03-03T12:30:00.000Z',
      table: 'goose_db_version',
    });
    expect(result.kind === 'applied' && result.row).toMatch(/^version_id 20240303120000 \(id 3\), tstamp /);
  });

  it('says not applied when the latest row is a rollback (older goose) or there is none', async () => {
    await setup(GOOSE_DDL);
    expect(await databaseDeployTime({ url: db().url, framework: 'goose', migration })).toEqual({
      kind: 'not-applied',
      table: 'goose_db_version',
    });
    await setup(
      `INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES
        (20240303120000, true, '2024-03-03 12:30:00'), (20240303120000, false, '2024-03-04 08:00:00')`,
    );
    const rolledBack = await databaseDeployTime({ url: db().url, framework: 'goose', migration });
    expect(rolledBack.kind === 'not-applied' && rolledBack.note).toMatch(/rolled back \(is_applied false\)/);
  });

  it('refuses a table of that name that is not laid out as goose makes it', async () => {
    await setup('CREATE TABLE goose_db_version (id serial PRIMARY KEY, version bigint)');
    await expect(databaseDeployTime({ url: db().url, framework: 'goose', migration })).rejects.toThrow(
      /goose_db_version .* is not goose's history table: it has no column version_id, is_applied, tstamp/,
    );
  });
});

describe('databaseDeployTime: sqitch', () => {
  it('reads committed_at of the deployed change in the sqitch registry', async () => {
    await setup(SQITCH_DDL);
    await setup(
      `INSERT INTO sqitch.changes (change_id, script_hash, change, project, committed_at, committer_name,
          committer_email, planned_at, planner_name, planner_email)
       VALUES ('c1', 'h1', 'users/expand', 'shop', '2024-03-04T08:15:00Z', 'CI', 'ci@example.com',
          '2024-03-01T00:00:00Z', 'Ann', 'ann@example.com')`,
    );
    expect(
      await databaseDeployTime({
        url: db().url,
        framework: 'sqitch',
        migration: { path: 'db/deploy/users/expand.sql' },
      }),
    ).toEqual({
      kind: 'applied',
      appliedAt: '2024-03-04T08:15:00.000Z',
      table: 'sqitch.changes',
      row: 'change users/expand of project shop (change_id c1), committed_at 2024-03-04T08:15:00.000Z',
    });
    expect(
      await databaseDeployTime({
        url: db().url,
        framework: 'sqitch',
        migration: { path: 'db/deploy/users/other.sql' },
      }),
    ).toEqual({ kind: 'not-applied', table: 'sqitch.changes' });
  });
});

describe('databaseDeployTime: Drizzle', () => {
  const content = 'ALTER TABLE "users" ADD COLUMN "full_name" text;\n';
  const when = 1709290800000; // the journal's `when`: 2024-03-01T11:00:00Z, when drizzle-kit generated it
  const journal = JSON.stringify({
    entries: [{ idx: 3, when, tag: '0003_expand_users', breakpoints: true }],
  });
  const migration = {
    path: 'drizzle/0003_expand_users.sql',
    content,
    when: drizzleJournalWhen(journal, '0003_expand_users'),
  };

  it('finds the row by hash but says the original table keeps no apply time (created_at is the journal when)', async () => {
    await setup(DRIZZLE_DDL);
    await setup(`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2), ($3, $4)`, [
      sha256('CREATE TABLE users ();\n'),
      1706745600000,
      sha256(content),
      when,
    ]);
    const result = await databaseDeployTime({ url: db().url, framework: 'drizzle', migration });
    expect(result).toMatchObject({ kind: 'no-time', table: 'drizzle.__drizzle_migrations', applied: true });
    expect(result.kind === 'no-time' && result.reason).toMatch(
      /records 0003_expand_users as applied \(id 2, hash .*created_at 1709290800000 \(the journal's `when`: when drizzle-kit generated the migration, not when it ran\)\) but keeps no apply time/,
    );
    // The file was edited after it ran: the journal's `when` still matches, as drizzle matches.
    const edited = await databaseDeployTime({
      url: db().url,
      framework: 'drizzle',
      migration: { ...migration, content: `${content}-- edited\n` },
    });
    expect(edited).toMatchObject({ kind: 'no-time', applied: true });
    expect(databaseEvidence(edited, new Date())).toBeUndefined();
  });

  it('reads applied_at from the 1.0 table, for rows inserted after the upgrade', async () => {
    await setup(DRIZZLE_DDL);
    await setup(`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)`, [
      sha256('CREATE TABLE users ();\n'),
      1706745600000,
    ]);
    await setup(DRIZZLE_V1_UPGRADE);
    await setup(
      `INSERT INTO drizzle.__drizzle_migrations (hash, created_at, name, applied_at, version)
       VALUES ($1, $2, '0003_expand_users', '2024-03-05T16:45:00Z', 1)`,
      [sha256(content), when],
    );
    expect(await databaseDeployTime({ url: db().url, framework: 'drizzle', migration })).toMatchObject({
      kind: 'applied',
      appliedAt: '2024-03-05T16:45:00.000Z',
      table: 'drizzle.__drizzle_migrations',
    });
    // The upgraded row has no applied_at.
    const old = await databaseDeployTime({
      url: db().url,
      framework: 'drizzle',
      migration: { path: 'drizzle/0000_init.sql', when: 1706745600000 },
    });
    expect(old.kind === 'no-time' && old.reason).toMatch(
      /applied_at is empty on rows from before drizzle 1\.0/,
    );
  });

  it('says not applied, and when drizzle would skip it because a newer migration already ran', async () => {
    await setup(DRIZZLE_DDL);
    expect(await databaseDeployTime({ url: db().url, framework: 'drizzle', migration })).toEqual({
      kind: 'not-applied',
      table: 'drizzle.__drizzle_migrations',
    });
    await setup(`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('other', $1)`, [
      when + 1000,
    ]);
    const skipped = await databaseDeployTime({ url: db().url, framework: 'drizzle', migration });
    expect(skipped.kind === 'not-applied' && skipped.note).toMatch(/drizzle will not run it/);
  });
});

describe('databaseDeployTime: frameworks that keep no time', () => {
  it('answers no-time for golang-migrate, dbmate, Supabase and plain SQL without connecting', async () => {
    // Nothing listens on port 1: an attempt to connect would fail.
    const url = 'postgres://nobody:secret@127.0.0.1:1/prod';
    const migration = { path: 'db/migrations/20240301000000_expand.up.sql' };
    for (const framework of ['golang-migrate', 'dbmate', 'supabase', 'sql'] as const) {
      const result = await databaseDeployTime({ url, framework, migration });
      expect(result.kind).toBe('no-time');
      expect(result.kind === 'no-time' && result.reason).toMatch(/deployments source .* merged/);
    }
  });

  it('shows the real golang-migrate and dbmate tables have nothing to read a time from', async () => {
    // golang-migrate: database/postgres/postgres.go, ensureVersionTable; dbmate: pkg/driver/postgres/postgres.go
    await setup(
      'CREATE TABLE IF NOT EXISTS "public"."schema_migrations" (version bigint not null primary key, dirty boolean not null)',
    );
    const client = await sessions.connect('check');
    const { rows } = await client.query<{ type: string }>(
      `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute
        WHERE attrelid = 'public.schema_migrations'::regclass AND attnum > 0`,
    );
    expect(rows.map((r) => r.type)).toEqual(['bigint', 'boolean']);
  });
});

describe('the read-only transaction', () => {
  it('cannot write: PostgreSQL refuses an INSERT on the same path, and nothing is left behind', async () => {
    await setup('CREATE TABLE probe (id int)');
    const attempt = readOnly(db().url, (session) => session.query('INSERT INTO probe VALUES (1)'));
    await expect(attempt).rejects.toBeInstanceOf(DeployAgeError);
    await expect(
      readOnly(db().url, (session) => session.query('INSERT INTO probe VALUES (1)')),
    ).rejects.toThrow(/cannot execute INSERT in a read-only transaction/);
    await expect(
      readOnly(db().url, async (session) => {
        await session.query('SET TRANSACTION READ WRITE');
        return session.query('INSERT INTO probe VALUES (2)');
      }),
    ).rejects.toThrow(/transaction read-write mode must be set before any query/);
    await expect(
      readOnly(db().url, (session) => session.query('CREATE TABLE other (id int)')),
    ).rejects.toMatchObject({
      code: '25006',
    });
    const client = await sessions.connect('check');
    expect((await client.query('SELECT count(*)::int AS n FROM probe')).rows[0]).toEqual({ n: 0 });
    expect((await client.query("SELECT to_regclass('other') AS t")).rows[0]).toEqual({ t: null });
  });

  it('sets the statement and lock timeouts locally, and gives up on a locked table quickly', async () => {
    const settings = await readOnly(db().url, async (session) => {
      const [row] = await session.query<{ st: string; lt: string; ro: string }>(
        "SELECT current_setting('statement_timeout') AS st, current_setting('lock_timeout') AS lt, current_setting('transaction_read_only') AS ro",
      );
      return row;
    });
    expect(settings).toEqual({ st: '5s', lt: '1s', ro: 'on' });

    await setup(GOOSE_DDL);
    const migrator = await sessions.connect('migration');
    await migrator.query('BEGIN');
    await migrator.query('LOCK TABLE goose_db_version IN ACCESS EXCLUSIVE MODE');
    const started = performance.now();
    await expect(
      databaseDeployTime({
        url: db().url,
        framework: 'goose',
        migration: { path: 'db/1_x.sql' },
        timeouts: { lockMs: 200 },
      }),
    ).rejects.toMatchObject({ code: '55P03' });
    expect(performance.now() - started).toBeLessThan(3_000);
    await migrator.query('ROLLBACK');
  });
});

describe('the URL stays secret', () => {
  const password = `S3cret-${Math.random().toString(36).slice(2)}`;

  async function failure(run: Promise<unknown>): Promise<string> {
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeployAgeError);
    return (error as Error).message;
  }

  it('names host:port/database only, for an unknown host, an unknown role, and a bad URL', async () => {
    const migration = { path: 'db/migration/V1__x.sql' };
    const unknownHost = `postgres://deployer:${password}@no-such-host.invalid:5432/prod`;
    const hostMessage = await failure(
      databaseDeployTime({
        url: unknownHost,
        framework: 'flyway',
        migration,
        timeouts: { connectMs: 3_000 },
      }),
    );
    expect(hostMessage).toMatch(
      /^cannot connect to the production database no-such-host\.invalid:5432\/prod: /,
    );
    expect(hostMessage).not.toContain(password);
    expect(hostMessage).not.toContain(unknownHost);

    const server = new URL((await testDatabase()).url);
    const wrongRole = new URL(db().url);
    wrongRole.username = 'no_such_role';
    wrongRole.password = password;
    const roleMessage = await failure(
      databaseDeployTime({ url: wrongRole.href, framework: 'flyway', migration }),
    );
    expect(roleMessage).toContain(`${server.hostname}:${server.port || '5432'}/${db().name}`);
    expect(roleMessage).toMatch(/no_such_role/);
    expect(roleMessage).not.toContain(password);
    expect(roleMessage).not.toContain(wrongRole.href);

    const inQuery = new URL(db().url);
    inQuery.username = 'no_such_role';
    inQuery.searchParams.set('password', password);
    const queryMessage = await failure(
      databaseDeployTime({ url: inQuery.href, framework: 'flyway', migration }),
    );
    expect(queryMessage).not.toContain(password);

    const notUrl = `host=prod password=${password}`;
    const badMessage = await failure(databaseDeployTime({ url: notUrl, framework: 'flyway', migration }));
    expect(badMessage).toMatch(/not a URL/);
    expect(badMessage).not.toContain(password);
  });
});
