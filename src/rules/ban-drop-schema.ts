import { unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';
import { dropsPreexisting, dropTargets } from './util/objects.js';

export const banDropSchema = {
  meta: {
    id: 'ban-drop-schema',
    type: 'breaking',
    description: 'Dropping a schema whose objects the running application may still use.',
    severity: 'error',
    breaking: true,
    messages: {
      drop: 'Dropping schema `{{object}}` breaks the running release, whose queries still name it or find objects in it through search_path.',
      cascade:
        'Dropping schema `{{object}}` with CASCADE deletes every table, view, type and function in it that the running release still uses, taking an ACCESS EXCLUSIVE lock on each of its tables.',
    },
    help: 'Move or drop the objects the application still uses one by one through their own expand and contract steps; drop the empty schema last, without CASCADE.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'DropStmt') return;
    const [, n] = unwrap(statement.node);
    if (n.removeType !== 'OBJECT_SCHEMA') return;
    const cascade = n.behavior === 'DROP_CASCADE';
    for (const target of dropTargets(n)) {
      if (!dropsPreexisting(statement, ctx, target, Boolean(n.missing_ok))) continue;
      ctx.report({
        messageId: cascade ? 'cascade' : 'drop',
        data: { object: target.key },
        object: target.key,
        lock: cascade ? 'ACCESS EXCLUSIVE' : null,
      });
    }
  },
} satisfies Rule;
