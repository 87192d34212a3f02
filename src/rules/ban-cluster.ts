import { rangeVarName, unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';
import { isExistingTable } from './util/blocking.js';

export const banCluster = {
  meta: {
    id: 'ban-cluster',
    type: 'blocking',
    description: 'CLUSTER, which rewrites tables under ACCESS EXCLUSIVE.',
    severity: 'error',
    breaking: false,
    messages: {
      table:
        'CLUSTER rewrites `{{table}}` in index order under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the rewrite finishes.',
      all: 'CLUSTER without a table rewrites every previously clustered table in the database, each under an ACCESS EXCLUSIVE lock that blocks its reads and writes until its rewrite finishes.',
    },
    help: 'Use pg_repack with --order-by (or pg_squeeze) to reorder the table online; keep maintenance out of migrations.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'ClusterStmt') return;
    const [, n] = unwrap(statement.node);
    if (!n.relation) {
      ctx.report({ messageId: 'all', object: null, lock: 'ACCESS EXCLUSIVE' });
      return;
    }
    const table = rangeVarName(n.relation);
    if (!isExistingTable(ctx.catalog, table)) return;
    ctx.report({
      messageId: 'table',
      data: { table: table.key },
      object: table.key,
      lock: 'ACCESS EXCLUSIVE',
    });
  },
} satisfies Rule;
