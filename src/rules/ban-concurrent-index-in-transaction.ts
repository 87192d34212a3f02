import { listName, rangeVarName, unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';
import { hasOption } from './util/locks.js';

export const banConcurrentIndexInTransaction = {
  meta: {
    id: 'ban-concurrent-index-in-transaction',
    type: 'blocking',
    description:
      'CREATE INDEX, DROP INDEX or REINDEX CONCURRENTLY inside a transaction block, which PostgreSQL refuses.',
    severity: 'error',
    breaking: false,
    messages: {
      transaction:
        '{{command}} cannot run inside a transaction block, and {{why}}, so PostgreSQL stops this migration with "ERROR: {{command}} cannot run inside a transaction block".',
      function:
        '{{command}} cannot run inside a DO block or function, so PostgreSQL stops this migration with "ERROR: {{command}} cannot be executed from a function".',
    },
    help: 'Run the statement outside a transaction: mark the migration non-transactional (goose `-- +goose NO TRANSACTION`, dbmate `-- migrate:up transaction:false`, Flyway `executeInTransaction=false`) or move it to a file of its own, without BEGIN/COMMIT around it.',
  },
  check(statement, ctx) {
    if (!statement.inTransaction && !statement.plpgsql) return;
    const [kind, n] = unwrap(statement.node);
    let command: string;
    let object: string | null;
    if (kind === 'IndexStmt' && n.concurrent) {
      command = 'CREATE INDEX CONCURRENTLY';
      object = rangeVarName(n.relation).key;
    } else if (kind === 'DropStmt' && n.removeType === 'OBJECT_INDEX' && n.concurrent) {
      command = 'DROP INDEX CONCURRENTLY';
      const first = Array.isArray(n.objects) ? n.objects[0] : undefined;
      object = first ? listName(unwrap(first)[1].items).key : null;
    } else if (kind === 'ReindexStmt' && hasOption(n.params, 'concurrently')) {
      command = 'REINDEX CONCURRENTLY';
      object = n.relation
        ? rangeVarName(n.relation).key
        : typeof n.name === 'string' && n.name
          ? n.name
          : null;
    } else return;
    const why = !ctx.file.transactional
      ? 'an explicit BEGIN opened one'
      : ctx.file.framework === 'sql'
        ? 'this file runs in one transaction'
        : `${ctx.file.framework} runs this file in one transaction`;
    ctx.report({
      messageId: statement.plpgsql ? 'function' : 'transaction',
      data: { command, why },
      object,
      lock: null,
    });
  },
} satisfies Rule;
