import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'require-concurrent-index-creation';
const history = `CREATE TABLE users (id bigint PRIMARY KEY, email text, org_id bigint);
CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);`;

describe(RULE, () => {
  it('reports CREATE INDEX on an existing table', async () => {
    await expectFindings(
      RULE,
      '-- speed up login\nCREATE INDEX users_email_idx ON users (email);',
      [
        {
          line: 2,
          column: 1,
          statementLine: 2,
          breaking: false,
          severity: 'error',
          object: 'public.users',
          lock: 'SHARE',
          message:
            'Creating index `public.users_email_idx` without CONCURRENTLY takes a SHARE lock, blocking writes on `public.users` while the index builds.',
        },
      ],
      { history },
    );
  });

  it('reports unnamed and unique indexes, in a transaction or not', async () => {
    await expectFindings(
      RULE,
      'SELECT 1;\n  CREATE UNIQUE INDEX ON users (lower(email));',
      [
        {
          line: 2,
          column: 3,
          object: 'public.users',
          lock: 'SHARE',
          message: 'Creating an index without CONCURRENTLY',
        },
      ],
      { history, transactional: true },
    );
  });

  it('reports a table the history never showed (it predates the migrations we read)', async () => {
    await expectFindings(RULE, 'CREATE INDEX i ON billing.invoices (due);', [{ object: 'billing.invoices' }]);
  });

  it('explains that a partitioned table has no concurrent build', async () => {
    await expectFindings(
      RULE,
      'CREATE INDEX events_at_idx ON events (at);',
      [{ object: 'public.events', message: 'partitioned tables have no CREATE INDEX CONCURRENTLY' }],
      { history },
    );
  });

  it('accepts CREATE INDEX CONCURRENTLY', async () => {
    await expectNoFindings(RULE, 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);', { history });
  });

  it('accepts an index on a table created in the same release', async () => {
    await expectNoFindings(RULE, 'CREATE TABLE t (a int);\nCREATE INDEX t_a_idx ON t (a);', {
      history,
      transactional: true,
    });
  });

  it('accepts ON ONLY a partitioned table (it builds nothing) and temp tables', async () => {
    await expectNoFindings(RULE, 'CREATE INDEX events_at_idx ON ONLY events (at);', { history });
    await expectNoFindings(RULE, 'CREATE TEMP TABLE scratch (a int);\nCREATE INDEX ON scratch (a);', {
      history,
    });
  });

  it('accepts IF NOT EXISTS of an index that already exists', async () => {
    await expectNoFindings(RULE, 'CREATE INDEX IF NOT EXISTS users_email_idx ON users (email);', {
      history: `${history}\nCREATE INDEX users_email_idx ON users (email);`,
    });
  });

  it('still reports ON ONLY a plain table, which builds the index', async () => {
    await expectFindings(RULE, 'CREATE INDEX ON ONLY users (email);', [{ object: 'public.users' }], {
      history,
    });
  });
});
