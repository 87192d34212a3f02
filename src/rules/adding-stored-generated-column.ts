import type { Rule } from './types.js';
import { addedColumns, isExistingTable } from './util/blocking.js';

export const addingStoredGeneratedColumn = {
  meta: {
    id: 'adding-stored-generated-column',
    type: 'blocking',
    description:
      'Adding a STORED generated column to an existing table, which rewrites it to compute every row.',
    severity: 'error',
    breaking: false,
    messages: {
      stored:
        'Adding stored generated column `{{column}}` rewrites every row of `{{table}}` to compute it, under an ACCESS EXCLUSIVE lock that blocks reads and writes on it until the rewrite finishes.',
    },
    help: 'Add a plain nullable column, fill it for new rows with a trigger, backfill existing rows in batches (on PostgreSQL 18, a VIRTUAL generated column needs no rewrite at all).',
  },
  check(statement, ctx) {
    for (const col of addedColumns(statement)) {
      if (!isExistingTable(ctx.catalog, col.table)) continue;
      // PostgreSQL 18 reads an unmarked GENERATED ALWAYS AS (...) as VIRTUAL; earlier versions require STORED.
      const generated = col.constraints.find(
        (c) => c.contype === 'CONSTR_GENERATED' && c.generated_kind === 's',
      );
      if (!generated) continue;
      ctx.report({
        messageId: 'stored',
        data: { column: col.name, table: col.table.key },
        location: typeof generated.location === 'number' ? generated.location : col.location,
        object: `${col.table.key}.${col.name}`,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;
