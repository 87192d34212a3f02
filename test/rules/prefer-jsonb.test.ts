import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

describe('prefer-jsonb', () => {
  it('reports a json column of a new table at its type', async () => {
    await expectFindings('prefer-jsonb', 'CREATE TABLE events (\n  id bigint,\n  payload json NOT NULL\n);', [
      {
        line: 3,
        column: 11,
        statementLine: 1,
        object: 'public.events.payload',
        severity: 'warning',
        breaking: false,
        lock: null,
        message: 'Column `public.events.payload` is declared `json`',
      },
    ]);
  });

  it('reports ADD COLUMN and ALTER COLUMN TYPE, keeping array dimensions in the advice', async () => {
    await expectFindings(
      'prefer-jsonb',
      'ALTER TABLE events ADD COLUMN tags json[];\nALTER TABLE events ALTER COLUMN meta TYPE pg_catalog.json USING meta::json;',
      [
        { line: 1, column: 36, object: 'public.events.tags', message: 'declare it `jsonb[]`' },
        { line: 2, column: 43, object: 'public.events.meta', message: 'declare it `jsonb`.' },
      ],
      { history: 'CREATE TABLE events (id bigint, meta text);' },
    );
  });

  it('ignores jsonb, old json columns and temporary tables', async () => {
    await expectNoFindings(
      'prefer-jsonb',
      'CREATE TABLE a (doc jsonb);\nALTER TABLE events ALTER COLUMN payload SET NOT NULL;\nCREATE TEMP TABLE scratch (doc json);',
      { history: 'CREATE TABLE events (id bigint, payload json);' },
    );
  });
});
