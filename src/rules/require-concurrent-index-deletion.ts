import { listName, unwrap } from '../parse/ast.js';
import { isPartitioned } from './util/objects.js';
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
      dropPartitioned:
        'Dropping index `{{index}}` of the partitioned table `{{table}}` takes an ACCESS EXCLUSIVE lock on it and on every partition, blocking reads and writes; PostgreSQL cannot drop a partitioned index CONCURRENTLY, so keep the lock wait short with lock_timeout and run it when traffic is low.',
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
      const partitioned = table !== undefined && isPartitioned(ctx.catalog, table);
      ctx.report({
        messageId: partitioned ? 'dropPartitioned' : table ? 'drop' : 'dropUnknownTable',
        data: { index: index.key, table: table ?? '' },
        object: index.key,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;
