import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

describe('ban-drop-database', () => {
  it('reports DROP DATABASE', async () => {
    await expectFindings('ban-drop-database', 'SELECT 1;\n  DROP DATABASE analytics;', [
      {
        line: 2,
        column: 3,
        breaking: true,
        object: 'analytics',
        lock: null,
        message:
          'Dropping database `analytics` deletes all of its data and breaks every application still connected to it.',
      },
    ]);
  });

  it('mentions that FORCE terminates sessions', async () => {
    await expectFindings('ban-drop-database', 'DROP DATABASE IF EXISTS analytics WITH (FORCE);', [
      { object: 'analytics', message: 'WITH (FORCE) terminates their sessions' },
    ]);
  });

  it('ignores other drops', async () => {
    await expectNoFindings('ban-drop-database', 'DROP SCHEMA analytics;');
  });
});
