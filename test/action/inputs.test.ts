import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  INPUT_DEFAULTS,
  INPUT_NAMES,
  readInputs,
  splitList,
  type ActionInputs,
} from '../../src/action/inputs.js';
import { InputError } from '../../src/discover/index.js';

interface ActionYml {
  inputs: Record<string, { description?: unknown; required?: unknown; default?: unknown }>;
  outputs: Record<string, { description?: unknown }>;
  runs: { using: string; main: string };
}

const actionYml = parseYaml(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionYml;

/** A getter like core.getInput over a map; unknown inputs are ''. */
function getter(values: Record<string, string>): (name: string) => string {
  return (name) => values[name] ?? '';
}

/** Every input at its action.yml default, as the runner passes them, plus overrides. */
function withDefaults(overrides: Record<string, string> = {}): (name: string) => string {
  const values: Record<string, string> = {};
  for (const [name, input] of Object.entries(actionYml.inputs)) values[name] = String(input.default ?? '');
  return getter({ ...values, ...overrides });
}

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e: unknown) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

const DEFAULTS: Omit<ActionInputs, 'defaulted'> = {
  githubToken: undefined,
  config: '.github/expand-contract.yml',
  migrations: [],
  framework: undefined,
  postgresVersion: 16,
  contractAfterDays: 7,
  failOn: 'error',
  split: 'label',
  splitLabel: 'expand-contract:split',
  comment: true,
  name: 'expand-contract',
  shadowDatabaseUrl: undefined,
  base: undefined,
  mode: 'auto',
  deploySource: 'auto',
  environment: 'production',
  deployDatabaseUrl: undefined,
  statsDatabaseUrl: undefined,
  statsFile: undefined,
  checkUsage: false,
  databaseUrl: undefined,
  backfillFile: undefined,
  backfillBatchSize: 1000,
  backfillPauseMs: 0,
};

describe('action.yml and the code agree', () => {
  it('declares every input the code reads, and no other', () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual([...INPUT_NAMES].sort());
  });

  it.each(INPUT_NAMES)("gives input %s the code's default", (name) => {
    expect(String(actionYml.inputs[name]?.default ?? '')).toBe(INPUT_DEFAULTS[name]);
  });

  it('describes every input in one sentence and marks none required', () => {
    for (const [name, input] of Object.entries(actionYml.inputs)) {
      expect(typeof input.description, name).toBe('string');
      expect(String(input.description), name).not.toMatch(/\n/);
      expect(input.required, name).toBe(false);
    }
  });

  it('declares the outputs and runs dist/index.js on node24', () => {
    expect(Object.keys(actionYml.outputs).sort()).toEqual(
      [
        'backfill',
        'breaking',
        'check',
        'comment-body',
        'comment-url',
        'findings',
        'gate',
        'plans',
        'report',
      ].sort(),
    );
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('lists every input and output in docs/action-inputs.md', () => {
    const doc = readFileSync(new URL('../../docs/action-inputs.md', import.meta.url), 'utf8');
    for (const name of [...INPUT_NAMES, ...Object.keys(actionYml.outputs)]) {
      expect(doc, name).toContain(`| \`${name}\` |`);
    }
  });
});

describe('readInputs defaults', () => {
  it('gives the defaults when every input is empty', () => {
    const inputs = readInputs(getter({}));
    expect({ ...inputs, defaulted: undefined }).toEqual({ ...DEFAULTS, defaulted: undefined });
    expect([...inputs.defaulted].sort()).toEqual([...INPUT_NAMES].sort());
  });

  it("gives the same values for action.yml's defaults (an unevaluated token expression is no token)", () => {
    const inputs = readInputs(withDefaults());
    expect({ ...inputs, defaulted: undefined }).toEqual({ ...DEFAULTS, defaulted: undefined });
    expect([...inputs.defaulted].sort()).toEqual([...INPUT_NAMES].sort());
  });

  it('reads every input that is set', () => {
    const mask = vi.fn();
    const inputs = readInputs(
      withDefaults({
        'github-token': 'ghs_abc',
        config: 'ci/ec.yml',
        migrations: 'db/a/*.sql, db/{b,c}/*.sql\n  prisma/migrations/**  \n',
        framework: 'flyway',
        'postgres-version': '13',
        'contract-after': '0',
        'fail-on': 'warning',
        split: 'commit',
        'split-label': 'db:split',
        comment: 'off',
        name: 'billing migrations',
        'shadow-database-url': 'postgresql://u:pw@localhost:5432/shadow',
        base: 'origin/release',
        mode: 'schedule',
        'deploy-source': 'database',
        environment: 'prod-eu',
        'deploy-database-url': 'postgres://reader:ro-pw@prod.internal/app',
        'stats-database-url': 'postgres://stats:st-pw@replica.internal/app',
        'stats-file': 'ci/stats.json',
        'check-usage': 'true',
        'database-url': 'postgres://writer:rw-pw@prod.internal/app',
        'backfill-file': '.expand-contract/backfill/ec-0123456789ab.sql',
        'backfill-batch-size': '500',
        'backfill-pause': '250',
      }),
      { mask },
    );
    expect({ ...inputs, defaulted: undefined }).toEqual({
      githubToken: 'ghs_abc',
      config: 'ci/ec.yml',
      migrations: ['db/a/*.sql', 'db/{b,c}/*.sql', 'prisma/migrations/**'],
      framework: 'flyway',
      postgresVersion: 13,
      contractAfterDays: 0,
      failOn: 'warning',
      split: 'commit',
      splitLabel: 'db:split',
      comment: false,
      name: 'billing migrations',
      shadowDatabaseUrl: 'postgresql://u:pw@localhost:5432/shadow',
      mode: 'schedule',
      deploySource: 'database',
      environment: 'prod-eu',
      deployDatabaseUrl: 'postgres://reader:ro-pw@prod.internal/app',
      statsDatabaseUrl: 'postgres://stats:st-pw@replica.internal/app',
      statsFile: 'ci/stats.json',
      checkUsage: true,
      base: 'origin/release',
      databaseUrl: 'postgres://writer:rw-pw@prod.internal/app',
      backfillFile: '.expand-contract/backfill/ec-0123456789ab.sql',
      backfillBatchSize: 500,
      backfillPauseMs: 250,
      defaulted: undefined,
    });
    expect([...inputs.defaulted]).toEqual([]);
    expect(mask).toHaveBeenCalledWith('ghs_abc');
    expect(mask).toHaveBeenCalledWith('postgresql://u:pw@localhost:5432/shadow');
    expect(mask).toHaveBeenCalledWith('postgres://writer:rw-pw@prod.internal/app');
    expect(mask).toHaveBeenCalledWith('rw-pw');
  });

  it('counts an input set to its default value as defaulted (the config file may decide it)', () => {
    const inputs = readInputs(getter({ 'postgres-version': '16', 'fail-on': 'warning' }));
    expect(inputs.defaulted.has('postgres-version')).toBe(true);
    expect(inputs.defaulted.has('fail-on')).toBe(false);
  });

  it('trims values like core.getInput', () => {
    expect(readInputs(getter({ 'postgres-version': ' 15 ', 'fail-on': ' never\n' }))).toMatchObject({
      postgresVersion: 15,
      failOn: 'never',
    });
  });

  it('takes postgres:// as well as postgresql:// URLs, and masks the password on its own', () => {
    const mask = vi.fn();
    const url = 'postgres://app:s3cr%40t@db.internal/shadow?sslmode=require';
    expect(readInputs(getter({ 'shadow-database-url': url }), { mask }).shadowDatabaseUrl).toBe(url);
    expect(mask.mock.calls.map((c) => c[0] as string)).toEqual([url, 's3cr%40t', 's3cr@t']);
  });
});

describe('splitList', () => {
  it('splits on commas and newlines, keeping commas inside braces', () => {
    expect(splitList('a,b\nc\r\n, ,{x,y}/*.sql,')).toEqual(['a', 'b', 'c', '{x,y}/*.sql']);
    expect(splitList('')).toEqual([]);
  });
});

describe('readInputs rejects a bad input with one line', () => {
  it.each([
    [
      'framework',
      'rails',
      "framework: 'rails' is not one of sql, prisma, golang-migrate, flyway, dbmate, goose, sqitch, supabase, drizzle",
    ],
    ['postgres-version', '9', "postgres-version: '9' is not a whole number from 10 to 18"],
    ['postgres-version', '19', "postgres-version: '19' is not a whole number from 10 to 18"],
    ['postgres-version', '16.2', "postgres-version: '16.2' is not a whole number from 10 to 18"],
    ['postgres-version', 'latest', "postgres-version: 'latest' is not a whole number from 10 to 18"],
    ['contract-after', '-1', "contract-after: '-1' is not a whole number from 0 to 365"],
    ['contract-after', '366', "contract-after: '366' is not a whole number from 0 to 365"],
    ['contract-after', '7d', "contract-after: '7d' is not a whole number from 0 to 365"],
    ['fail-on', 'sometimes', "fail-on: 'sometimes' is not one of error, warning, never"],
    ['fail-on', 'ERROR', "fail-on: 'ERROR' is not one of error, warning, never"],
    ['split', 'auto', "split: 'auto' is not one of off, label, commit"],
    ['comment', 'true', "comment: 'true' is not one of on, off"],
    [
      'split-label',
      'x'.repeat(51),
      `split-label: '${'x'.repeat(51)}' is not a label name of 1 to 50 characters on one line`,
    ],
    ['name', 'a\nb', "name: 'a\\nb' is not a name of 1 to 100 characters on one line (without -->)"],
    ['name', 'x-->y', "name: 'x-->y' is not a name of 1 to 100 characters on one line (without -->)"],
    ['base', '--output=/tmp/x', "base: '--output=/tmp/x' is not a git branch, tag or commit"],
    ['base', 'main branch', "base: 'main branch' is not a git branch, tag or commit"],
  ])('%s: %j', (name, value, message) => {
    const error = errorOf(() => readInputs(withDefaults({ [name]: value })));
    expect(error.message).toBe(message);
    expect(error.message).not.toMatch(/\n/);
  });

  it('accepts a name of exactly 100 characters and rejects 101, cutting the echo short', () => {
    expect(readInputs(getter({ name: 'n'.repeat(100) })).name).toBe('n'.repeat(100));
    const error = errorOf(() => readInputs(getter({ name: 'n'.repeat(101) })));
    expect(error.message).toBe(
      `name: '${'n'.repeat(77)}...' is not a name of 1 to 100 characters on one line (without -->)`,
    );
  });

  it.each([
    'mysql://root:hunter2@db/app',
    'hunter2-not-a-url',
    'https://user:hunter2@example.com/',
    'postgres//user:hunter2@db',
  ])('masks the shadow database URL %j before refusing it, without printing it', (url) => {
    const events: string[] = [];
    const mask = vi.fn((value: string) => events.push(`mask ${value}`));
    const error = errorOf(() => readInputs(getter({ 'shadow-database-url': url }), { mask }));
    events.push('error');
    expect(events[0]).toBe(`mask ${url}`);
    expect(events.at(-1)).toBe('error');
    expect(error.message).toBe(
      'shadow-database-url: the value (a secret, not shown) is not a postgres:// or postgresql:// URL',
    );
    expect(error.message).not.toContain('hunter2');
  });

  it.each([
    ['mode', 'sometimes', "mode: 'sometimes' is not one of auto, pr, schedule, gate, backfill"],
    ['backfill-batch-size', '0', "backfill-batch-size: '0' is not a whole number from 1 to 1000000"],
    ['backfill-batch-size', '1e3', "backfill-batch-size: '1e3' is not a whole number from 1 to 1000000"],
    ['backfill-pause', '-5', "backfill-pause: '-5' is not a whole number from 0 to 3600000"],
    ['backfill-pause', '1s', "backfill-pause: '1s' is not a whole number from 0 to 3600000"],
    ['backfill-file', 'a\nb.sql', "backfill-file: 'a\\nb.sql' is not a file path on one line"],
    ['deploy-source', 'guess', "deploy-source: 'guess' is not one of auto, deployments, database, merge"],
    ['check-usage', 'yes', "check-usage: 'yes' is not one of true, false"],
  ])('refuses %s %j in one line naming the accepted values', (name, value, message) => {
    expect(errorOf(() => readInputs(getter({ [name]: value }))).message).toBe(message);
  });

  it('masks the deploy database URL and its password before refusing it, without printing it', () => {
    const mask = vi.fn();
    const url = 'mysql://reader:ro-secret@prod/app';
    const error = errorOf(() => readInputs(getter({ 'deploy-database-url': url }), { mask }));
    expect(mask).toHaveBeenCalledWith(url);
    expect(mask).toHaveBeenCalledWith('ro-secret');
    expect(error.message).toBe(
      'deploy-database-url: the value (a secret, not shown) is not a postgres:// or postgresql:// URL',
    );
  });

  it('masks the statistics database URL and its password before refusing it', () => {
    const mask = vi.fn();
    const url = 'https://stats:st-secret@replica/app';
    const error = errorOf(() => readInputs(getter({ 'stats-database-url': url }), { mask }));
    expect(mask).toHaveBeenCalledWith(url);
    expect(mask).toHaveBeenCalledWith('st-secret');
    expect(error.message).toBe(
      'stats-database-url: the value (a secret, not shown) is not a postgres:// or postgresql:// URL',
    );
  });

  it('masks the shadow database URL before an unrelated input fails', () => {
    const mask = vi.fn();
    const url = 'postgres://u:topsecret@db/shadow';
    errorOf(() => readInputs(getter({ 'shadow-database-url': url, 'fail-on': 'bad' }), { mask }));
    expect(mask).toHaveBeenCalledWith(url);
    expect(mask).toHaveBeenCalledWith('topsecret');
  });

  it('masks the database URL and its password before refusing it, without printing it', () => {
    const mask = vi.fn();
    const url = 'https://writer:rw-secret@prod/app';
    const error = errorOf(() => readInputs(getter({ mode: 'backfill', 'database-url': url }), { mask }));
    expect(mask).toHaveBeenCalledWith(url);
    expect(mask).toHaveBeenCalledWith('rw-secret');
    expect(error.message).toBe(
      'database-url: the value (a secret, not shown) is not a postgres:// or postgresql:// URL',
    );
  });

  it('needs database-url in mode backfill, and only there', () => {
    expect(errorOf(() => readInputs(getter({ mode: 'backfill' }))).message).toBe(
      'database-url: mode backfill needs the postgres:// URL of the database to backfill; pass it from a secret',
    );
    expect(readInputs(getter({ mode: 'schedule' })).databaseUrl).toBeUndefined();
  });

  it('never masks an empty value or the unevaluated token expression', () => {
    const mask = vi.fn();
    readInputs(withDefaults(), { mask });
    expect(mask).not.toHaveBeenCalled();
  });
});
