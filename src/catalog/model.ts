// The schema model the rules read: what exists before a statement runs, and in which release
// each object was created. Backed today by a static model built from the migrations themselves;
// a replayed database can back the same interface.
import type { QualifiedName, TypeRef } from '../parse/ast.js';

/** Release number of objects that existed before any migration we read (or that we never saw). */
export const BEFORE = -1;

export interface ColumnModel {
  name: string;
  type: TypeRef;
  notNull: boolean;
  /** Default expression as SQL text, if any. */
  default: string | null;
  generated: 'stored' | 'virtual' | null;
  identity: boolean;
  /** Release in which the column was added. */
  origin: number;
}

export type ConstraintKind = 'primary key' | 'unique' | 'foreign key' | 'check' | 'exclusion' | 'not null';

export interface ConstraintModel {
  name: string;
  kind: ConstraintKind;
  /** Key columns; for a CHECK, the columns its expression reads (as pg_constraint.conkey). */
  columns: string[];
  validated: boolean;
  origin: number;
  /**
   * The definition as `pg_get_constraintdef` prints it, without a trailing NOT VALID (`validated` says
   * so): `CHECK ((price > 0))`, `UNIQUE (code)`, `FOREIGN KEY (org_id) REFERENCES orgs(id) ON DELETE
   * CASCADE`. A static model keeps the text as written (`CHECK (price > 0)`), with the current names of
   * columns and tables. Absent when not known (a NOT NULL constraint, a definition that could not follow
   * a rename).
   */
  definition?: string;
  /** Foreign keys: the referenced table (`schema.name`) and columns (empty: its primary key, not known). */
  refTable?: string;
  refColumns?: string[];
}

export type RelationKind = 'table' | 'partitioned table' | 'view' | 'materialized view' | 'foreign table';

export interface RelationModel {
  schema: string;
  name: string;
  kind: RelationKind;
  columns: Map<string, ColumnModel>;
  constraints: Map<string, ConstraintModel>;
  origin: number;
  /** Release in which the table was last emptied or recreated (TRUNCATE does not count). */
  partitionOf?: string;
  /**
   * Static model only: created with LIKE, INHERITS or PARTITION OF, so it may hold indexes and
   * constraints that were not read.
   */
  incomplete?: boolean;
}

export interface IndexModel {
  schema: string;
  name: string;
  table: string;
  unique: boolean;
  /** Plain key columns (not expressions, not INCLUDE). */
  columns: string[];
  origin: number;
  /**
   * The definition as `pg_get_indexdef` prints it: `CREATE [UNIQUE] INDEX name ON schema.table USING
   * btree (col) [INCLUDE (...)] [WHERE (...)]`. A static model keeps what follows the table as written,
   * with the current names. Absent when not known.
   */
  definition?: string;
}

export interface TypeModel {
  schema: string;
  name: string;
  kind: 'enum' | 'domain' | 'composite' | 'range';
  /** Enum labels, in order. */
  values: string[];
  origin: number;
}

export interface SequenceModel {
  schema: string;
  name: string;
  origin: number;
}

/** Read-only view of the schema at one point of a release. */
export interface SchemaCatalog {
  /** The current release: objects whose origin equals it were created by the change under analysis. */
  readonly release: number;
  relation(name: QualifiedName): RelationModel | undefined;
  column(table: QualifiedName, column: string): ColumnModel | undefined;
  index(name: QualifiedName): IndexModel | undefined;
  type(name: QualifiedName): TypeModel | undefined;
  sequence(name: QualifiedName): SequenceModel | undefined;
  schemaExists(name: string): boolean;
  /** True when the relation was created in the current release (no running code depends on it). */
  isNewRelation(name: QualifiedName): boolean;
  /** True when the column (or its table) was created in the current release. */
  isNewColumn(table: QualifiedName, column: string): boolean;
  isNewIndex(name: QualifiedName): boolean;
  isNewType(name: QualifiedName): boolean;
  isNewSequence(name: QualifiedName): boolean;
  isNewSchema(name: string): boolean;
  /** Indexes defined on a table. */
  indexesOn(table: QualifiedName): IndexModel[];
  /** Every relation (tables, views...), for what references a table from elsewhere (foreign keys). */
  allRelations(): RelationModel[];
}
