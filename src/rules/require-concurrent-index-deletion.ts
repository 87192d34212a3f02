import { listName, unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';

export const requireConcurrentIndexDeletion = {
  meta: {
    id: 'require-concurrent-index-deletion',
    type: 'blocking',
    description: 'Dropping an existing index without CONCURRENTLY.',
    severity: 'error',
    breaking: false,
    messages: {
      drop: 'Dropping index `{{index}}` without CONCURRENTLY takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` while it waits for running queries on the table to finish.',
      dropUnknownTable:
        'Dropping index `{{index}}` without CONCURRENTLY takes an ACCESS EXCLUSIVE lock, blocking reads and writes on its table while it waits for running queries on the table to finish.',
    },
    help: 'Use DROP INDEX CONCURRENTLY, one index per statement, in a migration that runs outside a transaction.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'DropStmt') return;
    const [, n] = unwrap(statement.node);
    if (n.removeType !== 'OBJECT_INDEX' || n.concurrent) return;
    for (const o of Array.isArray(n.objects) ? n.objects : []) {
      const index = listName(unwrap(o)[1].items);
      if (!index.name || ctx.catalog.isNewIndex(index)) continue;
      const table = ctx.catalog.index(index)?.table;
      ctx.report({
        messageId: table ? 'drop' : 'dropUnknownTable',
        data: { index: index.key, table: table ?? '' },
        object: index.key,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;
