import { rangeVarName, unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';
import { locationOf } from './util/alter-table.js';

export const banTruncate = {
  meta: {
    id: 'ban-truncate',
    type: 'breaking',
    description: 'TRUNCATE of a table whose rows the running application still reads.',
    severity: 'error',
    breaking: true,
    messages: {
      truncate:
        'Truncating `{{object}}` deletes every row the running release still reads, under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{object}}`.',
      cascade:
        'Truncating `{{object}}` with CASCADE deletes every row of it and of every table with a foreign key to it, which the running release still reads, under an ACCESS EXCLUSIVE lock, blocking reads and writes on all of them.',
    },
    help: 'Delete only the rows you mean to, in small batches (DELETE ... WHERE id BETWEEN ...), or truncate only after no deployed code uses the table; never CASCADE.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'TruncateStmt') return;
    const [, n] = unwrap(statement.node);
    const cascade = n.behavior === 'DROP_CASCADE';
    for (const r of Array.isArray(n.relations) ? n.relations : []) {
      const [, rv] = unwrap(r);
      const table = rangeVarName(rv);
      if (!table.name || ctx.catalog.isNewRelation(table)) continue;
      const location = locationOf(rv);
      ctx.report({
        messageId: cascade ? 'cascade' : 'truncate',
        data: { object: table.key },
        object: table.key,
        lock: 'ACCESS EXCLUSIVE',
        ...(location !== undefined ? { location } : {}),
      });
    }
  },
} satisfies Rule;
