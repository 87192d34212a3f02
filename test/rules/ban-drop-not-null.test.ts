import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history =
  'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, note text);\nCREATE SCHEMA crm;\nCREATE TABLE crm.leads (source text NOT NULL);';

describe('ban-drop-not-null', () => {
  it('reports a notice, not a breaking change', async () => {
    await expectFindings(
      'ban-drop-not-null',
      '\nALTER TABLE users\n  ALTER COLUMN email DROP NOT NULL;',
      [
        {
          line: 3,
          column: 3,
          breaking: false,
          severity: 'notice',
          object: 'public.users.email',
          lock: 'ACCESS EXCLUSIVE',
          message: 'Dropping NOT NULL on `public.users.email` is a safe expand step for writes',
        },
      ],
      { history },
    );
  });

  it('reports schema-qualified and never-seen tables', async () => {
    await expectFindings(
      'ban-drop-not-null',
      'ALTER TABLE crm.leads ALTER source DROP NOT NULL;\nALTER TABLE legacy ALTER code DROP NOT NULL;',
      [{ object: 'crm.leads.source' }, { object: 'public.legacy.code' }],
      { history },
    );
  });

  it('ignores a column already nullable, new columns and new tables', async () => {
    await expectNoFindings(
      'ban-drop-not-null',
      'ALTER TABLE users ALTER note DROP NOT NULL;\nALTER TABLE users ADD c int NOT NULL DEFAULT 0;\nALTER TABLE users ALTER c DROP NOT NULL;\nCREATE TABLE t (a int NOT NULL);\nALTER TABLE t ALTER a DROP NOT NULL;',
      { history },
    );
  });
});
