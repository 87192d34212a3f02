import type { Statement } from '../types.js';
import type { Rule } from './types.js';

const OPENS = new Set(['TRANS_STMT_BEGIN', 'TRANS_STMT_START']);
const CLOSES = new Set(['TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK', 'TRANS_STMT_PREPARE']);

export const banUncommittedTransaction = {
  meta: {
    id: 'ban-uncommitted-transaction',
    type: 'advisory',
    description: 'A BEGIN with no COMMIT or ROLLBACK by the end of the file.',
    severity: 'error',
    breaking: false,
    messages: {
      open: '`BEGIN` opens a transaction that nothing commits or rolls back by the end of the file, so whether its statements are kept depends on what the migration tool does next (psql silently rolls them back).',
    },
    help: 'Add `COMMIT;` after the last statement of the transaction, or remove the `BEGIN`.',
  },
  check(statement, ctx) {
    // A framework that wraps the file commits it; an inner BEGIN is transaction-nesting's concern.
    if (ctx.file.transactional || statement.plpgsql || transactionKind(statement) === undefined) return;
    if (unclosedBegin(ctx.fileStatements) === statement.index) ctx.report({ messageId: 'open' });
  },
} satisfies Rule;

function transactionKind(s: Statement): string | undefined {
  if (s.kind !== 'TransactionStmt') return undefined;
  return (s.node.TransactionStmt as { kind?: string }).kind;
}

/** Index of the BEGIN whose transaction is still open at the end of the file, if any. */
function unclosedBegin(statements: readonly Statement[]): number | undefined {
  let open: number | undefined;
  for (const s of statements) {
    if (s.plpgsql) continue;
    const kind = transactionKind(s);
    if (kind === undefined) continue;
    // A BEGIN inside an open transaction only warns; the first BEGIN still owns the transaction.
    if (OPENS.has(kind)) open ??= s.index;
    else if (CLOSES.has(kind)) open = undefined;
  }
  return open;
}
