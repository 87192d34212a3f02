// Readers shared by the blocking (lock) rules: constraints an ALTER TABLE adds, with the names
// PostgreSQL gives them, and columns an ALTER TABLE adds.
import { rangeVarName, strings, unwrap, walk, type Node, type QualifiedName } from '../../parse/ast.js';
import type { SchemaCatalog } from '../../catalog/model.js';
import type { Statement } from '../../types.js';
import { columnDef, locationOf, readAlterTable, type AlterCmd } from './alter-table.js';
import { perStatement } from './memo.js';

/** True when running code can be using the table: one the model does not know, or one older than this release. */
export function isExistingTable(catalog: SchemaCatalog, table: QualifiedName): boolean {
  return !catalog.isNewRelation(table);
}

export interface AddedConstraint {
  table: QualifiedName;
  /** The `Constraint` node body. */
  con: Node;
  contype: string;
  /** The name written, or the one PostgreSQL chooses. */
  name: string;
  /** Columns of the constraint (the column itself for a column constraint). */
  columns: string[];
  location: number | undefined;
  /** The `ColumnDef` body when the constraint is part of ADD COLUMN. */
  column?: Node;
  /** True for `NOT VALID`. */
  notValid: boolean;
  /** False for `NOT ENFORCED` (PostgreSQL 18), which checks nothing. */
  enforced: boolean;
}

/** Constraints added by an ALTER TABLE: ADD CONSTRAINT commands and column constraints of ADD COLUMN. */
function computeAddedConstraints(statement: Statement): AddedConstraint[] {
  const alter = readAlterTable(statement);
  if (!alter) return [];
  const out: AddedConstraint[] = [];
  for (const cmd of alter.cmds) {
    if (cmd.subtype === 'AT_AddConstraint') {
      const [kind, con] = unwrap(cmd.def);
      if (kind === 'Constraint') out.push(read(alter.table, con));
    } else if (cmd.subtype === 'AT_AddColumn') {
      const def = columnDef(cmd);
      if (!def) continue;
      for (const c of Array.isArray(def.constraints) ? def.constraints : []) {
        const [kind, con] = unwrap(c);
        if (kind === 'Constraint') out.push(read(alter.table, con, def));
      }
    }
  }
  return out;
}

export const addedConstraints = perStatement(computeAddedConstraints);

function read(table: QualifiedName, con: Node, column?: Node): AddedConstraint {
  const contype = String(con.contype ?? '');
  const own = column ? [String(column.colname ?? '')] : [];
  const columns = own.length ? own : strings(contype === 'CONSTR_FOREIGN' ? con.fk_attrs : con.keys);
  if (contype === 'CONSTR_EXCLUSION' && !columns.length) {
    for (const e of Array.isArray(con.exclusions) ? con.exclusions : []) {
      const [, list] = unwrap(e);
      const [, elem] = unwrap((Array.isArray(list.items) ? list.items : [])[0]);
      if (typeof elem.name === 'string') columns.push(elem.name);
    }
  }
  const name =
    typeof con.conname === 'string' ? con.conname : defaultConstraintName(table, contype, columns, con);
  return {
    table,
    con,
    contype,
    name,
    columns,
    location: locationOf(con),
    ...(column ? { column } : {}),
    notValid: Boolean(con.skip_validation) && !column,
    // libpg-query writes is_enforced: true for CHECK and FOREIGN KEY unless NOT ENFORCED; other kinds omit it.
    enforced: con.is_enforced === true || (contype !== 'CONSTR_CHECK' && contype !== 'CONSTR_FOREIGN'),
  };
}

const SUFFIX: Record<string, string> = {
  CONSTR_PRIMARY: 'pkey',
  CONSTR_UNIQUE: 'key',
  CONSTR_FOREIGN: 'fkey',
  CONSTR_CHECK: 'check',
  CONSTR_EXCLUSION: 'excl',
  CONSTR_NOTNULL: 'not_null',
};

/**
 * The name PostgreSQL gives an unnamed constraint: `orders_pkey`, `orders_user_id_fkey`, `orders_a_b_key`,
 * and for CHECK `orders_total_check` when the expression names one column, else `orders_check`.
 */
export function defaultConstraintName(
  table: QualifiedName,
  contype: string,
  columns: string[],
  con?: Node,
): string {
  const suffix = SUFFIX[contype] ?? 'key';
  if (contype === 'CONSTR_PRIMARY') return `${table.name}_pkey`;
  let cols = columns;
  if (contype === 'CONSTR_CHECK' && !cols.length && con) {
    const refs = new Set<string>();
    walk(con.raw_expr, (key, value) => {
      if (key === 'ColumnRef') refs.add(strings(value.fields).pop() ?? '');
    });
    cols = refs.size === 1 ? [...refs] : [];
  }
  return [table.name, ...cols, suffix].join('_');
}

/**
 * True when PostgreSQL skips checking existing rows for the foreign keys of ADD COLUMN ... REFERENCES:
 * the new column is all NULL, unless an added column has a default or the statement also adds a
 * table-level FOREIGN KEY (`transformAlterTableStmt`).
 */
export function columnForeignKeysSkipValidation(cmds: readonly AlterCmd[]): boolean {
  for (const cmd of cmds) {
    if (cmd.subtype === 'AT_AddColumn') {
      const def = columnDef(cmd);
      if (!def) continue;
      if (def.raw_default) return false;
      const cons = Array.isArray(def.constraints) ? def.constraints : [];
      if (cons.some((c) => unwrap(c)[1].contype === 'CONSTR_DEFAULT')) return false;
    } else if (cmd.subtype === 'AT_AddConstraint' && unwrap(cmd.def)[1].contype === 'CONSTR_FOREIGN') {
      return false;
    }
  }
  return true;
}

export interface AddedColumn {
  table: QualifiedName;
  def: Node;
  name: string;
  location: number | undefined;
  /** The column's constraints (DEFAULT, IDENTITY, GENERATED, CHECK, ...) as `Constraint` bodies. */
  constraints: Node[];
}

/** Columns added by an ALTER TABLE, in order. */
export function addedColumns(statement: Statement): AddedColumn[] {
  const alter = readAlterTable(statement);
  if (!alter) return [];
  const out: AddedColumn[] = [];
  for (const cmd of alter.cmds) {
    if (cmd.subtype !== 'AT_AddColumn') continue;
    const def = columnDef(cmd);
    if (!def) continue;
    out.push({
      table: alter.table,
      def,
      name: String(def.colname ?? ''),
      location: locationOf(def),
      constraints: (Array.isArray(def.constraints) ? def.constraints : [])
        .map((c) => unwrap(c))
        .filter(([k]) => k === 'Constraint')
        .map(([, body]) => body),
    });
  }
  return out;
}

/** The table an ALTER TABLE names, or undefined for other statements. */
export function alteredTable(statement: Statement): QualifiedName | undefined {
  return readAlterTable(statement)?.table;
}

/** The referenced table of a FOREIGN KEY constraint. */
export function referencedTable(con: Node): QualifiedName {
  return rangeVarName(con.pktable);
}
