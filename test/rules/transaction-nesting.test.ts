import { describe, expect, it } from 'vitest';
import { analyze, DEFAULT_OPTIONS } from '../../src/engine.js';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

describe('transaction-nesting', () => {
  it('reports a COMMIT inside a migration the framework runs in a transaction', async () => {
    await expectFindings(
      'transaction-nesting',
      'BEGIN;\nCREATE TABLE orders (id bigint);\n  COMMIT;\nCREATE INDEX orders_id ON orders (id);',
      [
        {
          line: 3,
          column: 3,
          statementLine: 3,
          object: null,
          lock: null,
          severity: 'warning',
          breaking: false,
          message: '`COMMIT` ends the transaction that the migration tool runs this migration in',
        },
      ],
      { transactional: true },
    );
  });

  it('names END as written and reports ROLLBACK with its own message', async () => {
    await expectFindings(
      'transaction-nesting',
      'BEGIN;\nCREATE TABLE a (id bigint);\nend;\nROLLBACK;',
      [
        { line: 3, message: '`END` ends the transaction' },
        {
          line: 4,
          message:
            '`ROLLBACK` ends the transaction that the migration tool runs this migration in, discarding',
        },
      ],
      { transactional: true },
    );
  });

  it('names the framework that owns the transaction', async () => {
    const report = await analyze(
      {
        history: [],
        releases: [
          [
            {
              path: '20240101_orders.sql',
              framework: 'goose',
              orderKey: '20240101',
              transactional: true,
              sql: 'BEGIN;\nCREATE TABLE orders (id bigint);\nCOMMIT;',
              diagnostics: [],
            },
          ],
        ],
      },
      { ...DEFAULT_OPTIONS, today: '2026-01-01' },
    );
    const found = report.findings.filter((f) => f.rule === 'transaction-nesting');
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(3);
    expect(found[0]?.message).toContain('`COMMIT` ends the transaction that goose runs this migration in');
  });

  it('accepts a lone BEGIN (a no-op) and savepoints inside the framework transaction', async () => {
    await expectNoFindings(
      'transaction-nesting',
      'BEGIN;\nSAVEPOINT s;\nCREATE TABLE a (id bigint);\nROLLBACK TO SAVEPOINT s;\nRELEASE SAVEPOINT s;',
      { transactional: true },
    );
  });

  it('accepts BEGIN/COMMIT in a file the framework does not wrap', async () => {
    await expectNoFindings('transaction-nesting', 'BEGIN;\nCREATE TABLE a (id bigint);\nCOMMIT;');
  });
});
