// Findings weighed by production: each finding on a table the statistics know gains its exposure (rows,
// size, write rate, estimated seconds under the lock, and how that was estimated), and a blocking finding
// drops to a notice on a tiny table or rises to an error when its lock would be long or hold back many
// writes. Without statistics nothing changes. Pure: the report in, a new report out.
import type { ExposureConfig } from '../config/types.js';
import type { Exposure, Finding, Report, Severity } from '../types.js';
import { estimateLock, findingTable, lockWork, type Calibration } from './estimate.js';
import { rowsOf, writesPerSecond, type StatsSnapshot, type TableStats } from './types.js';

export interface ExposureContext {
  stats: StatsSnapshot;
  /** Null when no calibration could be had: sizes are shown, no duration is estimated. */
  calibration: Calibration | null;
  thresholds: ExposureConfig;
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const size = (bytes: number): string =>
  bytes >= 1_073_741_824
    ? `${(bytes / 1_073_741_824).toFixed(1)} GB`
    : bytes >= 1_048_576
      ? `${(bytes / 1_048_576).toFixed(1)} MB`
      : `${Math.ceil(bytes / 1024)} kB`;
const seconds = (s: number): string =>
  s < 0.001
    ? 'under 1 ms'
    : s < 1
      ? `${Math.round(s * 1000)} ms`
      : s < 120
        ? `${s.toFixed(1)} s`
        : `${(s / 60).toFixed(1)} min`;
const rate = (w: number): string => (w < 10 ? w.toFixed(1) : int(w));

/** The total size of a table: heap, TOAST and indexes. */
export function totalBytes(t: TableStats): number {
  return t.heapBytes + t.toastBytes + t.indexBytes;
}

/** The statistics of `schema.name`, or undefined. */
export function tableOf(stats: StatsSnapshot, schema: string, name: string): TableStats | undefined {
  return stats.tables.find((t) => t.schema === schema && t.name === name);
}

/** The finding weighed by production, or the finding itself when the statistics do not know its table. */
export function exposeFinding(finding: Finding, ctx: ExposureContext): Finding {
  const where = findingTable(finding);
  const table = where ? tableOf(ctx.stats, where.schema, where.name) : undefined;
  if (!table) return finding;
  const rows = rowsOf(table);
  const bytes = totalBytes(table);
  const writes = writesPerSecond(table);
  const work = lockWork(finding.rule);
  const estimate = work && ctx.calibration ? estimateLock(work, table, ctx.calibration) : null;
  const production = `${int(rows)} ${rows === 1 ? 'row' : 'rows'}, ${size(bytes)}, ${rate(writes)} writes/s since ${ctx.stats.ratesSince.slice(0, 10)}`;
  const basis = estimate
    ? `${estimate.basis}; the table has ${production}`
    : work
      ? `no calibration, so no duration; the table has ${production}`
      : `the statement changes the catalog only: brief once granted, but it waits behind every query already on the table and blocks those after it; the table has ${production}`;
  const exposure: Exposure = {
    rows,
    bytes,
    writesPerSecond: Math.round(writes * 1000) / 1000,
    estimatedLockSeconds: estimate ? Math.round(estimate.seconds * 1000) / 1000 : null,
    basis,
  };
  const { severity, reason } = weigh(finding, exposure, ctx.thresholds, work !== null);
  const line = estimate
    ? `In production: ${production}; ${estimate.seconds < 0.001 ? '' : 'about '}${seconds(estimate.seconds)} under the lock${writes > 0 ? `, holding back about ${int(estimate.seconds * writes)} writes` : ''}.`
    : `In production: ${production}.`;
  return {
    ...finding,
    severity,
    message: `${finding.message} ${line}${reason ? ` ${reason}` : ''}`,
    exposure,
  };
}

/** The severity by exposure, and the sentence that says why it changed (null when it did not). */
function weigh(
  finding: Finding,
  exposure: Exposure,
  t: ExposureConfig,
  blocking: boolean,
): { severity: Severity; reason: string | null } {
  // Only findings whose harm is the time under the lock are weighed. One that also breaks the running
  // release (a type change, SET NOT NULL) may rise, never drop: the break does not depend on the size.
  if (!blocking) return { severity: finding.severity, reason: null };
  if (!finding.breaking && exposure.rows < t.tinyRows && exposure.bytes < t.tinyBytes) {
    if (finding.severity === 'notice') return { severity: 'notice', reason: null };
    return {
      severity: 'notice',
      reason: `A notice, not ${article(finding.severity)}: the table is tiny (under exposure.tiny-rows ${int(t.tinyRows)} rows and exposure.tiny-size ${size(t.tinyBytes)}).`,
    };
  }
  const lock = exposure.estimatedLockSeconds;
  if (lock === null || finding.severity === 'error') return { severity: finding.severity, reason: null };
  const held = lock * exposure.writesPerSecond;
  if (lock > t.maxLockSeconds)
    return {
      severity: 'error',
      reason: `An error, not ${article(finding.severity)}: the estimated lock is over exposure.max-lock-seconds (${seconds(t.maxLockSeconds)}).`,
    };
  if (held > t.maxBlockedWrites)
    return {
      severity: 'error',
      reason: `An error, not ${article(finding.severity)}: it would hold back about ${int(held)} writes, over exposure.max-blocked-writes (${int(t.maxBlockedWrites)}).`,
    };
  return { severity: finding.severity, reason: null };
}

const article = (s: Severity): string =>
  s === 'error' ? 'an error' : s === 'warning' ? 'a warning' : 'a notice';

/** Every finding weighed by production; suppressed ones are left as they are. */
export function applyExposure(report: Report, ctx: ExposureContext): Report {
  return { ...report, findings: report.findings.map((f) => exposeFinding(f, ctx)) };
}
