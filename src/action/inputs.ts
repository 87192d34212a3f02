// The Action's inputs: read through an injected getter (core.getInput in production, a map in tests),
// validated, with the defaults action.yml declares. A bad input is an InputError of one line:
// `<input>: '<value>' is not one of a, b, c`. Secrets are masked before anything can echo them.
import { safeDecode } from '../db/connect.js';
import { FAIL_ON, type FailOn } from '../config/types.js';
import { InputError } from '../discover/index.js';
import { FRAMEWORK_NAMES, type FrameworkName } from '../types.js';

/** How a breaking change is split into expand and contract pull requests. */
export const SPLIT_MODES = ['off', 'label', 'commit'] as const;
export type SplitMode = (typeof SPLIT_MODES)[number];

export const COMMENT_MODES = ['on', 'off'] as const;

/**
 * What one run does: `auto` picks from the event (pull_request -> pr, schedule/dispatch -> schedule);
 * `backfill` runs only when asked for by name.
 */
export const MODES = ['auto', 'pr', 'schedule', 'gate', 'backfill'] as const;
export type Mode = (typeof MODES)[number];

/** Where the deploy age of an expand phase comes from; `auto` prefers deployments, then the database. */
export const DEPLOY_SOURCES = ['auto', 'deployments', 'database', 'merge'] as const;
export type DeploySource = (typeof DEPLOY_SOURCES)[number];

export const BOOLEANS = ['true', 'false'] as const;

export const POSTGRES_VERSIONS = { min: 10, max: 18 } as const;
export const CONTRACT_AFTER_DAYS = { min: 0, max: 365 } as const;
export const MAX_NAME_LENGTH = 100;
/** Rows per backfill batch (the runner shrinks it when batches are slow or wait on locks). */
export const BACKFILL_BATCH_SIZE = { min: 1, max: 1_000_000 } as const;
/** Milliseconds between backfill batches (at most an hour). */
export const BACKFILL_PAUSE_MS = { min: 0, max: 3_600_000 } as const;

/**
 * Every input with its default, exactly as action.yml declares it (a test keeps the two equal).
 * `github-token` defaults to an expression the runner evaluates; in code an empty token means none.
 */
export const INPUT_DEFAULTS = {
  'github-token': '${{ github.token }}',
  config: '.github/expand-contract.yml',
  migrations: '',
  framework: '',
  'postgres-version': '16',
  'contract-after': '7',
  'fail-on': 'error',
  split: 'label',
  'split-label': 'expand-contract:split',
  comment: 'on',
  name: 'expand-contract',
  'shadow-database-url': '',
  base: '',
  mode: 'auto',
  'deploy-source': 'auto',
  environment: 'production',
  'deploy-database-url': '',
  'stats-database-url': '',
  'stats-file': '',
  'check-usage': 'false',
  'database-url': '',
  'backfill-file': '',
  'backfill-batch-size': '1000',
  'backfill-pause': '0',
} as const satisfies Record<string, string>;

export type InputName = keyof typeof INPUT_DEFAULTS;
export const INPUT_NAMES = Object.keys(INPUT_DEFAULTS) as InputName[];

export interface ActionInputs {
  /** The token for the GitHub API; undefined when none was given. */
  githubToken: string | undefined;
  /** Path of the configuration file, relative to the workspace. */
  config: string;
  /** Globs of the migration files to check; empty = discover from the pull request's changes. */
  migrations: string[];
  /** Forced framework; undefined = detect. */
  framework: FrameworkName | undefined;
  postgresVersion: number;
  /** Days between the expand deploy and the contract phase. */
  contractAfterDays: number;
  failOn: FailOn;
  split: SplitMode;
  splitLabel: string;
  comment: boolean;
  /** Check run name and PR comment marker (one Action per app in a monorepo). */
  name: string;
  /** A PostgreSQL URL to prove plans on (masked); undefined = none. */
  shadowDatabaseUrl: string | undefined;
  /** Git ref to diff against; undefined = the pull request's base. */
  base: string | undefined;
  mode: Mode;
  deploySource: DeploySource;
  /** The GitHub environment whose deployments count as production. */
  environment: string;
  /** The production database, read only, for the framework's history table (masked); undefined = none. */
  deployDatabaseUrl: string | undefined;
  /** Production statistics, read only (masked); undefined = none. */
  statsDatabaseUrl: string | undefined;
  /** A statistics file, relative to the workspace; undefined = none. */
  statsFile: string | undefined;
  /** Look in pg_stat_statements for queries that still use what a contract drops. */
  checkUsage: boolean;
  /** The database `mode: backfill` writes to (masked); undefined = none (required by that mode). */
  databaseUrl: string | undefined;
  /** One backfill script or original migration, relative to the workspace; undefined = every script in `.expand-contract/backfill/`. */
  backfillFile: string | undefined;
  /** Largest backfill batch, in rows. */
  backfillBatchSize: number;
  /** Pause between backfill batches, in ms. */
  backfillPauseMs: number;
  /**
   * Inputs left empty or at their action.yml default. The runner always passes defaults, so an input
   * here did not necessarily come from the workflow: let the configuration file decide these.
   */
  defaulted: ReadonlySet<InputName>;
}

export interface ReadInputsOptions {
  /** Marks a value as secret in the log (core.setSecret); called before any validation. */
  mask?: (value: string) => void;
}

/** Reads and validates every input; throws InputError (one line) on the first bad one. */
export function readInputs(get: (name: string) => string, options: ReadInputsOptions = {}): ActionInputs {
  const mask = options.mask ?? (() => undefined);
  const raw = {} as Record<InputName, string>;
  for (const name of INPUT_NAMES) raw[name] = (get(name) ?? '').trim();

  // Secrets first: nothing below may print them before the runner knows to hide them.
  const token = raw['github-token'];
  if (token !== '' && !isExpression(token)) mask(token);
  const shadow = raw['shadow-database-url'];
  const deployDb = raw['deploy-database-url'];
  const database = raw['database-url'];
  const statsDb = raw['stats-database-url'];
  for (const secret of [shadow, deployDb, database, statsDb]) {
    if (secret === '') continue;
    mask(secret);
    for (const password of urlPasswords(secret)) mask(password);
  }

  const value = (name: InputName): string => raw[name] || INPUT_DEFAULTS[name];
  const defaulted = new Set(INPUT_NAMES.filter((n) => raw[n] === '' || raw[n] === INPUT_DEFAULTS[n]));

  const mode = oneOf('mode', value('mode'), MODES);
  const databaseUrl = database === '' ? undefined : postgresUrl('database-url', database);
  if (mode === 'backfill' && databaseUrl === undefined)
    throw new InputError(
      'database-url: mode backfill needs the postgres:// URL of the database to backfill; pass it from a secret',
    );
  return {
    githubToken: token === '' || isExpression(token) ? undefined : token,
    config: value('config'),
    migrations: splitList(raw.migrations),
    framework: raw.framework === '' ? undefined : oneOf('framework', raw.framework, FRAMEWORK_NAMES),
    postgresVersion: wholeNumber('postgres-version', value('postgres-version'), POSTGRES_VERSIONS),
    contractAfterDays: wholeNumber('contract-after', value('contract-after'), CONTRACT_AFTER_DAYS),
    failOn: oneOf('fail-on', value('fail-on'), FAIL_ON),
    split: oneOf('split', value('split'), SPLIT_MODES),
    splitLabel: label('split-label', value('split-label')),
    comment: oneOf('comment', value('comment'), COMMENT_MODES) === 'on',
    name: checkName(value('name')),
    shadowDatabaseUrl: shadow === '' ? undefined : postgresUrl('shadow-database-url', shadow),
    base: raw.base === '' ? undefined : gitRef('base', raw.base),
    mode,
    deploySource: oneOf('deploy-source', value('deploy-source'), DEPLOY_SOURCES),
    environment: environmentName(value('environment')),
    deployDatabaseUrl: deployDb === '' ? undefined : postgresUrl('deploy-database-url', deployDb),
    statsDatabaseUrl: statsDb === '' ? undefined : postgresUrl('stats-database-url', statsDb),
    statsFile: raw['stats-file'] === '' ? undefined : filePath('stats-file', raw['stats-file']),
    checkUsage: oneOf('check-usage', value('check-usage'), BOOLEANS) === 'true',
    databaseUrl,
    backfillFile: raw['backfill-file'] === '' ? undefined : filePath('backfill-file', raw['backfill-file']),
    backfillBatchSize: wholeNumber('backfill-batch-size', value('backfill-batch-size'), BACKFILL_BATCH_SIZE),
    backfillPauseMs: wholeNumber('backfill-pause', value('backfill-pause'), BACKFILL_PAUSE_MS),
    defaulted,
  };
}

/**
 * Splits a comma or newline separated list, trimming each entry and dropping empty ones; commas
 * inside `{a,b}` belong to the glob.
 */
export function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    if (c === '\n' || c === '\r' || (c === ',' && depth === 0)) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}

function oneOf<T extends string>(name: InputName, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`${name}: ${shown(value)} is not one of ${allowed.join(', ')}`);
}

function wholeNumber(name: InputName, value: string, range: { min: number; max: number }): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isSafeInteger(n) && n >= range.min && n <= range.max) return n;
  throw new InputError(`${name}: ${shown(value)} is not a whole number from ${range.min} to ${range.max}`);
}

function checkName(value: string): string {
  if (value.length <= MAX_NAME_LENGTH && !hasControl(value) && !value.includes('-->')) return value;
  throw new InputError(
    `name: ${shown(value)} is not a name of 1 to ${MAX_NAME_LENGTH} characters on one line (without -->)`,
  );
}

function label(name: InputName, value: string): string {
  // GitHub's limit for a label name.
  if (value.length <= 50 && !hasControl(value)) return value;
  throw new InputError(`${name}: ${shown(value)} is not a label name of 1 to 50 characters on one line`);
}

function gitRef(name: InputName, value: string): string {
  if (!value.startsWith('-') && !/\s/.test(value) && !hasControl(value)) return value;
  throw new InputError(`${name}: ${shown(value)} is not a git branch, tag or commit`);
}

/** A path of the checkout, on one line. */
function filePath(name: InputName, value: string): string {
  if (!hasControl(value)) return value;
  throw new InputError(`${name}: ${shown(value)} is not a file path on one line`);
}

/** A GitHub environment name (GitHub allows up to 255 characters). */
function environmentName(value: string): string {
  if (value.length <= 255 && !hasControl(value)) return value;
  throw new InputError(
    `environment: ${shown(value)} is not an environment name of 1 to 255 characters on one line`,
  );
}

/** The URL itself never appears in the message: it is a secret. */
function postgresUrl(name: InputName, value: string): string {
  let protocol: string | undefined;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol === 'postgres:' || protocol === 'postgresql:') return value;
  throw new InputError(`${name}: the value (a secret, not shown) is not a postgres:// or postgresql:// URL`);
}

/** The password of a URL as written and decoded (a driver may print either on its own). */
function urlPasswords(value: string): string[] {
  let password: string | undefined;
  try {
    password = new URL(value).password;
  } catch {
    // Not a URL the parser takes: find the `user:password@` part by hand.
    password = /^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:([^@/]+)@/i.exec(value)?.[1];
  }
  if (!password) return [];
  const decoded = safeDecode(password);
  return decoded === password ? [password] : [password, decoded];
}

/** `${{ github.token }}` that no runner evaluated (a local runner, a test). */
function isExpression(value: string): boolean {
  return /^\$\{\{[\s\S]*\}\}$/.test(value);
}

function hasControl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(value);
}

/** A value quoted on one line (newlines and other control characters escaped, long values cut). */
function shown(value: string): string {
  const one = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${one.length > 80 ? `${one.slice(0, 77)}...` : one}'`;
}
