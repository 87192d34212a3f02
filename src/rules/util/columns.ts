// Columns a statement creates or retypes (CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE), with the facts
// the advisory type rules need: the declared type, whether it is the table's primary key, and what
// generates its values. Old columns are never listed.
import {
  rangeVarName,
  strings,
  typeRef,
  unwrap,
  type Node,
  type QualifiedName,
  type TypeRef,
} from '../../parse/ast.js';
import type { Statement } from '../../types.js';
import { perStatement } from './memo.js';

export type ColumnSource = 'create-table' | 'add-column' | 'alter-type';

/** What fills a column when an insert gives no value. */
export type Generator = 'serial' | 'identity' | 'sequence' | null;

export interface CreatedColumn {
  table: QualifiedName;
  column: string;
  /** `schema.table.column`. */
  object: string;
  type: TypeRef;
  /** The type's own last name as written to the parser, lower case (`bpchar`, `char`, `timestamp`). */
  rawName: string;
  /** libpg-query location of the type in the statement. */
  typeLocation: number | undefined;
  source: ColumnSource;
  /** True when this statement makes the column, alone, the table's primary key. */
  primaryKey: boolean;
  generator: Generator;
}

const SERIAL = /^serial[248]$/;

/** The last name of a `TypeName` node, lower case, before any alias is resolved. */
export function rawTypeName(typeName: unknown): string {
  const names = strings((typeName as { names?: unknown } | undefined)?.names);
  return (names[names.length - 1] ?? '').toLowerCase();
}

/** True for `nextval(...)` (any schema), the default a sequence-backed column carries. */
export function isNextval(expr: unknown): boolean {
  const [kind, body] = unwrap(expr);
  if (kind === 'TypeCast') return isNextval(body.arg);
  if (kind !== 'FuncCall') return false;
  const name = strings(body.funcname);
  return name[name.length - 1]?.toLowerCase() === 'nextval';
}

/** Columns created or retyped by one statement, in the order they are written. */
function computeCreatedColumns(statement: Statement): CreatedColumn[] {
  const [kind, n] = unwrap(statement.node);
  if (kind === 'CreateStmt') return fromCreateTable(n);
  if (kind === 'AlterTableStmt') return fromAlterTable(n);
  return [];
}

export const createdColumns = perStatement(computeCreatedColumns);

function fromCreateTable(n: Node): CreatedColumn[] {
  const relation = (n.relation ?? {}) as Node;
  // Temporary tables are scratch space of the migration itself; partitions take their parent's types.
  if (relation.relpersistence === 't' || n.partbound) return [];
  const table = rangeVarName(relation);
  const elts = (n.tableElts as unknown[] | undefined) ?? [];
  const tablePk = new Set<string>();
  for (const elt of elts) {
    const [k, body] = unwrap(elt);
    if (k !== 'Constraint' || body.contype !== 'CONSTR_PRIMARY') continue;
    const keys = strings(body.keys);
    if (keys.length === 1) tablePk.add(keys[0] as string);
  }
  const out: CreatedColumn[] = [];
  for (const elt of elts) {
    const [k, def] = unwrap(elt);
    if (k !== 'ColumnDef' || !def.typeName) continue;
    const column = describe(table, def, 'create-table');
    if (tablePk.has(column.column)) column.primaryKey = true;
    out.push(column);
  }
  return out;
}

function fromAlterTable(n: Node): CreatedColumn[] {
  if (n.objtype !== 'OBJECT_TABLE') return [];
  const table = rangeVarName(n.relation);
  const out: CreatedColumn[] = [];
  for (const c of (n.cmds as unknown[] | undefined) ?? []) {
    const cmd = ((c as Node).AlterTableCmd ?? {}) as Node;
    const def = ((cmd.def as Node | undefined)?.ColumnDef ?? undefined) as Node | undefined;
    if (!def?.typeName) continue;
    if (cmd.subtype === 'AT_AddColumn') out.push(describe(table, def, 'add-column'));
    else if (cmd.subtype === 'AT_AlterColumnType' && typeof cmd.name === 'string') {
      out.push(describe(table, { ...def, colname: cmd.name }, 'alter-type'));
    }
  }
  return out;
}

function describe(table: QualifiedName, def: Node, source: ColumnSource): CreatedColumn {
  const column = (def.colname as string | undefined) ?? '';
  const type = typeRef(def.typeName);
  let primaryKey = false;
  let generator: Generator = SERIAL.test(type.name) ? 'serial' : null;
  // In ALTER COLUMN TYPE, `raw_default` holds the USING expression, not a default.
  if (source !== 'alter-type' && isNextval(def.raw_default)) generator ??= 'sequence';
  for (const c of (def.constraints as unknown[] | undefined) ?? []) {
    const con = ((c as Node).Constraint ?? {}) as Node;
    if (con.contype === 'CONSTR_PRIMARY') primaryKey = true;
    else if (con.contype === 'CONSTR_IDENTITY') generator = 'identity';
    else if (con.contype === 'CONSTR_DEFAULT' && isNextval(con.raw_expr)) generator ??= 'sequence';
  }
  return {
    table,
    column,
    object: `${table.key}.${column}`,
    type,
    rawName: rawTypeName(def.typeName),
    typeLocation: (def.typeName as { location?: number }).location,
    source,
    primaryKey,
    generator,
  };
}
