// The backfill of a plan, weighed by production: for each step on a table the statistics know, about how
// long `expand-contract backfill` would take and a batch size suited to the table's write rate (shorter
// batches where more writers would wait on the rows a batch holds).
import type { BackfillEstimate, MigrationPlan } from '../plan/types.js';
import type { Calibration } from './estimate.js';
import { tableOf, type ExposureContext } from './exposure.js';
import { rowsOf, writesPerSecond } from './types.js';

/**
 * The batched runner's throughput against one UPDATE of every row: each batch is its own transaction with a
 * bound query and a progress row (bench/backfill.ts measures the ratio; the goal is within 2x).
 */
export const RUNNER_SLOWDOWN = 1.5;

/** How long one batch should hold its row locks, by the table's writes per second. */
function targetBatchSeconds(writes: number): number {
  if (writes >= 1000) return 0.02;
  if (writes >= 100) return 0.05;
  return 0.1;
}

function roundBatch(n: number): number {
  const clamped = Math.min(10_000, Math.max(100, n));
  const step = clamped >= 1000 ? 500 : 100;
  return Math.max(100, Math.floor(clamped / step) * step);
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');

export function backfillEstimates(plan: MigrationPlan, ctx: ExposureContext): BackfillEstimate[] {
  const c: Calibration | null = ctx.calibration;
  const out: BackfillEstimate[] = [];
  for (const step of plan.backfillSteps) {
    const [schema, name] = step.name.split('.') as [string, string];
    const table = tableOf(ctx.stats, schema, name);
    if (!table) continue;
    const rows = rowsOf(table);
    const writes = writesPerSecond(table);
    if (!c) {
      out.push({
        table: step.name,
        rows,
        writesPerSecond: writes,
        seconds: null,
        batchSize: null,
        basis: `no calibration; the table has ${int(rows)} rows`,
      });
      continue;
    }
    const rate = c.updateRowsPerSecond / RUNNER_SLOWDOWN;
    const target = targetBatchSeconds(writes);
    const batchSize = roundBatch(rate * target);
    out.push({
      table: step.name,
      rows,
      writesPerSecond: Math.round(writes * 1000) / 1000,
      seconds: Math.round((rows / rate) * 10) / 10,
      batchSize,
      basis: `${int(rows)} rows at ${int(rate)} rows/s (an UPDATE of every row measured on ${c.engine}, ${RUNNER_SLOWDOWN}x slower in batches); batches of about ${Math.round(target * 1000)} ms for a table with ${writes < 10 ? writes.toFixed(1) : int(writes)} writes/s`,
    });
  }
  return out;
}

/** Each plan with its backfill estimates (plans without a backfill, or on unknown tables, unchanged). */
export function withBackfillEstimates<T extends { plan: MigrationPlan }>(
  entries: readonly T[],
  ctx: ExposureContext,
): T[] {
  return entries.map((e) => {
    const estimates = backfillEstimates(e.plan, ctx);
    return estimates.length ? { ...e, plan: { ...e.plan, backfillEstimates: estimates } } : e;
  });
}
