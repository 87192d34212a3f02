import type { Rule } from './types.js';
import { addedConstraints, isExistingTable } from './util/blocking.js';

export const addingUniqueConstraint = {
  meta: {
    id: 'adding-unique-constraint',
    type: 'blocking',
    description:
      'Adding a UNIQUE constraint to an existing table, which builds its index under ACCESS EXCLUSIVE.',
    severity: 'error',
    breaking: false,
    messages: {
      add: 'Adding UNIQUE constraint `{{constraint}}` builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` until the index is built.',
      column:
        'Adding column `{{column}}` with UNIQUE builds an index over every row of `{{table}}` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the index is built.',
    },
    help: 'Build the index first with CREATE UNIQUE INDEX CONCURRENTLY (outside a transaction), then ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX, which only takes a brief lock.',
  },
  check(statement, ctx) {
    for (const c of addedConstraints(statement)) {
      if (c.contype !== 'CONSTR_UNIQUE' || typeof c.con.indexname === 'string') continue;
      if (!isExistingTable(ctx.catalog, c.table)) continue;
      ctx.report({
        messageId: c.column ? 'column' : 'add',
        data: { constraint: c.name, table: c.table.key, column: c.columns[0] ?? '' },
        location: c.location,
        object: `${c.table.key}.${c.name}`,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;
