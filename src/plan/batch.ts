// Batched backfills: one UPDATE or DELETE turned into a DO block that walks the primary key and
// COMMITs after each batch (PostgreSQL 11+). Plain SQL: `psql -f` and any client sending statements
// one by one in autocommit mode run it to completion; no psql meta-commands.
import type { SchemaCatalog } from '../catalog/model.js';
import type { QualifiedName } from '../parse/ast.js';
import { placeholder, quoteIdent } from './sql.js';

/** The key a backfill walks: a single-column primary key of an integer type or uuid. */
export interface BatchKey {
  column: string;
  kind: 'integer' | 'uuid';
}

const INTEGER = new Set(['int2', 'int4', 'int8', 'serial2', 'serial4', 'serial8']);

/** The table's batch key, or what is missing for one. */
export function batchKey(catalog: SchemaCatalog, table: QualifiedName): BatchKey | { missing: string } {
  const rel = catalog.relation(table);
  if (!rel) return { missing: `the table ${table.key} is not in the schema model` };
  const pk = [...rel.constraints.values()].find((c) => c.kind === 'primary key');
  if (!pk) return { missing: `${table.key} has no primary key` };
  if (pk.columns.length !== 1) return { missing: `the primary key of ${table.key} has several columns` };
  const column = pk.columns[0] as string;
  const type = rel.columns.get(column)?.type;
  if (type && type.arrayDims === 0 && INTEGER.has(type.name)) return { column, kind: 'integer' };
  if (type && type.arrayDims === 0 && type.name === 'uuid') return { column, kind: 'uuid' };
  return {
    missing: `the primary key ${table.key}.${column} is ${type?.display ?? 'of an unknown type'}, not integer, bigint or uuid`,
  };
}

export interface BatchedChange {
  /** `UPDATE t SET ...` or `DELETE FROM t` (with its FROM/USING), without WHERE. */
  head: string;
  /** The original condition, or null. */
  where: string | null;
  /** How the key is referenced inside the statement: the alias or the table's name. */
  keyRef: string;
  /** The table as written, for reading the key. */
  tableSql: string;
  key: BatchKey | { missing: string };
  batchSize: number;
}

const TAG = '$backfill$';

/** The batched form of one data change, as a single DO statement (or a placeholder when no key fits). */
export function batched(change: BatchedChange): string {
  const { key } = change;
  if ('missing' in change.key) {
    const todo = placeholder(
      `batch this change by hand: ${(change.key as { missing: string }).missing}; a single-column integer, bigint or uuid primary key is needed`,
    );
    return `SELECT ${todo}`;
  }
  const k = key as BatchKey;
  const col = `${change.keyRef}.${quoteIdent(k.column)}`;
  const bare = quoteIdent(k.column);
  const cond = change.where ? ` AND (${change.where})` : '';
  const n = change.batchSize;
  // The statement as written, its continuation lines indented to sit inside the loop.
  const head = change.head.replace(/\n/g, '\n    ');
  if (k.kind === 'integer') {
    return [
      `DO ${TAG}`,
      'DECLARE',
      '  _ec_from bigint;',
      '  _ec_last bigint;',
      'BEGIN',
      `  SELECT min(${bare}), max(${bare}) INTO _ec_from, _ec_last FROM ${change.tableSql};`,
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
    `    SELECT ${bare} INTO _ec_upto FROM ${change.tableSql}`,
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

/** A batched `UPDATE table SET column = value WHERE condition` over an existing table. */
export function batchedSet(input: {
  table: QualifiedName;
  tableSql: string;
  set: string;
  where: string | null;
  catalog: SchemaCatalog;
  batchSize: number;
}): string {
  return batched({
    head: `UPDATE ${input.tableSql} SET ${input.set}`,
    where: input.where,
    keyRef: quoteIdent(input.table.name),
    tableSql: input.tableSql,
    key: batchKey(input.catalog, input.table),
    batchSize: input.batchSize,
  });
}
