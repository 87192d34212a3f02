import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'ban-cluster';
const history =
  'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE INDEX users_email_idx ON users (email);';

describe(RULE, () => {
  it('reports CLUSTER of an existing table', async () => {
    await expectFindings(
      RULE,
      '\nCLUSTER users USING users_email_idx;',
      [
        {
          line: 2,
          column: 1,
          severity: 'error',
          breaking: false,
          object: 'public.users',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'CLUSTER rewrites `public.users` in index order under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the rewrite finishes.',
        },
      ],
      { history, transactional: true },
    );
  });

  it('reports CLUSTER without a table', async () => {
    await expectFindings(RULE, 'CLUSTER;', [
      { object: null, message: 'rewrites every previously clustered table' },
    ]);
  });

  it('accepts a table created in the same release, and ALTER TABLE ... CLUSTER ON (no rewrite)', async () => {
    await expectNoFindings(RULE, 'CREATE TABLE t (a int PRIMARY KEY);\nCLUSTER t USING t_pkey;', { history });
    await expectNoFindings(RULE, 'ALTER TABLE users CLUSTER ON users_email_idx;', { history });
  });
});
