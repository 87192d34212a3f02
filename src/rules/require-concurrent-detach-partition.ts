import { rangeVarName, unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';
import { locationOf, readAlterTable } from './util/alter-table.js';
import { isExistingTable } from './util/blocking.js';

export const requireConcurrentDetachPartition = {
  meta: {
    id: 'require-concurrent-detach-partition',
    type: 'blocking',
    description:
      'DETACH PARTITION without CONCURRENTLY on an existing partitioned table (and DETACH CONCURRENTLY inside a transaction).',
    severity: 'warning',
    breaking: false,
    messages: {
      detach:
        'Detaching partition `{{partition}}` without CONCURRENTLY takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` and `{{partition}}` while it waits for running queries and until it commits.',
      legacy:
        'Detaching partition `{{partition}}` takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` and `{{partition}}` until it commits; PostgreSQL {{version}} has no DETACH PARTITION CONCURRENTLY (it arrived in 14), so run it with a short lock_timeout and retry.',
      inTransaction:
        'DETACH PARTITION CONCURRENTLY cannot run inside a transaction block, so PostgreSQL stops this migration with "ERROR: ALTER TABLE ... DETACH CONCURRENTLY cannot run inside a transaction block".',
    },
    help: 'Use ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14 and later) in a migration that runs outside a transaction; it cannot be used while the table has a default partition.',
  },
  check(statement, ctx) {
    const alter = readAlterTable(statement, ['OBJECT_TABLE']);
    if (!alter) return;
    for (const cmd of alter.cmds) {
      if (cmd.subtype !== 'AT_DetachPartition') continue;
      const part = unwrap(cmd.def)[1];
      const partition = rangeVarName(part.name);
      const location = locationOf(part.name as Record<string, unknown> | undefined);
      if (part.concurrent) {
        if (statement.inTransaction || statement.plpgsql) {
          ctx.report({
            messageId: 'inTransaction',
            location,
            object: partition.key,
            lock: null,
            severity: 'error',
          });
        }
        continue;
      }
      if (!isExistingTable(ctx.catalog, alter.table)) continue;
      ctx.report({
        messageId: ctx.postgresVersion < 14 ? 'legacy' : 'detach',
        data: { partition: partition.key, table: alter.table.key, version: ctx.postgresVersion },
        location,
        object: partition.key,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;
