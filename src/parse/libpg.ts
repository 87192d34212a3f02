// The one wrapper around libpg-query: loads the WASM module once, parses synchronously.
import { loadModule, parseSync, parsePlPgSQLSync, scanSync } from 'libpg-query';

let loaded: Promise<void> | undefined;

/** Loads the parser; call (and await) once before any parse. */
export function loadParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

export interface RawStmt {
  stmt: Record<string, unknown>;
  stmt_location?: number;
  stmt_len?: number;
}

export interface ParseFailure {
  message: string;
  /** 0-based character index into the parsed text. */
  cursor: number;
}

export type ParseOutcome = { ok: true; stmts: RawStmt[] } | { ok: false; error: ParseFailure };

export function parseSql(sql: string): ParseOutcome {
  try {
    const result = parseSync(sql) as unknown as { stmts?: RawStmt[] };
    return { ok: true, stmts: result.stmts ?? [] };
  } catch (error: unknown) {
    return { ok: false, error: toFailure(error) };
  }
}

export function parsePlpgsql(
  functionSql: string,
): { ok: true; tree: unknown } | { ok: false; error: ParseFailure } {
  try {
    return { ok: true, tree: parsePlPgSQLSync(functionSql) };
  } catch (error: unknown) {
    return { ok: false, error: toFailure(error) };
  }
}

export interface Token {
  start: number;
  end: number;
  text: string;
  tokenName: string;
}

/** Lexes SQL; returns undefined where the lexer itself fails (unterminated quote). */
export function scanSql(sql: string): Token[] | undefined {
  try {
    return scanSync(sql).tokens;
  } catch {
    return undefined;
  }
}

function toFailure(error: unknown): ParseFailure {
  const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
  const message = details?.message ?? (error instanceof Error ? error.message : String(error));
  return { message, cursor: Math.max(0, details?.cursorPosition ?? 0) };
}
