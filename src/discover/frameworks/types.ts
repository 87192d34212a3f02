// What every framework module offers: detect a folder, order its files, extract a file's "up" SQL.
// Modules are pure and synchronous: the folder's files and auxiliary files are read beforehand.
import type { Diagnostic, FrameworkName } from '../../types.js';

/** A migrations folder: a directory, sqitch's top directory, or prisma's migrations directory. */
export interface Folder {
  /** Absolute path of the folder. */
  root: string;
  /** Candidate `.sql` files, relative to `root` with `/` separators, sorted. */
  files: string[];
  /** A candidate's text, when it was read for detection (undefined otherwise). */
  text(rel: string): string | undefined;
  /** An auxiliary file (see `auxFiles`) relative to `root`; undefined when absent. */
  aux(rel: string): string | undefined;
}

export interface OrderedEntry {
  rel: string;
  /** Compared with `compareOrderKeys` (localeCompare 'en', numeric). */
  orderKey: string;
  repeatable?: boolean;
}

export interface SkippedEntry {
  rel: string;
  /** Why the framework does not run it, as a sentence fragment shown to the user. */
  reason: string;
  /** True when a notice is due even when the user did not name the file (it looks like a mistake). */
  notice: boolean;
}

export interface OrderResult {
  /** Files the framework runs, in its order. */
  entries: OrderedEntry[];
  skipped: SkippedEntry[];
  /** Problems of the folder as a whole (a broken plan or journal), attached to one of its files. */
  diagnostics: Array<{ rel: string; diagnostic: Diagnostic }>;
}

export interface ExtractContext {
  /** The file relative to the folder root. */
  rel: string;
  /** Flyway `${name}` values from the configuration. */
  placeholders: Record<string, string>;
  /** True when line 1 began with a byte order mark (now a space, not an indentation). */
  bom: boolean;
  aux(rel: string): string | undefined;
}

export interface Extracted {
  /** The text with what does not run blanked (same lines and columns). */
  sql: string;
  transactional: boolean;
  diagnostics: Diagnostic[];
}

export interface FrameworkModule {
  readonly name: FrameworkName;
  /** How well the framework explains the folder: 0 not at all, up to 1. */
  detect(folder: Folder): number;
  order(folder: Folder): OrderResult;
  extract(text: string, ctx: ExtractContext): Extracted;
  /** Auxiliary files (relative to the root) the module wants to see in `aux`. */
  auxFiles?(files: string[]): string[];
}

/** A diagnostic of rule `input-error`. */
export function inputDiagnostic(
  severity: Diagnostic['severity'],
  line: number,
  column: number,
  message: string,
): Diagnostic {
  return { rule: 'input-error', severity, line, column, message };
}

/** The base name of a `/`-separated relative path. */
export function baseName(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

/** Fraction of `files` whose base name matches one of `patterns`. */
export function nameShare(files: string[], ...patterns: RegExp[]): number {
  if (files.length === 0) return 0;
  return files.filter((f) => patterns.some((p) => p.test(baseName(f)))).length / files.length;
}
