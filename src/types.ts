// Shared shapes of the pipeline: discover -> parse -> catalog -> rules -> report.
// Plain data only; every stage returns values of these types.

/** Every supported migration framework; the one list (config, CLI and Action validate against it). */
export const FRAMEWORK_NAMES = [
  'sql',
  'prisma',
  'golang-migrate',
  'flyway',
  'dbmate',
  'goose',
  'sqitch',
  'supabase',
  'drizzle',
] as const;
export type FrameworkName = (typeof FRAMEWORK_NAMES)[number];

export type Severity = 'error' | 'warning' | 'notice';

/** PostgreSQL table-level lock modes, weakest first. */
export const LOCK_MODES = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
] as const;
export type LockMode = (typeof LOCK_MODES)[number];

/**
 * One migration file as a framework runs it. `sql` is the "up" SQL with every
 * character that does not run (down sections, other sections) replaced by spaces,
 * keeping newlines, so an offset in `sql` sits on the same line and column as in
 * the original file.
 */
export interface MigrationFile {
  /** The path as the user gave it (or as git reported it). */
  path: string;
  framework: FrameworkName;
  /** Sort key within the framework's order (already comparable with localeCompare 'en' numeric). */
  orderKey: string;
  /** True when the framework runs the whole file inside one transaction. */
  transactional: boolean;
  /** The "up" SQL, same length in lines as the original file. */
  sql: string;
  /** Problems found while reading the file (not about its SQL): empty, too large, BOM, ... */
  diagnostics: Diagnostic[];
  /** Repeatable migrations (Flyway R__) and the like: run after versioned ones. */
  repeatable?: boolean;
}

/** A problem with the input itself, reported as a finding of rule `input-error` or `syntax-error`. */
export interface Diagnostic {
  rule: 'syntax-error' | 'input-error' | 'unanalysed-sql';
  severity: Severity;
  line: number;
  column: number;
  message: string;
}

/** A parsed statement with its place in the original file. */
export interface Statement {
  /** Index of the statement in its file (top-level statements and PL/pgSQL ones, in order). */
  index: number;
  /** The libpg-query node, e.g. `{ AlterTableStmt: {...} }`. */
  node: Record<string, unknown>;
  /** The node's kind, the single key of `node`, e.g. `AlterTableStmt`. */
  kind: string;
  /** The statement's own text (no leading comments, no trailing semicolon). */
  text: string;
  /** UTF-8 byte offset of `text` within the text the parser saw. */
  byteStart: number;
  /** 1-based line and column of the statement's first keyword in the original file. */
  line: number;
  column: number;
  /** Maps a libpg-query `location` (bytes, relative to the parsed text) to a line/column in the file. */
  locate(location: number | undefined): { line: number; column: number };
  /** The `location` (as libpg-query counts it for this statement) of a UTF-8 byte offset within `text`. */
  textLocation(byteOffsetInText: number): number;
  /** True when this statement runs inside a transaction block (the framework's or an explicit BEGIN). */
  inTransaction: boolean;
  /** Identifies the transaction this statement runs in (statements sharing it commit together). */
  transactionId: number;
  /** Set when the statement was read out of a PL/pgSQL body (DO block or function). */
  plpgsql?: { dynamic: boolean };
  /** Comments between the previous statement and this one (ignore directives live here). */
  leadingComments: Array<{ text: string; line: number }>;
}

export interface ParsedFile {
  file: MigrationFile;
  statements: Statement[];
  diagnostics: Diagnostic[];
}

/** What a rule reports about one statement. */
export interface Finding {
  rule: string;
  severity: Severity;
  breaking: boolean;
  path: string;
  line: number;
  column: number;
  statementLine: number;
  object: string | null;
  lock: LockMode | null;
  message: string;
  /** Short advice: the change to make. */
  help?: string;
  docs: string;
  /** Set when an ignore directive matched; suppressed findings are not counted. */
  suppressed?: { reason: string; until?: string };
  /** Production's side, when statistics were given and know the finding's table. */
  exposure?: Exposure;
}

/** A finding's table in production and how long the statement would hold its lock there. */
export interface Exposure {
  rows: number;
  /** Heap, TOAST and indexes. */
  bytes: number;
  writesPerSecond: number;
  /** Null when there is no estimate: the statement only changes the catalog, or no calibration. */
  estimatedLockSeconds: number | null;
  /** One sentence: how the figures were reached. */
  basis: string;
}

/** The machine-readable report (`--format json`), version 1. */
export interface Report {
  version: 1;
  files: Array<{ path: string; framework: FrameworkName; statements: number }>;
  findings: Finding[];
  /** Findings silenced by an ignore directive, with their reason (shown in every report). */
  suppressed: Finding[];
}
