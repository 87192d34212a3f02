// parse: a migration file's "up" SQL -> statements with exact places in the original file.
import type { MigrationFile, ParsedFile, Statement } from '../types.js';
import { doBlockStatements } from './plpgsql.js';
import { scanSql } from './libpg.js';
import { blankPsqlVariables, stripPsqlOnly } from './preprocess.js';
import { parseWithRecovery, type PlacedStmt } from './recover.js';
import { SourceText, skipTrivia } from './source-text.js';

export { loadParser } from './libpg.js';
export { SourceText } from './source-text.js';

export function parseFile(file: MigrationFile): ParsedFile {
  const pre = stripPsqlOnly(file.sql);
  const psqlRun = file.framework === 'sqitch' || file.framework === 'sql';
  const text =
    psqlRun && /(?<![:\w]):["'A-Za-z_]/.test(pre.text)
      ? blankPsqlVariables(pre.text, scanSql(pre.text))
      : pre.text;
  const src = new SourceText(text);
  const { stmts, diagnostics } = parseWithRecovery(src);
  diagnostics.push(...pre.diagnostics);

  const statements: Statement[] = [];
  let txCounter = 0;
  let explicitTx: number | undefined;
  // The framework's own transaction lasts until the file's SQL ends it with COMMIT or ROLLBACK (drizzle
  // and dbmate files do, to run CREATE INDEX CONCURRENTLY after it); then statements run in autocommit.
  let fileTx = file.transactional ? ++txCounter : undefined;

  const add = (
    p: PlacedStmt,
    tx: { inTransaction: boolean; id: number },
    plpgsql?: { dynamic: boolean },
  ): void => {
    const trivia = skipTrivia(src, p.start, p.end);
    const kind = Object.keys(p.stmt)[0] ?? 'Unknown';
    const text = src.slice(trivia.offset, p.end).replace(/;\s*$/, '').trimEnd();
    const pos = src.position(trivia.offset);
    statements.push({
      index: statements.length,
      node: p.stmt,
      kind,
      text,
      byteStart: trivia.offset,
      line: pos.line,
      column: pos.column,
      locate: (location) =>
        src.position(location === undefined || location < 0 ? trivia.offset : p.base + location),
      textLocation: (byteOffsetInText) => trivia.offset - p.base + byteOffsetInText,
      inTransaction: tx.inTransaction,
      transactionId: tx.id,
      ...(plpgsql ? { plpgsql } : {}),
      leadingComments: trivia.comments,
    });
  };

  for (const p of stmts) {
    const kind = Object.keys(p.stmt)[0];
    if (kind === 'TransactionStmt') {
      const k = (p.stmt.TransactionStmt as { kind?: string }).kind;
      // BEGIN inside the framework's transaction only warns in PostgreSQL: the same transaction goes on.
      if ((k === 'TRANS_STMT_BEGIN' || k === 'TRANS_STMT_START') && fileTx === undefined)
        explicitTx = ++txCounter;
      add(p, currentTx());
      if (k === 'TRANS_STMT_COMMIT' || k === 'TRANS_STMT_ROLLBACK') {
        explicitTx = undefined;
        fileTx = undefined;
      }
      continue;
    }
    const tx = currentTx();
    add(p, tx);
    if (kind === 'DoStmt') {
      const inner = doBlockStatements(src, p.stmt.DoStmt as Record<string, unknown>, p.base);
      diagnostics.push(...inner.diagnostics);
      for (const s of inner.stmts) add(s, tx, { dynamic: s.dynamic });
    }
  }

  function currentTx(): { inTransaction: boolean; id: number } {
    if (fileTx !== undefined) return { inTransaction: true, id: fileTx };
    if (explicitTx !== undefined) return { inTransaction: true, id: explicitTx };
    return { inTransaction: false, id: ++txCounter };
  }

  return { file, statements, diagnostics: [...file.diagnostics, ...diagnostics] };
}
