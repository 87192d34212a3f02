// backfill: an UPDATE or DELETE of an existing table leaves the schema migration and becomes a backfill
// step (run in batches by `expand-contract backfill`, or as a DO block that commits per key range),
// keeping its SET, FROM and WHERE. Rows that still need it: those its WHERE matches and, for columns the
// same migration added, that no writer has filled yet.
import { unwrap, type Node } from '../../parse/ast.js';
import { backfillRefusal } from '../backfill-order.js';
import { both, planned, primaryKey, type BackfillStep, type PlannedBackfill } from '../batch.js';
import { quoteIdent, tableRef, tableSql, type TableRef } from '../sql.js';
import { dataChangeParts, defaultClause, SqlText } from '../../parse/tokens.js';
import type { PlanTarget, Recipe } from '../types.js';
import { isRefusal } from './define.js';
import { singleAddColumn } from './added-column.js';

interface Spec {
  table: TableRef;
  verb: 'UPDATE' | 'DELETE';
  batchSize: number;
  planned: PlannedBackfill;
}

/** One `column = expression` of a SET list. */
interface Assignment {
  column: string;
  expr: string;
}

/**
 * The head of an UPDATE or DELETE cut at its top-level FROM (UPDATE) or USING (DELETE), and the SET
 * list's plain assignments (null when it holds a `(a, b) = ...` or a subscripted target).
 */
function cut(
  head: string,
  verb: 'UPDATE' | 'DELETE',
): { head: string; from: string | null; set: Assignment[] | null } {
  const sql = new SqlText(head);
  const setAt = verb === 'UPDATE' ? sql.keyword('SET') : -1;
  const fromAt = verb === 'UPDATE' ? sql.keyword('FROM', setAt + 1) : sql.keyword('USING');
  const end = fromAt < 0 ? sql.tokens.length : fromAt;
  const from = fromAt < 0 ? null : sql.slice(sql.endOf(fromAt));
  const cutHead = fromAt < 0 ? head.trim() : sql.slice(0, sql.startOf(fromAt));
  if (verb === 'DELETE') return { head: cutHead, from, set: [] };
  // The SET list: assignments separated by commas at depth 0.
  const set: Assignment[] = [];
  let depth = 0;
  let start = setAt + 1;
  for (let i = setAt + 1; i <= end; i++) {
    const t = sql.tokens[i];
    if (t && (t.text === '(' || t.text === '[')) depth++;
    else if (t && (t.text === ')' || t.text === ']')) depth--;
    if (i < end && !(depth === 0 && t?.text === ',')) continue;
    const first = sql.tokens[start];
    const eq = sql.tokens[start + 1];
    if (!first || first.text === '(' || eq?.text !== '=') return { head: cutHead, from, set: null };
    const column = first.text.startsWith('"')
      ? first.text.slice(1, -1).replace(/""/g, '"')
      : first.text.toLowerCase();
    set.push({ column, expr: sql.slice(sql.endOf(start + 1), sql.startOf(i)) });
    start = i + 1;
  }
  return { head: cutHead, from, set };
}

/** Columns of `table` an earlier statement of the file added without a default (NULL until written). */
function addedBefore(target: PlanTarget, targets: readonly PlanTarget[], table: string): Set<string> {
  const out = new Set<string>();
  for (const t of targets) {
    if (t === target) break;
    const added = singleAddColumn(t.statement);
    if (isRefusal(added) || added.table.name.key !== table) continue;
    if (defaultClause(new SqlText(t.statement.text))) continue;
    out.add(added.column);
  }
  return out;
}

/**
 * What still needs the change. A DELETE: the rows its WHERE still matches. An UPDATE whose every target is
 * a column the file added: rows where all of them are still NULL and the new values are not all NULL, so
 * rows the application (or a trigger) already wrote are left alone. Other UPDATEs cannot tell a done row
 * from one to do, so every key is visited once.
 */
function needs(
  verb: 'UPDATE' | 'DELETE',
  where: string | null,
  set: Assignment[] | null,
  added: Set<string>,
): Pick<BackfillStep, 'needs' | 'check'> {
  if (verb === 'DELETE') return { needs: where, check: 'predicate' };
  if (!set || set.length === 0 || !set.every((a) => added.has(a.column)))
    return { needs: where, check: 'visited' };
  const columns = [...new Set(set.map((a) => a.column))];
  const unwritten = columns.map((c) => `${quoteIdent(c)} IS NULL`).join(' AND ');
  const values =
    set.length === 1
      ? `(${set[0]?.expr}) IS NOT NULL`
      : `ROW(${set.map((a) => `(${a.expr})`).join(', ')}) IS DISTINCT FROM ROW(${set.map(() => 'NULL').join(', ')})`;
  return { needs: both(where, `${unwritten} AND ${values}`), check: 'predicate' };
}

export const backfill = {
  id: 'backfill',
  rules: ['backfill-in-migration'],
  kind: 'primary',
  appliesTo: (finding) => finding.rule === 'backfill-in-migration',
  validate(target, ctx) {
    const refused = backfillRefusal(target, ctx);
    if (refused) return { refused };
    const [kind, n] = unwrap(target.statement.node);
    const relation = n.relation as Node;
    const table = tableRef(relation);
    const alias = ((relation.alias as Node | undefined)?.aliasname as string | undefined) ?? null;
    const verb = kind === 'UpdateStmt' ? 'UPDATE' : 'DELETE';
    const parts = dataChangeParts(new SqlText(target.statement.text));
    const { head, from, set } = cut(parts.head, verb);
    const step: BackfillStep = {
      name: table.name.key,
      table: tableSql(table),
      ref: quoteIdent(alias ?? table.name.name),
      alias: alias === null ? null : quoteIdent(alias),
      verb,
      head,
      from,
      where: parts.where,
      ...needs(verb, parts.where, set, addedBefore(target, ctx.targets, table.name.key)),
      key: primaryKey(ctx.catalog, table.name),
      searchPath: null,
    };
    return {
      table,
      verb,
      batchSize: ctx.batchSize,
      planned: planned(step, ctx.catalog, table.name, ctx.batchSize),
    };
  },
  object: (s) => s.table.name.key,
  summary: (s) =>
    `Move the ${s.verb} of ${s.table.name.key} out of the migration into a backfill that commits every ${s.batchSize} rows.`,
  expand: () => [],
  backfill: (s) => [s.planned],
  contract: () => [],
  rollback: () => [],
  app: (s) => ({
    dualWrite: [
      s.verb === 'UPDATE'
        ? `Deploy code that writes the new values itself on every insert and update of ${s.table.name.key} before the backfill runs, so rows written meanwhile are not missed.`
        : `Deploy code that no longer creates the rows the backfill deletes from ${s.table.name.key} before it runs.`,
    ],
    switchReads: [],
    ignore: [],
  }),
  drops: () => [],
} satisfies Recipe<Spec>;
