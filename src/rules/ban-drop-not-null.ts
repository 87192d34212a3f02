import type { Rule } from './types.js';
import { cmdLocation, readAlterTable } from './util/alter-table.js';

export const banDropNotNull = {
  meta: {
    id: 'ban-drop-not-null',
    type: 'breaking',
    description: 'DROP NOT NULL on a column that the running application reads as never NULL.',
    severity: 'notice',
    breaking: false,
    messages: {
      drop: 'Dropping NOT NULL on `{{object}}` is a safe expand step for writes, but once new code stores NULL there, the running release may read a NULL it does not expect.',
    },
    help: 'Ship readers that handle NULL in the column before any code writes NULL there; the migration itself can stay as it is.',
  },
  check(statement, ctx) {
    const alter = readAlterTable(statement);
    if (!alter || ctx.catalog.isNewRelation(alter.table)) return;
    for (const cmd of alter.cmds) {
      if (cmd.subtype !== 'AT_DropNotNull' || !cmd.name) continue;
      if (ctx.catalog.isNewColumn(alter.table, cmd.name)) continue;
      const col = ctx.catalog.column(alter.table, cmd.name);
      // The model knows the column is already nullable: nothing changes.
      if (col && !col.notNull) continue;
      const object = `${alter.table.key}.${cmd.name}`;
      ctx.report({
        location: cmdLocation(statement, cmd),
        messageId: 'drop',
        data: { object },
        object,
        lock: 'ACCESS EXCLUSIVE',
        breaking: false,
      });
    }
  },
} satisfies Rule;
