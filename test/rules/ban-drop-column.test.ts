import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, full_name text, email text);';

describe('ban-drop-column', () => {
  it('reports dropping a column of an existing table', async () => {
    await expectFindings(
      'ban-drop-column',
      '-- remove the name\n\nALTER TABLE users DROP COLUMN full_name;',
      [
        {
          line: 3,
          column: 19,
          statementLine: 3,
          breaking: true,
          object: 'public.users.full_name',
          lock: 'ACCESS EXCLUSIVE',
        },
      ],
      { history },
    );
  });

  it('reports each dropped column of one statement', async () => {
    await expectFindings(
      'ban-drop-column',
      'ALTER TABLE users DROP COLUMN full_name, DROP COLUMN email;',
      [{ object: 'public.users.full_name' }, { object: 'public.users.email' }],
      { history },
    );
  });

  it('reports a table it has never seen (it existed before the history we read)', async () => {
    await expectFindings('ban-drop-column', 'ALTER TABLE accounts DROP COLUMN legacy;', [
      { object: 'public.accounts.legacy' },
    ]);
  });

  it('ignores a column added earlier in the same release', async () => {
    await expectNoFindings(
      'ban-drop-column',
      'ALTER TABLE users ADD COLUMN tmp int;\nALTER TABLE users DROP COLUMN tmp;',
      { history },
    );
  });

  it('ignores a table created in the same release', async () => {
    await expectNoFindings('ban-drop-column', 'CREATE TABLE t (a int, b int);\nALTER TABLE t DROP COLUMN b;');
  });

  it('ignores DROP COLUMN IF EXISTS of a column the table never had', async () => {
    await expectNoFindings('ban-drop-column', 'ALTER TABLE users DROP COLUMN IF EXISTS nickname;', {
      history,
    });
  });
});
