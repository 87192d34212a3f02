// What depends on the column a swap replaces (CHECK, UNIQUE, PRIMARY KEY and FOREIGN KEY constraints,
// indexes), copied onto the replacement column without long locks: constraints NOT VALID in expand and
// validated in a later migration, indexes built CONCURRENTLY in a later migration; in the contract, once
// the old column (and what depends on it) is dropped, the copies take the original names back.
import type { SchemaCatalog } from '../catalog/model.js';
import { qualify, rangeVarName, strings, walk, type Node } from '../parse/ast.js';
import {
  columnRefs,
  Definitions,
  readsOf,
  writtenRefs,
  type ConstraintDef,
  type IndexDef,
} from './column-deps.js';
import { objectName, qualifiedSql, quoteIdent, tableSql, typeSql, type TableRef } from './sql.js';
import { SqlText } from '../parse/tokens.js';
import type { LaterStep, Refusal } from './types.js';

export interface SwapDependents {
  expand: string[];
  later: LaterStep[];
  /** Contract steps before anything is dropped (validations that must wait for the backfill). */
  beforeDrop: string[];
  /** Run after the old column is dropped. */
  contract: string[];
  /** Original names of the copied indexes and constraints. */
  copied: string[];
  /** The primary key's name when it moves to the new column in the contract. */
  primaryKey: string | null;
}

export const NO_DEPENDENTS: SwapDependents = {
  expand: [],
  later: [],
  beforeDrop: [],
  contract: [],
  copied: [],
  primaryKey: null,
};

interface Swap {
  table: TableRef;
  oldColumn: string;
  newColumn: string;
  /** The new column's type (SQL); when it differs from the old one's, expressions are re-read over it. */
  newType: string;
  catalog: SchemaCatalog;
}

const FAMILIES: RegExp[] = [
  /^(smallint|integer|bigint|int[248]?|numeric|decimal|real|double precision|float[48]?)(\(.*\))?$/,
  /^(text|varchar|character varying|char|character|bpchar|citext)(\(.*\))?$/,
  /^(timestamp|timestamptz|timestamp with(out)? time zone|date)(\(.*\))?$/,
];

/**
 * Why an expression (CHECK, index expression or WHERE) cannot be copied over the new type, or null.
 * ALTER TYPE re-reads such expressions over the new type; the copy does the same, which keeps their
 * meaning only between types of one family (integers and numerics, strings, timestamps).
 */
function typeChangeProblem(s: Swap, where: string): string | null {
  const col = s.catalog.column(s.table.name, s.oldColumn);
  const oldType = col ? typeSql(col.type) : null;
  if (oldType === s.newType) return null;
  const family = (t: string | null): number => (t ? FAMILIES.findIndex((f) => f.test(t)) : -1);
  if (family(oldType) >= 0 && family(oldType) === family(s.newType)) return null;
  return `the expression of ${where} would be re-read over ${s.newType} instead of ${oldType ?? 'an unknown type'}, which may change its meaning or fail; plan it by hand`;
}

const INDEX_WHY =
  'CREATE INDEX CONCURRENTLY cannot run inside a transaction block; if it fails it leaves an INVALID index: DROP INDEX CONCURRENTLY it and run again.';
const VALIDATE_WHY =
  "VALIDATE CONSTRAINT checks existing rows under SHARE UPDATE EXCLUSIVE, so reads and writes go on; in its own migration it does not hold the expand migration's locks.";

/** The steps that give `newColumn` what depends on `oldColumn`, or why that cannot be planned. */
export function swapDependents(s: Swap): SwapDependents | Refusal {
  const t = s.table.name.key;
  const defs = new Definitions(s.catalog);
  if (defs.incomplete.has(t))
    return {
      refused: `${t} was created with LIKE, INHERITS or PARTITION OF: the indexes and constraints it got that way are not known; plan this change by hand`,
    };
  // An index whose definition is not known may read the column in an expression or its WHERE clause.
  const unknown = defs.unknown.find((u) => u.table === t && (u.index || u.columns.includes(s.oldColumn)));
  if (unknown)
    return {
      refused: `the definition of ${unknown.what} on ${t} is not known (an unnamed object whose name PostgreSQL chose is not certain, or a definition that could not follow a rename), and the copy of ${s.oldColumn} may need it; plan this change by hand`,
    };
  const reads = (d: IndexDef | ConstraintDef): boolean => {
    const r = readsOf(d);
    return [...r.keys, ...r.where].includes(s.oldColumn);
  };
  const on = defs.onTable(t);
  const cons = on.constraints.filter(reads);
  const idx = on.indexes.filter(reads);
  const pk = s.catalog.relation(s.table.name)?.constraints.values();
  const pkColumns = [...(pk ?? [])].find((c) => c.kind === 'primary key')?.columns ?? [];
  // Foreign keys to the column, known definition or not.
  const refs = s.catalog
    .allRelations()
    .flatMap((r) =>
      [...r.constraints.values()]
        .filter(
          (c) =>
            c.kind === 'foreign key' &&
            c.refTable === t &&
            (c.refColumns?.includes(s.oldColumn) ||
              (!c.refColumns?.length && pkColumns.includes(s.oldColumn))),
        )
        .map((c) => ({ name: c.name, table: `${r.schema}.${r.name}` })),
    );
  const ref = refs[0];
  if (ref)
    return {
      refused: `foreign key ${ref.name} on ${ref.table} references ${t}.${s.oldColumn}; move that reference by hand first (drop it, or re-point it at the new column), then plan this change`,
    };
  if (idx.length + cons.length > 0 && s.catalog.relation(s.table.name)?.kind === 'partitioned table')
    return {
      refused: `${t} is partitioned: its indexes cannot be built CONCURRENTLY on the parent; plan the copy of its indexes and constraints by hand`,
    };

  const out: SwapDependents = {
    expand: [],
    later: [],
    beforeDrop: [],
    contract: [],
    copied: [],
    primaryKey: null,
  };
  for (const d of [...cons, ...idx]) {
    const refused = 'kind' in d ? copyConstraint(d, s, defs, out) : copyIndex(d, s, defs, out);
    if (refused) return { refused };
    out.copied.push(d.name);
  }
  return out;
}

const what = (d: IndexDef | ConstraintDef): string =>
  `${'kind' in d ? `${d.kind} constraint` : d.unique ? 'unique index' : 'index'} ${d.name}`;

function common(d: IndexDef | ConstraintDef, s: Swap, defs: Definitions): string | { tmp: string } {
  const where = `${what(d)} on ${s.table.name.key}`;
  const r = readsOf(d);
  const keys = [...new Set(r.keys)];
  if (keys.length !== 1 || keys[0] !== s.oldColumn)
    return `${where} reads several columns (${[...new Set([...r.keys, ...r.where])].join(', ')}); copying multi-column indexes and constraints is not planned: plan it by hand`;
  const tmp = objectName(d.name, 'new');
  const taken = qualify(tmp, s.table.name.schema);
  if (defs.nameTaken(taken.schema, tmp) || s.catalog.relation(taken) || s.catalog.index(taken))
    return `the name ${tmp} for the copy of ${where} is already taken`;
  return { tmp };
}

function copyConstraint(d: ConstraintDef, s: Swap, defs: Definitions, out: SwapDependents): string | null {
  const c = common(d, s, defs);
  if (typeof c === 'string') return c;
  const t = tableSql(s.table);
  const [tmp, name] = [quoteIdent(c.tmp), quoteIdent(d.name)];
  const n = d.node;
  if (n.is_enforced === false) return `${what(d)} is NOT ENFORCED; plan it by hand`;
  const validate = (): void => {
    const sql = `ALTER TABLE ${t} VALIDATE CONSTRAINT ${tmp}`;
    // The later migrations run before the backfill, over a new column still NULL: a CHECK that may
    // reject NULL is validated in the contract instead, before anything is dropped.
    if (d.validated && d.kind === 'check' && !nullPassing(d.node.raw_expr)) out.beforeDrop.push(sql);
    else if (d.validated) out.later.push({ sql, outsideTransaction: false, why: VALIDATE_WHY });
    out.contract.push(`ALTER TABLE ${t} RENAME CONSTRAINT ${tmp} TO ${name}`);
  };
  const col = quoteIdent(s.newColumn);
  switch (d.kind) {
    case 'check': {
      const problem = typeChangeProblem(s, what(d));
      if (problem) return problem;
      const expr = checkExpression(d, s);
      if (expr === null) return `the expression of ${what(d)} could not be rewritten for ${s.newColumn}`;
      out.expand.push(
        `ALTER TABLE ${t} ADD CONSTRAINT ${tmp} CHECK (${expr})${n.is_no_inherit ? ' NO INHERIT' : ''} NOT VALID`,
      );
      validate();
      return null;
    }
    case 'foreign key': {
      if (Array.isArray(n.fk_del_set_cols) && n.fk_del_set_cols.length)
        return `${what(d)} sets a column list ON DELETE; plan it by hand`;
      out.expand.push(
        `ALTER TABLE ${t} ADD CONSTRAINT ${tmp} FOREIGN KEY (${col}) ${references(d)} NOT VALID`,
      );
      validate();
      return null;
    }
    case 'unique':
    case 'primary key': {
      if (n.deferrable || arr(n.including).length || arr(n.options).length || n.indexspace)
        return `${what(d)} has options (DEFERRABLE, INCLUDE, WITH or USING INDEX TABLESPACE) that are not copied; plan it by hand`;
      if (n.nulls_not_distinct) return nullsNotDistinct(d);
      out.later.push({
        sql: `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${tmp} ON ${t} (${col})`,
        outsideTransaction: true,
        why: INDEX_WHY,
      });
      const words = d.kind === 'unique' ? 'UNIQUE' : 'PRIMARY KEY';
      out.contract.push(`ALTER TABLE ${t} ADD CONSTRAINT ${name} ${words} USING INDEX ${tmp}`);
      if (d.kind === 'primary key') out.primaryKey = d.name;
      return null;
    }
    default:
      return `${what(d)} is not copied; plan it by hand`;
  }
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const nullsNotDistinct = (d: IndexDef | ConstraintDef): string =>
  `${what(d)} is NULLS NOT DISTINCT: its copy cannot be built while the new column is still NULL before the backfill; plan it by hand`;

/** Node kinds that give NULL when a column they read is NULL (with strict functions and operators). */
const NULL_PASSING = new Set([
  'ColumnRef',
  'A_Const',
  'TypeCast',
  'TypeName',
  'A_Expr',
  'BoolExpr',
  'FuncCall',
]);
const NULL_PASSING_EXPRS = new Set([
  'AEXPR_OP',
  'AEXPR_OP_ANY',
  'AEXPR_OP_ALL',
  'AEXPR_IN',
  'AEXPR_LIKE',
  'AEXPR_ILIKE',
  'AEXPR_SIMILAR',
  'AEXPR_BETWEEN',
  'AEXPR_NOT_BETWEEN',
]);
const STRICT_FUNCTIONS = new Set(
  'abs btrim ceil char_length character_length date_part date_trunc floor left length lower ltrim md5 octet_length position right round rtrim strpos substr substring trim trunc upper'.split(
    ' ',
  ),
);

/**
 * True when the expression is NULL (so a CHECK passes, a UNIQUE key stays distinct) whenever the
 * columns it reads are NULL: only column references, constants, casts, operators, AND/OR/NOT and
 * known strict functions. Anything else (IS NULL, COALESCE, CASE, other functions) may not be.
 */
function nullPassing(expr: unknown): boolean {
  let ok = true;
  walk(expr, (key, value) => {
    if (!/^[A-Z]/.test(key) || ['String', 'Integer', 'Float', 'Boolean', 'List', 'IndexElem'].includes(key))
      return;
    if (!NULL_PASSING.has(key)) ok = false;
    else if (key === 'A_Expr' && !NULL_PASSING_EXPRS.has(value.kind as string)) ok = false;
    else if (
      key === 'FuncCall' &&
      arr(value.args).length &&
      !STRICT_FUNCTIONS.has(strings(value.funcname).pop() ?? '')
    )
      ok = false;
  });
  return ok;
}

const ACTIONS: Record<string, string> = { r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

/** `REFERENCES table (cols) ...` of a foreign key, from its definition (columns as it lists them). */
function references(d: ConstraintDef): string {
  const n = d.node;
  const rv = rangeVarName(n.pktable);
  const target = (n.pktable as Node).schemaname
    ? `${quoteIdent(rv.schema)}.${quoteIdent(rv.name)}`
    : quoteIdent(rv.name);
  let sql = `REFERENCES ${target}`;
  const columns = strings(n.pk_attrs);
  if (columns.length) sql += ` (${columns.map(quoteIdent).join(', ')})`;
  if (n.fk_matchtype === 'f') sql += ' MATCH FULL';
  const upd = ACTIONS[n.fk_upd_action as string];
  const del = ACTIONS[n.fk_del_action as string];
  if (upd) sql += ` ON UPDATE ${upd}`;
  if (del) sql += ` ON DELETE ${del}`;
  if (n.deferrable) sql += ' DEFERRABLE';
  if (n.initdeferred) sql += ' INITIALLY DEFERRED';
  return sql;
}

/** The CHECK expression of the definition (one redundant outer pair of parentheses off), over the new column, or null. */
function checkExpression(d: ConstraintDef, s: Swap): string | null {
  const text = new SqlText(d.definition);
  const at = text.keyword('CHECK');
  const open = at + 1;
  if (at < 0 || text.tokens[open]?.text !== '(') return null;
  const close = matching(text, open);
  if (close < 0) return null;
  let expr = new SqlText(text.slice(text.endOf(open), text.startOf(close)));
  // pg_get_constraintdef prints CHECK ((a > 0)) for CHECK (a > 0).
  if (expr.tokens[0]?.text === '(' && matching(expr, 0) === expr.tokens.length - 1)
    expr = new SqlText(expr.slice(expr.endOf(0), expr.startOf(expr.tokens.length - 1)));
  return rewrite(expr, 0, targets(d, s), columnRefs(d.node.raw_expr));
}

/** The index of the parenthesis closing the one at token `open`; -1 when unbalanced. */
function matching(text: SqlText, open: number): number {
  let depth = 0;
  for (let i = open; i < text.tokens.length; i++) {
    const t = text.tokens[i]?.text;
    if (t === '(') depth++;
    else if (t === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Column name -> the identifier the copy must use: the old column becomes the new one. */
function targets(d: IndexDef | ConstraintDef, s: Swap): Map<string, string> {
  return new Map(writtenRefs(d).includes(s.oldColumn) ? [[s.oldColumn, s.newColumn]] : []);
}

const NAMES = new Set(['IDENT', 'UNKNOWN']);
const identName = (text: string): string =>
  text.startsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text.toLowerCase();

/**
 * The text from token `from` on, with column identifiers replaced by their targets; null unless each
 * changed name is replaced exactly as many times as the parse tree reads it (`reads`).
 */
function rewrite(text: SqlText, from: number, map: Map<string, string>, reads: string[]): string | null {
  let out = '';
  let at = text.startOf(from);
  const seen = new Map<string, number>();
  for (let i = from; i < text.tokens.length; i++) {
    const t = text.tokens[i];
    if (!t || !NAMES.has(t.tokenName)) continue;
    const [prev, next] = [text.tokens[i - 1]?.text, text.tokens[i + 1]?.text];
    const name = identName(t.text);
    const target = map.get(name);
    if (target === undefined || prev === '.' || prev === '::' || next === '(' || next === '.') continue;
    seen.set(name, (seen.get(name) ?? 0) + 1);
    out += text.bytes.subarray(at, t.start).toString('utf8') + quoteIdent(target);
    at = t.end;
  }
  for (const name of map.keys())
    if ((seen.get(name) ?? 0) !== reads.filter((r) => r === name).length) return null;
  return out + text.bytes.subarray(at).toString('utf8');
}

function copyIndex(d: IndexDef, s: Swap, defs: Definitions, out: SwapDependents): string | null {
  const c = common(d, s, defs);
  if (typeof c === 'string') return c;
  if (d.unique && d.node.nulls_not_distinct) return nullsNotDistinct(d);
  if (d.unique && !arr(d.node.indexParams).every((p) => nullPassing(p)))
    return `${what(d)} is UNIQUE over an expression that may not be NULL for NULL: its copy cannot be built before the backfill fills the new column; plan it by hand`;
  const plain = arr(d.node.indexParams).every(
    (p) => typeof ((p as Node).IndexElem as Node).name === 'string',
  );
  const problem = plain && !d.node.whereClause ? null : typeChangeProblem(s, what(d));
  if (problem) return problem;
  const text = new SqlText(d.definition);
  const on = text.keyword('ON');
  let i = on + 1;
  if (on < 0 || text.tokens[i]?.text.toUpperCase() === 'ONLY')
    return `${what(d)} could not be read back from its CREATE INDEX`;
  while (text.tokens[i + 1]?.text === '.') i += 2;
  const body = rewrite(text, i + 1, targets(d, s), writtenRefs(d));
  if (body === null) return `the definition of ${what(d)} could not be rewritten for ${s.newColumn}`;
  const tmp = quoteIdent(c.tmp);
  out.later.push({
    sql: `CREATE ${d.unique ? 'UNIQUE ' : ''}INDEX CONCURRENTLY IF NOT EXISTS ${tmp} ON ${tableSql(s.table)} ${body.trim()}`,
    outsideTransaction: true,
    why: INDEX_WHY,
  });
  out.contract.push(`ALTER INDEX ${qualifiedSql(s.table, c.tmp)} RENAME TO ${quoteIdent(d.name)}`);
  return null;
}
