// The one ADD COLUMN of an ALTER TABLE statement, as the recipes that rewrite it read it.
import { columnDef, readAlterTable } from '../../rules/util/alter-table.js';
import type { Statement } from '../../types.js';
import { tableRef, type TableRef } from '../sql.js';
import type { Refusal } from '../types.js';

export interface AddedColumn {
  table: TableRef;
  column: string;
}

/** The table and column of a statement that is a single ADD COLUMN, or why it is not one. */
export function singleAddColumn(statement: Statement): AddedColumn | Refusal {
  const alter = readAlterTable(statement);
  const cmd = alter?.cmds[0];
  const def = cmd ? columnDef(cmd) : undefined;
  if (!alter || alter.cmds.length !== 1 || cmd?.subtype !== 'AT_AddColumn' || !def)
    return { refused: 'the statement is not a single ADD COLUMN' };
  const table = tableRef((statement.node.AlterTableStmt as { relation?: unknown }).relation);
  return { table, column: String(def.colname) };
}
