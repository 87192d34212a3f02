import { rangeVarName, unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';

const KINDS: Record<string, string> = {
  OBJECT_TABLE: 'table',
  OBJECT_FOREIGN_TABLE: 'foreign table',
  OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'materialized view',
};

export const renamingColumn = {
  meta: {
    id: 'renaming-column',
    type: 'breaking',
    description: 'Renaming a column that the running application still reads or writes by its old name.',
    severity: 'error',
    breaking: true,
    messages: {
      rename:
        'Renaming column `{{object}}` to `{{newName}}` breaks the running release, whose queries still name `{{column}}` and fail with "column does not exist"; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on {{kind}} `{{table}}`.',
    },
    help: 'Add a column with the new name, write both (or sync them with a trigger), backfill, switch reads to the new column, and drop the old one in a later (contract) migration.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'RenameStmt') return;
    const [, n] = unwrap(statement.node);
    if (n.renameType !== 'OBJECT_COLUMN') return;
    const kind = KINDS[String(n.relationType)];
    const column = typeof n.subname === 'string' ? n.subname : undefined;
    const newName = typeof n.newname === 'string' ? n.newname : undefined;
    if (!kind || !column || !newName || column === newName) return;
    const table = rangeVarName(n.relation);
    if (ctx.catalog.isNewColumn(table, column)) return;
    // ALTER TABLE IF EXISTS of a table the model knows to lack the column renames nothing.
    if (n.missing_ok && ctx.catalog.relation(table) && !ctx.catalog.column(table, column)) return;
    ctx.report({
      messageId: 'rename',
      data: { object: `${table.key}.${column}`, newName, column, table: table.key, kind },
      object: `${table.key}.${column}`,
      lock: 'ACCESS EXCLUSIVE',
    });
  },
} satisfies Rule;
