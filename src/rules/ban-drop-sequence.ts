import { unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';
import { dropsPreexisting, dropTargets } from './util/objects.js';

export const banDropSequence = {
  meta: {
    id: 'ban-drop-sequence',
    type: 'breaking',
    description: 'Dropping a sequence that the running application or a column default may still use.',
    severity: 'error',
    breaking: true,
    messages: {
      drop: "Dropping sequence `{{object}}` breaks the running release wherever it still calls nextval('{{object}}') or inserts through a column default that uses it; it takes an ACCESS EXCLUSIVE lock on the sequence.",
    },
    help: 'Move every default and application call off the sequence (e.g. to an identity column), deploy that, then drop the sequence in a later (contract) migration.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'DropStmt') return;
    const [, n] = unwrap(statement.node);
    if (n.removeType !== 'OBJECT_SEQUENCE') return;
    for (const target of dropTargets(n)) {
      if (!dropsPreexisting(statement, ctx, target, Boolean(n.missing_ok))) continue;
      ctx.report({
        messageId: 'drop',
        data: { object: target.key },
        object: target.key,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;
