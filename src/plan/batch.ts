// Batched backfills. Each data change of a plan is a BackfillStep: what `expand-contract backfill` runs
// batch by batch (its header records the steps as JSON comments), and the DO block that `psql -f` runs
// instead, walking the primary key and COMMITting after each batch (PostgreSQL 11+).
import type { SchemaCatalog } from '../catalog/model.js';
import type { QualifiedName } from '../parse/ast.js';
import { placeholder, quoteIdent } from './sql.js';

/** One data change of a backfill, as the runner needs it. */
export interface BackfillStep {
  /** `schema.table`, for messages. */
  name: string;
  /** The table as SQL, as the migration wrote it. */
  table: string;
  /** How the statement names the table's rows: its alias, else the table's name. */
  ref: string;
  /** The alias as written, or null. */
  alias: string | null;
  verb: 'UPDATE' | 'DELETE';
  /** `UPDATE t [AS a] SET ...` or `DELETE FROM t [AS a]`: no FROM/USING, no WHERE. */
  head: string;
  /** The statement's FROM (UPDATE) or USING (DELETE) list, or null. */
  from: string | null;
  /** The statement's own WHERE, or null. */
  where: string | null;
  /**
   * Rows that still need the step: the statement's WHERE and the recipe's condition (`first_name IS
   * NULL`); null for every row.
   */
  needs: string | null;
  /**
   * `predicate`: `needs` tells done rows apart, so the final check counts the rows it still matches.
   * `visited`: it cannot (the SET writes columns that existed before the plan); every key is visited once.
   */
  check: 'predicate' | 'visited';
  /** The key the plan saw (the primary key's columns), or null; the runner reads the live one. */
  key: string[] | null;
  /** `SET search_path ...` that the migration set before the change, or null. */
  searchPath: string | null;
}

/** The key the DO block walks: a single-column primary key of an integer type or uuid. */
export interface BatchKey {
  column: string;
  kind: 'integer' | 'uuid';
}

const INTEGER = new Set(['int2', 'int4', 'int8', 'serial2', 'serial4', 'serial8']);

/** The primary key's columns in the schema model, or null. */
export function primaryKey(catalog: SchemaCatalog, table: QualifiedName): string[] | null {
  const rel = catalog.relation(table);
  const pk = rel ? [...rel.constraints.values()].find((c) => c.kind === 'primary key') : undefined;
  return pk ? [...pk.columns] : null;
}

/** The table's batch key for the DO block, or what is missing for one. */
export function batchKey(catalog: SchemaCatalog, table: QualifiedName): BatchKey | { missing: string } {
  const rel = catalog.relation(table);
  if (!rel) return { missing: `the table ${table.key} is not in the schema model` };
  const pk = primaryKey(catalog, table);
  if (!pk) return { missing: `${table.key} has no primary key` };
  if (pk.length !== 1) return { missing: `the primary key of ${table.key} has several columns` };
  const column = pk[0] as string;
  const type = rel.columns.get(column)?.type;
  if (type && type.arrayDims === 0 && INTEGER.has(type.name)) return { column, kind: 'integer' };
  if (type && type.arrayDims === 0 && type.name === 'uuid') return { column, kind: 'uuid' };
  return {
    missing: `the primary key ${table.key}.${column} is ${type?.display ?? 'of an unknown type'}, not integer, bigint or uuid`,
  };
}

const TAG = '$backfill$';

/**
 * The step as one DO statement for `psql -f` (or a placeholder when no key fits): the runner is better
 * (resumable, throttled, checked), this is for teams that run SQL files by hand.
 */
export function batchedSql(
  step: BackfillStep,
  key: BatchKey | { missing: string },
  batchSize: number,
): string {
  if ('missing' in key) {
    const todo = placeholder(
      `batch this change by hand or run expand-contract backfill: ${key.missing}; the DO block needs a single-column integer, bigint or uuid primary key`,
    );
    return `SELECT ${todo}`;
  }
  const col = `${step.ref}.${quoteIdent(key.column)}`;
  const bare = quoteIdent(key.column);
  const needs = step.needs;
  const cond = needs ? ` AND (${needs})` : '';
  const from = step.from ? `\n    ${step.verb === 'UPDATE' ? 'FROM' : 'USING'} ${step.from}` : '';
  const n = batchSize;
  // The statement as written, its continuation lines indented to sit inside the loop.
  const head = `${step.head}${from}`.replace(/\n/g, '\n    ');
  if (key.kind === 'integer') {
    return [
      `DO ${TAG}`,
      'DECLARE',
      '  _ec_from bigint;',
      '  _ec_last bigint;',
      'BEGIN',
      `  SELECT min(${bare}), max(${bare}) INTO _ec_from, _ec_last FROM ${step.table};`,
      '  WHILE _ec_from <= _ec_last LOOP',
      `    ${head}`,
      `     WHERE ${col} >= _ec_from AND ${col} < _ec_from + ${n}${cond};`,
      '    COMMIT;',
      `    _ec_from := _ec_from + ${n};`,
      '  END LOOP;',
      'END',
      TAG,
    ].join('\n');
  }
  return [
    `DO ${TAG}`,
    'DECLARE',
    '  _ec_after uuid;',
    '  _ec_upto uuid;',
    'BEGIN',
    '  LOOP',
    `    SELECT ${bare} INTO _ec_upto FROM ${step.table}`,
    `     WHERE _ec_after IS NULL OR ${bare} > _ec_after ORDER BY ${bare} OFFSET ${n - 1} LIMIT 1;`,
    `    ${head}`,
    `     WHERE (_ec_after IS NULL OR ${col} > _ec_after) AND (_ec_upto IS NULL OR ${col} <= _ec_upto)${cond};`,
    '    COMMIT;',
    '    EXIT WHEN _ec_upto IS NULL;',
    '    _ec_after := _ec_upto;',
    '  END LOOP;',
    'END',
    TAG,
  ].join('\n');
}

/** A step's condition joined with AND, each part parenthesised; null when there is none. */
export function both(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return `(${a}) AND (${b})`;
}

/** The step `UPDATE table SET column = value` for rows matching `needs` (a recipe's own backfill). */
export function setStep(input: {
  table: QualifiedName;
  tableSql: string;
  set: string;
  needs: string;
  catalog: SchemaCatalog;
}): BackfillStep {
  return {
    name: input.table.key,
    table: input.tableSql,
    ref: quoteIdent(input.table.name),
    alias: null,
    verb: 'UPDATE',
    head: `UPDATE ${input.tableSql} SET ${input.set}`,
    from: null,
    where: null,
    needs: input.needs,
    check: 'predicate',
    key: primaryKey(input.catalog, input.table),
    searchPath: null,
  };
}

/** A step with its DO block for `psql -f`. */
export interface PlannedBackfill {
  step: BackfillStep;
  sql: string;
}

/** A step and its DO block, batched over the key the schema model knows. */
export function planned(
  step: BackfillStep,
  catalog: SchemaCatalog,
  table: QualifiedName,
  batchSize: number,
): PlannedBackfill {
  return { step, sql: batchedSql(step, batchKey(catalog, table), batchSize) };
}
