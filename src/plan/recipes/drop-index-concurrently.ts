// drop-index-concurrently: DROP INDEX becomes DROP INDEX CONCURRENTLY IF EXISTS, one index per
// statement, in a migration of its own that runs outside a transaction block.
import type { Node } from '../../parse/ast.js';
import { dropTargets, isPartitioned } from '../../rules/util/objects.js';
import { quoteIdent } from '../sql.js';
import type { Recipe } from '../types.js';
import { NO_APP } from './define.js';

interface Spec {
  indexes: Array<{ key: string; sql: string }>;
}

export const dropIndexConcurrently = {
  id: 'drop-index-concurrently',
  rules: ['require-concurrent-index-deletion'],
  kind: 'primary',
  appliesTo: (finding) => finding.rule === 'require-concurrent-index-deletion',
  validate(target, ctx) {
    const drop = target.statement.node.DropStmt as Node | undefined;
    if (!drop || drop.removeType !== 'OBJECT_INDEX') return { refused: 'the statement is not a DROP INDEX' };
    for (const index of dropTargets(drop)) {
      const table = ctx.catalog.index(index.name)?.table;
      if (table && isPartitioned(ctx.catalog, table))
        return {
          refused: `${index.key} is an index of the partitioned table ${table}, which PostgreSQL cannot drop CONCURRENTLY; the DROP INDEX runs as written, under lock_timeout`,
        };
    }
    if (drop.behavior === 'DROP_CASCADE')
      return { refused: 'DROP INDEX CONCURRENTLY cannot CASCADE: drop the dependent objects first' };
    const written = (drop.objects as unknown[]).map((o) => {
      const items =
        ((o as Node).List as { items?: Array<{ String?: { sval?: string } }> } | undefined)?.items ?? [];
      return items.map((i) => quoteIdent(i.String?.sval ?? '')).join('.');
    });
    return {
      indexes: dropTargets(drop).map((t, i) => ({
        key: t.key,
        sql: `DROP INDEX CONCURRENTLY IF EXISTS ${written[i] ?? quoteIdent(t.name.name)}`,
      })),
    };
  },
  object: (s) => s.indexes.map((i) => i.key).join(', '),
  summary: (s) =>
    `Drop ${s.indexes.map((i) => i.key).join(', ')} with CONCURRENTLY, in its own migration outside a transaction, so queries on the table go on.`,
  expand: () => [],
  later: (s) =>
    s.indexes.map((i) => ({
      sql: i.sql,
      outsideTransaction: true,
      why: 'DROP INDEX CONCURRENTLY cannot run inside a transaction block and drops one index at a time.',
    })),
  contract: () => [],
  rollback: () => [],
  app: () => NO_APP,
  drops: (s) => s.indexes.map((i) => `index ${i.key}`),
} satisfies Recipe<Spec>;
