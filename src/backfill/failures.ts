// What goes wrong in a backfill, and what the runner does about it: which server errors are retried, the
// wait between tries, the error after the last one (naming who holds the lock), and any other failure as
// one line scrubbed of the database URL (exit 1 when running again may help, 2 when the step must change).
import type { Client } from 'pg';
import { codeOf, type Connection } from '../db/connect.js';
import type { BackfillStep } from '../plan/batch.js';
import { BackfillSchemaError, type LiveTable } from './table.js';

/** The run cannot go on now but may later (lock held, connection lost): exit code 1. */
export class BackfillRunError extends Error {
  override name = 'BackfillRunError';
}

/** Lock timeout, statement timeout, deadlock, serialization failure: rolled back and tried again. */
export const RETRYABLE = new Set(['55P03', '57014', '40P01', '40001']);

/** The wait before try `attempt + 1` (0-based): 0.2 s doubling up to 5 s, with jitter. */
export function backoffMs(attempt: number): number {
  return Math.min(5000, 200 * 2 ** attempt) * (0.5 + Math.random() / 2);
}

/** Sessions waiting on this transaction's locks right now. */
export async function lockWaiters(client: Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pg_backend_pid() = ANY(pg_blocking_pids(pid))",
  );
  return rows[0]?.n ?? 0;
}

export const reasonOf = (code: string): string =>
  code === '55P03'
    ? 'lock timeout'
    : code === '57014'
      ? 'statement timeout'
      : code === '40P01'
        ? 'deadlock'
        : 'serialization failure';

/** The error after the last retry, naming who holds locks on the table. */
export async function gaveUp(
  conn: Connection,
  step: BackfillStep,
  table: LiveTable,
  code: string,
  attempts: number,
  lockMs: number,
): Promise<BackfillRunError> {
  const holders = await conn.client
    .query<{ pid: number; mode: string; app: string; since: string | null }>(
      `SELECT l.pid, l.mode, coalesce(nullif(a.application_name, ''), a.usename::text, '?') AS app,
              to_char(a.xact_start, 'YYYY-MM-DD HH24:MI:SS') AS since
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.relation = $1 AND l.granted AND l.pid <> pg_backend_pid()
        ORDER BY a.xact_start NULLS LAST LIMIT 3`,
      [table.oid],
    )
    .then((r) => r.rows)
    .catch(() => []);
  const who = holders.length
    ? `; holding locks on it: ${holders.map((h) => `pid ${h.pid} (${h.app}, ${h.mode}${h.since ? `, in a transaction since ${h.since}` : ''})`).join(', ')}`
    : '';
  const what =
    code === '55P03'
      ? `could not lock rows of ${step.name} within lock_timeout ${lockMs}ms`
      : `a batch on ${step.name} kept failing (${reasonOf(code)})`;
  return new BackfillRunError(
    `${what} after ${attempts} attempts${who}. Every committed batch is kept: run the same command again once the lock is gone to continue`,
  );
}

/** A driver or server failure as a run error (exit 1) or schema error (exit 2), scrubbed of the URL. */
export function asRunError(e: unknown, conn: Connection): Error {
  if (e instanceof BackfillRunError || e instanceof BackfillSchemaError) return e;
  const code = codeOf(e);
  const why = conn.why(e);
  if (code && /^(42|22|23|0A)/.test(code))
    return new BackfillSchemaError(
      `a batch failed on ${conn.display}: ${why} (SQLSTATE ${code}); fix the step and run again`,
    );
  return new BackfillRunError(
    `the backfill stopped on ${conn.display}: ${why}. Every committed batch is kept: run the same command again to continue`,
  );
}

export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
