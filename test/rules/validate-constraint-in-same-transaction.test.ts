import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'validate-constraint-in-same-transaction';
const history = `CREATE TABLE orgs (id bigint PRIMARY KEY);
CREATE TABLE users (id bigint PRIMARY KEY, org_id bigint, age int);`;

describe(RULE, () => {
  it('reports VALIDATE of a CHECK added NOT VALID earlier in the same transaction', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE users ADD CONSTRAINT age_ok CHECK (age >= 0) NOT VALID;\n\nALTER TABLE users VALIDATE CONSTRAINT age_ok;',
      [
        {
          line: 3,
          column: 19,
          severity: 'error',
          breaking: false,
          object: 'public.users.age_ok',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'Validating `age_ok` in the transaction that added it NOT VALID (line 1) keeps an ACCESS EXCLUSIVE lock on `public.users` through the whole validation scan, blocking reads and writes on it, so NOT VALID gains nothing.',
        },
      ],
      { history, transactional: true },
    );
  });

  it('names the SHARE ROW EXCLUSIVE lock of a foreign key, and finds unnamed constraints', async () => {
    await expectFindings(
      RULE,
      'BEGIN;\nALTER TABLE users ADD FOREIGN KEY (org_id) REFERENCES orgs NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_org_id_fkey;\nCOMMIT;',
      [
        {
          line: 3,
          lock: 'SHARE ROW EXCLUSIVE',
          message:
            'keeps a SHARE ROW EXCLUSIVE lock on `public.users` through the whole validation scan, blocking writes on it',
        },
      ],
      { history },
    );
  });

  it('accepts VALIDATE in a later transaction', async () => {
    await expectNoFindings(
      RULE,
      'ALTER TABLE users ADD CONSTRAINT age_ok CHECK (age >= 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT age_ok;',
      { history },
    );
    await expectNoFindings(
      RULE,
      'BEGIN;\nALTER TABLE users ADD CONSTRAINT age_ok CHECK (age >= 0) NOT VALID;\nCOMMIT;\nBEGIN;\nALTER TABLE users VALIDATE CONSTRAINT age_ok;\nCOMMIT;',
      { history },
    );
  });

  it('accepts VALIDATE of another constraint, or of one on another table', async () => {
    await expectNoFindings(
      RULE,
      'ALTER TABLE users ADD CONSTRAINT a CHECK (age >= 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT b;\nALTER TABLE orgs VALIDATE CONSTRAINT a;',
      { history, transactional: true },
    );
  });

  it('accepts a table created in the same release', async () => {
    await expectNoFindings(
      RULE,
      'CREATE TABLE t (a int);\nALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT c;',
      { history, transactional: true },
    );
  });
});
