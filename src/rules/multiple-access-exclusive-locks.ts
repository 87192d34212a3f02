import type { Statement } from '../types.js';
import type { Rule } from './types.js';
import { accessExclusiveOnExisting } from './util/locks.js';

interface TransactionLocks {
  /** Tables locked ACCESS EXCLUSIVE so far, with the line of the statement that locked each first. */
  held: Map<string, number>;
  reported: boolean;
}

/** Per file (its statement list), per transaction id: what the rule has seen, statement by statement. */
const seen = new WeakMap<readonly Statement[], Map<number, TransactionLocks>>();

export const multipleAccessExclusiveLocks = {
  meta: {
    id: 'multiple-access-exclusive-locks',
    type: 'blocking',
    description: 'One transaction taking ACCESS EXCLUSIVE locks on two or more existing tables.',
    severity: 'warning',
    breaking: false,
    messages: {
      second:
        'Taking an ACCESS EXCLUSIVE lock on `{{table}}` while this transaction already holds one on `{{held}}` (line {{line}}) blocks reads and writes on both tables until commit, and a session locking them in the other order deadlocks with it.',
    },
    help: 'Split the migration so that each transaction takes ACCESS EXCLUSIVE on one table only, or set a short lock_timeout and keep the transaction brief.',
  },
  check(statement, ctx) {
    if (!statement.inTransaction) return;
    const mine = accessExclusiveOnExisting(statement, ctx.catalog, ctx.postgresVersion);
    if (!mine.length) return;
    let perFile = seen.get(ctx.fileStatements);
    if (!perFile) seen.set(ctx.fileStatements, (perFile = new Map()));
    let tx = perFile.get(statement.transactionId);
    if (!tx) perFile.set(statement.transactionId, (tx = { held: new Map(), reported: false }));
    const other = tx.held.size ? mine.find((l) => !tx.held.has(l.table.key)) : undefined;
    for (const l of mine) if (!tx.held.has(l.table.key)) tx.held.set(l.table.key, statement.line);
    if (!other || tx.reported) return;
    tx.reported = true;
    const [heldTable, line] = [...tx.held.entries()][0] as [string, number];
    ctx.report({
      messageId: 'second',
      data: { table: other.table.key, held: heldTable, line },
      location: other.location,
      object: other.table.key,
      lock: 'ACCESS EXCLUSIVE',
    });
  },
} satisfies Rule;
