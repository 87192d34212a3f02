import { describe, expect, it } from 'vitest';
import { BackfillScriptError, isBackfillScript, readBackfillScript } from '../../src/backfill/script.js';
import { runBackfill } from '../../src/backfill/runner.js';
import { BackfillSchemaError } from '../../src/backfill/table.js';
import type { BackfillStep } from '../../src/plan/batch.js';
import { backfillHeader } from '../../src/plan/split.js';

const STEP: BackfillStep = {
  name: 'public.users',
  table: 'users',
  ref: 'users',
  alias: null,
  verb: 'UPDATE',
  head: "UPDATE users\n   SET first_name = split_part(full_name, ' ', 1)",
  from: null,
  where: null,
  needs: "first_name IS NULL AND (split_part(full_name, ' ', 1)) IS NOT NULL",
  check: 'predicate',
  key: ['id'],
  searchPath: null,
};

const script = (...steps: BackfillStep[]): string =>
  [
    ...backfillHeader('ec-0123456789abcdef', 'db/002_split.sql', steps),
    'DO $backfill$ ... $backfill$;',
    '',
  ].join('\n');

const failure = (text: string): string => {
  try {
    readBackfillScript(text, '.expand-contract/backfill/x.sql');
  } catch (e: unknown) {
    expect(e).toBeInstanceOf(BackfillScriptError);
    return (e as Error).message;
  }
  throw new Error('expected a BackfillScriptError');
};

describe('backfill scripts', () => {
  it('reads back the plan and every step split wrote in the header', () => {
    const text = script(STEP, { ...STEP, verb: 'DELETE', head: 'DELETE FROM users', needs: 'id < 0' });
    expect(isBackfillScript(text)).toBe(true);
    const plan = readBackfillScript(text, 'f.sql');
    expect(plan.planId).toBe('ec-0123456789abcdef');
    expect(plan.source).toBe('db/002_split.sql');
    expect(plan.steps).toEqual([
      STEP,
      { ...STEP, verb: 'DELETE', head: 'DELETE FROM users', needs: 'id < 0' },
    ]);
  });

  it('refuses a file that is not a backfill script, on line 1', () => {
    expect(isBackfillScript('ALTER TABLE users ADD COLUMN x int;')).toBe(false);
    expect(failure('ALTER TABLE users ADD COLUMN x int;\n')).toMatch(
      /^\.expand-contract\/backfill\/x\.sql:1: not a backfill script of expand-contract .* or the original migration$/,
    );
  });

  it('names the line of a step that is not JSON', () => {
    const text = script(STEP).replace('-- step: {"name"', '-- step: {name');
    expect(failure(text)).toMatch(
      /^\.expand-contract\/backfill\/x\.sql:4: the step is not valid JSON \(.*\); restore/,
    );
  });

  it('names the line and the field of a step that lost one', () => {
    const text = script(STEP).replace('"verb":"UPDATE"', '"verb":"MERGE"');
    expect(failure(text)).toBe(
      '.expand-contract/backfill/x.sql:4: the step\'s "verb" is neither "UPDATE" nor "DELETE"; restore the line split wrote, or run split again',
    );
    expect(failure(script(STEP).replace('"table":"users"', '"table":""'))).toContain(
      'x.sql:4: the step\'s "table" is not a non-empty string',
    );
  });

  it('says what to do with a script an older split wrote (no step lines)', () => {
    const text =
      '-- expand-contract ec-0123456789abcdef: backfill for db/002.sql\nDO $backfill$ $backfill$;\n';
    expect(failure(text)).toContain(
      'no "-- step:" lines in its header: it was written by an older split; run split',
    );
  });

  it('refuses to run a step whose value is still a placeholder, before connecting', async () => {
    const step = {
      ...STEP,
      head: "UPDATE users SET tier = expand_contract_todo('value for existing rows of public.users.tier')",
    };
    const plan = readBackfillScript(script(step), 'b.sql');
    const run = runBackfill({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', plan });
    await expect(run).rejects.toBeInstanceOf(BackfillSchemaError);
    await expect(run).rejects.toThrow(
      'b.sql: step 1 (public.users) still holds expand_contract_todo(...): write the value for existing rows of public.users.tier',
    );
  });
});
