// Fresh databases on the test server: created with a random name, dropped after use. Plain `pg`, no vitest
// imports, so global setup can use it too.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseSource } from './postgres-server.js';

/** What global setup hands to the test files (vitest `provide` / `inject`). */
export interface ProvidedServer {
  readonly source: DatabaseSource;
  readonly url: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseServer: ProvidedServer;
  }
}

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Drops the database, ending any session still connected to it. Safe to call twice. */
  drop(): Promise<void>;
}

/**
 * Names look like `ec_test_<seconds since epoch, base 36>_<random>`, so a later run can tell databases that a
 * crashed run left behind on a long-lived server (TEST_DATABASE_URL) from those of a run still going.
 */
const PREFIX = 'ec_test_';
const STALE_AFTER_SECONDS = 3_600;

export async function createDatabase(serverUrl: string): Promise<TestDatabase> {
  const seconds = Math.floor(Date.now() / 1000).toString(36);
  const name = `${PREFIX}${seconds}_${randomBytes(5).toString('hex')}`;
  await withAdmin(serverUrl, async (admin) => {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await withAdmin(serverUrl, (admin) => dropDatabase(admin, name));
    },
  };
}

/** Drops `ec_test_*` databases older than an hour: leftovers of runs that were killed. */
export async function dropStaleDatabases(serverUrl: string): Promise<void> {
  await withAdmin(serverUrl, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${PREFIX.replaceAll('_', '\\_')}%`],
    );
    const now = Date.now() / 1000;
    for (const { datname } of rows) {
      const stamp = datname.slice(PREFIX.length).split('_')[0] ?? '';
      const seconds = Number.parseInt(stamp, 36);
      if (Number.isFinite(seconds) && now - seconds > STALE_AFTER_SECONDS) {
        await dropDatabase(admin, datname).catch(() => {});
      }
    }
  });
}

async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  try {
    // PostgreSQL 13+: ends the sessions a failed test left open (one may still hold a transaction).
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } catch (error: unknown) {
    if (!(error instanceof Error && 'code' in error && error.code === '42601')) throw error;
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)}`);
  }
}

async function withAdmin<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({
    connectionString: serverUrl,
    connectionTimeoutMillis: 5_000,
    statement_timeout: 20_000,
    application_name: 'expand-contract tests (admin)',
  });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end().catch(() => {});
  }
}
