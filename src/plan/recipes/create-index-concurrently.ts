// create-index-concurrently: CREATE INDEX becomes CREATE INDEX CONCURRENTLY IF NOT EXISTS, in a
// migration of its own that runs outside a transaction block (CONCURRENTLY refuses to run inside one).
import type { Node } from '../../parse/ast.js';
import { quoteIdent, tableRef, type TableRef } from '../sql.js';
import { SqlText } from '../../parse/tokens.js';
import type { Recipe } from '../types.js';
import { NO_APP } from './define.js';

interface Spec {
  table: TableRef;
  index: string | null;
  sql: string;
}

export const createIndexConcurrently = {
  id: 'create-index-concurrently',
  rules: ['require-concurrent-index-creation', 'ban-concurrent-index-in-transaction'],
  kind: 'primary',
  appliesTo: (finding) =>
    finding.rule === 'require-concurrent-index-creation' ||
    finding.rule === 'ban-concurrent-index-in-transaction',
  validate(target, ctx) {
    const n = target.statement.node.IndexStmt as Node | undefined;
    if (!n) return { refused: 'the statement is not a CREATE INDEX' };
    const table = tableRef(n.relation);
    if (ctx.catalog.relation(table.name)?.kind === 'partitioned table')
      return {
        refused:
          'CREATE INDEX CONCURRENTLY does not work on a partitioned table: create the index concurrently on each partition, then CREATE INDEX ON ONLY the parent and ATTACH PARTITION each one',
      };
    const sql = new SqlText(target.statement.text);
    const at = sql.keyword('INDEX');
    if (at < 0) return { refused: 'the INDEX keyword was not found' };
    const index = typeof n.idxname === 'string' ? n.idxname : null;
    let words = n.concurrent ? '' : 'CONCURRENTLY';
    if (index && !n.if_not_exists) words += ' IF NOT EXISTS';
    const after = n.concurrent ? sql.keyword('CONCURRENTLY') : at;
    return { table, index, sql: words.trim() ? sql.insertAfter(after, words.trim()) : target.statement.text };
  },
  object: (s) => (s.index ? `${s.table.name.schema}.${s.index}` : s.table.name.key),
  summary: (s) =>
    `Build ${s.index ? `index ${quoteIdent(s.index)}` : 'the index'} on ${s.table.name.key} with CONCURRENTLY, in its own migration outside a transaction, so writes go on while it builds.`,
  expand: () => [],
  later: (s) => [
    {
      sql: s.sql,
      outsideTransaction: true,
      why: 'CREATE INDEX CONCURRENTLY cannot run inside a transaction block; if it fails it leaves an INVALID index: DROP INDEX CONCURRENTLY it and run again.',
    },
  ],
  contract: () => [],
  rollback: () => [],
  app: () => NO_APP,
  drops: () => [],
} satisfies Recipe<Spec>;
