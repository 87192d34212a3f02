import { rangeVarName, unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';
import { hasOption } from './util/locks.js';

const SCOPES = new Set(['REINDEX_OBJECT_SCHEMA', 'REINDEX_OBJECT_DATABASE']);

export const banReindexWithoutConcurrently = {
  meta: {
    id: 'ban-reindex-without-concurrently',
    type: 'blocking',
    description: 'REINDEX without CONCURRENTLY on an existing table or index.',
    severity: 'error',
    breaking: false,
    messages: {
      reindex:
        'Reindexing {{what}} without CONCURRENTLY takes a SHARE lock, blocking writes on {{table}}, and an ACCESS EXCLUSIVE lock on each index it rebuilds, blocking the queries that use it until the rebuild finishes.',
      wide: 'Reindexing {{what}} without CONCURRENTLY takes a SHARE lock on each of its tables in turn, blocking writes on it, and an ACCESS EXCLUSIVE lock on each index it rebuilds, blocking the queries that use it.',
      legacy:
        'Reindexing {{what}} takes a SHARE lock, blocking writes on {{table}}, and an ACCESS EXCLUSIVE lock on each index it rebuilds; PostgreSQL {{version}} has no REINDEX CONCURRENTLY (it arrived in 12), so build a replacement index with CREATE INDEX CONCURRENTLY instead.',
    },
    help: 'Use REINDEX ... CONCURRENTLY (PostgreSQL 12 and later) outside a transaction; before 12, CREATE INDEX CONCURRENTLY a copy, DROP INDEX CONCURRENTLY the old one and rename the copy.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'ReindexStmt') return;
    const [, n] = unwrap(statement.node);
    if (hasOption(n.params, 'concurrently')) return;
    const kind = String(n.kind);
    const legacy = ctx.postgresVersion < 12;
    if (SCOPES.has(kind)) {
      const named = typeof n.name === 'string' && n.name ? n.name : undefined;
      const what =
        kind === 'REINDEX_OBJECT_SCHEMA'
          ? `schema \`${named ?? ''}\``
          : named
            ? `database \`${named}\``
            : 'the database';
      ctx.report({
        messageId: legacy ? 'legacy' : 'wide',
        data: { what, table: 'each of its tables in turn', version: ctx.postgresVersion },
        object: named ?? null,
        lock: 'SHARE',
      });
      return;
    }
    const name = rangeVarName(n.relation);
    if (!name.name) return;
    let table: string;
    if (kind === 'REINDEX_OBJECT_TABLE') {
      if (ctx.catalog.isNewRelation(name)) return;
      table = `\`${name.key}\``;
    } else if (kind === 'REINDEX_OBJECT_INDEX') {
      if (ctx.catalog.isNewIndex(name)) return;
      const owner = ctx.catalog.index(name)?.table;
      table = owner ? `\`${owner}\`` : 'its table';
    } else return;
    ctx.report({
      messageId: legacy ? 'legacy' : 'reindex',
      data: { what: `\`${name.key}\``, table, version: ctx.postgresVersion },
      object: name.key,
      lock: 'SHARE',
    });
  },
} satisfies Rule;
