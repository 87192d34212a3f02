// The statements of a generated SQL text, read with PostgreSQL's parser (load it first with
// `loadParser()`), so goose can fence the ones holding semicolons of their own (functions, DO blocks).
import { parseSql } from '../../parse/libpg.js';

export interface SqlStatement {
  /** The statement's text, without its semicolon. */
  text: string;
  /** True for a statement whose body holds semicolons (DO block, function, procedure). */
  hasBody: boolean;
}

const BODY_KINDS = new Set(['DoStmt', 'CreateFunctionStmt']);

/** The statements of `sql`, in order; throws when the text does not parse. */
export function statementsOf(sql: string): SqlStatement[] {
  // Everything moved to later migrations: the expand phase has no statement (PostgreSQL's parser
  // rejects an empty query).
  if (sql.trim() === '') return [];
  const outcome = parseSql(sql);
  if (!outcome.ok) {
    throw new Error(`generated SQL does not parse (${outcome.error.message}); was loadParser() awaited?`);
  }
  const bytes = Buffer.from(sql, 'utf8');
  return outcome.stmts.map((raw) => {
    const start = raw.stmt_location ?? 0;
    const end = raw.stmt_len === undefined || raw.stmt_len === 0 ? bytes.length : start + raw.stmt_len;
    const text = bytes.subarray(start, end).toString('utf8').trim().replace(/;\s*$/, '');
    const kind = Object.keys(raw.stmt)[0] ?? '';
    return { text, hasBody: BODY_KINDS.has(kind) };
  });
}
