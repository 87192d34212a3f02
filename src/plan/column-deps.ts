// Definitions of the indexes and constraints of the schema, as the catalog carries them (the SQL text
// pg_get_indexdef and pg_get_constraintdef print, or the static model's text with current names),
// parsed back with libpg-query: what a column swap must copy onto the replacement column.
import {
  columnRefs,
  indexReads,
  parseConstraintDefinition,
  parseIndexDefinition,
} from '../catalog/definitions.js';
import type { ConstraintKind, SchemaCatalog } from '../catalog/model.js';
import { qualify, type Node } from '../parse/ast.js';

export { columnRefs };

interface Def {
  /** `schema.table` the object is on. */
  table: string;
  name: string;
  /** The definition's SQL text, with the current names of columns and tables. */
  definition: string;
}

export interface IndexDef extends Def {
  schema: string;
  unique: boolean;
  /** The IndexStmt the definition parses to. */
  node: Node;
}

export interface ConstraintDef extends Def {
  kind: ConstraintKind;
  /** The Constraint node the definition parses to. */
  node: Node;
  /** Key columns; for a CHECK, the columns its expression reads. */
  columns: string[];
  validated: boolean;
  /** Foreign keys: the referenced table and columns (empty: its primary key, not known). */
  refTable: string | null;
  refColumns: string[];
}

/** An index or constraint whose definition the catalog does not give (or that does not parse). */
export interface UnknownDef {
  table: string;
  what: string;
  columns: string[];
  index: boolean;
}

/** Column names the definition's text writes: index keys, INCLUDE and WHERE; a CHECK's expression. */
export function writtenRefs(d: IndexDef | ConstraintDef): string[] {
  if ('kind' in d) return d.kind === 'check' ? columnRefs(d.node.raw_expr) : [];
  const r = indexReads(d.node);
  return [...r.keys, ...r.where];
}

/** The columns a definition reads, in its keys and (indexes) in its WHERE clause. */
export function readsOf(d: IndexDef | ConstraintDef): { keys: string[]; where: string[] } {
  return 'kind' in d ? { keys: d.columns, where: [] } : indexReads(d.node);
}

const WITH_INDEX = new Set<ConstraintKind>(['primary key', 'unique', 'exclusion']);

/** Indexes and constraints of every table of a catalog, with their definitions parsed. */
export class Definitions {
  readonly indexes: IndexDef[] = [];
  readonly constraints: ConstraintDef[] = [];
  readonly unknown: UnknownDef[] = [];
  /** Tables created with LIKE, INHERITS or PARTITION OF in a static model: they hold more than is known. */
  readonly incomplete = new Set<string>();

  constructor(catalog: SchemaCatalog) {
    for (const rel of catalog.allRelations()) {
      const table = `${rel.schema}.${rel.name}`;
      if (rel.incomplete) this.incomplete.add(table);
      for (const c of rel.constraints.values()) {
        if (c.kind === 'not null') continue;
        const node = c.definition === undefined ? undefined : parseConstraintDefinition(c.definition);
        if (!node || c.definition === undefined) {
          this.unknown.push({
            table,
            what: `${c.kind} constraint ${c.name}`,
            columns: c.columns,
            index: false,
          });
          continue;
        }
        this.constraints.push({
          table,
          name: c.name,
          definition: c.definition,
          kind: c.kind,
          node,
          columns: c.columns,
          validated: c.validated,
          refTable: c.refTable ?? null,
          refColumns: c.refColumns ?? [],
        });
      }
      // A replayed schema lists the indexes of constraints too: they are copied with their constraint.
      const owned = new Set(
        [...rel.constraints.values()].filter((c) => WITH_INDEX.has(c.kind)).map((c) => c.name),
      );
      for (const i of catalog.indexesOn(qualify(rel.name, rel.schema))) {
        if (owned.has(i.name)) continue;
        const node = i.definition === undefined ? undefined : parseIndexDefinition(i.definition);
        if (!node || i.definition === undefined) {
          this.unknown.push({ table, what: `index ${i.name}`, columns: i.columns, index: true });
          continue;
        }
        this.indexes.push({
          table,
          name: i.name,
          definition: i.definition,
          schema: i.schema,
          unique: i.unique,
          node,
        });
      }
    }
  }

  onTable(table: string): { indexes: IndexDef[]; constraints: ConstraintDef[] } {
    return {
      indexes: this.indexes.filter((i) => i.table === table),
      constraints: this.constraints.filter((c) => c.table === table),
    };
  }

  /** True when a relation-level name (index, or constraint with an index) is taken in `schema`. */
  nameTaken(schema: string, name: string): boolean {
    return (
      this.indexes.some((i) => i.schema === schema && i.name === name) ||
      this.constraints.some((c) => c.table.startsWith(`${schema}.`) && c.name === name)
    );
  }
}
