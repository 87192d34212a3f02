// Small readers over libpg-query nodes, shared by the catalog and the rules.

export type Node = Record<string, unknown>;

export interface QualifiedName {
  schema: string;
  name: string;
  /** `schema.name`, the key used everywhere. */
  key: string;
}

export const DEFAULT_SCHEMA = 'public';

export function qualify(name: string, schema?: string | null): QualifiedName {
  const s = schema || DEFAULT_SCHEMA;
  return { schema: s, name, key: `${s}.${name}` };
}

/** `RangeVar` -> qualified name. */
export function rangeVarName(rv: unknown): QualifiedName {
  const r = (rv ?? {}) as { schemaname?: string; relname?: string };
  return qualify(r.relname ?? '', r.schemaname);
}

/** A list of `String` nodes -> strings (`["public","users"]`). */
export function strings(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((n) => {
    const node = n as { String?: { sval?: string }; A_Star?: unknown };
    if (node.String) return node.String.sval ?? '';
    if (node.A_Star) return '*';
    return '';
  });
}

/** A dotted name list (`schema.name` or `name`) -> qualified name. */
export function listName(list: unknown): QualifiedName {
  // Some statements wrap the name list in a `List` node (`ALTER TYPE ... RENAME`).
  const items = (list as { List?: { items?: unknown } } | undefined)?.List?.items ?? list;
  const parts = strings(items);
  if (parts.length >= 2) return qualify(parts[parts.length - 1] as string, parts[parts.length - 2]);
  return qualify(parts[0] ?? '');
}

/** The single key of a node (`{ AlterTableStmt: {...} }` -> `AlterTableStmt`) and its body. */
export function unwrap(node: unknown): [string, Node] {
  const n = (node ?? {}) as Node;
  const key = Object.keys(n)[0] ?? '';
  return [key, (n[key] ?? {}) as Node];
}

export interface TypeRef {
  /** Canonical lower-case name without schema: `int4`, `varchar`, `timestamptz`, `my_enum`. */
  name: string;
  schema: string | null;
  /** Numeric type modifiers: `varchar(10)` -> [10], `numeric(10,2)` -> [10, 2]. */
  mods: number[];
  /** Array dimensions (0 for a scalar). */
  arrayDims: number;
  /** How a person writes it: `varchar(10)`, `integer[]`. */
  display: string;
}

// The parser already maps char(n)/character(n) to bpchar; a quoted "char" is the one-byte type.
const ALIASES: Record<string, string> = {
  int: 'int4',
  integer: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  serial: 'serial4',
  bigserial: 'serial8',
  smallserial: 'serial2',
  real: 'float4',
  float: 'float8',
  'double precision': 'float8',
  decimal: 'numeric',
  boolean: 'bool',
  'character varying': 'varchar',
  timestamp: 'timestamp',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  time: 'time',
  'time with time zone': 'timetz',
  'bit varying': 'varbit',
};

const DISPLAY: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  bpchar: 'character',
  serial4: 'serial',
  serial8: 'bigserial',
  serial2: 'smallserial',
};

/** `TypeName` node -> canonical reference. */
export function typeRef(typeName: unknown): TypeRef {
  const t = (typeName ?? {}) as { names?: unknown; typmods?: unknown[]; arrayBounds?: unknown[] };
  const parts = strings(t.names);
  let schema: string | null = parts.length > 1 ? (parts[0] as string) : null;
  // The parser folds unquoted names to lower case already; a quoted name keeps its case.
  let name = parts[parts.length - 1] ?? '';
  if (schema === 'pg_catalog') schema = null;
  name = ALIASES[name] ?? name;
  const mods: number[] = [];
  for (const m of t.typmods ?? []) {
    const c = (m as { A_Const?: { ival?: { ival?: number } } }).A_Const;
    if (c) mods.push(c.ival?.ival ?? 0);
  }
  const arrayDims = t.arrayBounds?.length ?? 0;
  const base = DISPLAY[name] ?? name;
  const display = `${schema ? `${schema}.` : ''}${base}${mods.length ? `(${mods.join(',')})` : ''}${'[]'.repeat(arrayDims)}`;
  return { name, schema, mods, arrayDims, display };
}

/** Depth-first walk over every object in a node tree. */
export function walk(node: unknown, visit: (key: string, value: Node) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Node)) {
    if (value && typeof value === 'object') {
      if (!Array.isArray(value)) visit(key, value as Node);
      walk(value, visit);
    }
  }
}

/** The smallest `location` found anywhere in a node tree, if any. */
export function firstLocation(node: unknown): number | undefined {
  let best: number | undefined;
  const see = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(see);
    if (!n || typeof n !== 'object') return;
    for (const [k, v] of Object.entries(n as Node)) {
      if (k === 'location' && typeof v === 'number' && v >= 0)
        best = best === undefined ? v : Math.min(best, v);
      else if (v && typeof v === 'object') see(v);
    }
  };
  see(node);
  return best;
}
