import { rangeVarName } from '../parse/ast.js';
import type { Rule } from './types.js';

export const banDropColumn = {
  meta: {
    id: 'ban-drop-column',
    type: 'breaking',
    description: 'Dropping a column that the running application may still read or write.',
    severity: 'error',
    breaking: true,
    messages: {
      drop: 'Dropping column `{{object}}` breaks the running release, which still reads or writes it; it also takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`.',
    },
    help: 'Stop using the column in the application first, deploy, then drop it in a later (contract) migration.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'AlterTableStmt') return;
    const n = statement.node.AlterTableStmt as { relation?: unknown; objtype?: string; cmds?: unknown[] };
    if (n.objtype !== 'OBJECT_TABLE') return;
    const table = rangeVarName(n.relation);
    for (const c of n.cmds ?? []) {
      const cmd = (c as { AlterTableCmd?: { subtype?: string; name?: string; missing_ok?: boolean } })
        .AlterTableCmd;
      if (cmd?.subtype !== 'AT_DropColumn' || !cmd.name) continue;
      if (ctx.catalog.isNewColumn(table, cmd.name)) continue;
      // DROP COLUMN IF EXISTS of a column that the history never had drops nothing.
      if (cmd.missing_ok && ctx.catalog.relation(table) && !ctx.catalog.column(table, cmd.name)) continue;
      ctx.report({
        messageId: 'drop',
        data: { object: `${table.key}.${cmd.name}`, table: table.key },
        object: `${table.key}.${cmd.name}`,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;
