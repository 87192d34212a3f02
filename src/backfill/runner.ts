// Runs one plan's backfill on a real database: each step walks its table's key in short transactions
// (lock_timeout and statement_timeout on each), touching only rows that still need it, recording its
// cursor in the same transaction, adapting the batch size, retrying lock timeouts a bounded number of
// times, and checking at the end that no row still needs it.
import { connect, codeOf, type Connection } from '../db/connect.js';
import type { BackfillStep } from '../plan/batch.js';
import { PLACEHOLDER_FUNCTION } from '../plan/sql.js';
import { ensureProgressTable, nextPass, readProgress, recordBatch, startProgress } from './progress.js';
import type { BackfillPlan } from './script.js';
import {
  BackfillSchemaError,
  batchSql,
  boundSql,
  estimateRows,
  liveTable,
  remainingSql,
  type Cursor,
  type LiveTable,
} from './table.js';
import { Throttle } from './throttle.js';
import {
  asRunError,
  backoffMs,
  BackfillRunError,
  gaveUp,
  lockWaiters,
  pause,
  reasonOf,
  RETRYABLE,
} from './failures.js';

export { BackfillRunError };

export interface BackfillOptions {
  databaseUrl: string;
  plan: BackfillPlan;
  /** Largest batch (default 1000). */
  batchSize?: number;
  /** Pause between batches, ms (default 0). */
  pauseMs?: number;
  /** Target duration of a batch, ms (default 100). */
  targetBatchMs?: number;
  /** `lock_timeout` of each batch, ms (default 2000). */
  lockTimeoutMs?: number;
  /** `statement_timeout` of each batch, ms (default 30000). */
  statementTimeoutMs?: number;
  /** Retries of one batch after lock or statement timeouts (default 5). */
  maxRetries?: number;
  /** Passes over the key when the final check finds rows the walk did not reach (default 3). */
  maxPasses?: number;
  /** Stops after the current batch once aborted. */
  signal?: AbortSignal;
  /** Called after every batch and at each step's start and end. */
  onEvent?: (event: BackfillEvent) => void;
}

export type BackfillEvent =
  | {
      kind: 'step-start';
      index: number;
      step: BackfillStep;
      table: LiveTable;
      estimate: number;
      resumed: boolean;
      rowsDone: number;
    }
  | {
      kind: 'batch';
      index: number;
      rows: number;
      rowsDone: number;
      size: number;
      elapsedMs: number;
      waiters: number;
    }
  | { kind: 'retry'; index: number; name: string; reason: string; attempt: number; waitMs: number }
  | { kind: 'pass'; index: number; pass: number; remaining: number }
  | {
      kind: 'step-end';
      index: number;
      name: string;
      rowsDone: number;
      remaining: number | null;
      skipped: boolean;
    };

export interface StepResult {
  name: string;
  rowsDone: number;
  batches: number;
  /** Rows that still need the step after the run; null when the step cannot be checked (visited once). */
  remaining: number | null;
  passes: number;
  /** True when a signal stopped the run in the middle of this step's walk. */
  stopped: boolean;
}

export interface BackfillResult {
  steps: StepResult[];
  /** True when a signal stopped the run between batches. */
  interrupted: boolean;
  seconds: number;
}

/** Runs the backfill; throws BackfillSchemaError / ConnectError (exit 2) or BackfillRunError (exit 1). */
export async function runBackfill(options: BackfillOptions): Promise<BackfillResult> {
  assertFilled(options.plan);
  const started = Date.now();
  const conn = await connect(options.databaseUrl, {
    what: 'the database',
    applicationName: `expand-contract backfill ${options.plan.planId}`,
  });
  const { client } = conn;
  try {
    await lockPlan(conn, options.plan.planId);
    // Outside a batch too (the estimate, the final check): never queue forever behind a held lock.
    await client.query(`SET lock_timeout = '${options.lockTimeoutMs ?? 2000}ms'`);
    await ensureProgressTable(client);
    const steps: StepResult[] = [];
    let interrupted = false;
    for (const [index, step] of options.plan.steps.entries()) {
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      const result = await runStep(conn, options, index, step);
      steps.push(result.step);
      if (result.interrupted) {
        interrupted = true;
        break;
      }
    }
    return { steps, interrupted, seconds: (Date.now() - started) / 1000 };
  } catch (e: unknown) {
    throw asRunError(e, conn);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Refuses a plan that still holds a placeholder a person must fill. */
function assertFilled(plan: BackfillPlan): void {
  for (const [i, step] of plan.steps.entries()) {
    const text = `${step.head} ${step.from ?? ''} ${step.needs ?? ''}`;
    const at = text.indexOf(`${PLACEHOLDER_FUNCTION}(`);
    if (at < 0) continue;
    const what =
      /expand_contract_todo\('((?:[^']|'')*)'\)/.exec(text.slice(at))?.[1]?.replace(/''/g, "'") ?? 'a value';
    throw new BackfillSchemaError(
      `${plan.file}: step ${i + 1} (${step.name}) still holds ${PLACEHOLDER_FUNCTION}(...): write the ${what} in its "head" (the SET) in the header and in the DO block below, then run again`,
    );
  }
}

/** One runner per plan at a time: a session advisory lock, released when the connection ends. */
async function lockPlan(conn: Connection, planId: string): Promise<void> {
  const { rows } = await conn.client.query<{ ok: boolean }>(
    "SELECT pg_try_advisory_lock(hashtext('expand-contract backfill'), hashtext($1)) AS ok",
    [planId],
  );
  if (rows[0]?.ok) return;
  throw new BackfillSchemaError(
    `another backfill of ${planId} is running on ${conn.display}; wait for it to finish (or stop it), then run again`,
  );
}

interface StepOutcome {
  step: StepResult;
  interrupted: boolean;
}

async function runStep(
  conn: Connection,
  o: BackfillOptions,
  index: number,
  step: BackfillStep,
): Promise<StepOutcome> {
  const { client } = conn;
  const planId = o.plan.planId;
  await client.query('RESET search_path');
  if (step.searchPath) await client.query(step.searchPath);
  const table = await liveTable(client, step);
  let progress = await readProgress(client, planId, index, step);
  const resumed = progress !== null;
  if (!progress) {
    await startProgress(client, planId, index, step);
    progress = { cursor: null, pass: 1, rowsDone: 0, batches: 0, finishedAt: null };
  }
  const result: StepResult = {
    name: step.name,
    rowsDone: progress.rowsDone,
    batches: progress.batches,
    remaining: null,
    passes: progress.pass,
    stopped: false,
  };
  const countSql = remainingSql(step);
  if (progress.finishedAt && countSql === null) {
    o.onEvent?.({
      kind: 'step-end',
      index,
      name: step.name,
      rowsDone: result.rowsDone,
      remaining: null,
      skipped: true,
    });
    return { step: result, interrupted: false };
  }
  const estimate = await retrying(conn, o, index, step, table, () => estimateRows(client, step, table));
  o.onEvent?.({ kind: 'step-start', index, step, table, estimate, resumed, rowsDone: result.rowsDone });

  const throttle = new Throttle({ max: o.batchSize ?? 1000, targetMs: o.targetBatchMs ?? 100 });
  let cursor = progress.cursor;
  let walking = !progress.finishedAt;
  for (;;) {
    while (walking) {
      if (o.signal?.aborted) return { step: { ...result, stopped: true }, interrupted: true };
      const batch = await runBatch(conn, o, index, step, table, cursor, throttle);
      result.rowsDone += batch.rows;
      result.batches += 1;
      cursor = batch.cursor;
      o.onEvent?.({
        kind: 'batch',
        index,
        rows: batch.rows,
        rowsDone: result.rowsDone,
        size: batch.size,
        elapsedMs: batch.elapsedMs,
        waiters: batch.waiters,
      });
      if (batch.last) walking = false;
      else if (o.pauseMs) await pause(o.pauseMs, o.signal);
    }
    if (countSql === null) break;
    const { rows } = await retrying(conn, o, index, step, table, () => client.query<{ n: string }>(countSql));
    result.remaining = Number(rows[0]?.n ?? 0);
    if (result.remaining === 0 || result.passes >= (o.maxPasses ?? 3)) break;
    // Rows behind the cursor still need it (written by a writer that does not fill them): walk again.
    await nextPass(client, planId, index);
    result.passes += 1;
    o.onEvent?.({ kind: 'pass', index, pass: result.passes, remaining: result.remaining });
    cursor = null;
    walking = true;
  }
  o.onEvent?.({
    kind: 'step-end',
    index,
    name: step.name,
    rowsDone: result.rowsDone,
    remaining: result.remaining,
    skipped: false,
  });
  return { step: result, interrupted: false };
}

interface BatchOutcome {
  rows: number;
  cursor: Cursor | null;
  last: boolean;
  size: number;
  elapsedMs: number;
  waiters: number;
}

/** One batch in its own transaction, retried on lock and statement timeouts with a smaller size. */
function runBatch(
  conn: Connection,
  o: BackfillOptions,
  index: number,
  step: BackfillStep,
  table: LiveTable,
  cursor: Cursor | null,
  throttle: Throttle,
): Promise<BatchOutcome> {
  const { client } = conn;
  const lockMs = o.lockTimeoutMs ?? 2000;
  const attempt = async (): Promise<BatchOutcome> => {
    const size = throttle.size;
    const t0 = performance.now();
    try {
      await client.query(
        // No wait for the WAL flush at COMMIT: the progress row commits with the batch, so a crash loses
        // both together and the next run does that batch again (bench/backfill.ts: 2.5 to 4 ms per batch).
        `BEGIN; SET LOCAL synchronous_commit = off; SET LOCAL lock_timeout = '${lockMs}ms'; SET LOCAL statement_timeout = '${o.statementTimeoutMs ?? 30_000}ms'`,
      );
      const after = cursor !== null;
      const bound = await client.query({
        text: boundSql(step, table.key, after, size),
        values: cursor ?? [],
        rowMode: 'array',
      });
      const upto = (bound.rows[0] as string[] | undefined) ?? null;
      const values = [...(cursor ?? []), ...(upto ?? [])];
      const changed = await client.query(batchSql(step, table.key, after, upto !== null), values);
      // Who waits on this batch's rows costs a scan of the lock table: asked of slow batches, and of every
      // tenth, not of each.
      const waiters = throttle.shouldProbe(performance.now() - t0) ? await lockWaiters(client) : null;
      // The last batch (no bound) records the end; a later pass starts from the first key again.
      const next = upto ?? cursor;
      await recordBatch(client, o.plan.planId, index, {
        cursor: next,
        rows: changed.rowCount ?? 0,
        last: upto === null,
      });
      await client.query('COMMIT');
      const elapsedMs = performance.now() - t0;
      throttle.record(elapsedMs, waiters);
      return {
        rows: changed.rowCount ?? 0,
        cursor: next,
        last: upto === null,
        size,
        elapsedMs,
        waiters: waiters ?? 0,
      };
    } catch (e: unknown) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  };
  return retrying(conn, o, index, step, table, attempt, {
    codes: RETRYABLE,
    before: () => throttle.shrink(),
  });
}

/**
 * `work`, tried again after a lock timeout (or, for a batch, any of `codes`) with a growing wait and a
 * retry event; after `maxRetries` the error names who holds locks on the table. `before` runs before each
 * retry (a batch shrinks).
 */
async function retrying<T>(
  conn: Connection,
  o: BackfillOptions,
  index: number,
  step: BackfillStep,
  table: LiveTable,
  work: () => Promise<T>,
  retry: { codes: ReadonlySet<string>; before?: () => void } = { codes: LOCK_TIMEOUT },
): Promise<T> {
  const maxRetries = o.maxRetries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (e: unknown) {
      const code = codeOf(e);
      if (!code || !retry.codes.has(code)) throw e;
      if (attempt >= maxRetries)
        throw await gaveUp(conn, step, table, code, attempt + 1, o.lockTimeoutMs ?? 2000);
      retry.before?.();
      const waitMs = backoffMs(attempt);
      o.onEvent?.({
        kind: 'retry',
        index,
        name: step.name,
        reason: reasonOf(code),
        attempt: attempt + 1,
        waitMs,
      });
      await pause(waitMs, o.signal);
    }
  }
}

/** Outside a batch only a lock timeout is retried: the estimate and the check take no row locks. */
const LOCK_TIMEOUT: ReadonlySet<string> = new Set(['55P03']);
