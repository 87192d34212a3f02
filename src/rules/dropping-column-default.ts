import type { Statement } from '../types.js';
import type { Rule } from './types.js';
import {
  cmdLocation,
  columnDef,
  declaresNotNull,
  defaultSetIn,
  givesDefault,
  isNullExpr,
  readAlterTable,
} from './util/alter-table.js';

export const droppingColumnDefault = {
  meta: {
    id: 'dropping-column-default',
    type: 'breaking',
    description: 'Dropping the default of a column that the running application omits on insert.',
    severity: 'error',
    breaking: true,
    messages: {
      drop: 'Dropping the default of `{{object}}`{{was}} breaks the running release, whose inserts that omit the column relied on it and now store NULL or fail on NOT NULL.',
      newColumn:
        'Dropping the default of new NOT NULL column `{{object}}` breaks the running release, whose inserts into `{{table}}` do not set the column and now fail.',
    },
    help: 'Keep the default until every deployed version sets the column on insert; drop it in a later (contract) migration.',
  },
  check(statement, ctx) {
    const alter = readAlterTable(statement);
    if (!alter || ctx.catalog.isNewRelation(alter.table)) return;
    for (const [i, cmd] of alter.cmds.entries()) {
      if (cmd.subtype !== 'AT_ColumnDefault' || !cmd.name) continue;
      if (cmd.def !== undefined && !isNullExpr(cmd.def)) continue;
      const column = cmd.name;
      // Net effect: a default (or identity) comes back later in this statement or this release.
      if (alter.cmds.slice(i + 1).some((c) => givesDefault(c, column))) continue;
      if (defaultSetIn(ctx.later(), alter.table, column)) continue;
      const object = `${alter.table.key}.${column}`;
      const added = alter.cmds
        .slice(0, i)
        .map((c) => (c.subtype === 'AT_AddColumn' ? columnDef(c) : undefined))
        .find((d) => d?.colname === column);
      if (added || ctx.catalog.isNewColumn(alter.table, column)) {
        // A column added in this release (Django adds it with a default, then drops the default): old
        // inserts omit it, which fails once it is NOT NULL without a default.
        const notNull = added ? declaresNotNull(added) : ctx.catalog.column(alter.table, column)?.notNull;
        if (notNull)
          ctx.report({
            location: cmdLocation(statement, cmd),
            messageId: 'newColumn',
            data: { object, table: alter.table.key },
            object,
            lock: 'ACCESS EXCLUSIVE',
          });
        continue;
      }
      const col = ctx.catalog.column(alter.table, column);
      // The model knows the column and that it has no default: nothing changes for inserts.
      if (col && col.default === null) continue;
      // The default was set earlier in this file: dropping it undoes this release's own change.
      if (defaultSetIn(earlierInFile(statement, ctx.fileStatements), alter.table, column)) continue;
      ctx.report({
        location: cmdLocation(statement, cmd),
        messageId: 'drop',
        data: { object, was: col?.default ? ` (${col.default})` : '' },
        object,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;

function earlierInFile(statement: Statement, all: readonly Statement[]): Statement[] {
  return all.slice(0, statement.index);
}
