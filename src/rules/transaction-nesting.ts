import type { Rule } from './types.js';

const ENDS: Record<string, string> = {
  TRANS_STMT_COMMIT: 'commit',
  TRANS_STMT_ROLLBACK: 'rollback',
  TRANS_STMT_PREPARE: 'commit',
};

export const transactionNesting = {
  meta: {
    id: 'transaction-nesting',
    type: 'advisory',
    description:
      'COMMIT or ROLLBACK written in a migration that the framework already runs in a transaction.',
    severity: 'warning',
    breaking: false,
    messages: {
      commit:
        '`{{keyword}}` ends the transaction that {{framework}} runs this migration in, so everything after it, including the record that the migration ran, runs outside that transaction and a failure leaves the migration half applied.',
      rollback:
        '`ROLLBACK` ends the transaction that {{framework}} runs this migration in, discarding the statements before it while the framework goes on as if they had run.',
    },
    help: "Remove `BEGIN`/`COMMIT` from the file (the framework already provides the transaction), or turn the framework's transaction off for this file when statements must commit separately.",
  },
  check(statement, ctx) {
    if (!ctx.file.transactional || statement.plpgsql || statement.kind !== 'TransactionStmt') return;
    const kind = (statement.node.TransactionStmt as { kind?: string }).kind ?? '';
    const messageId = ENDS[kind];
    if (!messageId) return;
    const keyword =
      kind === 'TRANS_STMT_PREPARE'
        ? 'PREPARE TRANSACTION'
        : (/^\s*(\w+)/.exec(statement.text)?.[1] ?? 'COMMIT').toUpperCase();
    const framework = ctx.file.framework === 'sql' ? 'the migration tool' : ctx.file.framework;
    ctx.report({ messageId, data: { keyword, framework } });
  },
} satisfies Rule;
