// The backfill runs after the expand migration and its later migrations, so an UPDATE or DELETE moved
// there swaps places with every statement after it in the file. This decides when that is safe, and
// tells the recipes of constraints on backfilled columns to wait for the contract.
import { unwrap, type QualifiedName } from '../parse/ast.js';
import type { Statement } from '../types.js';
import {
  afterBackfill,
  changedTable,
  earlierTargets,
  laterTargets,
  mentionsColumn,
  mentionsTable,
  updatedColumns,
} from './sequence.js';
import { tableRef } from './sql.js';
import type { PlanTarget, RecipeContext } from './types.js';

const BACKFILL_RULE = 'backfill-in-migration';

/** Why the data change cannot leave the migration for the backfill, or undefined when it can. */
export function backfillRefusal(target: PlanTarget, ctx: RecipeContext): string | undefined {
  const [kind, n] = unwrap(target.statement.node);
  if (target.statement.plpgsql) return 'the statement runs inside a DO block or function';
  if (kind !== 'UpdateStmt' && kind !== 'DeleteStmt')
    return 'only a plain UPDATE or DELETE is moved to a backfill (not one inside a WITH query)';
  if (n.withClause) return 'an UPDATE or DELETE with a WITH clause is not batched automatically';
  if (ctx.postgresVersion < 11)
    return 'a batched backfill commits inside a DO block, which needs PostgreSQL 11 or later';
  const table = tableRef(changedTable(target.statement)).name;
  const columns = updatedColumns(target.statement);
  for (const later of laterTargets(target, ctx)) {
    if (!touches(later.statement, table, kind === 'DeleteStmt' ? null : columns)) continue;
    if (afterBackfill(later) !== 'conflict') continue;
    const what =
      kind === 'DeleteStmt'
        ? `the rows it deletes from ${table.key}`
        : `${columns.map((c) => `${table.key}.${c}`).join(', ')}`;
    return `line ${later.original.line} of this migration depends on ${what} and must run after it, but it cannot wait for the backfill; the ${kind === 'DeleteStmt' ? 'DELETE' : 'UPDATE'} stays in the migration`;
  }
  return undefined;
}

/**
 * True when an earlier statement of the file, moved to the backfill, writes one of `columns` of the
 * table (or deletes its rows): a constraint on them must then wait for the contract.
 */
export function backfilledBefore(
  target: PlanTarget,
  ctx: RecipeContext,
  table: QualifiedName,
  columns: readonly string[],
): boolean {
  return earlierTargets(target, ctx).some((t) => {
    if (!t.findings.some((f) => f.rule === BACKFILL_RULE && !f.suppressed)) return false;
    const changed = changedTable(t.statement);
    if (!changed || tableRef(changed).name.key !== table.key) return false;
    const [kind] = unwrap(t.statement.node);
    const writes = kind === 'DeleteStmt' || updatedColumns(t.statement).some((c) => columns.includes(c));
    return writes && backfillRefusal(t, ctx) === undefined;
  });
}

function touches(statement: Statement, table: QualifiedName, columns: readonly string[] | null): boolean {
  if (columns === null) return mentionsTable(statement, table);
  return columns.some((c) => mentionsColumn(statement, table, c));
}
