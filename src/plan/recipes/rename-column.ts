// rename-column: add the new column beside the old one (same type, default, NOT NULL as a NOT VALID
// check, and copies of its checks, foreign keys, unique and primary keys and indexes), keep both in step
// with a trigger, backfill, switch reads, and drop the old column later; the copies then take the
// original names, as RENAME COLUMN keeps them.
import { rangeVarName, unwrap } from '../../parse/ast.js';
import {
  dependentsNote,
  swapBackfill,
  swapContract,
  swapDrops,
  swapDualWrite,
  swapExpand,
  swapLater,
  swapRollback,
  swapTrigger,
  withDependents,
  type ColumnSwap,
} from '../column-swap.js';
import { ignoreColumn } from '../orm.js';
import { foldLaterChanges } from '../swap-folds.js';
import { quoteIdent, tableRef, typeSql, type TableRef } from '../sql.js';
import type { PlanTarget, Recipe, RecipeContext, Refusal } from '../types.js';

/** The swap that renames `table.from` to `to`, read from the catalog; also used by lost-rename. */
export function renameSwap(
  table: TableRef,
  from: string,
  to: string,
  ctx: RecipeContext,
): ColumnSwap | Refusal {
  const col = ctx.catalog.column(table.name, from);
  if (!col || col.type.name === 'unknown')
    return { refused: `the type of ${table.name.key}.${from} is not known from the migrations read` };
  if (col.identity || col.generated)
    return {
      refused: `${table.name.key}.${from} is an identity or generated column; plan its rename by hand`,
    };
  const def = col.default && !col.default.includes('(expression)') ? col.default : null;
  const q = quoteIdent;
  return withDependents({
    table,
    oldColumn: from,
    newColumn: to,
    newType: typeSql(col.type),
    default: def,
    oldDefault: def,
    notNull: col.notNull,
    toNew: (ref) => ref,
    toOld: (ref) => ref,
    backfillValue: q(from),
    catalog: ctx.catalog,
    batchSize: ctx.batchSize,
  });
}

export function renameApp(s: ColumnSwap): { dualWrite: string[]; switchReads: string[] } {
  const t = s.table.name.key;
  const [o, n] = [quoteIdent(s.oldColumn), quoteIdent(s.newColumn)];
  return {
    dualWrite: [
      `Nothing to change yet: the trigger ${swapTrigger(s).triggerName} copies every write of ${o} to ${n} on ${t} and back, so code of either version keeps working.`,
    ],
    switchReads: [
      `Read and write ${n} instead of ${o} on ${t} (queries, ORM mappings, views, reports); deploy.`,
      `Make sure no deployed version names ${o} before the contract ships.`,
      ...(s.dependents.primaryKey ? [dependentsNote(s).trim()] : []),
    ],
  };
}

export function validateRename(target: PlanTarget, ctx: RecipeContext): ColumnSwap | Refusal {
  const [kind, n] = unwrap(target.statement.node);
  if (kind !== 'RenameStmt' || n.renameType !== 'OBJECT_COLUMN' || n.relationType !== 'OBJECT_TABLE')
    return { refused: 'the statement is not a RENAME COLUMN of a table' };
  if (!rangeVarName(n.relation).name) return { refused: 'the table is not named' };
  const table = tableRef(n.relation);
  const later = foldLaterChanges(target, ctx, table, String(n.newname));
  if ('refused' in later) return later;
  const swap = renameSwap(table, String(n.subname), String(n.newname), ctx);
  if ('refused' in swap) return swap;
  return {
    ...swap,
    ...(later.default !== undefined ? { default: later.default } : {}),
    notNull: later.notNull ?? swap.notNull,
    covers: later.covers,
  };
}

export const renameColumn = {
  id: 'rename-column',
  rules: ['renaming-column'],
  kind: 'primary',
  appliesTo: (finding) => finding.rule === 'renaming-column',
  validate: validateRename,
  object: (s) => `${s.table.name.key}.${s.oldColumn}`,
  summary: (s) =>
    `Rename ${s.table.name.key}.${s.oldColumn} to ${s.newColumn}: add ${s.newColumn} (${s.newType}) kept in step by a trigger, backfill it, and drop ${s.oldColumn} in the contract.${dependentsNote(s)}`,
  expand: swapExpand,
  dualWrite: swapDualWrite,
  backfill: swapBackfill,
  later: swapLater,
  contract: swapContract,
  rollback: swapRollback,
  app: (s) => ({ ...renameApp(s), ignore: ignoreColumn(s.table.name.key, s.oldColumn) }),
  drops: swapDrops,
  covers: (s) => s.covers ?? [],
} satisfies Recipe<ColumnSwap>;
