// backfill: an UPDATE or DELETE of an existing table leaves the schema migration and becomes a
// batched backfill script (a DO block that commits per primary-key range), keeping its SET and WHERE.
import { unwrap, type Node } from '../../parse/ast.js';
import { backfillRefusal } from '../backfill-order.js';
import { batched, batchKey, type BatchedChange } from '../batch.js';
import { quoteIdent, tableRef, tableSql, type TableRef } from '../sql.js';
import { dataChangeParts, SqlText } from '../../parse/tokens.js';
import type { Recipe } from '../types.js';

interface Spec {
  table: TableRef;
  verb: 'UPDATE' | 'DELETE';
  change: BatchedChange;
}

export const backfill = {
  id: 'backfill',
  rules: ['backfill-in-migration'],
  kind: 'primary',
  appliesTo: (finding) => finding.rule === 'backfill-in-migration',
  validate(target, ctx) {
    const refused = backfillRefusal(target, ctx);
    if (refused) return { refused };
    const [kind, n] = unwrap(target.statement.node);
    const relation = n.relation as Node;
    const table = tableRef(relation);
    const alias = ((relation.alias as Node | undefined)?.aliasname as string | undefined) ?? null;
    const parts = dataChangeParts(new SqlText(target.statement.text));
    return {
      table,
      verb: kind === 'UpdateStmt' ? 'UPDATE' : 'DELETE',
      change: {
        head: parts.head,
        where: parts.where,
        keyRef: quoteIdent(alias ?? table.name.name),
        tableSql: tableSql(table),
        key: batchKey(ctx.catalog, table.name),
        batchSize: ctx.batchSize,
      },
    };
  },
  object: (s) => s.table.name.key,
  summary: (s) =>
    `Move the ${s.verb} of ${s.table.name.key} out of the migration into a backfill that commits every ${s.change.batchSize} rows.`,
  expand: () => [],
  backfill: (s) => [batched(s.change)],
  contract: () => [],
  rollback: () => [],
  app: (s) => ({
    dualWrite: [
      s.verb === 'UPDATE'
        ? `Deploy code that writes the new values itself on every insert and update of ${s.table.name.key} before the backfill runs, so rows written meanwhile are not missed.`
        : `Deploy code that no longer creates the rows the backfill deletes from ${s.table.name.key} before it runs.`,
    ],
    switchReads: [],
    ignore: [],
  }),
  drops: () => [],
} satisfies Recipe<Spec>;
