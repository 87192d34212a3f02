// Reads the statements a DO block runs, through libpg-query's PL/pgSQL parser, and places each at
// its own line in the file. A dynamic EXECUTE of anything but a constant string is reported.
import type { Diagnostic } from '../types.js';
import { parsePlpgsql, parseSql } from './libpg.js';
import type { PlacedStmt } from './recover.js';
import type { SourceText } from './source-text.js';

export interface InnerStmt extends PlacedStmt {
  dynamic: boolean;
}

const WRAP_TAG = '$ec_do_body$';

/** Statements run by a `DO` block whose node is given; `base` makes its locations absolute. */
export function doBlockStatements(
  src: SourceText,
  doStmt: Record<string, unknown>,
  base: number,
): { stmts: InnerStmt[]; diagnostics: Diagnostic[] } {
  const args = (doStmt.args ?? []) as Array<{ DefElem?: Record<string, unknown> }>;
  let language = 'plpgsql';
  let body: { text: string; location: number } | undefined;
  for (const a of args) {
    const d = a.DefElem;
    if (!d) continue;
    const sval = ((d.arg as { String?: { sval?: string } } | undefined)?.String?.sval ?? '') as string;
    if (d.defname === 'language') language = sval.toLowerCase();
    if (d.defname === 'as') body = { text: sval, location: base + ((d.location as number | undefined) ?? 0) };
  }
  if (!body || language !== 'plpgsql') return { stmts: [], diagnostics: [] };

  // Where the body text begins in the file: after the opening quote or dollar tag.
  const literal = src.slice(body.location, Math.min(src.byteLength, body.location + 64));
  const tag = /^\$[A-Za-z_0-9]*\$/.exec(literal)?.[0] ?? (/^[eE]?'/.exec(literal)?.[0] || '');
  const bodyStart = body.location + Buffer.byteLength(tag, 'utf8');
  return functionBodyStatements(src, body.text, bodyStart);
}

export function functionBodyStatements(
  src: SourceText,
  bodyText: string,
  bodyStart: number,
): { stmts: InnerStmt[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const stmts: InnerStmt[] = [];
  const bodyLine = src.position(bodyStart).line;
  const wrapped = `CREATE FUNCTION ec_do() RETURNS void LANGUAGE plpgsql AS ${WRAP_TAG}${bodyText}${WRAP_TAG}`;
  const tree = parsePlpgsql(wrapped);
  if (!tree.ok) {
    const { line, column } = src.position(bodyStart);
    diagnostics.push({
      rule: 'unanalysed-sql',
      severity: 'warning',
      line,
      column,
      message: `The PL/pgSQL body cannot be parsed (${tree.error.message}), so the statements it runs were not analysed; check them by hand.`,
    });
    return { stmts, diagnostics };
  }

  let searchFrom = bodyStart;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'PLpgSQL_stmt_execsql' || key === 'PLpgSQL_stmt_dynexecute') {
        const v = value as Record<string, unknown>;
        const expr = (
          (key === 'PLpgSQL_stmt_execsql' ? v.sqlstmt : v.query) as {
            PLpgSQL_expr?: { query?: string };
          }
        )?.PLpgSQL_expr;
        const query = expr?.query ?? '';
        const lineno = (v.lineno as number | undefined) ?? 1;
        const lineStart = Math.max(searchFrom, src.lineStart(bodyLine + lineno - 1));
        const at = findText(src, query, lineStart);
        if (at >= 0) searchFrom = at + Buffer.byteLength(query, 'utf8');
        const where = at >= 0 ? at : src.lineStart(bodyLine + lineno - 1);
        if (key === 'PLpgSQL_stmt_execsql') addStatic(query, where, false);
        else addDynamic(query, where);
      } else visit(value);
    }
  };

  const addStatic = (query: string, at: number, dynamic: boolean): void => {
    const parsed = parseSql(query);
    if (!parsed.ok) {
      const { line, column } = src.position(at);
      diagnostics.push({
        rule: 'unanalysed-sql',
        severity: 'warning',
        line,
        column,
        message: `A statement inside the PL/pgSQL body cannot be parsed (${parsed.error.message}); check it by hand.`,
      });
      return;
    }
    for (const r of parsed.stmts) {
      const start = at + (r.stmt_location ?? 0);
      const end = r.stmt_len ? start + r.stmt_len : at + Buffer.byteLength(query, 'utf8');
      stmts.push({ stmt: r.stmt, start, end, base: at, dynamic });
      const inner = r.stmt.DoStmt as Record<string, unknown> | undefined;
      if (inner) {
        const nested = doBlockStatements(src, inner, at);
        stmts.push(...nested.stmts);
        diagnostics.push(...nested.diagnostics);
      }
    }
  };

  const addDynamic = (query: string, at: number): void => {
    const constant = constantString(query);
    if (constant !== undefined) {
      // The string's content starts after its opening quote.
      addStatic(constant, at + (query.trimStart().startsWith('E') ? 2 : 1), true);
      return;
    }
    const { line, column } = src.position(at);
    diagnostics.push({
      rule: 'unanalysed-sql',
      severity: 'warning',
      line,
      column,
      message: `EXECUTE of a string built at run time (${truncate(query)}) cannot be analysed; review the statement it runs by hand, or write it as static SQL.`,
    });
  };

  const root = (tree.tree as { plpgsql_funcs?: unknown[] }).plpgsql_funcs ?? [];
  visit(root);
  return { stmts, diagnostics };
}

/** The value of an expression that is one string constant, else undefined. */
function constantString(expr: string): string | undefined {
  const parsed = parseSql(`SELECT ${expr}`);
  if (!parsed.ok || parsed.stmts.length !== 1) return undefined;
  const select = parsed.stmts[0]?.stmt.SelectStmt as { targetList?: unknown[] } | undefined;
  const target = select?.targetList?.[0] as { ResTarget?: { val?: Record<string, unknown> } } | undefined;
  const val = target?.ResTarget?.val;
  if (select?.targetList?.length !== 1 || !val) return undefined;
  const sval = (val.A_Const as { sval?: { sval?: string } } | undefined)?.sval?.sval;
  return typeof sval === 'string' ? sval : undefined;
}

function findText(src: SourceText, needle: string, fromByte: number): number {
  if (!needle) return -1;
  const idx = src.bytes.indexOf(needle, fromByte, 'utf8');
  return idx;
}

function truncate(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
