// Definitions of the indexes and constraints of the schema, rebuilt from the statements the catalog
// applied (src/plan/ddl-log.ts): what a column swap must copy onto the replacement column. Names
// follow PostgreSQL's choice for unnamed objects; when that choice is not certain, `name` is null.
import type { ConstraintKind, SchemaCatalog } from '../catalog/model.js';
import { listName, qualify, rangeVarName, strings, unwrap, walk, type Node } from '../parse/ast.js';
import type { Statement } from '../types.js';
import { appliedStatements } from './ddl-log.js';

interface Def {
  /** `schema.table` the object is on. */
  table: string;
  /** Null when PostgreSQL's name for an unnamed object is not certain. */
  name: string | null;
  /** The statement that created it (its text holds the definition). */
  stmt: Statement;
  /** Column names as the definition writes them -> their current names (after RENAME COLUMN). */
  renamed: Map<string, string>;
}

export interface IndexDef extends Def {
  schema: string;
  unique: boolean;
  node: Node;
}

export interface ConstraintDef extends Def {
  kind: ConstraintKind;
  node: Node;
  /** Key columns (current names); for a CHECK, the columns its expression reads. */
  columns: string[];
  validated: boolean;
  /** Foreign keys: the referenced table and columns (current names; empty: its primary key). */
  refTable: string | null;
  refColumns: string[];
}

const KINDS: Record<string, ConstraintKind> = {
  CONSTR_PRIMARY: 'primary key',
  CONSTR_UNIQUE: 'unique',
  CONSTR_FOREIGN: 'foreign key',
  CONSTR_CHECK: 'check',
  CONSTR_EXCLUSION: 'exclusion',
};

/** Column names an expression reads (ColumnRef fields, last part). */
export function columnRefs(node: unknown): string[] {
  const out: string[] = [];
  walk(node, (key, value) => {
    if (key === 'ColumnRef') out.push(strings(value.fields).pop() ?? '');
  });
  return out;
}

/** Columns an index reads in its keys and INCLUDE list, as written. */
export function indexKeyRefs(node: Node): string[] {
  const out: string[] = [];
  for (const p of [...arr(node.indexParams), ...arr(node.indexIncludingParams)]) {
    const e = ((p as Node).IndexElem ?? {}) as Node;
    if (typeof e.name === 'string') out.push(e.name);
    out.push(...columnRefs(e.expr));
  }
  return out;
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Columns named by the index elements anywhere in a node (EXCLUDE lists), and those their expressions read. */
function elemRefs(node: unknown): string[] {
  const out = columnRefs(node);
  walk(node, (key, value) => {
    if (key === 'IndexElem' && typeof value.name === 'string') out.push(value.name);
  });
  return out;
}
/** The current name of a column a definition writes as `written`. */
export const current = (d: Def, written: string): string => d.renamed.get(written) ?? written;

/** Column names as the definition's text writes them (index keys, INCLUDE and WHERE; CHECK expression). */
export function writtenRefs(d: IndexDef | ConstraintDef): string[] {
  if ('kind' in d) return d.kind === 'check' ? columnRefs(d.node.raw_expr) : [];
  return [...indexKeyRefs(d.node), ...columnRefs(d.node.whereClause)];
}

/** The current names of the columns a definition reads. */
export function readsOf(d: IndexDef | ConstraintDef): { keys: string[]; where: string[] } {
  if ('kind' in d) return { keys: d.columns, where: [] };
  return {
    keys: indexKeyRefs(d.node).map((c) => current(d, c)),
    where: columnRefs(d.node.whereClause).map((c) => current(d, c)),
  };
}

/** PostgreSQL's `ChooseRelationName` stem pieces, or null when the name would be cut (over 63 bytes). */
function pgName(...parts: string[]): string | null {
  const name = parts.join('_');
  return Buffer.byteLength(name, 'utf8') <= 63 ? name : null;
}

/** The name PostgreSQL derives for an index column (FigureIndexColname), or null when unsure. */
function indexColName(elem: Node): string | null {
  if (typeof elem.indexcolname === 'string') return elem.indexcolname;
  if (typeof elem.name === 'string') return elem.name;
  const figure = (expr: unknown): [string | null, number] => {
    const [k, n] = unwrap(expr);
    if (k === 'ColumnRef') return [strings(n.fields).pop() ?? null, 2];
    if (k === 'FuncCall') return [strings(n.funcname).pop() ?? null, 2];
    if (k === 'TypeCast') {
      const [inner, strength] = figure(n.arg);
      if (strength > 1) return [inner, strength];
      return [strings((n.typeName as Node | undefined)?.names).pop() ?? null, 1];
    }
    if (k === 'A_Expr' && n.kind !== 'AEXPR_NULLIF') return ['expr', 0];
    return [null, -1];
  };
  return figure(elem.expr)[0];
}

/** Indexes and constraints of every table, replayed from the statements a catalog applied. */
export class Definitions {
  readonly indexes = new Map<string, IndexDef>();
  readonly constraints: ConstraintDef[] = [];
  /** Tables created with LIKE, INHERITS or PARTITION OF: they hold indexes and constraints not read here. */
  readonly opaque = new Set<string>();

  constructor(statements: readonly Statement[]) {
    for (const s of statements) this.apply(s);
  }

  onTable(table: string): { indexes: IndexDef[]; constraints: ConstraintDef[] } {
    return {
      indexes: [...this.indexes.values()].filter((i) => i.table === table),
      constraints: this.constraints.filter((c) => c.table === table),
    };
  }

  /** True when a relation-level name (index, or constraint with an index) is taken in `schema`. */
  nameTaken(schema: string, name: string): boolean {
    return (
      this.indexes.has(`${schema}.${name}`) ||
      this.constraints.some((c) => c.table.startsWith(`${schema}.`) && c.name === name)
    );
  }

  private apply(s: Statement): void {
    const [kind, n] = unwrap(s.node);
    if (kind === 'CreateStmt') {
      const table = rangeVarName(n.relation);
      if (n.if_not_exists && this.constraints.some((c) => c.table === table.key)) return;
      this.opaque.delete(table.key);
      if (arr(n.inhRelations).length || arr(n.tableElts).some((e) => unwrap(e)[0] === 'TableLikeClause'))
        this.opaque.add(table.key);
      for (const elt of arr(n.tableElts)) {
        const [k, body] = unwrap(elt);
        if (k === 'ColumnDef')
          for (const c of arr(body.constraints)) this.addConstraint(table.key, unwrap(c)[1], s, body.colname);
        else if (k === 'Constraint') this.addConstraint(table.key, body, s);
      }
    } else if (kind === 'AlterTableStmt' && n.objtype !== 'OBJECT_INDEX') {
      const table = rangeVarName(n.relation).key;
      for (const c of arr(n.cmds)) this.alter(table, ((c as Node).AlterTableCmd ?? {}) as Node, s);
    } else if (kind === 'IndexStmt') this.addIndex(n, s);
    else if (kind === 'RenameStmt') this.rename(n);
    else if (kind === 'DropStmt') this.drop(n);
  }

  private alter(table: string, cmd: Node, s: Statement): void {
    const name = cmd.name as string;
    const [, def] = unwrap(cmd.def);
    switch (cmd.subtype) {
      case 'AT_AddColumn':
        for (const c of arr(def.constraints)) this.addConstraint(table, unwrap(c)[1], s, def.colname);
        return;
      case 'AT_AddConstraint':
        return this.addConstraint(table, def, s);
      case 'AT_DropConstraint':
        return this.dropConstraints((c) => c.table === table && c.name === name);
      case 'AT_ValidateConstraint':
        for (const c of this.constraints) if (c.table === table && c.name === name) c.validated = true;
        return;
      case 'AT_DropColumn': {
        // Indexes and constraints reading the column go with it; CASCADE also takes foreign keys to it.
        const reads = (d: IndexDef | ConstraintDef): boolean => {
          const r = readsOf(d);
          return d.table === table && [...r.keys, ...r.where].includes(name);
        };
        for (const [k, i] of this.indexes) if (reads(i)) this.indexes.delete(k);
        this.dropConstraints(
          (c) =>
            reads(c) ||
            (cmd.behavior === 'DROP_CASCADE' && c.refTable === table && c.refColumns.includes(name)),
        );
        return;
      }
      default:
        return;
    }
  }

  private dropConstraints(match: (c: ConstraintDef) => boolean): void {
    for (let i = this.constraints.length - 1; i >= 0; i--)
      if (match(this.constraints[i] as ConstraintDef)) this.constraints.splice(i, 1);
  }

  private addConstraint(table: string, con: Node, stmt: Statement, column?: unknown): void {
    const kind = KINDS[con.contype as string];
    if (!kind) return;
    const col = typeof column === 'string' ? column : undefined;
    let columns: string[];
    if (kind === 'check') columns = [...new Set(columnRefs(con.raw_expr))];
    else if (col) columns = [col];
    else if (kind === 'foreign key') columns = strings(con.fk_attrs);
    else if (kind === 'exclusion')
      columns = [...new Set([...elemRefs(con.exclusions), ...columnRefs(con.where_clause)])];
    else columns = strings(con.keys);
    const schema = table.slice(0, table.indexOf('.'));
    const tableName = table.slice(table.indexOf('.') + 1);
    if (typeof con.indexname === 'string') {
      // ADD CONSTRAINT ... USING INDEX: the index becomes the constraint's.
      const idx = this.indexes.get(`${schema}.${con.indexname}`);
      if (idx) columns = readsOf(idx).keys;
      this.indexes.delete(`${schema}.${con.indexname}`);
    }
    let name: string | null;
    if (typeof con.conname === 'string') name = con.conname;
    else if (kind === 'primary key') name = pgName(tableName, 'pkey');
    else if (kind === 'check') name = pgName(tableName, ...(columns.length === 1 ? columns : []), 'check');
    else
      name = pgName(
        tableName,
        ...columns,
        kind === 'foreign key' ? 'fkey' : kind === 'exclusion' ? 'excl' : 'key',
      );
    if (
      typeof con.conname !== 'string' &&
      name &&
      this.constraints.some((c) => c.table === table && c.name === name)
    )
      name = null;
    const fk = kind === 'foreign key';
    this.constraints.push({
      table,
      name,
      stmt,
      renamed: new Map(),
      kind,
      node: con,
      columns,
      validated: !con.skip_validation,
      refTable: fk ? rangeVarName(con.pktable).key : null,
      refColumns: fk ? strings(con.pk_attrs) : [],
    });
  }

  private addIndex(n: Node, stmt: Statement): void {
    const table = rangeVarName(n.relation);
    let name: string | null = typeof n.idxname === 'string' ? n.idxname : null;
    if (name === null) {
      const cols = arr(n.indexParams).map((p) => indexColName(((p as Node).IndexElem ?? {}) as Node));
      name = cols.every((c) => c !== null) ? pgName(table.name, ...(cols as string[]), 'idx') : null;
      if (name && this.nameTaken(table.schema, name)) name = null;
    } else if (n.if_not_exists && this.indexes.has(`${table.schema}.${name}`)) return;
    const key = `${table.schema}.${name ?? `<unnamed ${this.indexes.size}>`}`;
    this.indexes.set(key, {
      table: table.key,
      name,
      stmt,
      renamed: new Map(),
      schema: table.schema,
      unique: Boolean(n.unique),
      node: n,
    });
  }

  private rename(n: Node): void {
    const newName = n.newname as string;
    const rel = rangeVarName(n.relation);
    if (n.renameType === 'OBJECT_COLUMN' && n.relationType === 'OBJECT_TABLE') {
      const from = n.subname as string;
      for (const d of [...this.indexes.values(), ...this.constraints]) {
        if (d.table === rel.key) {
          const written = writtenRefs(d);
          for (const w of written) if (current(d, w) === from) d.renamed.set(w, newName);
          if ('kind' in d) d.columns = d.columns.map((c) => (c === from ? newName : c));
        }
        if ('kind' in d && d.refTable === rel.key)
          d.refColumns = d.refColumns.map((c) => (c === from ? newName : c));
      }
    } else if (n.renameType === 'OBJECT_TABLE') {
      const to = qualify(newName, rel.schema).key;
      for (const d of [...this.indexes.values(), ...this.constraints]) {
        if (d.table === rel.key) d.table = to;
        if ('kind' in d && d.refTable === rel.key) d.refTable = to;
      }
    } else if (n.renameType === 'OBJECT_INDEX') {
      const idx = this.indexes.get(rel.key);
      if (idx) {
        this.indexes.delete(rel.key);
        this.indexes.set(qualify(newName, rel.schema).key, { ...idx, name: newName });
      }
      for (const c of this.constraints)
        if (
          c.table.startsWith(`${rel.schema}.`) &&
          c.name === rel.name &&
          c.kind !== 'check' &&
          c.kind !== 'foreign key'
        )
          c.name = newName;
    } else if (n.renameType === 'OBJECT_TABCONSTRAINT') {
      for (const c of this.constraints) if (c.table === rel.key && c.name === n.subname) c.name = newName;
    }
  }

  private drop(n: Node): void {
    for (const o of arr(n.objects)) {
      const name = listName((o as Node).List ? ((o as Node).List as Node).items : o);
      if (n.removeType === 'OBJECT_INDEX') this.indexes.delete(name.key);
      if (n.removeType !== 'OBJECT_TABLE') continue;
      for (const [k, i] of this.indexes) if (i.table === name.key) this.indexes.delete(k);
      this.dropConstraints((c) => c.table === name.key || c.refTable === name.key);
    }
  }
}

/** The definitions behind `catalog`, or null when it applied no statements we saw (a seeded catalog). */
export function definitionsOf(catalog: SchemaCatalog): Definitions | null {
  const log = appliedStatements(catalog);
  return log ? new Definitions(log) : null;
}
