// lost-rename: a DROP COLUMN and an ADD COLUMN of the same type on the same table in one migration is
// what Prisma writes for a rename, and it loses every value. Offered beside the literal plan: the
// rename plan (rename-column) from the dropped column to the added one.
import { rangeVarName, strings, typeRef, walk, type Node } from '../../parse/ast.js';
import type { Statement } from '../../types.js';
import { columnDef, readAlterTable } from '../../rules/util/alter-table.js';
import {
  dependentsNote,
  swapBackfill,
  swapContract,
  swapDrops,
  swapDualWrite,
  swapExpand,
  swapLater,
  swapRollback,
  type ColumnSwap,
} from '../column-swap.js';
import { ignoreColumn } from '../orm.js';
import { tableRef, typeSql } from '../sql.js';
import type { Recipe } from '../types.js';
import { renameApp, renameSwap } from './rename-column.js';

interface Spec extends ColumnSwap {
  addLine: number;
}

export const lostRename = {
  id: 'lost-rename',
  rules: ['ban-drop-column'],
  kind: 'alternative',
  appliesTo: (finding) => finding.rule === 'ban-drop-column',
  validate(target, ctx) {
    const drop = readAlterTable(target.statement);
    const dropCmd = drop?.cmds[0];
    if (!drop || drop.cmds.length !== 1 || dropCmd?.subtype !== 'AT_DropColumn' || !dropCmd.name)
      return { refused: 'not a single DROP COLUMN' };
    const dropped = ctx.catalog.column(drop.table, dropCmd.name);
    if (!dropped) return { refused: 'the dropped column is not known' };
    if (ctx.targets.some((t) => copiesFrom(t.statement, drop.table.key, dropCmd.name as string)))
      return {
        refused: 'an UPDATE of the migration reads the dropped column: its values are moved, not lost',
      };
    for (const other of ctx.targets) {
      const add = readAlterTable(other.statement);
      const def = add?.cmds[0] ? columnDef(add.cmds[0]) : undefined;
      if (!add || add.table.key !== drop.table.key || add.cmds[0]?.subtype !== 'AT_AddColumn' || !def)
        continue;
      if (typeSql(typeRef(def.typeName)) !== typeSql(dropped.type)) continue;
      const rv = (target.statement.node.AlterTableStmt as Node).relation;
      const swap = renameSwap(tableRef(rv), dropCmd.name, String(def.colname), ctx);
      if ('refused' in swap) return swap;
      return { ...swap, addLine: other.original.line };
    }
    return { refused: 'no column of the same type is added to the table' };
  },
  object: (s) => `${s.table.name.key}.${s.oldColumn}`,
  summary: (s) =>
    `Likely a lost rename: ${s.table.name.key}.${s.oldColumn} is dropped and ${s.newColumn} (${s.newType}, line ${s.addLine}) is added in the same migration, which loses every value (Prisma writes a rename this way). If it is a rename, use this plan instead of the literal one.${dependentsNote(s)}`,
  expand: swapExpand,
  dualWrite: swapDualWrite,
  backfill: swapBackfill,
  later: swapLater,
  contract: swapContract,
  rollback: swapRollback,
  app: (s) => ({ ...renameApp(s), ignore: ignoreColumn(s.table.name.key, s.oldColumn) }),
  drops: swapDrops,
} satisfies Recipe<Spec>;

/** True when `statement` is an UPDATE of `table` that reads `column` (a data move, as in split-name). */
function copiesFrom(statement: Statement, table: string, column: string): boolean {
  const n = statement.node.UpdateStmt as Node | undefined;
  if (!n || rangeVarName(n.relation).key !== table) return false;
  let reads = false;
  walk(n.targetList, (key, value) => {
    if (key === 'ColumnRef' && strings(value.fields).pop() === column) reads = true;
  });
  return reads;
}
