import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import type { Calibration } from '../../src/stats/estimate.js';
import { applyExposure, exposeFinding } from '../../src/stats/exposure.js';
import type { StatsSnapshot, TableStats } from '../../src/stats/types.js';
import type { Finding, Report } from '../../src/types.js';

const CALIBRATION: Calibration = {
  rewriteBytesPerSecond: 100 * 1_048_576,
  indexRowsPerSecond: 1_000_000,
  keyRebuildRowsPerSecond: 4_000_000,
  scanBytesPerSecond: 400 * 1_048_576,
  foreignKeyRowsPerSecond: 500_000,
  updateRowsPerSecond: 200_000,
  engine: 'PostgreSQL 16 (test)',
  serverMajor: 16,
  rows: 200_000,
  measuredAt: '2026-11-25T00:00:00.000Z',
};

function table(name: string, rows: number, bytes: number, writes = 0): TableStats {
  return {
    schema: 'public',
    name,
    kind: 'table',
    estimatedRows: rows,
    liveRows: rows,
    heapBytes: bytes,
    indexBytes: 0,
    toastBytes: 0,
    insertsPerSecond: writes,
    updatesPerSecond: 0,
    deletesPerSecond: 0,
    indexes: [{ name: `${name}_pkey`, columns: ['id'], unique: true, primary: true, valid: true, bytes: 0 }],
    constraints: [],
  };
}

const STATS: StatsSnapshot = {
  format: 'expand-contract-stats',
  version: 1,
  generatedAt: '2026-11-25T00:00:00.000Z',
  server: { version: '16.4', versionNum: 160004 },
  ratesSince: '2026-11-01T00:00:00.000Z',
  tables: [
    table('empty', 0, 8192),
    table('small', 10_000, 1_000_000),
    table('big', 10_000_000, 2_000_000_000, 50),
  ],
};

function finding(over: Partial<Finding> = {}): Finding {
  return {
    rule: 'require-concurrent-index-creation',
    severity: 'warning',
    breaking: false,
    path: 'db/001.sql',
    line: 1,
    column: 1,
    statementLine: 1,
    object: 'public.small',
    lock: 'SHARE',
    message: 'Creating an index without CONCURRENTLY blocks writes.',
    docs: 'docs/rules/require-concurrent-index-creation.md',
    ...over,
  };
}

const ctx = { stats: STATS, calibration: CALIBRATION, thresholds: DEFAULT_CONFIG.exposure };

describe('severity by exposure', () => {
  it('gives the same statement three severities on an empty, a small and a big table', () => {
    const [empty, small, big] = ['public.empty', 'public.small', 'public.big'].map((object) =>
      exposeFinding(finding({ object }), ctx),
    );
    expect([empty?.severity, small?.severity, big?.severity]).toEqual(['notice', 'warning', 'error']);
    expect(empty?.message).toContain(
      'A notice, not a warning: the table is tiny (under exposure.tiny-rows 1,000 rows',
    );
    expect(big?.message).toContain('about 13.2 s under the lock, holding back about 660 writes.');
    expect(big?.message).toContain(
      'An error, not a warning: the estimated lock is over exposure.max-lock-seconds (2.0 s).',
    );
    expect(big?.exposure).toEqual({
      rows: 10_000_000,
      bytes: 2_000_000_000,
      writesPerSecond: 50,
      estimatedLockSeconds: 13.205,
      basis:
        "index build over 10,000,000 rows at 1,000,000 rows/s (x1.32 for the sort's n log n growth), measured on PostgreSQL 16 (test) over 200,000 generated rows; the table has 10,000,000 rows, 1.9 GB, 50 writes/s since 2026-11-01",
    });
  });

  it('rises to an error on the writes it would hold back, under the lock-time threshold', () => {
    const busy = { ...STATS, tables: [table('busy', 1_000_000, 100_000_000, 2000)] };
    const out = exposeFinding(finding({ object: 'public.busy' }), { ...ctx, stats: busy });
    expect(out.exposure?.estimatedLockSeconds).toBe(1.132);
    expect(out.severity).toBe('error');
    expect(out.message).toContain(
      'it would hold back about 2,264 writes, over exposure.max-blocked-writes (1,000)',
    );
  });

  it('never drops a finding that breaks the running release, on any table', () => {
    const out = exposeFinding(
      finding({ rule: 'setting-not-null', breaking: true, severity: 'error', object: 'public.empty.email' }),
      ctx,
    );
    expect(out.severity).toBe('error');
    expect(out.exposure?.rows).toBe(0);
  });

  it('shows sizes without a duration for a statement that only changes the catalog', () => {
    const out = exposeFinding(
      finding({ rule: 'ban-drop-column', breaking: true, severity: 'error', object: 'public.big.name' }),
      ctx,
    );
    expect(out.severity).toBe('error');
    expect(out.exposure?.estimatedLockSeconds).toBeNull();
    expect(out.exposure?.basis).toMatch(/^the statement changes the catalog only: brief once granted/);
  });

  it('shows sizes and no duration without a calibration, and leaves the severity', () => {
    const out = exposeFinding(finding({ object: 'public.big' }), { ...ctx, calibration: null });
    expect(out.severity).toBe('warning');
    expect(out.exposure?.estimatedLockSeconds).toBeNull();
    expect(out.exposure?.basis).toContain('no calibration, so no duration');
  });

  it('leaves findings on tables the statistics do not know exactly as they were (no exposure key)', () => {
    const report: Report = {
      version: 1,
      files: [],
      findings: [finding({ object: 'public.other' })],
      suppressed: [],
    };
    const out = applyExposure(report, ctx);
    expect(out.findings[0]).toEqual(report.findings[0]);
    expect(Object.keys(out.findings[0] ?? {})).not.toContain('exposure');
  });

  it('follows thresholds from the configuration', () => {
    const strict = { ...DEFAULT_CONFIG.exposure, tinyRows: 0, maxLockSeconds: 0.005 };
    const out = exposeFinding(finding({ object: 'public.small' }), { ...ctx, thresholds: strict });
    expect(out.severity).toBe('error');
    expect(out.message).toContain('over exposure.max-lock-seconds (5 ms)');
  });
});
