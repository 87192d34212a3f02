// The live side of a step: the table as the database knows it, the key a batch walks (the primary key,
// else a unique index over NOT NULL columns), and the SQL of a batch, of the bound and of the final check.
import type { Client } from 'pg';
import type { BackfillStep } from '../plan/batch.js';
import { quoteIdent } from '../parse/ident.js';

/** A problem with the schema the step meets: not retryable, exit code 2. */
export class BackfillSchemaError extends Error {
  override name = 'BackfillSchemaError';
}

export interface KeyColumn {
  name: string;
  /** `format_type` of the column: what a cursor value is cast back to. */
  type: string;
}

export interface LiveTable {
  oid: number;
  /** The table's rows as the planner estimates them (reltuples; 0 when never analyzed). */
  estimatedRows: number;
  key: KeyColumn[];
  /** `primary key` or `unique index <name>`. */
  keySource: string;
  /** False when the table was never analyzed (reltuples is -1): estimates would be guesses. */
  analyzed: boolean;
}

/** Finds the step's table and its key; a clear error naming the table when either is missing. */
export async function liveTable(client: Client, step: BackfillStep): Promise<LiveTable> {
  const { rows } = await client.query<{ oid: number | null; est: number | null }>(
    'SELECT c.oid::int8::float8 AS oid, c.reltuples::float8 AS est FROM pg_class c WHERE c.oid = to_regclass($1)',
    [step.table],
  );
  const found = rows[0];
  if (!found || found.oid === null)
    throw new BackfillSchemaError(
      `the table ${step.name} (${step.table}) does not exist in the database: run the expand migration first, or check that the URL points at the right database`,
    );
  const keys = await client.query<{ name: string; primary: boolean; cols: string[]; types: string[] }>(
    `SELECT i.indexrelid::regclass::text AS name, i.indisprimary AS primary,
            array_agg(a.attname::text ORDER BY k.ord) AS cols,
            array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY k.ord) AS types
       FROM pg_index i
       CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = $1 AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL
        AND k.ord <= i.indnkeyatts
      GROUP BY i.indexrelid, i.indisprimary
     HAVING bool_and(a.attnotnull)
      ORDER BY i.indisprimary DESC, count(*), 1`,
    [found.oid],
  );
  const best = keys.rows[0];
  if (!best)
    throw new BackfillSchemaError(
      `the table ${step.name} has no primary key and no unique index over NOT NULL columns, so the backfill cannot walk it in batches; add a primary key (or a unique index on NOT NULL columns, built CONCURRENTLY) and run again`,
    );
  return {
    oid: found.oid,
    estimatedRows: Math.max(0, Math.round(found.est ?? 0)),
    analyzed: (found.est ?? -1) >= 0,
    key: best.cols.map((name, i) => ({ name, type: best.types[i] as string })),
    keySource: best.primary ? 'primary key' : `unique index ${best.name}`,
  };
}

/** A cursor: the key values of the last row of a batch, as text. */
export type Cursor = string[];

const cols = (key: KeyColumn[], ref?: string): string =>
  key.map((k) => (ref ? `${ref}.${quoteIdent(k.name)}` : quoteIdent(k.name))).join(', ');
const tuple = (list: string, n: number): string => (n === 1 ? list : `ROW(${list})`);
const params = (key: KeyColumn[], from: number): string =>
  key.map((k, i) => `$${from + i}::${k.type}`).join(', ');

/** `SELECT` of the last key of the next batch of `size` rows after `after` (no row: the batch is the last). */
export function boundSql(step: BackfillStep, key: KeyColumn[], after: boolean, size: number): string {
  const n = key.length;
  const where = after ? ` WHERE ${tuple(cols(key), n)} > ${tuple(params(key, 1), n)}` : '';
  // ORDER BY names the key through the table's alias: a bare name would mean the output column of the
  // same name, the key cast to text, and sort `10` before `9`.
  return (
    `SELECT ${key.map((k) => `${quoteIdent(k.name)}::text`).join(', ')} FROM ${step.table} AS _ec_bound${where}` +
    ` ORDER BY ${cols(key, '_ec_bound')} OFFSET ${Math.max(0, size - 1)} LIMIT 1`
  );
}

/** The step's statement over the keys after `after` (if any) up to `upto` (if any), rows that need it only. */
export function batchSql(step: BackfillStep, key: KeyColumn[], after: boolean, upto: boolean): string {
  const n = key.length;
  const own = tuple(cols(key, step.ref), n);
  const conds: string[] = [];
  if (after) conds.push(`${own} > ${tuple(params(key, 1), n)}`);
  if (upto) conds.push(`${own} <= ${tuple(params(key, after ? n + 1 : 1), n)}`);
  if (step.needs) conds.push(`(${step.needs})`);
  const from = step.from ? ` ${step.verb === 'UPDATE' ? 'FROM' : 'USING'} ${step.from}` : '';
  return `${step.head}${from}${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''}`;
}

/** The rows that still need the step (null when `needs` cannot tell: the step is checked by its walk). */
export function remainingSql(step: BackfillStep): string | null {
  if (step.check !== 'predicate') return null;
  const table = `${step.table}${step.alias ? ` AS ${step.alias}` : ''}`;
  if (step.needs === null) return `SELECT count(*)::int8 AS n FROM ${table}`;
  const cond = step.from ? `EXISTS (SELECT 1 FROM ${step.from} WHERE ${step.needs})` : `(${step.needs})`;
  return `SELECT count(*)::int8 AS n FROM ${table} WHERE ${cond}`;
}

/** The planner's estimate of the rows that need the step (EXPLAIN, nothing run). */
export async function estimateRows(client: Client, step: BackfillStep, table: LiveTable): Promise<number> {
  const target = `${step.table}${step.alias ? ` AS ${step.alias}` : ''}`;
  const cond =
    step.needs === null
      ? 'true'
      : step.from
        ? `EXISTS (SELECT 1 FROM ${step.from} WHERE ${step.needs})`
        : `(${step.needs})`;
  if (!table.analyzed) {
    // Never analyzed (a new or small table): the planner would guess, so count.
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*)::int8 AS n FROM ${target} WHERE ${cond}`,
    );
    return Number(rows[0]?.n ?? 0);
  }
  if (step.needs === null) return table.estimatedRows;
  const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${target} WHERE ${cond}`,
  );
  return Math.round(rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
}
