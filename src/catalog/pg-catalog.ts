// The schema a replayed history left behind, read from pg_catalog: the same model the static
// catalog builds by reading DDL, but as PostgreSQL itself sees it. Every object has origin BEFORE.
import type { Database, Queryable } from '../db/database.js';
import { typeRef, type QualifiedName, type TypeRef } from '../parse/ast.js';
import {
  BEFORE,
  type ColumnModel,
  type ConstraintKind,
  type IndexModel,
  type RelationKind,
  type RelationModel,
  type SchemaCatalog,
  type SequenceModel,
  type TypeModel,
} from './model.js';
import { SeededCatalog, snapshotMaps, type CatalogMaps, type CatalogSnapshot } from './replay-seed.js';

/** The user's schemas: not the system's, not temporary ones, not an extension's own. */
const USER_SCHEMA = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'`;
const NOT_EXTENSION = (catalog: string, oid: string): string =>
  `NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

const SCHEMAS_SQL = `SELECT n.nspname AS name FROM pg_namespace n
WHERE ${USER_SCHEMA} AND ${NOT_EXTENSION('pg_namespace', 'n.oid')} ORDER BY 1`;

const RELATIONS_SQL = `SELECT c.oid::text AS id, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
  (SELECT pn.nspname || '.' || p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
     JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid AND c.relispartition LIMIT 1) AS parent
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND ${USER_SCHEMA} AND ${NOT_EXTENSION('pg_class', 'c.oid')}
ORDER BY 2, 3`;

const COLUMNS_SQL = `SELECT a.attrelid::text AS rel, a.attname AS name, a.attnotnull AS not_null,
  pg_get_expr(ad.adbin, ad.adrelid) AS default_expr, a.attidentity::text AS identity,
  a.attgenerated::text AS generated, a.attndims::int AS ndims, (t.typcategory = 'A' AND t.typelem <> 0) AS is_array,
  format_type(a.atttypid, a.atttypmod) AS formatted, et.typname AS type_name, etn.nspname AS type_schema,
  pg_type_is_visible(et.oid) AS visible
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
JOIN pg_type t ON t.oid = a.atttypid
JOIN pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END
JOIN pg_namespace etn ON etn.oid = et.typnamespace
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${USER_SCHEMA}
ORDER BY a.attrelid, a.attnum`;

const CONSTRAINTS_SQL = `SELECT con.conrelid::text AS rel, con.conname AS name, con.contype::text AS type,
  con.convalidated AS validated,
  ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS columns,
  CASE WHEN con.contype <> 'n' THEN pg_get_constraintdef(con.oid) END AS definition,
  rn.nspname || '.' || rc.relname AS ref_table,
  ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
        JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) AS ref_columns
FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class rc ON rc.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.contype IN ('p', 'u', 'f', 'c', 'x', 'n') AND ${USER_SCHEMA}
ORDER BY con.conrelid, con.conname`;

const INDEXES_SQL = `SELECT n.nspname AS schema, ic.relname AS name, n.nspname || '.' || tc.relname AS "table",
  i.indisunique AS "unique", pg_get_indexdef(i.indexrelid) AS definition,
  ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
        WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS columns
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid
JOIN pg_namespace n ON n.oid = ic.relnamespace
WHERE ${USER_SCHEMA} AND ${NOT_EXTENSION('pg_class', 'tc.oid')}
ORDER BY 1, 2`;

const TYPES_SQL = `SELECT n.nspname AS schema, t.typname AS name, t.typtype::text AS kind,
  ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE (t.typtype IN ('e', 'd', 'r')
       OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))
  AND ${USER_SCHEMA} AND ${NOT_EXTENSION('pg_type', 't.oid')}
ORDER BY 1, 2`;

interface ColumnRow {
  rel: string;
  name: string;
  not_null: boolean;
  default_expr: string | null;
  identity: string;
  generated: string;
  ndims: number;
  is_array: boolean;
  formatted: string;
  type_name: string;
  type_schema: string;
  visible: boolean;
}

const RELATION_KINDS: Record<string, RelationKind> = {
  r: 'table',
  p: 'partitioned table',
  v: 'view',
  m: 'materialized view',
  f: 'foreign table',
};

const CONSTRAINT_KINDS: Record<string, ConstraintKind> = {
  p: 'primary key',
  u: 'unique',
  f: 'foreign key',
  c: 'check',
  x: 'exclusion',
  n: 'not null',
};

const TYPE_KINDS: Record<string, TypeModel['kind']> = { e: 'enum', d: 'domain', c: 'composite', r: 'range' };

/** Reads the user's schemas from pg_catalog. Run it after replaying the history. */
export async function readCatalogSnapshot(db: Database): Promise<CatalogSnapshot> {
  // One snapshot, and a fixed search path: format_type and visibility must not depend on a SET the
  // history left behind in the session.
  return db.transaction(async (tx) => {
    await tx.exec('SET LOCAL search_path TO public');
    return readIn(tx);
  });
}

async function readIn(db: Queryable): Promise<CatalogSnapshot> {
  const schemas = await db.query<{ name: string }>(SCHEMAS_SQL);
  const relations = await db.query<{
    id: string;
    schema: string;
    name: string;
    kind: string;
    parent: string | null;
  }>(RELATIONS_SQL);
  const columns = await db.query<ColumnRow>(COLUMNS_SQL);
  const constraints = await db.query<{
    rel: string;
    name: string;
    type: string;
    validated: boolean;
    columns: string[];
    definition: string | null;
    ref_table: string | null;
    ref_columns: string[];
  }>(CONSTRAINTS_SQL);
  const indexes = await db.query<{
    schema: string;
    name: string;
    table: string;
    unique: boolean;
    columns: string[];
    definition: string;
  }>(INDEXES_SQL);
  const types = await db.query<{ schema: string; name: string; kind: string; labels: string[] }>(TYPES_SQL);

  const snapshot: CatalogSnapshot = {
    format: 2,
    schemas: schemas.map((s) => s.name),
    relations: [],
    indexes: indexes.map((i) => ({ ...i, columns: [...i.columns], origin: BEFORE })),
    types: types.map((t) => ({
      schema: t.schema,
      name: t.name,
      kind: TYPE_KINDS[t.kind] ?? 'composite',
      values: [...t.labels],
      origin: BEFORE,
    })),
    sequences: [],
  };
  const byId = new Map<string, CatalogSnapshot['relations'][number]>();
  for (const r of relations) {
    if (r.kind === 'S') {
      snapshot.sequences.push({ schema: r.schema, name: r.name, origin: BEFORE });
      continue;
    }
    const rel: CatalogSnapshot['relations'][number] = {
      schema: r.schema,
      name: r.name,
      kind: RELATION_KINDS[r.kind] ?? 'table',
      columns: [],
      constraints: [],
      origin: BEFORE,
      ...(r.parent ? { partitionOf: r.parent } : {}),
    };
    byId.set(r.id, rel);
    snapshot.relations.push(rel);
  }
  for (const c of columns) byId.get(c.rel)?.columns.push(columnModel(c));
  for (const c of constraints) {
    const rel = byId.get(c.rel);
    const kind = CONSTRAINT_KINDS[c.type];
    // NOT NULL constraints (PostgreSQL 18) are the columns' notNull; only a NOT VALID one says more.
    if (!rel || !kind || (kind === 'not null' && c.validated)) continue;
    rel.constraints.push({
      name: c.name,
      kind,
      columns: [...c.columns],
      validated: c.validated,
      origin: BEFORE,
      // NOT VALID is what `validated` says: the definition stays the same once validated.
      ...(c.definition ? { definition: c.definition.replace(/ NOT VALID$/, '') } : {}),
      ...(kind === 'foreign key' && c.ref_table
        ? { refTable: c.ref_table, refColumns: [...c.ref_columns] }
        : {}),
    });
  }
  return snapshot;
}

function columnModel(c: ColumnRow): ColumnModel {
  const generated = c.generated === 's' ? 'stored' : c.generated === 'v' ? 'virtual' : null;
  return {
    name: c.name,
    type: columnType(c),
    notNull: c.not_null,
    // pg_attrdef holds a generated column's expression too; it is not a default.
    default: generated ? null : c.default_expr,
    generated,
    identity: c.identity === 'a' || c.identity === 'd',
    origin: BEFORE,
  };
}

/** The canonical TypeRef typeRef() gives for the same type written in a migration. */
export function columnType(c: {
  type_name: string;
  type_schema: string;
  visible: boolean;
  formatted: string;
  is_array: boolean;
  ndims: number;
}): TypeRef {
  // Type modifiers as format_type prints them: varchar(10), numeric(10,2), timestamp(3) with time zone.
  const mods = /\(([-\d\s,]+)\)/.exec(c.formatted.replace(/\[\]$/, ''))?.[1]?.split(',').map(Number) ?? [];
  const schema = c.type_schema === 'pg_catalog' || c.visible ? null : c.type_schema;
  const dims = c.is_array ? Math.max(c.ndims, 1) : 0;
  return typeRef({
    names: [...(schema ? [schema] : []), c.type_name].map((sval) => ({ String: { sval } })),
    typmods: mods.map((ival) => ({ A_Const: { ival: { ival } } })),
    arrayBounds: Array.from({ length: dims }, () => ({ Integer: { ival: -1 } })),
  });
}

/** The replayed schema, behind the interface the rules read. Nothing in it is new. */
export class PgCatalog implements SchemaCatalog {
  readonly release = 0;
  private readonly maps: CatalogMaps;

  private constructor(readonly snapshot: CatalogSnapshot) {
    this.maps = snapshotMaps(snapshot);
  }

  static fromSnapshot(snapshot: CatalogSnapshot): PgCatalog {
    return new PgCatalog(snapshot);
  }

  static async read(db: Database): Promise<PgCatalog> {
    return new PgCatalog(await readCatalogSnapshot(db));
  }

  /** A StaticCatalog holding this schema, for the engine to apply the change under analysis to. */
  toStatic(): SeededCatalog {
    return SeededCatalog.seed(this.snapshot);
  }

  relation(name: QualifiedName): RelationModel | undefined {
    return this.maps.relations.get(name.key);
  }
  column(table: QualifiedName, column: string): ColumnModel | undefined {
    return this.maps.relations.get(table.key)?.columns.get(column);
  }
  index(name: QualifiedName): IndexModel | undefined {
    return this.maps.indexes.get(name.key);
  }
  type(name: QualifiedName): TypeModel | undefined {
    return this.maps.types.get(name.key);
  }
  sequence(name: QualifiedName): SequenceModel | undefined {
    return this.maps.sequences.get(name.key);
  }
  schemaExists(name: string): boolean {
    return this.maps.schemas.has(name);
  }
  isNewRelation(_name: QualifiedName): boolean {
    return false;
  }
  isNewColumn(_table: QualifiedName, _column: string): boolean {
    return false;
  }
  isNewIndex(_name: QualifiedName): boolean {
    return false;
  }
  isNewType(_name: QualifiedName): boolean {
    return false;
  }
  isNewSequence(_name: QualifiedName): boolean {
    return false;
  }
  isNewSchema(_name: string): boolean {
    return false;
  }
  allRelations(): RelationModel[] {
    return [...this.maps.relations.values()];
  }
  indexesOn(table: QualifiedName): IndexModel[] {
    return [...this.maps.indexes.values()].filter((i) => i.table === table.key);
  }
}
