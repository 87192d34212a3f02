import type { Rule } from './types.js';
import { cmdLocation, readAlterTable } from './util/alter-table.js';

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
    const alter = readAlterTable(statement);
    if (!alter) return;
    for (const cmd of alter.cmds) {
      if (cmd.subtype !== 'AT_DropColumn' || !cmd.name) continue;
      if (ctx.catalog.isNewColumn(alter.table, cmd.name)) continue;
      // DROP COLUMN IF EXISTS of a column that the history never had drops nothing.
      if (cmd.missingOk && ctx.catalog.relation(alter.table) && !ctx.catalog.column(alter.table, cmd.name))
        continue;
      const object = `${alter.table.key}.${cmd.name}`;
      ctx.report({
        messageId: 'drop',
        data: { object, table: alter.table.key },
        object,
        lock: 'ACCESS EXCLUSIVE',
        location: cmdLocation(statement, cmd),
      });
    }
  },
} satisfies Rule;
