import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const long = (prefix: string, bytes: number): string => prefix + 'x'.repeat(bytes - prefix.length);
const table = long('customer_', 70);
const column = long('shipping_', 64);
const exact = long('ok_', 63);

describe('identifier-too-long', () => {
  it('reports a table and a column name longer than 63 bytes, at the name', async () => {
    await expectFindings(
      'identifier-too-long',
      `CREATE TABLE ${table} (\n  id bigint,\n  ${column} text\n);`,
      [
        {
          line: 1,
          column: 14,
          statementLine: 1,
          object: table,
          severity: 'error',
          breaking: false,
          lock: null,
          message: `Identifier \`${table}\` is 70 bytes long and PostgreSQL silently truncates it to at most 63 bytes (\`${table.slice(0, 63)}\`)`,
        },
        { line: 3, column: 3, object: column, message: 'is 64 bytes long' },
      ],
    );
  });

  it('counts bytes, not characters, and truncates at a character boundary', async () => {
    const name = 'é'.repeat(33); // 33 characters, 66 bytes
    await expectFindings('identifier-too-long', `ALTER TABLE t ADD COLUMN "${name}" int;`, [
      {
        line: 1,
        column: 26,
        object: name,
        message: `is 66 bytes long and PostgreSQL silently truncates it to at most 63 bytes (\`${'é'.repeat(31)}\`)`,
      },
    ]);
  });

  it('reports index, constraint, sequence and type names and new names given by RENAME', async () => {
    const index = long('idx_', 64);
    const constraint = long('chk_', 65);
    const sequence = long('seq_', 66);
    const type = long('type_', 67);
    const renamed = long('new_', 68);
    await expectFindings(
      'identifier-too-long',
      [
        `CREATE INDEX ${index} ON t (a);`,
        `ALTER TABLE t ADD CONSTRAINT ${constraint} CHECK (a > 0);`,
        `CREATE SEQUENCE app.${sequence};`,
        `CREATE TYPE ${type} AS ENUM ('a');`,
        `ALTER TABLE t RENAME TO ${renamed};`,
      ].join('\n'),
      [
        { line: 1, column: 14, object: index },
        { line: 2, column: 30, object: constraint },
        { line: 3, column: 21, object: sequence },
        { line: 4, column: 13, object: type },
        { line: 5, column: 25, object: renamed },
      ],
    );
  });

  it('reports a long name once per statement even when it is used again there', async () => {
    await expectFindings('identifier-too-long', `CREATE TABLE t (${column} int, PRIMARY KEY (${column}));`, [
      { line: 1, column: 17, object: column },
    ]);
  });

  it('accepts 63-byte names and long names the statement only refers to', async () => {
    await expectNoFindings(
      'identifier-too-long',
      `CREATE TABLE ${exact} (${exact} int);\nALTER TABLE ${table} ADD COLUMN note text;\nSELECT ${column} FROM t;`,
    );
  });
});
