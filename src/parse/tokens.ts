// Cuts and edits statement text at token boundaries (the lexer's, not regular expressions), so the
// SQL a person wrote (a SET list, a WHERE clause, a default, a USING expression) is kept as written.
import { scanSql, type Token } from './libpg.js';

/** A statement's text with its tokens (comments left out); offsets are UTF-8 bytes, as the lexer counts. */
export class SqlText {
  readonly bytes: Buffer;
  readonly tokens: Token[];

  constructor(readonly text: string) {
    this.bytes = Buffer.from(text, 'utf8');
    this.tokens = (scanSql(text) ?? []).filter(
      (t) => t.tokenName !== 'SQL_COMMENT' && t.tokenName !== 'C_COMMENT',
    );
  }

  slice(start: number, end: number = this.bytes.length): string {
    return this.bytes.subarray(start, end).toString('utf8').trim();
  }

  /** Index of the first keyword `word` at parenthesis depth 0, from token `from`; -1 when absent. */
  keyword(word: string, from = 0): number {
    let depth = 0;
    for (let i = from; i < this.tokens.length; i++) {
      const t = this.tokens[i] as Token;
      if (t.text === '(' || t.text === '[') depth++;
      else if (t.text === ')' || t.text === ']') depth--;
      else if (depth === 0 && isKeyword(t, word)) return i;
    }
    return -1;
  }

  /** Index of the first of several keywords at depth 0, from token `from`; -1 when none. */
  firstKeyword(words: readonly string[], from = 0): number {
    const found = words.map((w) => this.keyword(w, from)).filter((i) => i >= 0);
    return found.length ? Math.min(...found) : -1;
  }

  startOf(i: number): number {
    return this.tokens[i]?.start ?? this.bytes.length;
  }

  endOf(i: number): number {
    return this.tokens[i]?.end ?? this.bytes.length;
  }

  /** The text with the tokens from `from` to `to` (inclusive) removed. */
  without(from: number, to: number): string {
    const head = this.bytes.subarray(0, this.startOf(from)).toString('utf8');
    const tail = this.bytes.subarray(this.endOf(to)).toString('utf8');
    return `${head.trimEnd()}${tail.startsWith(',') || tail === '' ? '' : ' '}${tail.trimStart()}`.trim();
  }

  /** The text with `insert` put after token `i`. */
  insertAfter(i: number, insert: string): string {
    const head = this.bytes.subarray(0, this.endOf(i)).toString('utf8');
    const tail = this.bytes.subarray(this.endOf(i)).toString('utf8');
    return `${head} ${insert}${tail.startsWith(' ') || tail === '' ? '' : ' '}${tail}`.trimEnd();
  }
}

export function isKeyword(t: Token, word: string): boolean {
  return t.tokenName !== 'IDENT' && t.tokenName !== 'SCONST' && t.text.toUpperCase() === word;
}

/** Keywords that start a column constraint (where a DEFAULT expression ends). */
const COLUMN_CONSTRAINT = [
  'CONSTRAINT',
  'NOT',
  'NULL',
  'CHECK',
  'DEFAULT',
  'UNIQUE',
  'PRIMARY',
  'REFERENCES',
  'COLLATE',
  'GENERATED',
];

/** The token range of `DEFAULT expr` in a column definition, if any. */
export function defaultClause(sql: SqlText): { from: number; to: number; expr: string } | undefined {
  const at = sql.keyword('DEFAULT');
  if (at < 0) return undefined;
  const stop = sql.firstKeyword(COLUMN_CONSTRAINT, at + 1);
  const last = stop < 0 ? sql.tokens.length - 1 : stop - 1;
  return { from: at, to: last, expr: sql.slice(sql.endOf(at), sql.endOf(last)) };
}

/** The token range of `NOT NULL` in a column definition, if any. */
export function notNullClause(sql: SqlText): { from: number; to: number } | undefined {
  for (let i = sql.keyword('NOT'); i >= 0; i = sql.keyword('NOT', i + 1)) {
    const next = sql.tokens[i + 1];
    if (next && isKeyword(next, 'NULL')) return { from: i, to: i + 1 };
  }
  return undefined;
}

/** The expression after `USING` in `ALTER COLUMN ... TYPE ... USING expr`, if any. */
export function usingExpr(sql: SqlText): string | undefined {
  const at = sql.keyword('USING');
  return at < 0 ? undefined : sql.slice(sql.endOf(at));
}

/** The parts of an `UPDATE` or `DELETE` text around its WHERE clause (RETURNING dropped). */
export function dataChangeParts(sql: SqlText): { head: string; where: string | null } {
  const returning = sql.keyword('RETURNING');
  const end = returning < 0 ? sql.bytes.length : sql.startOf(returning);
  const where = sql.keyword('WHERE');
  if (where < 0 || (returning >= 0 && where > returning)) return { head: sql.slice(0, end), where: null };
  return { head: sql.slice(0, sql.startOf(where)), where: sql.slice(sql.endOf(where), end) };
}

/**
 * Replaces bare references to `column` (an unqualified identifier token, as written or quoted) by
 * `prefix.column`: turns a USING expression over the table into one over the trigger's NEW row.
 */
export function qualifyColumn(expr: string, column: string, prefix: string): string {
  const sql = new SqlText(expr);
  let out = '';
  let at = 0;
  sql.tokens.forEach((t, i) => {
    const name = t.text.startsWith('"') ? t.text.slice(1, -1).replace(/""/g, '"') : t.text.toLowerCase();
    const prev = sql.tokens[i - 1];
    const next = sql.tokens[i + 1];
    if (t.tokenName !== 'IDENT' || name !== column || prev?.text === '.' || next?.text === '(') return;
    out += sql.bytes.subarray(at, t.start).toString('utf8') + `${prefix}.${t.text}`;
    at = t.end;
  });
  return out + sql.bytes.subarray(at).toString('utf8');
}
