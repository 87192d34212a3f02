import type { Rule } from './types.js';
import { columnDef, declaresNotNull, definesValue, locationOf, readAlterTable } from './util/alter-table.js';

export const addingRequiredField = {
  meta: {
    id: 'adding-required-field',
    type: 'breaking',
    description: 'Adding a NOT NULL column without a default to an existing table.',
    severity: 'error',
    breaking: true,
    messages: {
      add: 'Adding `{{object}}` as NOT NULL without a default breaks the running release, whose inserts into `{{table}}` do not set it, and fails outright if the table has rows; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`.',
    },
    help: 'Add the column nullable or with a DEFAULT, make every deployed version write it and backfill old rows, then set NOT NULL in a later (contract) migration.',
  },
  check(statement, ctx) {
    const alter = readAlterTable(statement);
    if (!alter || ctx.catalog.isNewRelation(alter.table)) return;
    for (const cmd of alter.cmds) {
      if (cmd.subtype !== 'AT_AddColumn') continue;
      const def = columnDef(cmd);
      const name = typeof def?.colname === 'string' ? def.colname : undefined;
      if (!def || !name || !declaresNotNull(def) || definesValue(def)) continue;
      // ADD COLUMN IF NOT EXISTS of a column that is already there adds nothing.
      if (cmd.missingOk && ctx.catalog.column(alter.table, name)) continue;
      const object = `${alter.table.key}.${name}`;
      const location = locationOf(def);
      ctx.report({
        messageId: 'add',
        data: { object, table: alter.table.key },
        object,
        lock: 'ACCESS EXCLUSIVE',
        ...(location !== undefined ? { location } : {}),
      });
    }
  },
} satisfies Rule;
