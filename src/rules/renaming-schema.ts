import { unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';

export const renamingSchema = {
  meta: {
    id: 'renaming-schema',
    type: 'breaking',
    description: 'Renaming a schema that the running application still names in queries or search_path.',
    severity: 'error',
    breaking: true,
    messages: {
      rename:
        'Renaming schema `{{object}}` to `{{newName}}` breaks the running release, whose schema-qualified queries and search_path still name `{{object}}` and stop finding its tables.',
    },
    help: 'Make the application use unqualified names with a search_path that lists both the new and the old schema, deploy that, and rename the schema in a later (contract) migration.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'RenameStmt') return;
    const [, n] = unwrap(statement.node);
    if (n.renameType !== 'OBJECT_SCHEMA') return;
    const old = typeof n.subname === 'string' ? n.subname : undefined;
    const newName = typeof n.newname === 'string' ? n.newname : undefined;
    if (!old || !newName || old === newName || ctx.catalog.isNewSchema(old)) return;
    ctx.report({ messageId: 'rename', data: { object: old, newName }, object: old, lock: null });
  },
} satisfies Rule;
