import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'ban-reindex-without-concurrently';
const history = `CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE INDEX users_email_idx ON users (email);`;

describe(RULE, () => {
  it('reports REINDEX TABLE', async () => {
    await expectFindings(
      RULE,
      'REINDEX TABLE users;',
      [
        {
          line: 1,
          column: 1,
          severity: 'error',
          breaking: false,
          object: 'public.users',
          lock: 'SHARE',
          message:
            'Reindexing `public.users` without CONCURRENTLY takes a SHARE lock, blocking writes on `public.users`, and an ACCESS EXCLUSIVE lock on each index it rebuilds, blocking the queries that use it until the rebuild finishes.',
        },
      ],
      { history },
    );
  });

  it('reports REINDEX INDEX, naming the table when known', async () => {
    await expectFindings(
      RULE,
      'REINDEX (VERBOSE) INDEX users_email_idx;',
      [{ object: 'public.users_email_idx', message: 'blocking writes on `public.users`' }],
      { history },
    );
    await expectFindings(RULE, 'REINDEX INDEX legacy_idx;', [
      { object: 'public.legacy_idx', message: 'blocking writes on its table' },
    ]);
  });

  it('reports REINDEX SCHEMA and DATABASE', async () => {
    await expectFindings(RULE, 'REINDEX SCHEMA app;', [
      {
        object: 'app',
        lock: 'SHARE',
        message:
          'Reindexing schema `app` without CONCURRENTLY takes a SHARE lock on each of its tables in turn',
      },
    ]);
    await expectFindings(RULE, 'REINDEX DATABASE;', [{ object: null, message: 'Reindexing the database' }]);
  });

  it('says that PostgreSQL before 12 has no REINDEX CONCURRENTLY', async () => {
    await expectFindings(
      RULE,
      'REINDEX TABLE users;',
      [{ message: 'PostgreSQL 11 has no REINDEX CONCURRENTLY (it arrived in 12)' }],
      { history, postgresVersion: 11 },
    );
  });

  it('accepts REINDEX ... CONCURRENTLY in both spellings', async () => {
    await expectNoFindings(
      RULE,
      'REINDEX TABLE CONCURRENTLY users;\nREINDEX (CONCURRENTLY) INDEX users_email_idx;',
      { history },
    );
  });

  it('accepts tables and indexes created in the same release', async () => {
    await expectNoFindings(
      RULE,
      'CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nREINDEX TABLE t;\nREINDEX INDEX t_a;',
      {
        history,
        transactional: true,
      },
    );
    await expectNoFindings(RULE, 'CREATE INDEX CONCURRENTLY e2 ON users (email);\nREINDEX INDEX e2;', {
      history,
    });
  });

  it('leaves REINDEX SYSTEM alone (system catalogs have no concurrent form)', async () => {
    await expectNoFindings(RULE, 'REINDEX SYSTEM;');
  });
});
