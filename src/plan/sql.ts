// Small SQL writers shared by the recipes: identifiers, names, literals, placeholders.
import type { QualifiedName, TypeRef } from '../parse/ast.js';
import { quoteIdent } from '../parse/ident.js';

export { quoteIdent };

/** A table as the migration wrote it: `users`, `app.users`, `"User"`. */
export interface TableRef {
  name: QualifiedName;
  /** True when the migration named the schema. */
  explicitSchema: boolean;
}

export function tableRef(rangeVar: unknown): TableRef {
  const rv = (rangeVar ?? {}) as { schemaname?: string; relname?: string };
  const schema = rv.schemaname || 'public';
  const name = rv.relname ?? '';
  return { name: { schema, name, key: `${schema}.${name}` }, explicitSchema: Boolean(rv.schemaname) };
}

/** The table's name in SQL, schema-qualified only when the migration was. */
export function tableSql(t: TableRef): string {
  return qualifiedSql(t, t.name.name);
}

/** Another object (function, view) in the table's schema, qualified the same way the table is. */
export function qualifiedSql(t: TableRef, name: string): string {
  return t.explicitSchema ? `${quoteIdent(t.name.schema)}.${quoteIdent(name)}` : quoteIdent(name);
}

/** A name built from parts, cut to PostgreSQL's 63-byte limit the way PostgreSQL would keep it unique. */
export function objectName(...parts: string[]): string {
  const name = parts.join('_');
  if (Buffer.byteLength(name, 'utf8') <= 63) return name;
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  const suffix = `_${hash.toString(36).slice(0, 6)}`;
  let head = name;
  while (Buffer.byteLength(head + suffix, 'utf8') > 63) head = head.slice(0, -1);
  return head + suffix;
}

export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A type as written in SQL, its user-defined parts quoted when they need it. */
export function typeSql(t: TypeRef): string {
  const builtin = /^[a-z][a-z0-9_ ]*(\([0-9, ]*\))?(\[\])*$/.test(t.display) && t.schema === null;
  if (builtin && t.name === t.name.toLowerCase()) return t.display;
  const mods = t.mods.length ? `(${t.mods.join(',')})` : '';
  const schema = t.schema ? `${quoteIdent(t.schema)}.` : '';
  return `${schema}${quoteIdent(t.name)}${mods}${'[]'.repeat(t.arrayDims)}`;
}

export const PLACEHOLDER_FUNCTION = 'expand_contract_todo';

/**
 * An expression a person must replace. It parses (so the plan stays valid SQL) and fails with
 * "function expand_contract_todo(unknown) does not exist" if run unfilled.
 */
export function placeholder(description: string): string {
  return `${PLACEHOLDER_FUNCTION}(${literal(description)})`;
}

/** Every placeholder marker in a SQL text, with its description. */
export function findPlaceholders(sql: string): Array<{ marker: string; description: string }> {
  const out: Array<{ marker: string; description: string }> = [];
  const re = new RegExp(`${PLACEHOLDER_FUNCTION}\\('((?:[^']|'')*)'\\)`, 'g');
  for (const m of sql.matchAll(re)) {
    out.push({ marker: m[0], description: (m[1] ?? '').replace(/''/g, "'") });
  }
  return out;
}

/** Statements as one script: each ends with a semicolon, one per line. */
export function script(statements: readonly string[]): string {
  return statements.map((s) => `${s.replace(/;\s*$/, '')};`).join('\n');
}

/** Types without an equality operator (json, xml, geometric): compared as text. */
const NO_EQUALITY = /^(json|xml|point|line|lseg|box|path|polygon|circle)(\[\])*$/i;

/** `a IS [NOT] DISTINCT FROM b` for values of `type`, through text where the type has no `=`. */
export function distinctFrom(a: string, b: string, type: string, not = false): string {
  const op = not ? 'IS NOT DISTINCT FROM' : 'IS DISTINCT FROM';
  return NO_EQUALITY.test(type.trim()) ? `(${a})::text ${op} (${b})::text` : `${a} ${op} ${b}`;
}
