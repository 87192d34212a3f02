import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

describe('ban-uncommitted-transaction', () => {
  it('reports a BEGIN that nothing commits by the end of the file', async () => {
    await expectFindings(
      'ban-uncommitted-transaction',
      '-- add orders\n  BEGIN;\nCREATE TABLE orders (id bigint);\n',
      [
        {
          line: 2,
          column: 3,
          statementLine: 2,
          object: null,
          lock: null,
          severity: 'error',
          breaking: false,
          message: '`BEGIN` opens a transaction that nothing commits or rolls back by the end of the file',
        },
      ],
    );
  });

  it('reports the second transaction when only the first is committed', async () => {
    await expectFindings(
      'ban-uncommitted-transaction',
      'BEGIN;\nCREATE TABLE a (id bigint);\nCOMMIT;\nSTART TRANSACTION;\nCREATE TABLE b (id bigint);',
      [{ line: 4, column: 1 }],
    );
  });

  it('reports the BEGIN that opened the transaction, not a redundant one inside it', async () => {
    await expectFindings(
      'ban-uncommitted-transaction',
      'BEGIN;\nCREATE TABLE a (id bigint);\nBEGIN;\nCREATE TABLE b (id bigint);',
      [{ line: 1, column: 1 }],
    );
  });

  it('accepts transactions ended by COMMIT, END, ROLLBACK or PREPARE TRANSACTION', async () => {
    await expectNoFindings(
      'ban-uncommitted-transaction',
      [
        'BEGIN; CREATE TABLE a (id bigint); COMMIT;',
        'BEGIN; CREATE TABLE b (id bigint); END;',
        'START TRANSACTION; CREATE TABLE c (id bigint); ROLLBACK;',
        "BEGIN; CREATE TABLE d (id bigint); PREPARE TRANSACTION 'd';",
        'BEGIN; BEGIN; CREATE TABLE e (id bigint); COMMIT;',
      ].join('\n'),
    );
  });

  it('keeps a transaction open across a savepoint rollback', async () => {
    await expectFindings(
      'ban-uncommitted-transaction',
      'BEGIN;\nSAVEPOINT s;\nCREATE TABLE a (id bigint);\nROLLBACK TO SAVEPOINT s;',
      [{ line: 1 }],
    );
  });

  it('leaves files the framework runs in a transaction to transaction-nesting', async () => {
    await expectNoFindings('ban-uncommitted-transaction', 'BEGIN;\nCREATE TABLE a (id bigint);', {
      transactional: true,
    });
  });

  it('accepts a file without explicit transactions', async () => {
    await expectNoFindings('ban-uncommitted-transaction', 'CREATE TABLE a (id bigint);\nCOMMIT;');
  });
});
