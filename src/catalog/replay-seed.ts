// A plain, JSON-friendly picture of a schema (what a replayed database holds), and a StaticCatalog
// seeded from it: the engine starts the first release from the replayed history this way and keeps
// applying statements with the static model.
import type { ParsedFile } from '../types.js';
import { StaticCatalog } from './static-catalog.js';
import {
  BEFORE,
  type ColumnModel,
  type ConstraintModel,
  type IndexModel,
  type RelationModel,
  type SequenceModel,
  type TypeModel,
} from './model.js';

export interface RelationSnapshot extends Omit<RelationModel, 'columns' | 'constraints'> {
  /** In column order (attnum). */
  columns: ColumnModel[];
  constraints: ConstraintModel[];
}

/** Every object of the user's schemas; all have origin BEFORE (they are history). */
export interface CatalogSnapshot {
  /** 2: indexes and constraints carry their definitions (pg_get_indexdef, pg_get_constraintdef). */
  format: 2;
  schemas: string[];
  relations: RelationSnapshot[];
  indexes: IndexModel[];
  types: TypeModel[];
  sequences: SequenceModel[];
}

/** The maps a catalog keeps, keyed by `schema.name` (relations, indexes, types, sequences). */
export interface CatalogMaps {
  relations: Map<string, RelationModel>;
  indexes: Map<string, IndexModel>;
  types: Map<string, TypeModel>;
  sequences: Map<string, SequenceModel>;
  schemas: Map<string, number>;
}

/** Fresh maps (deep copies) from a snapshot: a catalog may change them without touching the snapshot. */
export function snapshotMaps(snapshot: CatalogSnapshot): CatalogMaps {
  const key = (o: { schema: string; name: string }): string => `${o.schema}.${o.name}`;
  return {
    relations: new Map(
      snapshot.relations.map((r) => [
        key(r),
        {
          ...r,
          columns: new Map(
            r.columns.map((c) => [c.name, { ...c, type: { ...c.type, mods: [...c.type.mods] } }]),
          ),
          constraints: new Map(
            r.constraints.map((c) => [
              c.name,
              { ...c, columns: [...c.columns], ...(c.refColumns ? { refColumns: [...c.refColumns] } : {}) },
            ]),
          ),
        },
      ]),
    ),
    indexes: new Map(snapshot.indexes.map((i) => [key(i), { ...i, columns: [...i.columns] }])),
    types: new Map(snapshot.types.map((t) => [key(t), { ...t, values: [...t.values] }])),
    sequences: new Map(snapshot.sequences.map((s) => [key(s), { ...s }])),
    schemas: new Map(snapshot.schemas.map((s) => [s, BEFORE])),
  };
}

/** True when `value` has the shape of a CatalogSnapshot (for snapshots read back from the cache). */
export function isCatalogSnapshot(value: unknown): value is CatalogSnapshot {
  const v = value as Partial<CatalogSnapshot> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === 2 &&
    [v.schemas, v.relations, v.indexes, v.types, v.sequences].every(Array.isArray) &&
    (v.relations ?? []).every((r) => Array.isArray(r.columns) && Array.isArray(r.constraints))
  );
}

/** A StaticCatalog that starts from a snapshot instead of an empty schema. */
export class SeededCatalog extends StaticCatalog {
  /** The static model of the history, ready for `beginRelease(1)` and `apply()` of the change. */
  static seed(snapshot: CatalogSnapshot): SeededCatalog {
    const catalog = new SeededCatalog();
    const maps = snapshotMaps(snapshot);
    for (const [k, v] of maps.relations) catalog.relations.set(k, v);
    for (const [k, v] of maps.indexes) catalog.indexes.set(k, v);
    for (const [k, v] of maps.types) catalog.types.set(k, v);
    for (const [k, v] of maps.sequences) catalog.sequences.set(k, v);
    catalog.schemas.clear();
    for (const [k, v] of maps.schemas) catalog.schemas.set(k, v);
    return catalog;
  }
}

/**
 * The schema model after the history, as the rules start from it: the replayed schema when there is
 * one, else the history read statically. Ready for `beginRelease(1)` and the changes.
 */
export function historyModel(history: readonly ParsedFile[], seed?: CatalogSnapshot): StaticCatalog {
  const catalog = seed ? SeededCatalog.seed(seed) : new StaticCatalog();
  catalog.beginRelease(0);
  if (!seed) for (const parsed of history) for (const s of parsed.statements) catalog.apply(s);
  return catalog;
}
