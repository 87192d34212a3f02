import { rangeVarName, unwrap, type QualifiedName } from '../parse/ast.js';
import type { Rule, RuleContext } from './types.js';
import { producerIn } from './util/objects.js';

const KINDS: Record<string, string> = {
  OBJECT_TABLE: 'table',
  OBJECT_FOREIGN_TABLE: 'foreign table',
  OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'materialized view',
};

export const renamingTable = {
  meta: {
    id: 'renaming-table',
    type: 'breaking',
    description:
      'Renaming a table or view, or moving it to another schema, while the running application uses its old name.',
    severity: 'error',
    breaking: true,
    messages: {
      rename:
        'Renaming {{kind}} `{{object}}` to `{{newName}}` breaks the running release, whose queries still use the old name and fail with "relation does not exist"; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{object}}`.',
      move: 'Moving {{kind}} `{{object}}` to schema `{{schema}}` breaks the running release, whose queries still find it as `{{object}}` and fail with "relation does not exist"; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{object}}`.',
    },
    help: 'In the same transaction as the rename, create a view under the old name (`CREATE VIEW old AS SELECT * FROM new`, which stays writable); switch the application to the new name, then drop the view in a later (contract) migration.',
  },
  check(statement, ctx) {
    const [kind, n] = unwrap(statement.node);
    if (kind === 'RenameStmt') {
      const what = KINDS[String(n.renameType)];
      const newName = typeof n.newname === 'string' ? n.newname : undefined;
      if (!what || !newName) return;
      const old = rangeVarName(n.relation);
      if (old.name === newName || !affectsRunningCode(ctx, old)) return;
      ctx.report({
        messageId: 'rename',
        data: { kind: what, object: old.key, newName },
        object: old.key,
        lock: 'ACCESS EXCLUSIVE',
      });
    } else if (kind === 'AlterObjectSchemaStmt') {
      const what = KINDS[String(n.objectType)];
      const schema = typeof n.newschema === 'string' ? n.newschema : undefined;
      if (!what || !schema) return;
      const old = rangeVarName(n.relation);
      if (old.schema === schema || !affectsRunningCode(ctx, old)) return;
      ctx.report({
        messageId: 'move',
        data: { kind: what, object: old.key, schema },
        object: old.key,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;

/**
 * False for a relation created in this release, and when a later statement of the release puts a
 * relation back under the old name (the compatibility view of the expand step, or a replacement table).
 */
function affectsRunningCode(ctx: RuleContext, old: QualifiedName): boolean {
  if (ctx.catalog.isNewRelation(old)) return false;
  return !producerIn(ctx.later(), { category: 'relation', key: old.key });
}
