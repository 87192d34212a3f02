import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

describe('renaming-schema', () => {
  it('reports renaming an existing schema', async () => {
    await expectFindings(
      'renaming-schema',
      '\nALTER SCHEMA billing\n  RENAME TO finance;',
      [
        {
          line: 2,
          column: 1,
          breaking: true,
          object: 'billing',
          lock: null,
          message: 'Renaming schema `billing` to `finance` breaks the running release',
        },
      ],
      { history: 'CREATE SCHEMA billing;' },
    );
  });

  it('reports a schema the model never saw', async () => {
    await expectFindings('renaming-schema', 'ALTER SCHEMA legacy RENAME TO old;', [{ object: 'legacy' }]);
  });

  it('ignores a schema created in the same release', async () => {
    await expectNoFindings('renaming-schema', 'CREATE SCHEMA tmp;\nALTER SCHEMA tmp RENAME TO staging;');
  });

  it('ignores renaming other objects', async () => {
    await expectNoFindings('renaming-schema', 'ALTER TYPE mood RENAME TO feeling;');
  });
});
