// drop-column: nothing to expand; the application stops reading and writing the column, and the
// contract drops it once no deployed version names it.
import { readAlterTable } from '../../rules/util/alter-table.js';
import { ignoreColumn } from '../orm.js';
import {
  laterTargets,
  laterTypeDrop,
  mentionsColumn,
  reusedAfterDrop,
  typeDroppedAfter,
} from '../sequence.js';
import { quoteIdent, tableRef, type TableRef } from '../sql.js';
import type { Recipe } from '../types.js';

interface Spec {
  table: TableRef;
  column: string;
  sql: string;
}

export const dropColumn = {
  id: 'drop-column',
  rules: ['ban-drop-column'],
  kind: 'primary',
  appliesTo: (finding) => finding.rule === 'ban-drop-column',
  validate(target, ctx) {
    const alter = readAlterTable(target.statement);
    const cmd = alter?.cmds[0];
    if (!alter || alter.cmds.length !== 1 || cmd?.subtype !== 'AT_DropColumn' || !cmd.name)
      return { refused: 'the statement is not a single DROP COLUMN' };
    const rv = (target.statement.node.AlterTableStmt as { relation?: unknown }).relation;
    const table = tableRef(rv);
    const column = cmd.name;
    const again = laterTargets(target, ctx).find((t) => mentionsColumn(t.statement, table.name, column));
    if (again) return { refused: reusedAfterDrop(`${table.name.key}.${column}`, target, again) };
    const type = ctx.catalog.column(table.name, column)?.type;
    const typeDrop = type ? laterTypeDrop(target, ctx, [type]) : undefined;
    if (typeDrop) return { refused: typeDroppedAfter(`${table.name.key}.${column}`, typeDrop) };
    return { table, column, sql: target.statement.text };
  },
  object: (s) => `${s.table.name.key}.${s.column}`,
  summary: (s) =>
    `Drop ${s.table.name.key}.${s.column} in the contract, after the application stops using it.`,
  expand: () => [],
  contract: (s) => [s.sql],
  rollback: () => [],
  app: (s) => ({
    dualWrite: [],
    switchReads: [
      `Stop reading and writing ${quoteIdent(s.column)} on ${s.table.name.key} (queries, ORM models, views, reports); deploy before the contract.`,
    ],
    ignore: ignoreColumn(s.table.name.key, s.column),
  }),
  drops: (s) => [`${s.table.name.key}.${s.column}`],
} satisfies Recipe<Spec>;
