import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history = `CREATE TABLE users (id bigint PRIMARY KEY);
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id bigint PRIMARY KEY);`;

describe('ban-drop-table', () => {
  it('reports dropping an existing table, with its lock', async () => {
    await expectFindings(
      'ban-drop-table',
      '-- gone\n\n  DROP TABLE users;',
      [
        {
          line: 3,
          column: 3,
          statementLine: 3,
          breaking: true,
          severity: 'error',
          object: 'public.users',
          lock: 'ACCESS EXCLUSIVE',
          message: 'Dropping table `public.users` breaks the running release',
        },
      ],
      { history },
    );
  });

  it('reports each existing table of one statement, schema-qualified, and skips new ones', async () => {
    await expectFindings(
      'ban-drop-table',
      'CREATE TABLE scratch (a int);\nDROP TABLE\n  scratch,\n  billing.invoices,\n  users;',
      [
        { line: 2, column: 1, object: 'billing.invoices' },
        { line: 2, column: 1, object: 'public.users' },
      ],
      { history },
    );
  });

  it('reports a table the model never saw (it existed before the history we read)', async () => {
    await expectFindings('ban-drop-table', 'DROP TABLE legacy_events;', [{ object: 'public.legacy_events' }]);
  });

  it('reports DROP FOREIGN TABLE', async () => {
    await expectFindings('ban-drop-table', 'DROP FOREIGN TABLE remote.orders;', [
      { object: 'remote.orders', message: 'Dropping foreign table `remote.orders`' },
    ]);
  });

  it('reports a known table dropped and created again (its data is gone)', async () => {
    await expectFindings(
      'ban-drop-table',
      'DROP TABLE IF EXISTS users;\nCREATE TABLE users (id bigint);',
      [{ object: 'public.users' }],
      { history },
    );
  });

  it('ignores a table created earlier in the same release, including in a later file', async () => {
    await expectNoFindings('ban-drop-table', 'CREATE TABLE tmp (a int);\nDROP TABLE tmp;');
    await expectNoFindings('ban-drop-table', 'CREATE TABLE tmp (a int);', {
      sameRelease: ['DROP TABLE tmp;'],
    });
  });

  it('ignores the idempotent "DROP TABLE IF EXISTS x; CREATE TABLE x" of a table never seen', async () => {
    await expectNoFindings(
      'ban-drop-table',
      'DROP TABLE IF EXISTS audit_log;\nCREATE TABLE audit_log (id bigint);',
    );
  });

  it('ignores a table that got its name from a rename earlier in the file', async () => {
    await expectNoFindings(
      'ban-drop-table',
      'ALTER TABLE users RENAME TO users_old;\nCREATE TABLE users (id bigint);\nDROP TABLE users_old;',
      { history },
    );
  });

  it('ignores views, indexes and other object kinds', async () => {
    await expectNoFindings('ban-drop-table', 'DROP VIEW v;\nDROP INDEX i;\nDROP SEQUENCE s;');
  });
});
