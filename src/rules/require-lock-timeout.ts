import type { Statement } from '../types.js';
import type { Rule } from './types.js';
import { accessExclusiveOnExisting } from './util/locks.js';

/** Per file (its statement list): transactions that already asked for ACCESS EXCLUSIVE; -1 for the file's standalone statements. */
const asked = new WeakMap<readonly Statement[], Set<number>>();
const STANDALONE = -1;

export const requireLockTimeout = {
  meta: {
    id: 'require-lock-timeout',
    type: 'blocking',
    description: 'An ACCESS EXCLUSIVE lock on an existing table requested without a lock_timeout.',
    severity: 'warning',
    breaking: false,
    messages: {
      missing:
        "Taking an ACCESS EXCLUSIVE lock on `{{table}}` without a lock_timeout lets this statement wait behind any long-running query on the table while every later query on `{{table}}` queues behind it; run `SET lock_timeout = '2s';` (and a statement_timeout) first{{where}}.",
    },
    help: "Start the migration with SET lock_timeout = '2s'; and SET statement_timeout = '5min'; (SET LOCAL inside a transaction), and retry the migration when it times out.",
  },
  check(statement, ctx) {
    const locks = accessExclusiveOnExisting(statement, ctx.catalog, ctx.postgresVersion);
    if (!locks.length) return;
    let perFile = asked.get(ctx.fileStatements);
    if (!perFile) asked.set(ctx.fileStatements, (perFile = new Set()));
    // Once per transaction: its first ACCESS EXCLUSIVE request decides (with or without a timeout).
    // Outside a transaction, once per file, since one SET at the top covers every statement.
    const key = statement.inTransaction ? statement.transactionId : STANDALONE;
    if (perFile.has(key)) return;
    if (statement.inTransaction) perFile.add(key);
    if (ctx.tx.lockTimeoutSet) return;
    perFile.add(key);
    const first = locks[0] as (typeof locks)[number];
    ctx.report({
      messageId: 'missing',
      data: {
        table: first.table.key,
        where: statement.inTransaction ? ' in this transaction' : ' at the top of the file',
      },
      location: first.location,
      object: first.table.key,
      lock: 'ACCESS EXCLUSIVE',
    });
  },
} satisfies Rule;
