import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'adding-foreign-key-constraint';
const history = `CREATE TABLE orgs (id bigint PRIMARY KEY);
CREATE TABLE users (id bigint PRIMARY KEY, email text, org_id bigint, manager_id bigint);`;

describe(RULE, () => {
  it('reports ADD CONSTRAINT ... FOREIGN KEY on an existing table, at the constraint', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE users\n  ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id);',
      [
        {
          line: 2,
          column: 7,
          statementLine: 1,
          severity: 'error',
          breaking: false,
          object: 'public.users.users_org_fk',
          lock: 'SHARE ROW EXCLUSIVE',
          message:
            'Adding foreign key `users_org_fk` checks every row of `public.users` while holding SHARE ROW EXCLUSIVE locks on `public.users` and `public.orgs`, blocking writes on both tables until the check finishes.',
        },
      ],
      { history, transactional: true },
    );
  });

  it('names an unnamed constraint as PostgreSQL does', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE users ADD FOREIGN KEY (org_id) REFERENCES orgs;',
      [{ object: 'public.users.users_org_id_fkey', column: 23 }],
      { history },
    );
  });

  it('reports a self-reference once, with one table', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE users ADD CONSTRAINT m FOREIGN KEY (manager_id) REFERENCES users (id);',
      [
        {
          message:
            'while holding a SHARE ROW EXCLUSIVE lock on it, blocking writes on it until the check finishes',
        },
      ],
      { history },
    );
  });

  it('names the stronger lock when another subcommand takes ACCESS EXCLUSIVE', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE users ADD COLUMN note text, ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs;',
      [
        {
          lock: 'ACCESS EXCLUSIVE',
          message:
            'an ACCESS EXCLUSIVE lock on it and a SHARE ROW EXCLUSIVE lock on `public.orgs`, blocking reads and writes on `public.users` and writes on `public.orgs`',
        },
      ],
      { history },
    );
  });

  it('reports ADD COLUMN ... REFERENCES when the column has a default (every row is checked)', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE users ADD COLUMN team_id bigint DEFAULT 1 REFERENCES orgs;',
      [{ object: 'public.users.users_team_id_fkey', lock: 'ACCESS EXCLUSIVE', column: 55 }],
      { history },
    );
  });

  it('accepts ADD COLUMN ... REFERENCES without a default: the column is all NULL, nothing is checked', async () => {
    await expectNoFindings(RULE, 'ALTER TABLE users ADD COLUMN team_id bigint REFERENCES orgs;', { history });
  });

  it('accepts NOT VALID and NOT ENFORCED', async () => {
    await expectNoFindings(
      RULE,
      'ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs NOT VALID;',
      { history },
    );
    await expectNoFindings(
      RULE,
      'ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs NOT ENFORCED;',
      { history },
    );
  });

  it('accepts a foreign key added to a table created in the same release', async () => {
    await expectNoFindings(
      RULE,
      'CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint);\nALTER TABLE posts ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users;',
      { history, transactional: true },
    );
    await expectNoFindings(
      RULE,
      'CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint REFERENCES users);',
      { history },
    );
  });

  it('reports a table the history never showed', async () => {
    await expectFindings(RULE, 'ALTER TABLE billing.invoices ADD FOREIGN KEY (user_id) REFERENCES users;', [
      { object: 'billing.invoices.invoices_user_id_fkey' },
    ]);
  });
});
