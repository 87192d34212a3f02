import type { Rule } from './types.js';
import { cmdLocation, readAlterTable } from './util/alter-table.js';
import { addedConstraints, isExistingTable } from './util/blocking.js';
import { blockedTraffic, heldLocks, lockArticle } from './util/locks.js';

export const validateConstraintInSameTransaction = {
  meta: {
    id: 'validate-constraint-in-same-transaction',
    type: 'blocking',
    description:
      'VALIDATE CONSTRAINT in the same transaction as the ADD CONSTRAINT ... NOT VALID it validates.',
    severity: 'error',
    breaking: false,
    messages: {
      validate:
        'Validating `{{constraint}}` in the transaction that added it NOT VALID (line {{line}}) keeps {{lock}} on `{{table}}` through the whole validation scan, blocking {{blocked}} on it, so NOT VALID gains nothing.',
    },
    help: 'Commit after ADD CONSTRAINT ... NOT VALID and run VALIDATE CONSTRAINT in a later transaction (a later migration, or after COMMIT in a non-transactional one).',
  },
  check(statement, ctx) {
    // Remember this statement's locks while the schema model still matches it.
    heldLocks(statement, ctx.catalog, ctx.postgresVersion);
    const alter = readAlterTable(statement);
    if (!alter || !ctx.tx.previous.length || !isExistingTable(ctx.catalog, alter.table)) return;
    for (const cmd of alter.cmds) {
      if (cmd.subtype !== 'AT_ValidateConstraint' || !cmd.name) continue;
      const name = cmd.name;
      const add = [...ctx.tx.previous]
        .reverse()
        .find((p) =>
          addedConstraints(p).some((c) => c.notValid && c.name === name && c.table.key === alter.table.key),
        );
      if (!add) continue;
      const held = heldLocks(add, ctx.catalog, ctx.postgresVersion).find(
        (l) => l.table.key === alter.table.key,
      );
      const mode = held?.mode ?? 'ACCESS EXCLUSIVE';
      ctx.report({
        location: cmdLocation(statement, cmd),
        messageId: 'validate',
        data: {
          constraint: name,
          line: add.line,
          lock: lockArticle(mode),
          table: alter.table.key,
          blocked: blockedTraffic(mode),
        },
        object: `${alter.table.key}.${name}`,
        lock: mode,
      });
    }
  },
} satisfies Rule;
