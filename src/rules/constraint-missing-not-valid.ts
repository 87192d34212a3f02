import type { Rule } from './types.js';
import { addedConstraints, isExistingTable } from './util/blocking.js';

export const constraintMissingNotValid = {
  meta: {
    id: 'constraint-missing-not-valid',
    type: 'blocking',
    description:
      'Adding a CHECK constraint to an existing table without NOT VALID, which scans every row under ACCESS EXCLUSIVE.',
    severity: 'error',
    breaking: false,
    messages: {
      add: 'Adding CHECK constraint `{{constraint}}` scans every row of `{{table}}` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the scan finishes.',
      column:
        'Adding column `{{column}}` with CHECK constraint `{{constraint}}` scans every row of `{{table}}` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the scan finishes.',
    },
    help: 'Add the constraint with NOT VALID, then run ALTER TABLE ... VALIDATE CONSTRAINT in a later transaction (SHARE UPDATE EXCLUSIVE: reads and writes go on); for a new column, add the column first and the constraint in its own statement.',
  },
  check(statement, ctx) {
    for (const c of addedConstraints(statement)) {
      if (c.contype !== 'CONSTR_CHECK' || c.notValid || !c.enforced) continue;
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
