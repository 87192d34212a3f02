import type { Rule } from './types.js';
import { addedConstraints, isExistingTable } from './util/blocking.js';

export const addingExclusionConstraint = {
  meta: {
    id: 'adding-exclusion-constraint',
    type: 'blocking',
    description:
      'Adding an EXCLUDE constraint to an existing table, which builds its index under ACCESS EXCLUSIVE with no concurrent alternative.',
    severity: 'error',
    breaking: false,
    messages: {
      add: 'Adding exclusion constraint `{{constraint}}` builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` until the index is built, and PostgreSQL has no concurrent way to add one.',
    },
    help: 'Add the constraint while the table is small or in a maintenance window with a short lock_timeout, or enforce the rule another way (a trigger, or a new table created with the constraint and swapped in); there is no CONCURRENTLY or NOT VALID form.',
  },
  check(statement, ctx) {
    for (const c of addedConstraints(statement)) {
      if (c.contype !== 'CONSTR_EXCLUSION' || !isExistingTable(ctx.catalog, c.table)) continue;
      ctx.report({
        messageId: 'add',
        data: { constraint: c.name, table: c.table.key },
        location: c.location,
        object: `${c.table.key}.${c.name}`,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;
