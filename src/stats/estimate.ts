// How long a statement holds its lock in production: the work it does under the lock (a table rewrite, an
// index build, a validation or NOT NULL scan, an UPDATE of every row) divided by throughputs measured over a
// generated table (the calibration), scaled by the production table's sizes.
import type { Finding } from '../types.js';
import { rowsOf, tableBytes, type TableStats } from './types.js';

/** Throughputs measured over a generated table on one machine and server version. */
export interface Calibration {
  /** Heap bytes a rewrite (ALTER COLUMN TYPE) copies per second, its index rebuilds left out. */
  rewriteBytesPerSecond: number;
  /** Rows a CREATE INDEX (one text column, btree) reads, sorts and writes per second. */
  indexRowsPerSecond: number;
  /**
   * Rows a rebuild of the primary key (an integer key, its rows already in order) writes per second: several
   * times the text index rate, and what a rewrite or REINDEX spends on the key.
   */
  keyRebuildRowsPerSecond: number;
  /** Heap bytes a full scan (SET NOT NULL, VALIDATE CONSTRAINT of a CHECK) reads per second. */
  scanBytesPerSecond: number;
  /** Rows a foreign key validation checks per second (a lookup in the referenced index each). */
  foreignKeyRowsPerSecond: number;
  /** Rows an UPDATE of every row writes per second. */
  updateRowsPerSecond: number;
  /** Where it was measured: `PostgreSQL 16.4 on the shadow server` or `PGlite (PostgreSQL 17, WebAssembly)`. */
  engine: string;
  /** PostgreSQL major version of the engine. */
  serverMajor: number;
  /** Rows of the generated table. */
  rows: number;
  /** When it was measured (ISO 8601). */
  measuredAt: string;
}

/** The work a finding's statement does while it holds its lock. */
export type LockWork = 'rewrite' | 'index-build' | 'scan' | 'foreign-key-scan' | 'update-all' | 'reindex';

const WORK: Record<string, LockWork> = {
  'changing-column-type': 'rewrite',
  'adding-field-with-default': 'rewrite',
  'adding-serial-column': 'rewrite',
  'adding-stored-generated-column': 'rewrite',
  'ban-vacuum-full': 'rewrite',
  'ban-cluster': 'rewrite',
  'require-concurrent-index-creation': 'index-build',
  'adding-unique-constraint': 'index-build',
  'adding-primary-key-constraint': 'index-build',
  'adding-exclusion-constraint': 'index-build',
  'ban-reindex-without-concurrently': 'reindex',
  'constraint-missing-not-valid': 'scan',
  'setting-not-null': 'scan',
  'adding-foreign-key-constraint': 'foreign-key-scan',
  'backfill-in-migration': 'update-all',
};

/** The work under the lock of a finding of `rule`, or null when the statement only changes the catalog. */
export function lockWork(rule: string): LockWork | null {
  return WORK[rule] ?? null;
}

/** The estimate for one statement on one table, and the sentence that says how it was reached. */
export interface LockEstimate {
  seconds: number;
  basis: string;
}

const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`;
const rowsText = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Seconds the work takes on `table` at the calibrated throughputs. */
export function estimateLock(work: LockWork, table: TableStats, c: Calibration): LockEstimate {
  const rows = rowsOf(table);
  const bytes = tableBytes(table);
  const on = `measured on ${c.engine} over ${rowsText(c.rows)} generated rows`;
  switch (work) {
    case 'rewrite': {
      const { keys, others } = indexCounts(table);
      const seconds =
        bytes / c.rewriteBytesPerSecond +
        (rows * keys) / c.keyRebuildRowsPerSecond +
        (rows * others) / c.indexRowsPerSecond;
      return {
        seconds,
        basis: `rewrite of ${mb(bytes)} at ${mb(c.rewriteBytesPerSecond)}/s${rebuilds(keys, others, rows, c)}, ${on}`,
      };
    }
    case 'index-build': {
      const growth = sortGrowth(rows, c.rows);
      return {
        seconds: (rows / c.indexRowsPerSecond) * growth,
        basis: `index build over ${rowsText(rows)} rows at ${rowsText(c.indexRowsPerSecond)} rows/s${growth > 1.005 ? ` (x${growth.toFixed(2)} for the sort's n log n growth)` : ''}, ${on}`,
      };
    }
    case 'reindex': {
      const counted = indexCounts(table);
      const { keys, others } = counted.keys + counted.others === 0 ? { keys: 0, others: 1 } : counted;
      return {
        seconds: (rows * keys) / c.keyRebuildRowsPerSecond + (rows * others) / c.indexRowsPerSecond,
        basis: `index rebuilds${rebuilds(keys, others, rows, c).replace(/^ and/, '')}, ${on}`,
      };
    }
    case 'scan':
      return {
        seconds: bytes / c.scanBytesPerSecond,
        basis: `full scan of ${mb(bytes)} at ${mb(c.scanBytesPerSecond)}/s, ${on}`,
      };
    case 'foreign-key-scan':
      return {
        seconds: rows / c.foreignKeyRowsPerSecond,
        basis: `foreign key check of ${rowsText(rows)} rows at ${rowsText(c.foreignKeyRowsPerSecond)} rows/s, ${on}`,
      };
    case 'update-all':
      return {
        seconds: rows / c.updateRowsPerSecond,
        basis: `UPDATE of ${rowsText(rows)} rows at ${rowsText(c.updateRowsPerSecond)} rows/s, ${on}`,
      };
  }
}

/**
 * How much more a sort costs per row on `rows` than on the calibration's rows: n log n (measured on the real
 * server, a text index's cost per row grew 1.16x from 200,000 to 1,000,000 rows; log2 says 1.13x). Never
 * below 1: a small table is not estimated faster than the calibration measured.
 */
function sortGrowth(rows: number, calibrated: number): number {
  if (rows <= calibrated || calibrated < 2) return 1;
  return Math.log2(rows) / Math.log2(calibrated);
}

/** The table's valid indexes: its primary key (rebuilt fast, in key order) and the others. */
function indexCounts(table: TableStats): { keys: number; others: number } {
  const valid = table.indexes.filter((i) => i.valid);
  const keys = valid.filter((i) => i.primary).length;
  return { keys, others: valid.length - keys };
}

function rebuilds(keys: number, others: number, rows: number, c: Calibration): string {
  const parts: string[] = [];
  if (keys > 0) parts.push(`the primary key rebuilt at ${rowsText(c.keyRebuildRowsPerSecond)} rows/s`);
  if (others > 0) parts.push(`${others} other index rebuild(s) at ${rowsText(c.indexRowsPerSecond)} rows/s`);
  return parts.length ? ` and ${parts.join(' and ')} over ${rowsText(rows)} rows` : '';
}

/** The table a finding is about (`schema.table` from its object), or null. */
export function findingTable(finding: Finding): { schema: string; name: string } | null {
  if (!finding.object) return null;
  const parts = splitQualified(finding.object);
  if (parts.length < 2) return null;
  return { schema: parts[0] as string, name: parts[1] as string };
}

/** `a.b.c` split on dots outside double quotes. */
function splitQualified(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
      continue;
    }
    if (ch === '.' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}
