// Several concurrent sessions on one test database, with short timeouts so a lock bug fails fast instead of
// hanging the run.

import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { expect } from 'vitest';

export interface SessionOptions {
  /** Server-side statement_timeout in ms (default 4000). */
  readonly statementTimeoutMs?: number;
  /** Server-side lock_timeout in ms (default 2000). */
  readonly lockTimeoutMs?: number;
}

/** Opens named sessions and closes all of them in one call (from afterEach). */
export class Sessions {
  private readonly open: pg.Client[] = [];

  constructor(private readonly url: () => string) {}

  async connect(name: string, options: SessionOptions = {}): Promise<pg.Client> {
    const statementTimeout = options.statementTimeoutMs ?? 4_000;
    const client = new pg.Client({
      connectionString: this.url(),
      application_name: name,
      connectionTimeoutMillis: 5_000,
      statement_timeout: statementTimeout,
      lock_timeout: options.lockTimeoutMs ?? 2_000,
      idle_in_transaction_session_timeout: 30_000,
      // client-side backstop in case the server never answers
      query_timeout: statementTimeout + 2_000,
    });
    // A session killed by DROP DATABASE ... WITH (FORCE) emits 'error'; it must not crash the worker.
    client.on('error', () => {});
    await client.connect();
    this.open.push(client);
    return client;
  }

  async closeAll(): Promise<void> {
    const clients = this.open.splice(0);
    await Promise.all(clients.map((client) => client.end().catch(() => {})));
  }
}

/** The SQLSTATE of a failed query, if it was a server error. */
export function sqlState(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

export const LOCK_NOT_AVAILABLE = '55P03';

// Both helpers first run `SET lock_timeout = '200ms'` in the session (it stays set: these are the probing
// sessions), so a statement that queues behind a conflicting lock gives up with lock_not_available.

/** Runs `sql` after `SET lock_timeout = '200ms'` and expects it to give up: lock_not_available (55P03). */
export async function expectBlocked(session: pg.Client, sql: string, params: unknown[] = []): Promise<void> {
  const started = performance.now();
  const outcome = await withShortLockTimeout(session, sql, params);
  expect(outcome, `expected to be blocked: ${sql}`).toEqual({ ok: false, sqlState: LOCK_NOT_AVAILABLE });
  // it waited for the lock, it did not fail for another reason straight away
  expect(performance.now() - started).toBeGreaterThanOrEqual(150);
}

/** Runs `sql` with a 200 ms lock_timeout and expects it to succeed. Returns the result. */
export async function expectNotBlocked(
  session: pg.Client,
  sql: string,
  params: unknown[] = [],
): Promise<pg.QueryResult> {
  const outcome = await withShortLockTimeout(session, sql, params);
  if (!outcome.ok) {
    expect.fail(`expected to run without waiting, got SQLSTATE ${outcome.sqlState ?? '?'}: ${sql}`);
  }
  return outcome.result;
}

type Outcome = { ok: true; result: pg.QueryResult } | { ok: false; sqlState: string | undefined };

async function withShortLockTimeout(session: pg.Client, sql: string, params: unknown[]): Promise<Outcome> {
  await session.query(`SET lock_timeout = '200ms'`);
  try {
    return { ok: true, result: await session.query(sql, params) };
  } catch (error: unknown) {
    const state = sqlState(error);
    if (state === undefined) throw error;
    return { ok: false, sqlState: state };
  }
}

/** Polls `check` every 10 ms until it returns true, failing after `timeoutMs`. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 3_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await sleep(10);
  }
}

/** The backend pid of a session. */
export async function backendPid(session: pg.Client): Promise<number> {
  const { rows } = await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const pid = rows[0]?.pid;
  if (pid === undefined) throw new Error('no backend pid');
  return pid;
}

/** PostgreSQL's table lock modes, weakest first. */
export const LOCK_MODES = [
  'AccessShareLock',
  'RowShareLock',
  'RowExclusiveLock',
  'ShareUpdateExclusiveLock',
  'ShareLock',
  'ShareRowExclusiveLock',
  'ExclusiveLock',
  'AccessExclusiveLock',
] as const;
export type LockMode = (typeof LOCK_MODES)[number];

/**
 * The strongest table-level lock a backend holds (granted) on each of `tables`, by table name, e.g.
 * `{ t: 'ShareLock' }`. A statement also takes weaker locks on the way (the scan of a validation query takes
 * ACCESS SHARE), but the strongest one decides who waits.
 */
export async function strongestLocks(
  monitor: pg.Client,
  pid: number,
  tables: readonly string[],
): Promise<Record<string, LockMode>> {
  const { rows } = await monitor.query<{ relname: string; mode: string }>(
    `SELECT c.relname, l.mode
       FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
      WHERE l.pid = $1 AND l.locktype = 'relation' AND l.granted AND c.relname = ANY($2)`,
    [pid, tables],
  );
  const locks: Record<string, LockMode> = {};
  for (const { relname, mode } of rows) {
    const known = LOCK_MODES.find((candidate) => candidate === mode);
    if (known === undefined) throw new Error(`unknown lock mode ${mode}`);
    const held = locks[relname];
    if (held === undefined || LOCK_MODES.indexOf(held) < LOCK_MODES.indexOf(known)) locks[relname] = known;
  }
  return locks;
}
