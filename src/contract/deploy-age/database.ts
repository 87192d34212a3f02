// The database source: when the expand migration ran on the production database, read from the
// migration framework's own history table. Only ever reads, inside `BEGIN TRANSACTION READ ONLY` with
// short statement and lock timeouts, then ROLLBACK: it cannot write, and cannot queue behind a migration
// for long. The URL is a secret: messages name `host:port/database` at most, and any text the driver
// returns is scrubbed of the URL and its password before it is shown.
//
// The history tables, as each tool creates them on PostgreSQL (read from the tools' own sources):
//
//  Prisma      _prisma_migrations, in the schema of the URL's `schema` parameter (default public):
//              id varchar(36) PK, checksum varchar(64), finished_at timestamptz, migration_name varchar(255),
//              logs text, rolled_back_at timestamptz, started_at timestamptz default now(),
//              applied_steps_count integer  (prisma/prisma-engines, schema-engine/connectors/
//              sql-schema-connector/src/flavour/postgres.rs, create_migrations_table). A failed run leaves a
//              row with finished_at null; `migrate resolve --rolled-back` sets rolled_back_at and the retry
//              adds a new row, so one name can have several rows.
//  Flyway      flyway_schema_history in Flyway's default schema (the connection's current schema):
//              installed_rank int PK, version varchar(50), description varchar(200), type varchar(20),
//              script varchar(1000), checksum integer, installed_by varchar(100),
//              installed_on TIMESTAMP (without time zone!) default now(), execution_time integer,
//              success boolean  (flyway/flyway, flyway-database-postgresql/.../PostgreSQLDatabase.java,
//              getRawCreateScript). `version` is the file's version with `_` made `.` (MigrationVersion).
//  goose       goose_db_version: id serial PK, version_id bigint, is_applied boolean,
//              tstamp TIMESTAMP (without time zone) NULL default now()  (pressly/goose,
//              internal/dialect/dialectquery/postgres.go); goose reads the latest row of a version.
//  sqitch      sqitch.changes (registry schema `sqitch` by default): change_id text PK, script_hash text,
//              change text, project text, note text, committed_at timestamptz default clock_timestamp(),
//              committer_*, planned_at timestamptz, planner_*  (sqitchers/sqitch,
//              lib/App/Sqitch/Engine/pg.sql). It lists the changes currently deployed; a revert deletes.
//  Drizzle     drizzle.__drizzle_migrations (schema `drizzle`, table configurable): id serial PK,
//              hash text (sha256 hex of the .sql file's text), created_at bigint  (drizzle-team/drizzle-orm,
//              drizzle-orm/src/pg-core/dialect.ts, migrate; src/migrator.ts for the hash). created_at is the
//              journal entry's `when` (milliseconds, when drizzle-kit GENERATED the migration), not when it
//              ran, and drizzle runs every migration whose `when` is newer than the newest created_at. The
//              1.0 migrator upgrades the table to add name text, applied_at timestamptz default now() and
//              version integer, setting applied_at to NULL on the rows it upgrades (drizzle-orm
//              src/up-migrations/pg.ts): only rows it inserted since have an apply time.
//  golang-migrate  schema_migrations(version bigint PK, dirty boolean), truncated and rewritten with the
//              current version on every run (golang-migrate/migrate, database/postgres/postgres.go): no time.
//  dbmate      schema_migrations(version varchar(255) PK) (amacneil/dbmate, pkg/driver/postgres/postgres.go):
//              which versions ran, not when.
//  Supabase    supabase_migrations.schema_migrations(version text PK, statements text[], name text)
//              (supabase/cli, pkg/migration/history.go; the dashboard adds created_by and idempotency_key):
//              no time column.
//
// The read-only runner and URL redaction are in read-only.ts, the table readers in history-readers.ts
// (Drizzle's in history-drizzle.ts) and what they share in history-table.ts.
import type { FrameworkName } from '../../types.js';
import { READERS } from './history-readers.js';
import { findTable, OTHER_SOURCES, type HistoryMigration } from './history-table.js';
import { checkUrl, DeployAgeError, readOnly, type DatabaseTimeouts } from './read-only.js';
import { ageDays } from './merge.js';
import type { DatabaseDeployTime, DatabaseEvidence } from './types.js';

export { drizzleJournalWhen } from './history-drizzle.js';
export type { HistoryMigration } from './history-table.js';
export { DeployAgeError, readOnly, type DatabaseTimeouts, type ReadOnlySession } from './read-only.js';

export interface DatabaseDeployTimeOptions {
  /** The production database URL: a secret, never shown. */
  url: string;
  framework: FrameworkName;
  migration: HistoryMigration;
  /**
   * The history table when it is not where the framework keeps it by default (Flyway `table`/`schemas`,
   * goose `-table`, Drizzle `migrationsSchema`/`migrationsTable`, a sqitch registry): `name` or `schema.name`.
   */
  table?: string;
  timeouts?: DatabaseTimeouts;
}

/** Frameworks whose history keeps no time: answered without connecting to the database. */
const NO_TIME: Partial<Record<FrameworkName, string>> = {
  'golang-migrate':
    'golang-migrate keeps only the current version in schema_migrations(version, dirty), rewritten on every ' +
    `run, and no time; ${OTHER_SOURCES}`,
  dbmate: `dbmate's schema_migrations(version) records which versions ran, not when; ${OTHER_SOURCES}`,
  supabase:
    "the Supabase CLI's supabase_migrations.schema_migrations(version, statements, name) records which " +
    `migrations ran, not when; ${OTHER_SOURCES}`,
  sql: `plain SQL migrations have no history table to read; ${OTHER_SOURCES}`,
};

/**
 * When the expand migration ran on the production database, by the framework's history table. Frameworks
 * that keep no time answer `no-time` without connecting. Throws DeployAgeError when the database cannot be
 * read (connection, permission, a table that is not the framework's layout); its message never holds the URL.
 */
export async function databaseDeployTime(options: DatabaseDeployTimeOptions): Promise<DatabaseDeployTime> {
  const noTime = NO_TIME[options.framework];
  if (noTime !== undefined) return { kind: 'no-time', reason: noTime };
  const reader = READERS[options.framework];
  if (reader === undefined) {
    return {
      kind: 'no-time',
      reason: `no history table is known for ${options.framework}; ${OTHER_SOURCES}`,
    };
  }
  const key = options.migration.id ?? reader.key(options.migration.path);
  const target = checkUrl(options.url);
  const wanted = options.table ?? reader.defaultTable(target.url);
  return readOnly(
    options.url,
    async (session) => {
      const table = await findTable(session, wanted);
      if (table === undefined) return { kind: 'no-table', table: wanted };
      const missing = reader.columns.filter((c) => !table.columns.has(c));
      if (missing.length > 0) {
        throw new DeployAgeError(
          `${table.name} on ${target.display} is not ${reader.tool}'s history table: it has no column ` +
            `${missing.join(', ')}.`,
        );
      }
      return reader.read(session, table, key, options.migration);
    },
    options.timeouts,
  );
}

/** An `applied` answer as AgeEvidence (the other answers are not evidence of an age). */
export function databaseEvidence(result: DatabaseDeployTime, now: Date): DatabaseEvidence | undefined {
  if (result.kind !== 'applied') return undefined;
  return {
    source: 'database',
    at: result.appliedAt,
    ageDays: ageDays(result.appliedAt, now),
    weak: false,
    detail: `${result.table}: ${result.row}${result.note ? ` (${result.note})` : ''}`,
  };
}
