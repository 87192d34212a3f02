// Readers for default expressions: a short SQL rendering and whether the value is volatile.
import { strings, typeRef, type Node } from '../parse/ast.js';

/** Renders common default expressions as SQL; anything else as `(expression)`. */
export function deparseExpr(expr: unknown): string {
  const [kind, n] = Object.entries((expr ?? {}) as Node)[0] ?? ['', {}];
  const node = n as Node;
  switch (kind) {
    case 'A_Const': {
      if (node.isnull) return 'NULL';
      if (node.sval)
        return `'${String(((node.sval as Node).sval as string | undefined) ?? '').replace(/'/g, "''")}'`;
      if (node.ival) return String(((node.ival as Node).ival as number | undefined) ?? 0);
      if (node.fval) return String((node.fval as Node).fval);
      if (node.boolval) return ((node.boolval as Node).boolval as boolean | undefined) ? 'true' : 'false';
      return '(expression)';
    }
    case 'TypeCast':
      return `${deparseExpr(node.arg)}::${typeRef(node.typeName).display}`;
    case 'FuncCall':
      return `${strings(node.funcname).join('.')}(${((node.args as unknown[] | undefined) ?? []).map(deparseExpr).join(', ')})`;
    case 'ColumnRef':
      return strings(node.fields).join('.');
    case 'SQLValueFunction':
      return SQL_VALUE_FUNCTIONS[node.op as string] ?? '(expression)';
    case 'A_Expr': {
      const op = strings(node.name).join('');
      return `${deparseExpr(node.lexpr)} ${op} ${deparseExpr(node.rexpr)}`;
    }
    default:
      return '(expression)';
  }
}

const SQL_VALUE_FUNCTIONS: Record<string, string> = {
  SVFOP_CURRENT_DATE: 'CURRENT_DATE',
  SVFOP_CURRENT_TIME: 'CURRENT_TIME',
  SVFOP_CURRENT_TIME_N: 'CURRENT_TIME',
  SVFOP_CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP',
  SVFOP_CURRENT_TIMESTAMP_N: 'CURRENT_TIMESTAMP',
  SVFOP_LOCALTIME: 'LOCALTIME',
  SVFOP_LOCALTIME_N: 'LOCALTIME',
  SVFOP_LOCALTIMESTAMP: 'LOCALTIMESTAMP',
  SVFOP_LOCALTIMESTAMP_N: 'LOCALTIMESTAMP',
  SVFOP_CURRENT_ROLE: 'CURRENT_ROLE',
  SVFOP_CURRENT_USER: 'CURRENT_USER',
  SVFOP_USER: 'USER',
  SVFOP_SESSION_USER: 'SESSION_USER',
  SVFOP_CURRENT_CATALOG: 'CURRENT_CATALOG',
  SVFOP_CURRENT_SCHEMA: 'CURRENT_SCHEMA',
};

/**
 * Functions that PostgreSQL evaluates once per statement (stable) or per transaction: a default
 * that calls only these is stored once, without a table rewrite, on PostgreSQL 11 and later.
 */
const NON_VOLATILE_FUNCTIONS = new Set([
  'now',
  'transaction_timestamp',
  'current_timestamp',
  'statement_timestamp',
  'current_date',
  'localtimestamp',
  'current_user',
  'session_user',
  'current_schema',
  'lower',
  'upper',
  'coalesce',
  'jsonb_build_object',
  'json_build_object',
  'jsonb_build_array',
  'json_build_array',
  'array',
  'to_jsonb',
  'to_json',
  'make_interval',
  'concat',
  'length',
  'abs',
  'greatest',
  'least',
  'date_trunc',
  'timezone',
  'make_date',
  'make_timestamp',
  'make_timestamptz',
]);

/**
 * True when a default expression is volatile (evaluated per row: `random()`, `gen_random_uuid()`,
 * `clock_timestamp()`, `nextval(...)`, or any function not known to be stable or immutable).
 */
export function isVolatileExpr(expr: unknown): boolean {
  let volatile = false;
  const visit = (n: unknown): void => {
    if (volatile || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    for (const [k, v] of Object.entries(n as Node)) {
      if (k === 'FuncCall') {
        const name =
          strings((v as Node).funcname)
            .pop()
            ?.toLowerCase() ?? '';
        if (!NON_VOLATILE_FUNCTIONS.has(name)) {
          volatile = true;
          return;
        }
      }
      if (k === 'SubLink') {
        volatile = true;
        return;
      }
      visit(v);
    }
  };
  visit(expr);
  return volatile;
}
