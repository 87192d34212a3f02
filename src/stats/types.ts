// The production statistics a run may be given: per table, its rows, sizes and write rates, its indexes and
// constraints. No data and no query texts. The same shape comes from a live read-only connection
// (`--stats-database-url`) or from a file that `expand-contract stats` exported (`--stats-file`).

export const STATS_FORMAT = 'expand-contract-stats';
export const STATS_VERSION = 1;

export interface TableIndexStats {
  name: string;
  /** Key columns by name; an expression key is `(expression)`. */
  columns: string[];
  unique: boolean;
  primary: boolean;
  /** False for an index a failed CREATE INDEX CONCURRENTLY left behind. */
  valid: boolean;
  bytes: number;
}

export interface TableConstraintStats {
  name: string;
  /** `p` primary key, `u` unique, `f` foreign key, `c` check, `x` exclusion, `n` not null (PostgreSQL 18). */
  type: string;
  validated: boolean;
}

export interface TableStats {
  schema: string;
  name: string;
  /** `table`, `partitioned table` (sizes and rates summed over its partitions) or `materialized view`. */
  kind: 'table' | 'partitioned table' | 'materialized view';
  /** The planner's estimate (reltuples); -1 when the table was never analyzed. */
  estimatedRows: number;
  /** n_live_tup from the statistics collector. */
  liveRows: number;
  heapBytes: number;
  indexBytes: number;
  toastBytes: number;
  insertsPerSecond: number;
  updatesPerSecond: number;
  deletesPerSecond: number;
  indexes: TableIndexStats[];
  constraints: TableConstraintStats[];
}

export interface StatsSnapshot {
  format: typeof STATS_FORMAT;
  version: typeof STATS_VERSION;
  /** When it was read (ISO 8601, UTC). */
  generatedAt: string;
  server: { version: string; versionNum: number };
  /** The start of the window the write rates are averaged over (the last statistics reset). */
  ratesSince: string;
  tables: TableStats[];
}

/** The best row count: the planner's estimate once analyzed, else the collector's live count. */
export function rowsOf(t: TableStats): number {
  return t.estimatedRows >= 0 ? Math.max(t.estimatedRows, 0) : Math.max(t.liveRows, 0);
}

/** Heap plus TOAST: what a rewrite copies and a scan reads. */
export function tableBytes(t: TableStats): number {
  return t.heapBytes + t.toastBytes;
}

/** Inserts, updates and deletes per second: the writes a lock on the table holds back. */
export function writesPerSecond(t: TableStats): number {
  return t.insertsPerSecond + t.updatesPerSecond + t.deletesPerSecond;
}
