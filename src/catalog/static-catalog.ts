// A schema model built by reading DDL statements in order, without a database.
// Each object remembers the release that created it, so rules can tell new objects from old ones.
import {
  listName,
  qualify,
  rangeVarName,
  strings,
  typeRef,
  unwrap,
  type Node,
  type QualifiedName,
} from '../parse/ast.js';
import { deparseExpr } from './expr.js';
import type { Statement } from '../types.js';
import type { DefinitionSource } from './definitions.js';
import {
  dropColumnDependents,
  dropTableDependents,
  followColumnRename,
  followIndexRename,
  followTableRename,
} from './follow.js';
import { constraintModel, indexModel, type ObjectMaps } from './static-objects.js';
import {
  BEFORE,
  type ColumnModel,
  type ConstraintModel,
  type IndexModel,
  type RelationKind,
  type RelationModel,
  type SchemaCatalog,
  type SequenceModel,
  type TypeModel,
} from './model.js';

export class StaticCatalog implements SchemaCatalog {
  release = BEFORE;
  protected readonly relations = new Map<string, RelationModel>();
  protected readonly indexes = new Map<string, IndexModel>();
  protected readonly types = new Map<string, TypeModel>();
  protected readonly sequences = new Map<string, SequenceModel>();
  protected readonly schemas = new Map<string, number>([['public', BEFORE]]);

  private get modelMaps(): ObjectMaps {
    return { relations: this.relations, indexes: this.indexes, sequences: this.sequences };
  }

  /** Starts a new release: objects created from now on are "new". */
  beginRelease(release: number): void {
    this.release = release;
  }

  relation(name: QualifiedName): RelationModel | undefined {
    return this.relations.get(name.key);
  }
  column(table: QualifiedName, column: string): ColumnModel | undefined {
    return this.relations.get(table.key)?.columns.get(column);
  }
  index(name: QualifiedName): IndexModel | undefined {
    return this.indexes.get(name.key);
  }
  type(name: QualifiedName): TypeModel | undefined {
    return this.types.get(name.key);
  }
  sequence(name: QualifiedName): SequenceModel | undefined {
    return this.sequences.get(name.key);
  }
  schemaExists(name: string): boolean {
    return this.schemas.has(name);
  }
  isNewRelation(name: QualifiedName): boolean {
    return this.relations.get(name.key)?.origin === this.release;
  }
  isNewColumn(table: QualifiedName, column: string): boolean {
    const rel = this.relations.get(table.key);
    if (!rel) return false;
    return rel.origin === this.release || rel.columns.get(column)?.origin === this.release;
  }
  isNewIndex(name: QualifiedName): boolean {
    const idx = this.indexes.get(name.key);
    if (!idx) return false;
    return idx.origin === this.release || this.relations.get(idx.table)?.origin === this.release;
  }
  isNewType(name: QualifiedName): boolean {
    return this.types.get(name.key)?.origin === this.release;
  }
  isNewSequence(name: QualifiedName): boolean {
    return this.sequences.get(name.key)?.origin === this.release;
  }
  isNewSchema(name: string): boolean {
    return this.schemas.get(name) === this.release;
  }
  allRelations(): RelationModel[] {
    return [...this.relations.values()];
  }
  indexesOn(table: QualifiedName): IndexModel[] {
    return [...this.indexes.values()].filter((i) => i.table === table.key);
  }

  /** Moves the model past one statement. Unknown statements leave it unchanged. */
  apply(statement: Statement): void {
    const [kind, n] = unwrap(statement.node);
    switch (kind) {
      case 'CreateStmt':
        return this.createTable(n, statement);
      case 'CreateTableAsStmt':
        return this.createTableAs(n);
      case 'ViewStmt':
        return this.createView(n);
      case 'AlterTableStmt':
        return this.alterTable(n, statement);
      case 'RenameStmt':
        return this.rename(n);
      case 'DropStmt':
        return this.drop(n);
      case 'IndexStmt':
        return this.createIndex(n, statement);
      case 'CreateEnumStmt':
        return this.createType(listName(n.typeName), 'enum', strings(n.vals));
      case 'CreateDomainStmt':
        return this.createType(listName(n.domainname), 'domain', []);
      case 'CompositeTypeStmt':
        return this.createType(rangeVarName(n.typevar), 'composite', []);
      case 'CreateRangeStmt':
        return this.createType(listName(n.typeName), 'range', []);
      case 'AlterEnumStmt':
        return this.alterEnum(n);
      case 'CreateSeqStmt': {
        const name = rangeVarName(n.sequence);
        if (!this.sequences.has(name.key) || !n.if_not_exists)
          this.sequences.set(name.key, { schema: name.schema, name: name.name, origin: this.release });
        return;
      }
      case 'CreateSchemaStmt': {
        const name = (n.schemaname as string | undefined) ?? '';
        if (!this.schemas.has(name)) this.schemas.set(name, this.release);
        for (const elt of (n.schemaElts as unknown[] | undefined) ?? []) {
          this.apply({ ...statement, node: elt as Node, kind: unwrap(elt)[0] });
        }
        return;
      }
      case 'AlterObjectSchemaStmt':
        return this.setSchema(n);
      default:
        return;
    }
  }

  private createTable(n: Node, src: DefinitionSource): void {
    const name = rangeVarName(n.relation);
    if (n.if_not_exists && this.relations.has(name.key)) return;
    const rel: RelationModel = {
      schema: name.schema,
      name: name.name,
      kind: n.partspec ? 'partitioned table' : 'table',
      columns: new Map(),
      constraints: new Map(),
      origin: this.release,
    };
    // Indexes and constraints a table gets from LIKE, INHERITS or PARTITION OF are not read.
    if (
      ((n.inhRelations as unknown[] | undefined) ?? []).length ||
      ((n.tableElts as unknown[] | undefined) ?? []).some((e) => unwrap(e)[0] === 'TableLikeClause')
    )
      rel.incomplete = true;
    for (const parent of (n.inhRelations as unknown[] | undefined) ?? []) {
      const p = this.relations.get(rangeVarName((parent as Node).RangeVar).key);
      if (p) for (const [k, c] of p.columns) rel.columns.set(k, { ...c, origin: this.release });
      if (n.partbound && p) rel.partitionOf = `${p.schema}.${p.name}`;
    }
    this.relations.set(name.key, rel);
    for (const elt of (n.tableElts as unknown[] | undefined) ?? []) {
      const [k, body] = unwrap(elt);
      if (k === 'ColumnDef') this.addColumn(rel, body, src);
      else if (k === 'Constraint') this.addConstraint(rel, body, src);
      else if (k === 'TableLikeClause') {
        const src = this.relations.get(rangeVarName(body.relation).key);
        if (src) for (const [ck, c] of src.columns) rel.columns.set(ck, { ...c, origin: this.release });
      }
    }
  }

  private createTableAs(n: Node): void {
    const into = (n.into ?? {}) as Node;
    const name = rangeVarName(into.rel);
    if (n.if_not_exists && this.relations.has(name.key)) return;
    const kind: RelationKind = n.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table';
    this.relations.set(name.key, {
      schema: name.schema,
      name: name.name,
      kind,
      columns: new Map(
        strings(((into.colNames as unknown[] | undefined) ?? []).map((c) => c)).map((c) => [
          c,
          column(c, this.release),
        ]),
      ),
      constraints: new Map(),
      origin: this.release,
    });
  }

  private createView(n: Node): void {
    const name = rangeVarName(n.view);
    const existing = this.relations.get(name.key);
    // CREATE OR REPLACE VIEW keeps the view's age: running code may read it.
    const origin = existing && n.replace ? existing.origin : this.release;
    const cols = new Map<string, ColumnModel>();
    for (const c of strings(n.aliases)) cols.set(c, column(c, origin));
    const query = (n.query as Node | undefined)?.SelectStmt as Node | undefined;
    for (const t of (query?.targetList as unknown[] | undefined) ?? []) {
      const rt = (t as Node).ResTarget as Node | undefined;
      const nameFromRef = strings(
        ((rt?.val as Node | undefined)?.ColumnRef as Node | undefined)?.fields,
      ).pop();
      const colName = (rt?.name as string | undefined) ?? nameFromRef;
      if (colName && colName !== '*' && !cols.has(colName)) cols.set(colName, column(colName, origin));
    }
    this.relations.set(name.key, {
      schema: name.schema,
      name: name.name,
      kind: 'view',
      columns: cols,
      constraints: new Map(),
      origin,
    });
  }

  private addColumn(rel: RelationModel, def: Node, src: DefinitionSource): void {
    const name = def.colname as string;
    const col: ColumnModel = {
      name,
      type: typeRef(def.typeName),
      notNull: Boolean(def.is_not_null),
      default: null,
      generated: null,
      identity: false,
      origin: this.release,
    };
    if (/^serial[248]?$/.test(col.type.name)) {
      col.notNull = true;
      col.default = `nextval('${rel.name}_${name}_seq')`;
    }
    if (def.raw_default) col.default = deparseExpr(def.raw_default);
    const list = ((def.constraints as unknown[] | undefined) ?? []).map(
      (c) => (c as Node).Constraint as Node,
    );
    for (const [i, con] of list.entries()) {
      // A column constraint's text ends where the next one starts.
      const next = list[i + 1]?.location;
      const inline = (): void =>
        this.addConstraint(rel, con, src, name, typeof next === 'number' ? next : undefined);
      switch (con.contype) {
        case 'CONSTR_NOTNULL':
          col.notNull = true;
          break;
        case 'CONSTR_DEFAULT':
          col.default = deparseExpr(con.raw_expr);
          break;
        case 'CONSTR_IDENTITY':
          col.identity = true;
          col.notNull = true;
          break;
        case 'CONSTR_GENERATED':
          col.generated = con.generated_kind === 'v' ? 'virtual' : 'stored';
          break;
        case 'CONSTR_PRIMARY':
          col.notNull = true;
          inline();
          break;
        default:
          inline();
      }
    }
    rel.columns.set(name, col);
  }

  private addConstraint(
    rel: RelationModel,
    con: Node,
    src?: DefinitionSource,
    column?: string,
    next?: number,
  ): void {
    const model = constraintModel(this.modelMaps, rel, con, { release: this.release, src, column, next });
    if (model) rel.constraints.set(model.name, model);
  }

  private alterTable(n: Node, src: DefinitionSource): void {
    const name = rangeVarName(n.relation);
    const rel = this.relations.get(name.key);
    if (n.objtype === 'OBJECT_INDEX') return;
    for (const c of (n.cmds as unknown[] | undefined) ?? []) {
      const cmd = (c as Node).AlterTableCmd as Node;
      if (!rel) continue;
      const col = typeof cmd.name === 'string' ? rel.columns.get(cmd.name) : undefined;
      switch (cmd.subtype) {
        case 'AT_AddColumn': {
          const def = ((cmd.def as Node).ColumnDef ?? {}) as Node;
          if (!(cmd.missing_ok && rel.columns.has(def.colname as string))) this.addColumn(rel, def, src);
          break;
        }
        case 'AT_DropColumn':
          rel.columns.delete(cmd.name as string);
          dropColumnDependents(this.modelMaps, name.key, cmd.name as string);
          break;
        case 'AT_AlterColumnType':
          if (col) col.type = typeRef(((cmd.def as Node).ColumnDef as Node).typeName);
          break;
        case 'AT_SetNotNull':
          if (col) col.notNull = true;
          break;
        case 'AT_DropNotNull':
          if (col) col.notNull = false;
          break;
        case 'AT_ColumnDefault':
          if (col) col.default = cmd.def ? deparseExpr(cmd.def) : null;
          break;
        case 'AT_AddConstraint':
          this.addConstraint(rel, ((cmd.def as Node).Constraint ?? {}) as Node, src);
          break;
        case 'AT_DropConstraint':
          rel.constraints.delete(cmd.name as string);
          break;
        case 'AT_ValidateConstraint': {
          const con = rel.constraints.get(cmd.name as string);
          if (con) con.validated = true;
          break;
        }
        case 'AT_AddIdentity':
          if (col) col.identity = true;
          break;
        case 'AT_DropIdentity':
          if (col) col.identity = false;
          break;
        case 'AT_DropExpression':
          if (col) col.generated = null;
          break;
        default:
          break;
      }
    }
  }

  private rename(n: Node): void {
    const newName = n.newname as string;
    switch (n.renameType) {
      case 'OBJECT_TABLE':
      case 'OBJECT_VIEW':
      case 'OBJECT_MATVIEW':
      case 'OBJECT_FOREIGN_TABLE': {
        const old = rangeVarName(n.relation);
        const rel = this.relations.get(old.key);
        if (!rel) return;
        this.relations.delete(old.key);
        const renamed = { ...rel, name: newName };
        this.relations.set(qualify(newName, old.schema).key, renamed);
        for (const idx of this.indexes.values())
          if (idx.table === old.key) idx.table = `${old.schema}.${newName}`;
        followTableRename(this.modelMaps, old, newName);
        return;
      }
      case 'OBJECT_COLUMN': {
        const rel = this.relations.get(rangeVarName(n.relation).key);
        const col = rel?.columns.get(n.subname as string);
        if (!rel || !col) return;
        rel.columns.delete(col.name);
        rel.columns.set(newName, { ...col, name: newName });
        followColumnRename(this.modelMaps, rangeVarName(n.relation).key, col.name, newName);
        return;
      }
      case 'OBJECT_INDEX': {
        const old = rangeVarName(n.relation);
        const idx = this.indexes.get(old.key);
        if (idx) {
          this.indexes.delete(old.key);
          this.indexes.set(qualify(newName, old.schema).key, { ...idx, name: newName });
        }
        followIndexRename(this.modelMaps, old, newName);
        return;
      }
      case 'OBJECT_TABCONSTRAINT': {
        const rel = this.relations.get(rangeVarName(n.relation).key);
        const con = rel?.constraints.get(n.subname as string);
        if (!rel || !con) return;
        rel.constraints.delete(con.name);
        rel.constraints.set(newName, { ...con, name: newName });
        return;
      }
      case 'OBJECT_TYPE': {
        const old = listName(n.object);
        const t = this.types.get(old.key);
        if (!t) return;
        this.types.delete(old.key);
        this.types.set(qualify(newName, old.schema).key, { ...t, name: newName });
        // Columns refer to the type itself, not to its name: they follow the rename.
        for (const rel of this.relations.values()) {
          for (const col of rel.columns.values()) {
            if (col.type.name === old.name && (col.type.schema ?? 'public') === old.schema) {
              col.type = { ...col.type, name: newName, display: col.type.display.replace(old.name, newName) };
            }
          }
        }
        return;
      }
      case 'OBJECT_SCHEMA': {
        const old = n.subname as string;
        const origin = this.schemas.get(old);
        if (origin === undefined) return;
        this.schemas.delete(old);
        this.schemas.set(newName, origin);
        return;
      }
      default:
        return;
    }
  }

  private drop(n: Node): void {
    const objects = (n.objects as unknown[] | undefined) ?? [];
    for (const o of objects) {
      switch (n.removeType) {
        case 'OBJECT_TABLE':
        case 'OBJECT_VIEW':
        case 'OBJECT_MATVIEW':
        case 'OBJECT_FOREIGN_TABLE': {
          const name = listName((o as Node).List ? ((o as Node).List as Node).items : o);
          this.relations.delete(name.key);
          for (const [k, idx] of this.indexes) if (idx.table === name.key) this.indexes.delete(k);
          dropTableDependents(this.modelMaps, name.key);
          break;
        }
        case 'OBJECT_INDEX':
          this.indexes.delete(listName(((o as Node).List as Node | undefined)?.items).key);
          break;
        case 'OBJECT_SEQUENCE':
          this.sequences.delete(listName(((o as Node).List as Node | undefined)?.items).key);
          break;
        case 'OBJECT_TYPE':
        case 'OBJECT_DOMAIN': {
          const tn = (o as Node).TypeName;
          this.types.delete(listName((tn as Node | undefined)?.names).key);
          break;
        }
        case 'OBJECT_SCHEMA': {
          const s = (o as Node).String as Node | undefined;
          const schema = (s?.sval as string | undefined) ?? '';
          this.schemas.delete(schema);
          for (const [k] of this.relations) if (k.startsWith(`${schema}.`)) this.relations.delete(k);
          break;
        }
        default:
          break;
      }
    }
  }

  private createIndex(n: Node, src: DefinitionSource): void {
    const idx = indexModel(this.modelMaps, n, src, this.release);
    const key = qualify(idx.name, idx.schema).key;
    if (!(n.if_not_exists && this.indexes.has(key))) this.indexes.set(key, idx);
  }

  private createType(name: QualifiedName, kind: TypeModel['kind'], values: string[]): void {
    this.types.set(name.key, { schema: name.schema, name: name.name, kind, values, origin: this.release });
  }

  private alterEnum(n: Node): void {
    const t = this.types.get(listName(n.typeName).key);
    if (!t) return;
    if (n.oldVal) {
      t.values = t.values.map((v) => (v === n.oldVal ? (n.newVal as string) : v));
      return;
    }
    const value = n.newVal as string;
    if (t.values.includes(value)) return;
    const neighbor = n.newValNeighbor as string | undefined;
    const at = neighbor ? t.values.indexOf(neighbor) : -1;
    if (at < 0) t.values.push(value);
    else t.values.splice(n.newValIsAfter ? at + 1 : at, 0, value);
  }

  private setSchema(n: Node): void {
    const newSchema = n.newschema as string;
    if (
      n.objectType === 'OBJECT_TABLE' ||
      n.objectType === 'OBJECT_VIEW' ||
      n.objectType === 'OBJECT_MATVIEW'
    ) {
      const old = rangeVarName(n.relation);
      const rel = this.relations.get(old.key);
      if (!rel) return;
      this.relations.delete(old.key);
      this.relations.set(qualify(old.name, newSchema).key, { ...rel, schema: newSchema });
    }
  }
}

function column(name: string, origin: number): ColumnModel {
  return {
    name,
    type: { name: 'unknown', schema: null, mods: [], arrayDims: 0, display: 'unknown' },
    notNull: false,
    default: null,
    generated: null,
    identity: false,
    origin,
  };
}

export type { ConstraintModel };
