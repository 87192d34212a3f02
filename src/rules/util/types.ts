// Column type changes: which ones PostgreSQL treats as binary coercible (no rewrite, every value keeps its
// meaning, so the running release cannot tell), and whether the others rewrite the table.
import { strings, typeRef, unwrap, type TypeRef } from '../../parse/ast.js';

/** How a column type change affects the table and the running release. */
export type TypeChange =
  /** The same type restated, or a binary-coercible widening: values and queries keep working. */
  | { kind: 'compatible' }
  /** A real change; `rewrite` says whether the table is rewritten under the lock. */
  | { kind: 'change'; rewrite: 'yes' | 'maybe' | 'unless-utc' };

const SERIALS: Record<string, string> = { serial2: 'int2', serial4: 'int4', serial8: 'int8' };

/** Types whose only modifier is a length or precision where a larger (or no) modifier accepts every old value. */
const WIDENS = new Set(['varchar', 'varbit', 'timestamp', 'timestamptz', 'time', 'timetz']);

/** Default precision PostgreSQL applies when the modifier is omitted (null: unbounded). */
const IMPLICIT_MOD: Record<string, number | null> = {
  varchar: null,
  varbit: null,
  timestamp: 6,
  timestamptz: 6,
  time: 6,
  timetz: 6,
};

function base(t: TypeRef): string {
  return SERIALS[t.name] ?? t.name;
}

function sameSchema(a: TypeRef, b: TypeRef): boolean {
  return a.schema === null || b.schema === null || a.schema === b.schema;
}

/** True when a value of `from` is always a valid `to` value with the same meaning, and PostgreSQL skips the rewrite. */
export function isBinaryCoercible(from: TypeRef, to: TypeRef): boolean {
  if (from.arrayDims > 0 !== to.arrayDims > 0) return false;
  if (!sameSchema(from, to)) return false;
  const a = base(from);
  const b = base(to);
  if (a === b) return widens(a, from.mods, to.mods);
  if (a === 'varchar' && b === 'text') return true;
  if (a === 'text' && b === 'varchar') return to.mods.length === 0;
  if (a === 'cidr' && b === 'inet') return true;
  return false;
}

function widens(name: string, from: number[], to: number[]): boolean {
  if (from.length === to.length && from.every((m, i) => m === to[i])) return true;
  if (name === 'numeric') {
    if (to.length === 0) return true;
    if (from.length === 0) return false;
    const [p1 = 0, s1 = 0] = from;
    const [p2 = 0, s2 = 0] = to;
    return p2 >= p1 && s2 === s1;
  }
  if (!WIDENS.has(name)) return false;
  if (to.length === 0) return IMPLICIT_MOD[name] === null || (from[0] ?? 0) <= (IMPLICIT_MOD[name] ?? 0);
  const old = from.length ? from[0] : IMPLICIT_MOD[name];
  return old !== null && old !== undefined && (to[0] ?? 0) >= old;
}

/**
 * Classifies `ALTER COLUMN ... TYPE to [USING ...]` on a column of type `from` (undefined when the
 * model does not know the column's type).
 */
export function classifyTypeChange(
  from: TypeRef | undefined,
  to: TypeRef,
  options: { using: boolean; postgresVersion: number },
): TypeChange {
  if (options.using) return { kind: 'change', rewrite: 'yes' };
  if (!from || from.name === 'unknown') return { kind: 'change', rewrite: 'maybe' };
  if (isBinaryCoercible(from, to)) return { kind: 'compatible' };
  const pair = `${base(from)}>${base(to)}`;
  if (
    (pair === 'timestamp>timestamptz' || pair === 'timestamptz>timestamp') &&
    from.arrayDims === to.arrayDims
  ) {
    // PostgreSQL 12+ skips the rewrite when the session TimeZone is UTC; the values still change meaning.
    return { kind: 'change', rewrite: options.postgresVersion >= 12 ? 'unless-utc' : 'yes' };
  }
  return { kind: 'change', rewrite: 'yes' };
}

function sameType(a: TypeRef, b: TypeRef): boolean {
  return (
    base(a) === base(b) &&
    sameSchema(a, b) &&
    a.arrayDims > 0 === b.arrayDims > 0 &&
    a.mods.length === b.mods.length &&
    a.mods.every((m, i) => m === b.mods[i])
  );
}

/**
 * True when a USING expression only restates the implicit conversion: `USING col` or `USING col::<new type>`
 * (what Django, migra and Supabase generate). Such a clause changes nothing the plain ALTER would not.
 */
export function isTrivialUsing(expr: unknown, column: string, to: TypeRef): boolean {
  let [kind, n] = unwrap(expr);
  if (kind === 'TypeCast') {
    if (!sameType(typeRef(n.typeName), to)) return false;
    [kind, n] = unwrap(n.arg);
  }
  return kind === 'ColumnRef' && strings(n.fields).pop() === column;
}
