// change-column-type: a new column of the new type beside the old one, kept in step by a trigger that
// casts (with the USING expression when given), backfilled in batches; the contract drops the old
// column. The new column keeps its `_new` name: renaming it back is a rename, planned the same way.
// Checks, foreign keys, unique and primary keys and indexes of the column are copied onto the new one
// (their expressions over the new column, as ALTER TYPE re-reads them for the new type) and take the
// original names back in the contract, as ALTER TYPE keeps them.
import { readAlterTable, columnDef } from '../../rules/util/alter-table.js';
import { typeRef } from '../../parse/ast.js';
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
import { objectName, quoteIdent, tableRef, tableSql, typeSql } from '../sql.js';
import { qualifyColumn, SqlText, usingExpr } from '../../parse/tokens.js';
import type { Recipe, Refusal } from '../types.js';

interface Spec extends ColumnSwap {
  oldType: string;
  using: string | undefined;
}

export const changeColumnType = {
  id: 'change-column-type',
  rules: ['changing-column-type'],
  kind: 'primary',
  appliesTo: (finding) => finding.rule === 'changing-column-type',
  validate(target, ctx): Spec | Refusal {
    const alter = readAlterTable(target.statement);
    const cmd = alter?.cmds[0];
    const def = cmd ? columnDef(cmd) : undefined;
    if (!alter || alter.cmds.length !== 1 || cmd?.subtype !== 'AT_AlterColumnType' || !cmd.name || !def)
      return { refused: 'the statement is not a single ALTER COLUMN ... TYPE' };
    const col = ctx.catalog.column(alter.table, cmd.name);
    if (!col || col.type.name === 'unknown')
      return { refused: `the type of ${alter.table.key}.${cmd.name} is not known from the migrations read` };
    if (col.identity || col.generated)
      return {
        refused: `${alter.table.key}.${cmd.name} is an identity or generated column; plan the change by hand`,
      };
    const table = tableRef((target.statement.node.AlterTableStmt as { relation?: unknown }).relation);
    const newType = typeSql(typeRef(def.typeName));
    const oldType = typeSql(col.type);
    const using = usingExpr(new SqlText(target.statement.text));
    const column = cmd.name;
    const later = foldLaterChanges(target, ctx, table, column, true);
    if ('refused' in later) return later;
    // ALTER TYPE keeps the default (coerced to the new type); a later SET/DROP DEFAULT replaces it.
    const oldDefault = col.default && !col.default.includes('(expression)') ? col.default : null;
    const swap = withDependents({
      table,
      oldColumn: column,
      newColumn: objectName(column, 'new'),
      newType,
      default: later.default !== undefined ? later.default : oldDefault,
      oldDefault,
      notNull: later.notNull ?? col.notNull,
      toNew: (ref) => (using ? `(${qualifyColumn(using, column, 'NEW')})` : `(${ref})::${newType}`),
      toOld: (ref) => `(${ref})::${oldType}`,
      backfillValue: using ? `(${using})` : `${quoteIdent(column)}::${newType}`,
      catalog: ctx.catalog,
      batchSize: ctx.batchSize,
    });
    return 'refused' in swap ? swap : { ...swap, oldType, using, covers: later.covers };
  },
  object: (s) => `${s.table.name.key}.${s.oldColumn}`,
  summary: (s) =>
    `Change ${s.table.name.key}.${s.oldColumn} from ${s.oldType} to ${s.newType} through a new column ${s.newColumn}, kept in step by a casting trigger and backfilled in batches; the contract drops ${s.oldColumn}.${dependentsNote(s)}`,
  expand: swapExpand,
  dualWrite: swapDualWrite,
  backfill: swapBackfill,
  later: swapLater,
  contract: swapContract,
  rollback: swapRollback,
  app: (s) => ({
    dualWrite: [
      `Nothing to change yet: the trigger ${swapTrigger(s).triggerName} casts every write of ${quoteIdent(s.oldColumn)} into ${quoteIdent(s.newColumn)} on ${s.table.name.key} and back (a value the old type cannot hold fails the write).`,
    ],
    switchReads: [
      `Read and write ${quoteIdent(s.newColumn)} (${s.newType}) instead of ${quoteIdent(s.oldColumn)}; deploy before the contract.`,
      `To get the name ${quoteIdent(s.oldColumn)} back after the contract, add a migration ALTER TABLE ${tableSql(s.table)} RENAME COLUMN ${quoteIdent(s.newColumn)} TO ${quoteIdent(s.oldColumn)}: expand-contract plans that rename the same way (rename-column).`,
      ...(s.dependents.primaryKey ? [dependentsNote(s).trim()] : []),
    ],
    ignore: ignoreColumn(s.table.name.key, s.oldColumn),
  }),
  drops: swapDrops,
  covers: (s) => s.covers ?? [],
  followUp: (s) => [
    `ALTER TABLE ${tableSql(s.table)} RENAME COLUMN ${quoteIdent(s.newColumn)} TO ${quoteIdent(s.oldColumn)}`,
  ],
} satisfies Recipe<Spec>;
