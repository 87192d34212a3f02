// Parses a whole file; where the parser fails, splits the text into top-level statements with
// the lexer and parses each on its own, so one bad statement does not hide the rest.
import type { Diagnostic } from '../types.js';
import { parseSql, scanSql, type RawStmt } from './libpg.js';
import type { SourceText } from './source-text.js';

/** A top-level statement with absolute byte offsets into the source. */
export interface PlacedStmt {
  stmt: Record<string, unknown>;
  /** Byte offset where the statement's region starts (may include leading trivia). */
  start: number;
  end: number;
  /** Byte offset to add to the node's `location` fields. */
  base: number;
}

export function parseWithRecovery(src: SourceText): { stmts: PlacedStmt[]; diagnostics: Diagnostic[] } {
  if (src.text.trim() === '') return { stmts: [], diagnostics: [] };
  const whole = parseSql(src.text);
  if (whole.ok) return { stmts: place(whole.stmts, 0, src.byteLength), diagnostics: [] };

  const diagnostics: Diagnostic[] = [];
  const stmts: PlacedStmt[] = [];
  const tokens = scanSql(src.text);
  if (!tokens) {
    // The lexer failed too (an unterminated quote): keep what precedes the failing statement.
    const errorAt = src.byteOffsetOfChar(whole.error.cursor);
    diagnostics.push(syntaxError(src, errorAt, whole.error.message));
    const prefixEnd = lastSemicolonBefore(src, errorAt);
    if (prefixEnd > 0) {
      const prefix = parseWithRecovery(subSource(src, prefixEnd));
      stmts.push(...prefix.stmts);
      diagnostics.push(...prefix.diagnostics.filter((d) => d.line !== diagnostics[0]?.line));
    }
    return { stmts, diagnostics };
  }

  // Chunk boundaries: after each top-level ';'.
  const bounds: Array<[number, number]> = [];
  let start = 0;
  for (const t of tokens) {
    if (t.text === ';') {
      bounds.push([start, t.end]);
      start = t.end;
    }
  }
  if (start < src.byteLength) bounds.push([start, src.byteLength]);

  let i = 0;
  while (i < bounds.length) {
    const [cStart] = bounds[i] as [number, number];
    // A chunk may need its neighbours (a BEGIN ATOMIC body holds top-level semicolons).
    let parsed: ReturnType<typeof parseSql> | undefined;
    let firstError: ReturnType<typeof parseSql> | undefined;
    let used = 0;
    for (let n = 0; n < 8 && i + n < bounds.length; n++) {
      const cEnd = (bounds[i + n] as [number, number])[1];
      const attempt = parseSql(src.slice(cStart, cEnd));
      if (attempt.ok) {
        parsed = attempt;
        used = n + 1;
        break;
      }
      firstError ??= attempt;
      if (!/BEGIN\s+ATOMIC/i.test(src.slice(cStart, cEnd))) break;
    }
    if (parsed?.ok) {
      const cEnd = (bounds[i + used - 1] as [number, number])[1];
      stmts.push(...place(parsed.stmts, cStart, cEnd));
      i += used;
    } else {
      const cEnd = (bounds[i] as [number, number])[1];
      const chunk = src.slice(cStart, cEnd);
      const err = firstError && !firstError.ok ? firstError.error : { message: 'syntax error', cursor: 0 };
      const at = cStart + Buffer.byteLength(chunk.slice(0, err.cursor), 'utf8');
      diagnostics.push(syntaxError(src, at, err.message));
      i += 1;
    }
  }
  return { stmts, diagnostics };
}

function place(raw: RawStmt[], base: number, end: number): PlacedStmt[] {
  // libpg-query starts each statement after its leading comments; the region of a statement begins
  // where the previous one ended, so the comments above it (ignore directives) stay with it.
  let previousEnd = base;
  return raw.map((r) => {
    const located = base + (r.stmt_location ?? 0);
    const stop = r.stmt_len ? located + r.stmt_len : end;
    const placed = { stmt: r.stmt, start: Math.min(previousEnd, located), end: stop, base };
    previousEnd = stop;
    return placed;
  });
}

function syntaxError(src: SourceText, byteOffset: number, message: string): Diagnostic {
  const { line, column } = src.position(byteOffset);
  return {
    rule: 'syntax-error',
    severity: 'error',
    line,
    column,
    message: `PostgreSQL cannot parse this statement: ${message}. Fix the SQL; the statement was not analysed.`,
  };
}

function lastSemicolonBefore(src: SourceText, byteOffset: number): number {
  const head = src.bytes.subarray(0, byteOffset);
  return head.lastIndexOf(59) + 1;
}

function subSource(src: SourceText, byteEnd: number): SourceText {
  // Same lines and columns: the prefix of the text.
  const Ctor = src.constructor as new (text: string) => SourceText;
  return new Ctor(src.slice(0, byteEnd));
}
