import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history = 'CREATE SCHEMA reporting;\nCREATE TABLE reporting.daily (d date);';

describe('ban-drop-schema', () => {
  it('reports dropping an existing schema', async () => {
    await expectFindings(
      'ban-drop-schema',
      '-- bye\nDROP SCHEMA reporting;',
      [
        {
          line: 2,
          column: 1,
          breaking: true,
          object: 'reporting',
          lock: null,
          message: 'Dropping schema `reporting` breaks the running release',
        },
      ],
      { history },
    );
  });

  it('says that CASCADE deletes everything inside, with the table lock', async () => {
    await expectFindings(
      'ban-drop-schema',
      'DROP SCHEMA IF EXISTS reporting, legacy CASCADE;',
      [
        { object: 'reporting', lock: 'ACCESS EXCLUSIVE', message: 'with CASCADE deletes every table' },
        { object: 'legacy', lock: 'ACCESS EXCLUSIVE' },
      ],
      { history },
    );
  });

  it('ignores a schema created in the same release', async () => {
    await expectNoFindings('ban-drop-schema', 'CREATE SCHEMA tmp;\nDROP SCHEMA tmp CASCADE;');
  });

  it('ignores the idempotent "DROP SCHEMA IF EXISTS x; CREATE SCHEMA x" of a schema never seen', async () => {
    await expectNoFindings('ban-drop-schema', 'DROP SCHEMA IF EXISTS staging;\nCREATE SCHEMA staging;');
  });
});
