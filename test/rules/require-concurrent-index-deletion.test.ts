import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'require-concurrent-index-deletion';
const history = `CREATE TABLE users (id bigint PRIMARY KEY, email text, org_id bigint);
CREATE INDEX users_email_idx ON users (email);
CREATE INDEX users_org_idx ON users (org_id);`;

describe(RULE, () => {
  it('reports DROP INDEX of an existing index, naming its table', async () => {
    await expectFindings(
      RULE,
      'SELECT 1;\n\nDROP INDEX IF EXISTS users_email_idx;',
      [
        {
          line: 3,
          column: 1,
          breaking: false,
          severity: 'error',
          object: 'public.users_email_idx',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'Dropping index `public.users_email_idx` without CONCURRENTLY takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `public.users` while it waits for running queries on the table to finish.',
        },
      ],
      { history, transactional: true },
    );
  });

  it('says a partitioned index cannot be dropped CONCURRENTLY, instead of advising it', async () => {
    await expectFindings(
      RULE,
      'DROP INDEX events_at_idx;',
      [
        {
          object: 'public.events_at_idx',
          message:
            'Dropping index `public.events_at_idx` of the partitioned table `public.events` takes an ACCESS EXCLUSIVE lock on it and on every partition, blocking reads and writes; PostgreSQL cannot drop a partitioned index CONCURRENTLY, so keep the lock wait short with lock_timeout and run it when traffic is low.',
        },
      ],
      {
        history: `CREATE TABLE events (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
CREATE INDEX events_at_idx ON events (at);`,
      },
    );
  });

  it('reports each index of one statement', async () => {
    await expectFindings(
      RULE,
      'DROP INDEX users_email_idx, users_org_idx;',
      [{ object: 'public.users_email_idx' }, { object: 'public.users_org_idx' }],
      { history },
    );
  });

  it('reports an index the history never showed, on "its table"', async () => {
    await expectFindings(RULE, 'DROP INDEX billing.invoices_due_idx;', [
      { object: 'billing.invoices_due_idx', message: 'blocking reads and writes on its table' },
    ]);
  });

  it('accepts DROP INDEX CONCURRENTLY', async () => {
    await expectNoFindings(RULE, 'DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;', { history });
  });

  it('accepts an index created in the same release, or on a table created in it', async () => {
    await expectNoFindings(RULE, 'CREATE INDEX CONCURRENTLY tmp_idx ON users (id);\nDROP INDEX tmp_idx;', {
      history,
    });
    await expectNoFindings(RULE, 'CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nDROP INDEX t_a;', {
      history,
      transactional: true,
    });
  });

  it('ignores other DROP statements', async () => {
    await expectNoFindings(RULE, 'DROP TABLE users;', { history });
  });
});
