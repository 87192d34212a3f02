import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import type { BackfillStep } from '../../src/plan/batch.js';
import type { MigrationPlan } from '../../src/plan/types.js';
import { estimateLine, phaseViews } from '../../src/report/plan-model.js';
import { backfillEstimates, withBackfillEstimates } from '../../src/stats/backfill-estimate.js';
import type { Calibration } from '../../src/stats/estimate.js';
import type { StatsSnapshot, TableStats } from '../../src/stats/types.js';

const CALIBRATION: Calibration = {
  rewriteBytesPerSecond: 100e6,
  indexRowsPerSecond: 1e6,
  keyRebuildRowsPerSecond: 4e6,
  scanBytesPerSecond: 400e6,
  foreignKeyRowsPerSecond: 5e5,
  updateRowsPerSecond: 150_000,
  engine: 'PostgreSQL 16 (test)',
  serverMajor: 16,
  rows: 200_000,
  measuredAt: '2026-11-25T00:00:00.000Z',
};

const users = (writes: number): TableStats => ({
  schema: 'public',
  name: 'users',
  kind: 'table',
  estimatedRows: 3_000_000,
  liveRows: 3_000_000,
  heapBytes: 300e6,
  indexBytes: 60e6,
  toastBytes: 0,
  insertsPerSecond: writes,
  updatesPerSecond: 0,
  deletesPerSecond: 0,
  indexes: [],
  constraints: [],
});

const stats = (writes: number): StatsSnapshot => ({
  format: 'expand-contract-stats',
  version: 1,
  generatedAt: '2026-11-25T00:00:00.000Z',
  server: { version: '16.4', versionNum: 160004 },
  ratesSince: '2026-11-01T00:00:00.000Z',
  tables: [users(writes)],
});

const STEP = { name: 'public.users' } as BackfillStep;
const plan = {
  expand: 'ALTER TABLE users ADD COLUMN first_name text;',
  later: [],
  backfill: 'DO $backfill$ ... $backfill$;',
  backfillSteps: [STEP],
  contract: null,
  contractAfterDays: 7,
  app: { dualWrite: [], switchReads: [], ignore: [] },
} as unknown as MigrationPlan;
const ctx = (writes: number, calibration: Calibration | null = CALIBRATION) => ({
  stats: stats(writes),
  calibration,
  thresholds: DEFAULT_CONFIG.exposure,
});

describe('the backfill weighed by production', () => {
  it('estimates the runner at the calibrated UPDATE rate, 1.5x slower in batches', () => {
    const [e] = backfillEstimates(plan, ctx(5));
    expect(e?.seconds).toBe(30);
    expect(e?.rows).toBe(3_000_000);
    expect(e?.batchSize).toBe(10_000);
  });

  it('picks smaller batches for a table more writers use', () => {
    const sizes = [5, 500, 5000].map((w) => backfillEstimates(plan, ctx(w))[0]?.batchSize);
    expect(sizes).toEqual([10_000, 5000, 2000]);
  });

  it('shows one line under the backfill phase, and keeps the plan without statistics as it was', () => {
    const [entry] = withBackfillEstimates([{ plan }], ctx(500));
    const phase = phaseViews(entry?.plan as MigrationPlan).find((v) => v.title === '3. Backfill');
    expect(phase?.steps).toEqual([
      'In production: public.users, 3,000,000 rows: about 30.0 s with expand-contract backfill --batch-size 5000 (3,000,000 rows at 100,000 rows/s (an UPDATE of every row measured on PostgreSQL 16 (test), 1.5x slower in batches); batches of about 50 ms for a table with 500 writes/s).',
    ]);
    expect(
      withBackfillEstimates([{ plan }], { ...ctx(5), stats: { ...stats(5), tables: [] } })[0]?.plan,
    ).toBe(plan);
  });

  it('gives the rows without a duration when there is no calibration', () => {
    const [e] = backfillEstimates(plan, ctx(5, null));
    expect(e?.seconds).toBeNull();
    expect(estimateLine(e as NonNullable<typeof e>)).toBe(
      'In production: public.users has 3,000,000 rows (no calibration; the table has 3,000,000 rows).',
    );
  });
});
