import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, suggest } from '../../src/config/load.js';
import { ConfigError, DEFAULT_CONFIG, type Config } from '../../src/config/types.js';

const knownRules = ['ban-drop-column', 'ban-drop-table', 'renaming-column', 'syntax-error', 'unused-ignore'];
const FILE = '.github/expand-contract.yml';

let cwd: string;

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'ec-config-'));
});

afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

async function write(name: string, text: string | Buffer): Promise<void> {
  await mkdir(join(cwd, name, '..'), { recursive: true });
  await writeFile(join(cwd, name), text);
}

/** Writes the default config file and loads it. */
async function load(text: string | Buffer): Promise<Config> {
  await write(FILE, text);
  return loadConfig({ cwd, knownRules });
}

/** The ConfigError message that loading `text` produces. */
async function problem(text: string | Buffer): Promise<string> {
  const error = await load(text).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).message;
}

describe('loadConfig: where the file comes from', () => {
  it('returns the defaults when there is no config file', async () => {
    expect(await loadConfig({ cwd, knownRules })).toEqual({ ...DEFAULT_CONFIG, source: null });
  });

  it('reads .github/expand-contract.yaml as well', async () => {
    await write('.github/expand-contract.yaml', 'fail-on: never\n');
    const config = await loadConfig({ cwd, knownRules });
    expect(config).toMatchObject({ failOn: 'never', source: '.github/expand-contract.yaml' });
  });

  it('refuses both .yml and .yaml at once', async () => {
    await write('.github/expand-contract.yml', 'fail-on: never\n');
    await write('.github/expand-contract.yaml', 'fail-on: never\n');
    await expect(loadConfig({ cwd, knownRules })).rejects.toThrow(
      new ConfigError(
        '.github/expand-contract.yml and .github/expand-contract.yaml both exist; keep one of them and delete the other',
      ),
    );
  });

  it('reads an explicit path, relative or absolute, and names it relative to cwd', async () => {
    await write('config/ec.yml', 'postgres-version: 14\n');
    expect(await loadConfig({ path: 'config/ec.yml', cwd, knownRules })).toMatchObject({
      postgresVersion: 14,
      source: 'config/ec.yml',
    });
    expect(await loadConfig({ path: join(cwd, 'config/ec.yml'), cwd, knownRules })).toMatchObject({
      source: 'config/ec.yml',
    });
  });

  it('rejects an explicit path that does not exist', async () => {
    await expect(loadConfig({ path: join(cwd, 'missing.yml'), cwd, knownRules })).rejects.toThrow(
      new ConfigError(
        'missing.yml: no such file; check the configuration path, or leave it out to use the defaults',
      ),
    );
  });

  it('rejects an explicit path that is a folder', async () => {
    await mkdir(join(cwd, 'conf'));
    await expect(loadConfig({ path: 'conf', cwd, knownRules })).rejects.toThrow(
      new ConfigError('conf: is a folder; name the configuration file itself'),
    );
  });

  it('names a file outside cwd by its full path', async () => {
    const other = await mkdtemp(join(tmpdir(), 'ec-other-'));
    try {
      await writeFile(join(other, 'ec.yml'), 'fail-on: sometimes\n');
      await expect(loadConfig({ path: join(other, 'ec.yml'), cwd, knownRules })).rejects.toThrow(
        `${join(other, 'ec.yml')}:1: fail-on: 'sometimes' is not a valid value; use one of error, warning, never`,
      );
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});

describe('loadConfig: valid files', () => {
  it('treats an empty file as the defaults', async () => {
    expect(await load('')).toEqual({ ...DEFAULT_CONFIG, source: FILE });
  });

  it('treats a file holding only comments as the defaults', async () => {
    expect(await load('# nothing configured yet\n\n')).toEqual({ ...DEFAULT_CONFIG, source: FILE });
  });

  it('reads every key', async () => {
    const config = await load(
      [
        '# expand-contract settings',
        'paths:',
        '  - db/migrations/*.sql',
        '  - "services/*/migrations/**/*.sql"',
        'framework: flyway',
        'postgres-version: 15',
        'fail-on: warning',
        'rules:',
        '  ban-drop-column: warning',
        '  renaming-column: { severity: notice, options: { allow: [legacy] } }',
        '  ban-drop-table:',
        '    options:',
        '      tables: [audit_log]',
        'disable: [unused-ignore]',
        'placeholders:',
        '  schema: app',
        '  ratio: 1.0',
        '  mask: 0x1F',
        "max-file-size: '512KiB'",
        'contract-after: 14',
        'references: fail',
        'exposure:',
        '  tiny-rows: 5000',
        "  tiny-size: '16MiB'",
        '  max-lock-seconds: 0.5',
        '  max-blocked-writes: 200',
        '  stats-max-age: 3',
        '',
      ].join('\n'),
    );
    expect(config).toEqual({
      paths: ['db/migrations/*.sql', 'services/*/migrations/**/*.sql'],
      framework: 'flyway',
      postgresVersion: 15,
      failOn: 'warning',
      rules: {
        'ban-drop-column': { severity: 'warning' },
        'renaming-column': { severity: 'notice', options: { allow: ['legacy'] } },
        'ban-drop-table': { options: { tables: ['audit_log'] } },
        'unused-ignore': { severity: 'off' },
      },
      placeholders: { schema: 'app', ratio: '1.0', mask: '0x1F' },
      maxFileBytes: 512 * 1024,
      contractAfterDays: 14,
      references: 'fail',
      exposure: {
        tinyRows: 5000,
        tinyBytes: 16 * 1024 * 1024,
        maxLockSeconds: 0.5,
        maxBlockedWrites: 200,
        statsMaxAgeDays: 3,
      },
      source: FILE,
    } satisfies Config);
  });

  it('names the line and the key of a bad exposure threshold', async () => {
    await expect(load('exposure:\n  tiny-rows: lots\n  max-lock-secs: 2\n')).rejects.toThrow(
      [
        `${FILE}:2: exposure.tiny-rows: 'lots' is not valid; write a whole number of rows, such as 1000`,
        `${FILE}:3: exposure.max-lock-secs: unknown key; did you mean max-lock-seconds?`,
      ].join('\n'),
    );
  });

  it('accepts a single glob for paths and a single id for disable', async () => {
    expect(await load('paths: db/**/*.sql\ndisable: ban-drop-table\n')).toMatchObject({
      paths: ['db/**/*.sql'],
      rules: { 'ban-drop-table': { severity: 'off' } },
    });
  });

  it('reads sizes in bytes and in decimal and binary units', async () => {
    expect((await load('max-file-size: 1000\n')).maxFileBytes).toBe(1000);
    expect((await load('max-file-size: 5MB\n')).maxFileBytes).toBe(5_000_000);
    expect((await load('max-file-size: 5 MiB\n')).maxFileBytes).toBe(5 * 1024 * 1024);
    expect((await load('max-file-size: 1.5kb\n')).maxFileBytes).toBe(1500);
    expect((await load("max-file-size: '2048'\n")).maxFileBytes).toBe(2048);
  });

  it('accepts disable together with rules: off and with options only', async () => {
    const config = await load(
      'rules:\n  ban-drop-table: off\n  ban-drop-column: { options: { a: 1 } }\ndisable: [ban-drop-table, ban-drop-column]\n',
    );
    expect(config.rules).toEqual({
      'ban-drop-table': { severity: 'off' },
      'ban-drop-column': { severity: 'off', options: { a: 1 } },
    });
  });

  it('follows YAML anchors', async () => {
    const config = await load('rules:\n  ban-drop-column: &quiet notice\n  ban-drop-table: *quiet\n');
    expect(config.rules).toEqual({
      'ban-drop-column': { severity: 'notice' },
      'ban-drop-table': { severity: 'notice' },
    });
  });

  it('does not let a placeholder named __proto__ change the prototype', async () => {
    const config = await load('placeholders:\n  __proto__: x\n');
    expect(Object.getPrototypeOf(config.placeholders)).toBe(Object.prototype);
    expect(Object.keys(config.placeholders)).toEqual(['__proto__']);
  });

  it('returns a fresh object each time (callers may change it)', async () => {
    const a = await loadConfig({ cwd, knownRules });
    a.paths.push('x');
    a.rules['ban-drop-column'] = { severity: 'off' };
    expect(await loadConfig({ cwd, knownRules })).toEqual({ ...DEFAULT_CONFIG, source: null });
    expect(DEFAULT_CONFIG.paths).toEqual([]);
  });
});

describe('loadConfig: problems name the file, the line and the key', () => {
  it('unknown rule under rules, with a suggestion', async () => {
    expect(await problem('# rules\n\n\n\nfail-on: error\nrules:\n  ban-drop-colum: error\n')).toBe(
      '.github/expand-contract.yml:7: rules.ban-drop-colum: unknown rule; did you mean ban-drop-column?',
    );
  });

  it('unknown rule without anything close', async () => {
    expect(await problem('rules:\n  require-timeouts: error\n')).toBe(
      '.github/expand-contract.yml:2: rules.require-timeouts: unknown rule; see docs/rules/ for the rule ids',
    );
  });

  it('unknown rule under disable', async () => {
    expect(await problem('disable:\n  - ban-drop-column\n  - ban-drop-tabel\n')).toBe(
      '.github/expand-contract.yml:3: disable.ban-drop-tabel: unknown rule; did you mean ban-drop-table?',
    );
  });

  it('unknown top-level key, with a suggestion', async () => {
    expect(await problem('paths: []\nfail_on: warning\n')).toBe(
      '.github/expand-contract.yml:2: fail_on: unknown key; did you mean fail-on?',
    );
    expect(await problem('postgresVersion: 15\n')).toBe(
      '.github/expand-contract.yml:1: postgresVersion: unknown key; did you mean postgres-version?',
    );
  });

  it('unknown top-level key without anything close', async () => {
    expect(await problem('colour: always\n')).toBe(
      '.github/expand-contract.yml:1: colour: unknown key; accepted keys are paths, framework, postgres-version, fail-on, rules, disable, placeholders, max-file-size, contract-after, references, exposure',
    );
  });

  it('unknown framework', async () => {
    expect(await problem('framework: flyaway\n')).toBe(
      ".github/expand-contract.yml:1: framework: 'flyaway' is not a valid value; did you mean flyway?",
    );
    expect(await problem('framework: liquibase\n')).toBe(
      ".github/expand-contract.yml:1: framework: 'liquibase' is not a valid value; use one of sql, prisma, golang-migrate, flyway, dbmate, goose, sqitch, supabase, drizzle",
    );
  });

  it('fail-on: a near miss and a wrong type', async () => {
    expect(await problem('fail-on: warn\n')).toBe(
      ".github/expand-contract.yml:1: fail-on: 'warn' is not a valid value; did you mean warning?",
    );
    expect(await problem('fail-on: false\n')).toBe(
      '.github/expand-contract.yml:1: fail-on: false is not a valid value; use one of error, warning, never',
    );
  });

  it('postgres-version: out of range, not a major version, wrong type, empty', async () => {
    const advice = 'write a PostgreSQL major version from 10 to 18, such as 16';
    expect(await problem('postgres-version: 9\n')).toBe(
      `.github/expand-contract.yml:1: postgres-version: 9 is not supported; ${advice}`,
    );
    expect(await problem('postgres-version: 19\n')).toBe(
      `.github/expand-contract.yml:1: postgres-version: 19 is not supported; ${advice}`,
    );
    expect(await problem('postgres-version: 16.2\n')).toBe(
      `.github/expand-contract.yml:1: postgres-version: 16.2 is not a major version; ${advice}`,
    );
    expect(await problem("postgres-version: '16'\n")).toBe(
      `.github/expand-contract.yml:1: postgres-version: expected a number, got '16'; ${advice}`,
    );
    expect(await problem('paths: []\npostgres-version:\n')).toBe(
      `.github/expand-contract.yml:2: postgres-version: expected a number, got nothing; ${advice}`,
    );
  });

  it('rules: wrong types and unknown severities', async () => {
    expect(await problem('rules: [ban-drop-column]\n')).toBe(
      '.github/expand-contract.yml:1: rules: expected a mapping of rule ids, got a list; write rules: { rule-id: warning }',
    );
    expect(await problem('rules:\n  ban-drop-column: warn\n')).toBe(
      ".github/expand-contract.yml:2: rules.ban-drop-column: 'warn' is not a valid value; did you mean warning?",
    );
    expect(await problem('rules:\n  ban-drop-column: false\n')).toBe(
      '.github/expand-contract.yml:2: rules.ban-drop-column: false is not a valid value; use one of error, warning, notice, off, or { severity, options }',
    );
    expect(await problem('rules:\n  ban-drop-column:\n')).toBe(
      '.github/expand-contract.yml:2: rules.ban-drop-column: no value given; use one of error, warning, notice, off, or { severity, options }',
    );
    expect(await problem('rules:\n  ban-drop-column:\n    severity: info\n')).toBe(
      ".github/expand-contract.yml:3: rules.ban-drop-column.severity: 'info' is not a valid value; use one of error, warning, notice, off",
    );
    expect(await problem('rules:\n  ban-drop-column:\n    option: { a: 1 }\n')).toBe(
      '.github/expand-contract.yml:3: rules.ban-drop-column.option: unknown key; did you mean options?',
    );
    expect(await problem('rules:\n  ban-drop-column:\n    options: [a]\n')).toBe(
      '.github/expand-contract.yml:3: rules.ban-drop-column.options: expected a mapping, got a list; write options: { name: value }',
    );
  });

  it('disable: wrong type, and a conflict with rules', async () => {
    expect(await problem('disable: { ban-drop-column: true }\n')).toBe(
      '.github/expand-contract.yml:1: disable: expected a list of rule ids, got a mapping; write disable: [rule-id, ...]',
    );
    expect(await problem('disable: [ban-drop-column, 3]\n')).toBe(
      '.github/expand-contract.yml:1: disable[1]: expected a non-empty string, got 3; write disable: [rule-id, ...]',
    );
    expect(await problem('rules:\n  ban-drop-column: error\ndisable:\n  - ban-drop-column\n')).toBe(
      '.github/expand-contract.yml:4: disable.ban-drop-column: also set to error under rules; keep only one of the two',
    );
  });

  it('paths: wrong types', async () => {
    expect(await problem('paths: { a: b }\n')).toBe(
      ".github/expand-contract.yml:1: paths: expected a glob or a list of globs, got a mapping; write globs such as 'db/migrations/*.sql'",
    );
    expect(await problem('paths:\n  - db/*.sql\n  - ""\n')).toBe(
      ".github/expand-contract.yml:3: paths[1]: expected a non-empty string, got ''; write globs such as 'db/migrations/*.sql'",
    );
    expect(await problem("paths: ''\n")).toBe(
      ".github/expand-contract.yml:1: paths: expected a glob or a list of globs, got ''; write globs such as 'db/migrations/*.sql'",
    );
  });

  it('placeholders: wrong types', async () => {
    expect(await problem('placeholders: [schema]\n')).toBe(
      '.github/expand-contract.yml:1: placeholders: expected a mapping of names to values, got a list; write placeholders: { schema: app }',
    );
    expect(await problem('placeholders:\n  schema: app\n  enabled: true\n')).toBe(
      ".github/expand-contract.yml:3: placeholders.enabled: expected a string or a number, got true; quote the value, as in enabled: 'text'",
    );
    expect(await problem('placeholders:\n  owner:\n')).toBe(
      ".github/expand-contract.yml:2: placeholders.owner: expected a string or a number, got nothing; quote the value, as in owner: 'text'",
    );
  });

  it('contract-after: not a whole number of days from 0 to 365', async () => {
    const advice = 'write a whole number of days from 0 to 365, such as 7';
    expect(await problem('contract-after: soon\n')).toBe(
      `.github/expand-contract.yml:1: contract-after: 'soon' is not a number of days; ${advice}`,
    );
    expect(await problem('contract-after: 400\n')).toBe(
      `.github/expand-contract.yml:1: contract-after: 400 is not a number of days; ${advice}`,
    );
    expect(await problem('contract-after: 1.5\n')).toBe(
      `.github/expand-contract.yml:1: contract-after: 1.5 is not a number of days; ${advice}`,
    );
  });

  it('max-file-size: not a size, unknown unit, zero, wrong type', async () => {
    const advice = "write a number of bytes, such as 5242880, or a size such as '5MB' or '512KiB'";
    expect(await problem('max-file-size: lots\n')).toBe(
      `.github/expand-contract.yml:1: max-file-size: 'lots' is not a size; ${advice} (units: B, KB, MB, GB, KiB, MiB, GiB)`,
    );
    expect(await problem('max-file-size: 5TB\n')).toBe(
      `.github/expand-contract.yml:1: max-file-size: '5TB' is not a size; ${advice} (units: B, KB, MB, GB, KiB, MiB, GiB)`,
    );
    expect(await problem('max-file-size: 0\n')).toBe(
      `.github/expand-contract.yml:1: max-file-size: 0 is not a positive whole number of bytes; ${advice}`,
    );
    expect(await problem('max-file-size: 10.5\n')).toBe(
      `.github/expand-contract.yml:1: max-file-size: 10.5 is not a positive whole number of bytes; ${advice}`,
    );
    expect(await problem('max-file-size: [5MB]\n')).toBe(
      `.github/expand-contract.yml:1: max-file-size: expected a size, got a list; ${advice}`,
    );
  });

  it('a top level that is not a mapping', async () => {
    expect(await problem('- paths: db\n')).toBe(
      '.github/expand-contract.yml:1: configuration: expected a mapping of settings, got a list; see docs/configuration.md',
    );
    expect(await problem('just some words\n')).toBe(
      ".github/expand-contract.yml:1: configuration: expected a mapping of settings, got 'just some words'; see docs/configuration.md",
    );
  });

  it('reports every problem of the file, one per line', async () => {
    expect(await problem('fail-on: warn\nframework: flyway\npostgres-version: 8\n')).toBe(
      [
        ".github/expand-contract.yml:1: fail-on: 'warn' is not a valid value; did you mean warning?",
        '.github/expand-contract.yml:3: postgres-version: 8 is not supported; write a PostgreSQL major version from 10 to 18, such as 16',
      ].join('\n'),
    );
  });
});

describe('loadConfig: YAML syntax', () => {
  it('reports a syntax error with its line', async () => {
    expect(await problem('paths:\n  - db/*.sql\nrules: [ban-drop-column,\nfail-on: never\n')).toBe(
      '.github/expand-contract.yml:4: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (column 1); fix the syntax, see docs/configuration.md',
    );
  });

  it('reports tabs used for indentation', async () => {
    expect(await problem('rules:\n\tban-drop-column: off\n')).toBe(
      '.github/expand-contract.yml:2: invalid YAML: Tabs are not allowed as indentation (column 1); fix the syntax, see docs/configuration.md',
    );
  });

  it('reports a duplicate key at its second occurrence', async () => {
    expect(await problem('fail-on: error\npaths: []\nfail-on: never\n')).toBe(
      '.github/expand-contract.yml:3: fail-on: duplicate key; keep only one of the two',
    );
  });

  it('reports a second YAML document', async () => {
    expect(await problem('fail-on: error\n---\nfail-on: never\n')).toBe(
      '.github/expand-contract.yml:2: invalid YAML: a second document starts here (---); keep a single document',
    );
  });

  it('reports bytes that are not UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from('paths: []\nframework: '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('\n'),
    ]);
    expect(await problem(bytes)).toBe(
      '.github/expand-contract.yml:2: encoding: not valid UTF-8; save the file as UTF-8',
    );
  });

  it('accepts a byte order mark', async () => {
    expect((await load('\uFEFFfail-on: never\n')).failOn).toBe('never');
  });
});

describe('suggest', () => {
  it('finds near misses, prefixes and other spellings of a name', () => {
    expect(suggest('ban-drop-colum', knownRules)).toBe('ban-drop-column');
    expect(suggest('warn', ['error', 'warning', 'never'])).toBe('warning');
    expect(suggest('max_file_size', ['max-file-size', 'paths'])).toBe('max-file-size');
    expect(suggest('paht', ['paths', 'rules'])).toBe('paths');
  });

  it('stays quiet when nothing is close', () => {
    expect(suggest('colour', ['paths', 'rules', 'framework'])).toBeUndefined();
    expect(suggest('', ['paths'])).toBeUndefined();
  });
});
