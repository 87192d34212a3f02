import { unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';
import { dropsPreexisting, dropTargets } from './util/objects.js';

const KINDS: Record<string, string> = { OBJECT_TABLE: 'table', OBJECT_FOREIGN_TABLE: 'foreign table' };

export const banDropTable = {
  meta: {
    id: 'ban-drop-table',
    type: 'breaking',
    description: 'Dropping a table that the running application may still read or write.',
    severity: 'error',
    breaking: true,
    messages: {
      drop: 'Dropping {{kind}} `{{object}}` breaks the running release, whose queries on it fail with "relation does not exist", and deletes its data; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{object}}`.',
    },
    help: 'Remove every use of the table from the application and deploy that first; drop the table in a later (contract) migration, after a backup if the data matters.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'DropStmt') return;
    const [, n] = unwrap(statement.node);
    const kind = KINDS[String(n.removeType)];
    if (!kind) return;
    for (const target of dropTargets(n)) {
      if (!dropsPreexisting(statement, ctx, target, Boolean(n.missing_ok))) continue;
      ctx.report({
        messageId: 'drop',
        data: { kind, object: target.key },
        object: target.key,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;
