import type { Rule } from './types.js';
import { readAlterTable } from './util/alter-table.js';
import {
  addedConstraints,
  columnForeignKeysSkipValidation,
  isExistingTable,
  referencedTable,
} from './util/blocking.js';
import { blockedTraffic, lockArticle, tableLocks } from './util/locks.js';

export const addingForeignKeyConstraint = {
  meta: {
    id: 'adding-foreign-key-constraint',
    type: 'blocking',
    description:
      'Adding a FOREIGN KEY to an existing table without NOT VALID, which checks every row under lock.',
    severity: 'error',
    breaking: false,
    messages: {
      add: 'Adding foreign key `{{constraint}}` checks every row of `{{table}}` while holding SHARE ROW EXCLUSIVE locks on `{{table}}` and `{{referenced}}`, blocking writes on both tables until the check finishes.',
      addStrong:
        'Adding foreign key `{{constraint}}` checks every row of `{{table}}` while holding {{lock}} on it and a SHARE ROW EXCLUSIVE lock on `{{referenced}}`, blocking {{blocked}} on `{{table}}` and writes on `{{referenced}}` until the check finishes.',
      self: 'Adding foreign key `{{constraint}}` checks every row of `{{table}}` while holding {{lock}} on it, blocking {{blocked}} on it until the check finishes.',
    },
    help: 'Add the constraint with NOT VALID (only new rows are checked, the locks are brief), then run ALTER TABLE ... VALIDATE CONSTRAINT in a later transaction: it takes only SHARE UPDATE EXCLUSIVE, so reads and writes go on.',
  },
  check(statement, ctx) {
    const alter = readAlterTable(statement);
    if (!alter || !isExistingTable(ctx.catalog, alter.table)) return;
    const skipColumnChecks = columnForeignKeysSkipValidation(alter.cmds);
    const tableLock = tableLocks(statement, ctx.catalog, ctx.postgresVersion).find(
      (l) => l.table.key === alter.table.key,
    );
    const mode = tableLock?.mode ?? 'SHARE ROW EXCLUSIVE';
    for (const c of addedConstraints(statement)) {
      if (c.contype !== 'CONSTR_FOREIGN' || c.notValid || !c.enforced) continue;
      // ADD COLUMN ... REFERENCES without a default: the column is all NULL, PostgreSQL checks nothing.
      if (c.column && skipColumnChecks) continue;
      const referenced = referencedTable(c.con);
      const object = `${c.table.key}.${c.name}`;
      ctx.report({
        messageId:
          referenced.key === c.table.key ? 'self' : mode === 'SHARE ROW EXCLUSIVE' ? 'add' : 'addStrong',
        data: {
          constraint: c.name,
          table: c.table.key,
          referenced: referenced.key,
          lock: lockArticle(mode),
          blocked: blockedTraffic(mode),
        },
        location: c.location,
        object,
        lock: mode,
      });
    }
  },
} satisfies Rule;
