// What the proof compares: the schema (read from pg_catalog) and the rows of the touched tables, taken
// once after the original migration and once after the plan, and the differences as sentences.
import { readCatalogSnapshot } from '../catalog/pg-catalog.js';
import type { CatalogSnapshot, RelationSnapshot } from '../catalog/replay-seed.js';
import type { IndexModel } from '../catalog/model.js';
import type { Database } from '../db/database.js';
import { quoteIdent } from '../parse/ident.js';

export interface TableData {
  /** Primary key columns the rows are ordered by (empty: ordered by the whole row). */
  key: string[];
  rows: Array<Record<string, unknown>>;
}

export interface DatabaseState {
  schema: CatalogSnapshot;
  /** Rows of each touched table that still exists, keyed `schema.name`. */
  data: Map<string, TableData>;
}

const rel = (r: { schema: string; name: string }): string => `${r.schema}.${r.name}`;

/** Reads the schema, then the rows of `tables` (`schema.name`) that exist, ordered by primary key. */
export async function readState(db: Database, tables: readonly string[]): Promise<DatabaseState> {
  const schema = await readCatalogSnapshot(db);
  const data = new Map<string, TableData>();
  for (const table of tables) {
    const r = schema.relations.find((x) => rel(x) === table);
    if (!r || (r.kind !== 'table' && r.kind !== 'partitioned table')) continue;
    const key = r.constraints.find((c) => c.kind === 'primary key')?.columns ?? [];
    const order = key.length > 0 ? key.map((k) => `t.${quoteIdent(k)}`).join(', ') : 'to_jsonb(t)::text';
    const rows = await db.query<{ row: Record<string, unknown> }>(
      `SELECT to_jsonb(t) AS row FROM ${quoteIdent(r.schema)}.${quoteIdent(r.name)} t ORDER BY ${order}`,
    );
    data.set(table, { key, rows: rows.map((x) => x.row) });
  }
  return { schema, data };
}

const kindWord = (kind: string): string =>
  kind === 'table' || kind === 'partitioned table' ? 'table' : kind;
const show = (v: unknown): string => (v === null || v === undefined ? 'NULL' : JSON.stringify(v));

/**
 * The time the proof ran in (ms since the epoch): the original and the plan run a moment apart, so a
 * `now()` they write differs by that moment. Timestamps both inside it, no further apart than it is
 * long, count as the same clock reading (counted in `clockValues`).
 */
export interface ClockWindow {
  from: number;
  to: number;
  clockValues: number;
}

/** Differences between the state after the original migration (`a`) and after the plan (`b`). */
export function compareStates(a: DatabaseState, b: DatabaseState, clock?: ClockWindow): string[] {
  const out: string[] = [];
  const relsA = new Map(a.schema.relations.map((r) => [rel(r), r]));
  const relsB = new Map(b.schema.relations.map((r) => [rel(r), r]));
  for (const [key, r] of relsA) {
    const other = relsB.get(key);
    if (!other)
      out.push(`${kindWord(r.kind)} ${key}: exists after the original migration, missing after the plan`);
    else if (other.kind !== r.kind)
      out.push(`${kindWord(r.kind)} ${key}: a ${r.kind} in the original, a ${other.kind} after the plan`);
    else compareRelation(key, r, other, out);
  }
  for (const [key, r] of relsB)
    if (!relsA.has(key))
      out.push(`${kindWord(r.kind)} ${key}: missing after the original migration, left by the plan`);
  compareIndexes(a.schema.indexes, b.schema.indexes, out);
  const types = (s: CatalogSnapshot): Map<string, string> =>
    new Map(s.types.map((t) => [rel(t), `${t.kind}${t.values.length ? ` (${t.values.join(', ')})` : ''}`]));
  compareMaps('type', types(a.schema), types(b.schema), out);
  const seqs = (s: CatalogSnapshot): Map<string, string> =>
    new Map(s.sequences.map((q) => [rel(q), 'sequence']));
  compareMaps('sequence', seqs(a.schema), seqs(b.schema), out);
  for (const [table, rowsA] of a.data) {
    const rowsB = b.data.get(table);
    if (rowsB) compareData(table, rowsA, rowsB, out, clock);
  }
  return out;
}

function compareMaps(what: string, a: Map<string, string>, b: Map<string, string>, out: string[]): void {
  for (const [key, v] of a) {
    const w = b.get(key);
    if (w === undefined)
      out.push(`${what} ${key}: exists after the original migration, missing after the plan`);
    else if (w !== v) out.push(`${what} ${key}: ${v} in the original, ${w} after the plan`);
  }
  for (const key of b.keys())
    if (!a.has(key)) out.push(`${what} ${key}: missing after the original migration, left by the plan`);
}

function compareRelation(key: string, a: RelationSnapshot, b: RelationSnapshot, out: string[]): void {
  const colsB = new Map(b.columns.map((c) => [c.name, c]));
  for (const c of a.columns) {
    const d = colsB.get(c.name);
    const where = `column ${key}.${c.name}`;
    if (!d) {
      out.push(`${where}: exists after the original migration, missing after the plan`);
      continue;
    }
    if (c.type.display !== d.type.display)
      out.push(`${where}: type ${c.type.display} in the original, ${d.type.display} after the plan`);
    if (c.notNull !== d.notNull)
      out.push(
        `${where}: ${c.notNull ? 'NOT NULL' : 'nullable'} in the original, ${d.notNull ? 'NOT NULL' : 'nullable'} after the plan`,
      );
    if (c.default !== d.default)
      out.push(
        `${where}: default ${c.default ?? 'none'} in the original, ${d.default ?? 'none'} after the plan`,
      );
    if (c.identity !== d.identity || c.generated !== d.generated)
      out.push(`${where}: ${generation(c)} in the original, ${generation(d)} after the plan`);
  }
  const namesA = new Set(a.columns.map((c) => c.name));
  for (const d of b.columns)
    if (!namesA.has(d.name))
      out.push(`column ${key}.${d.name}: missing after the original migration, left by the plan`);
  // Constraints by what they do (kind, columns, validated), not by name: NOT NULL constraints are named after
  // the column that first had them, and a rename keeps the old name.
  const sig = (c: RelationSnapshot['constraints'][number]): string =>
    `${c.kind} (${c.columns.join(', ')})${c.validated ? '' : ' NOT VALID'}`;
  const remaining = b.constraints.map(sig);
  for (const c of a.constraints) {
    const at = remaining.indexOf(sig(c));
    if (at >= 0) remaining.splice(at, 1);
    else out.push(`constraint on ${key}: ${sig(c)} (${c.name}) in the original, missing after the plan`);
  }
  for (const s of remaining) out.push(`constraint on ${key}: ${s} left by the plan, absent in the original`);
}

const generation = (c: RelationSnapshot['columns'][number]): string =>
  c.identity ? 'an identity column' : c.generated ? `generated (${c.generated})` : 'a plain column';

/** True when PostgreSQL would have chosen `name` for an unnamed index or constraint on these columns. */
function derivedName(index: IndexModel): boolean {
  const table = index.table.split('.').pop() ?? '';
  const stem = `${table}_${index.columns.join('_')}`;
  return (
    new RegExp(`^${escape(table)}(_[a-z0-9_]+)?_(idx|key|pkey|excl)\\d*$`).test(index.name) ||
    index.name.startsWith(stem)
  );
}
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compareIndexes(a: IndexModel[], b: IndexModel[], out: string[]): void {
  const sig = (i: IndexModel): string =>
    `${i.unique ? 'unique ' : ''}index on ${i.table} (${i.columns.join(', ')})`;
  const remaining = [...b];
  for (const i of a) {
    const same = remaining.filter((j) => sig(j) === sig(i));
    const match = same.find((j) => j.name === i.name) ?? (derivedName(i) ? same[0] : undefined);
    if (match) {
      remaining.splice(remaining.indexOf(match), 1);
      continue;
    }
    const renamed = same[0];
    out.push(
      renamed
        ? `${sig(i)}: named ${i.schema}.${i.name} in the original, ${renamed.schema}.${renamed.name} after the plan`
        : `${sig(i)} (${i.schema}.${i.name}): exists after the original migration, missing after the plan`,
    );
    if (renamed) remaining.splice(remaining.indexOf(renamed), 1);
  }
  for (const j of remaining)
    out.push(`${sig(j)} (${j.schema}.${j.name}): left by the plan, absent in the original`);
}

const MAX_ROW_DIFFERENCES = 5;

function compareData(
  table: string,
  a: TableData,
  b: TableData,
  out: string[],
  clock: ClockWindow | undefined,
): void {
  if (a.rows.length !== b.rows.length) {
    out.push(`data of ${table}: ${a.rows.length} rows in the original, ${b.rows.length} after the plan`);
    return;
  }
  const columns = Object.keys(a.rows[0] ?? {}).filter((c) => b.rows[0] && c in b.rows[0]);
  let shown = 0;
  for (const [i, row] of a.rows.entries()) {
    const other = b.rows[i] ?? {};
    const id = a.key.length > 0 ? a.key.map((k) => `${k}=${show(row[k])}`).join(', ') : `#${i + 1}`;
    for (const c of columns) {
      if (JSON.stringify(row[c] ?? null) === JSON.stringify(other[c] ?? null)) continue;
      if (clock && sameClockReading(row[c], other[c], clock)) {
        clock.clockValues++;
        continue;
      }
      if (shown++ < MAX_ROW_DIFFERENCES)
        out.push(
          `data ${table}.${c}, row ${id}: ${show(row[c])} in the original, ${show(other[c])} after the plan`,
        );
    }
  }
  if (shown > MAX_ROW_DIFFERENCES)
    out.push(`data of ${table}: ${shown - MAX_ROW_DIFFERENCES} more differing values not shown`);
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:\d{2})?|Z)?$/;
const DAY = 24 * 3600 * 1000;

function sameClockReading(a: unknown, b: unknown, clock: ClockWindow): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || !TIMESTAMP.test(a) || !TIMESTAMP.test(b))
    return false;
  // A timestamp without a zone is read as UTC; the session's zone may shift it by up to a day.
  const at = (s: string): number => Date.parse(/([+-]\d{2}(:\d{2})?|Z)$/.test(s) ? s : `${s}Z`);
  const x = at(a);
  const y = at(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return false;
  const inside = (t: number): boolean => t >= clock.from - DAY && t <= clock.to + DAY;
  return inside(x) && inside(y) && Math.abs(x - y) <= clock.to - clock.from;
}
