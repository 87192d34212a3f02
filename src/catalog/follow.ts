// What a rename or a drop does to the indexes and constraints of a static model: definitions follow
// renamed columns, tables and indexes (as PostgreSQL prints them with the current names), and what
// reads a dropped column or references a dropped table goes with it.
import { qualify, type QualifiedName } from '../parse/ast.js';
import {
  indexReads,
  parseIndexDefinition,
  renameColumnIn,
  renameIndexIn,
  renameIndexTable,
  renameReferencedTable,
  type DefinitionPart,
} from './definitions.js';
import type { ConstraintModel, IndexModel, RelationModel } from './model.js';

export interface ModelMaps {
  relations: Map<string, RelationModel>;
  indexes: Map<string, IndexModel>;
}

const rename = <T extends { definition?: string }>(o: T, def: string | undefined): void => {
  if (def === undefined) delete o.definition;
  else o.definition = def;
};

function renameIn(o: { definition?: string }, part: DefinitionPart, from: string, to: string): void {
  if (o.definition !== undefined) rename(o, renameColumnIn(o.definition, part, from, to));
}

const swap = (list: string[], from: string, to: string): string[] => list.map((c) => (c === from ? to : c));

/** Column `from` of `table` (`schema.name`) is now `to`. */
export function followColumnRename(m: ModelMaps, table: string, from: string, to: string): void {
  for (const c of m.relations.get(table)?.constraints.values() ?? []) {
    c.columns = swap(c.columns, from, to);
    renameIn(c, 'own', from, to);
  }
  for (const c of foreignKeysTo(m, table)) {
    if (c.refColumns) c.refColumns = swap(c.refColumns, from, to);
    renameIn(c, 'ref', from, to);
  }
  for (const i of m.indexes.values())
    if (i.table === table) {
      i.columns = swap(i.columns, from, to);
      renameIn(i, 'index', from, to);
    }
}

/** Table `old` is now `name` (same schema); the index map's `table` fields are the caller's. */
export function followTableRename(m: ModelMaps, old: QualifiedName, name: string): void {
  const to = qualify(name, old.schema).key;
  for (const i of m.indexes.values())
    if (i.table === to && i.definition !== undefined) i.definition = renameIndexTable(i.definition, name);
  for (const c of foreignKeysTo(m, old.key)) {
    c.refTable = to;
    if (c.definition !== undefined) c.definition = renameReferencedTable(c.definition, old, name);
  }
}

/** Index `old` is now `name`: its definition, or the constraint it backs (renamed with it). */
export function followIndexRename(m: ModelMaps, old: QualifiedName, name: string): void {
  const idx = m.indexes.get(qualify(name, old.schema).key);
  if (idx) {
    if (idx.definition !== undefined) idx.definition = renameIndexIn(idx.definition, name);
    return;
  }
  for (const rel of m.relations.values()) {
    const con = rel.schema === old.schema ? rel.constraints.get(old.name) : undefined;
    if (!con || !['primary key', 'unique', 'exclusion'].includes(con.kind)) continue;
    rel.constraints.delete(old.name);
    rel.constraints.set(name, { ...con, name });
  }
}

/** Column `column` of `table` was dropped: indexes and constraints reading it, and foreign keys to it, go. */
export function dropColumnDependents(m: ModelMaps, table: string, column: string): void {
  for (const [k, i] of m.indexes) {
    if (i.table !== table) continue;
    const n = i.definition === undefined ? undefined : parseIndexDefinition(i.definition);
    const r = n ? indexReads(n) : { keys: i.columns, where: [] };
    if ([...r.keys, ...r.where, ...i.columns].includes(column)) m.indexes.delete(k);
  }
  for (const [k, c] of m.relations.get(table)?.constraints ?? [])
    if (c.columns.includes(column)) m.relations.get(table)?.constraints.delete(k);
  for (const rel of m.relations.values())
    for (const [k, c] of rel.constraints)
      if (c.refTable === table && c.refColumns?.includes(column)) rel.constraints.delete(k);
}

/** Table `table` was dropped: foreign keys of other tables that reference it go (CASCADE). */
export function dropTableDependents(m: ModelMaps, table: string): void {
  for (const rel of m.relations.values())
    for (const [k, c] of rel.constraints) if (c.refTable === table) rel.constraints.delete(k);
}

function foreignKeysTo(m: ModelMaps, table: string): ConstraintModel[] {
  return [...m.relations.values()].flatMap((r) =>
    [...r.constraints.values()].filter((c) => c.kind === 'foreign key' && c.refTable === table),
  );
}
