// Index and constraint models of the static catalog, from the statements that create them: the names
// PostgreSQL gives unnamed ones, the columns they read, their definitions (src/catalog/definitions.ts)
// and, for a foreign key, what it references.
import { qualify, rangeVarName, strings, type Node } from '../parse/ast.js';
import {
  columnRefs,
  constraintReads,
  usingIndexDefinition,
  writtenConstraintDefinition,
  writtenIndexDefinition,
  type DefinitionSource,
} from './definitions.js';
import type { ModelMaps } from './follow.js';
import type { ConstraintKind, ConstraintModel, IndexModel, RelationModel, SequenceModel } from './model.js';
import { chooseName, indexColumnNames, nameAddition } from './naming.js';

export interface ObjectMaps extends ModelMaps {
  sequences: Map<string, SequenceModel>;
}

const CONSTRAINT_KINDS: Record<string, ConstraintKind> = {
  CONSTR_PRIMARY: 'primary key',
  CONSTR_UNIQUE: 'unique',
  CONSTR_FOREIGN: 'foreign key',
  CONSTR_CHECK: 'check',
  CONSTR_EXCLUSION: 'exclusion',
};

const SUFFIX: Record<string, string> = {
  'primary key': 'pkey',
  unique: 'key',
  'foreign key': 'fkey',
  check: 'check',
  exclusion: 'excl',
};

const WITH_INDEX = new Set<string>(['primary key', 'unique', 'exclusion']);

/** Names PostgreSQL sees as taken in `schema`: relations (indexes...), constraints, or both. */
export function takenNames(
  m: ObjectMaps,
  schema: string,
  what: 'relation' | 'constraint' | 'both',
): (name: string) => boolean {
  return (name) => {
    const key = qualify(name, schema).key;
    const rels = [...m.relations.values()].filter((r) => r.schema === schema);
    const relation =
      m.relations.has(key) ||
      m.indexes.has(key) ||
      m.sequences.has(key) ||
      rels.some((r) => WITH_INDEX.has(r.constraints.get(name)?.kind ?? ''));
    const constraint = rels.some((r) => r.constraints.has(name));
    return (what !== 'constraint' && relation) || (what !== 'relation' && constraint);
  };
}

export interface ConstraintSource {
  release: number;
  /** The statement, for the definition's text; without it the definition is not known. */
  src?: DefinitionSource | undefined;
  /** Set for a column constraint: its column, and where the column's next constraint starts. */
  column?: string | undefined;
  next?: number | undefined;
}

/**
 * The model of constraint `con` on `rel`; undefined for kinds not modelled (NOT NULL, DEFAULT...).
 * A primary key makes its columns NOT NULL; USING INDEX takes the index over (it leaves `m.indexes`).
 */
export function constraintModel(
  m: ObjectMaps,
  rel: RelationModel,
  con: Node,
  s: ConstraintSource,
): ConstraintModel | undefined {
  const kind = CONSTRAINT_KINDS[con.contype as string];
  if (!kind) return undefined;
  let columns: string[];
  if (kind === 'check') columns = [...new Set(columnRefs(con.raw_expr))];
  else if (s.column !== undefined) columns = [s.column];
  else if (kind === 'exclusion') columns = [...new Set(constraintReads(con))];
  else if (kind === 'foreign key') columns = strings(con.fk_attrs);
  else columns = strings(con.keys);
  let definition = s.src ? writtenConstraintDefinition(con, s.src, s.column, s.next) : undefined;
  let name = con.conname as string | undefined;
  if (typeof con.indexname === 'string') {
    // ADD CONSTRAINT ... USING INDEX: the index becomes the constraint's, under the constraint's name.
    const key = qualify(con.indexname, rel.schema).key;
    const idx = m.indexes.get(key);
    columns = idx ? idx.columns : columns;
    definition = idx ? usingIndexDefinition(con, columns, idx.definition) : undefined;
    m.indexes.delete(key);
    name ??= con.indexname;
  }
  if (kind === 'primary key')
    for (const c of columns) {
      const col = rel.columns.get(c);
      if (col) col.notNull = true;
    }
  // PostgreSQL's own naming: users_pkey, users_email_key, users_org_id_fkey, users_age_check.
  if (name === undefined) {
    let addition: string | null = null;
    if (kind === 'check') addition = columns.length === 1 ? (columns[0] as string) : null;
    else if (kind !== 'primary key')
      addition = nameAddition(kind === 'unique' ? [...columns, ...strings(con.including)] : columns);
    const taken = takenNames(m, rel.schema, WITH_INDEX.has(kind) ? 'both' : 'constraint');
    name = chooseName(rel.name, addition, SUFFIX[kind] ?? 'key', taken);
  }
  return {
    name,
    kind,
    columns,
    validated: !con.skip_validation,
    origin: s.release,
    ...(definition ? { definition } : {}),
    ...(kind === 'foreign key' ? reference(m, con) : {}),
  };
}

/** A foreign key's target: table, and columns (its primary key's when not written, if known). */
function reference(m: ObjectMaps, con: Node): { refTable: string; refColumns: string[] } {
  const target = rangeVarName(con.pktable);
  let refColumns = strings(con.pk_attrs);
  if (!refColumns.length) {
    const pk = [...(m.relations.get(target.key)?.constraints.values() ?? [])].find(
      (c) => c.kind === 'primary key',
    );
    refColumns = pk ? [...pk.columns] : [];
  }
  return { refTable: target.key, refColumns };
}

/** The model of the index `CREATE INDEX` statement `n` creates. */
export function indexModel(m: ObjectMaps, n: Node, src: DefinitionSource, release: number): IndexModel {
  const table = rangeVarName(n.relation);
  const elems = [
    ...((n.indexParams as unknown[] | undefined) ?? []),
    ...((n.indexIncludingParams as unknown[] | undefined) ?? []),
  ].map((p) => ((p as Node).IndexElem ?? {}) as Node);
  // An unnamed index gets PostgreSQL's name when this model knows it (else one that is not certain,
  // and no definition).
  const cols = typeof n.idxname === 'string' ? null : indexColumnNames(elems);
  const name =
    (n.idxname as string | undefined) ??
    chooseName(
      table.name,
      cols ? nameAddition(cols) : 'expr',
      'idx',
      takenNames(m, table.schema, 'relation'),
    );
  const columns: string[] = [];
  for (const p of (n.indexParams as unknown[] | undefined) ?? []) {
    const e = (p as Node).IndexElem as Node | undefined;
    if (e?.name) columns.push(e.name as string);
  }
  const definition =
    typeof n.idxname === 'string' || cols ? writtenIndexDefinition(n, src, name, table) : undefined;
  return {
    schema: table.schema,
    name,
    table: table.key,
    unique: Boolean(n.unique),
    columns,
    origin: release,
    ...(definition ? { definition } : {}),
  };
}
