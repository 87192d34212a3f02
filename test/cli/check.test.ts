import { describe, expect, it } from 'vitest';
import { cli, repo } from './helpers.js';

const history = {
  'db/001_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, full_name text, email text);\n',
  'db/002_drop.sql': '-- gone\nALTER TABLE users DROP COLUMN full_name;\n',
};

describe('expand-contract check', () => {
  it('prints the JSON report with the documented shape and exits 1 on an error finding', async () => {
    const dir = repo(history);
    const r = await cli(['check', 'db', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as {
      version: number;
      files: unknown[];
      findings: Array<Record<string, unknown>>;
    };
    expect(json.version).toBe(1);
    expect(json.files).toEqual([
      { path: 'db/001_users.sql', framework: 'sql', statements: 1 },
      { path: 'db/002_drop.sql', framework: 'sql', statements: 1 },
    ]);
    const drop = json.findings.find((f) => f.rule === 'ban-drop-column');
    expect(drop).toEqual({
      rule: 'ban-drop-column',
      severity: 'error',
      breaking: true,
      path: 'db/002_drop.sql',
      line: 2,
      column: 19,
      statementLine: 2,
      object: 'public.users.full_name',
      lock: 'ACCESS EXCLUSIVE',
      message: expect.stringContaining('full_name') as unknown,
      docs: 'docs/rules/ban-drop-column.md',
    });
  });

  it('exits 0 with --fail-on never, and 0 when nothing is found', async () => {
    const dir = repo(history);
    expect((await cli(['check', 'db', '--fail-on', 'never'], dir)).code).toBe(0);
    const clean = repo({ 'db/001.sql': 'CREATE TABLE t (id bigint PRIMARY KEY);\n' });
    const r = await cli(['check', 'db', '--format', 'json'], clean);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });

  it('analyses one file against the migrations before it in its folder', async () => {
    const dir = repo(history);
    const r = await cli(['check', 'db/002_drop.sql', '--format', 'json'], dir);
    const json = JSON.parse(r.stdout) as {
      files: Array<{ path: string }>;
      findings: Array<{ rule: string }>;
    };
    expect(json.files.map((f) => f.path)).toEqual(['db/002_drop.sql']);
    expect(json.findings.map((f) => f.rule)).toContain('ban-drop-column');
  });

  it.each([
    [['check', 'db', '--format', 'yaml'], '--format yaml is not one of text, markdown, json, sarif, github'],
    [['check', 'db', '--fail-on', 'sometimes'], '--fail-on sometimes is not one of error, warning, never'],
    [['check', 'db', '--postgres-version', '9'], '--postgres-version 9 is not a PostgreSQL major version'],
    [['check', 'db', '--framework', 'liquibase'], '--framework liquibase is not one of'],
    [['check', 'db', '--bogus'], "Unknown option '--bogus'"],
    [['check'], 'name the migration files or folders to check'],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['check', 'nope'], 'nope: no such file or directory'],
    [['check', 'db', '--config', 'missing.yml'], 'missing.yml'],
  ])('exits 2 with one clear line for %j', async (args, message) => {
    const dir = repo(history);
    const r = await cli(args, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads the config file: severities, disabled rules and the PostgreSQL version', async () => {
    const dir = repo({
      ...history,
      '.github/expand-contract.yml': 'rules:\n  ban-drop-column: warning\n',
    });
    const r = await cli(['check', 'db', '--format', 'json'], dir);
    const json = JSON.parse(r.stdout) as { findings: Array<{ rule: string; severity: string }> };
    expect(json.findings.find((f) => f.rule === 'ban-drop-column')?.severity).toBe('warning');
    expect(r.code).toBe(json.findings.some((f) => f.severity === 'error') ? 1 : 0);
  });

  it('reports a syntax error as a finding at its line and keeps going', async () => {
    const dir = repo({
      ...history,
      'db/003_bad.sql': 'ALTER TABLE users ADD COLUMN x int;\nALTER TABEL users DROP COLUMN email;\n',
    });
    const r = await cli(['check', 'db', '--format', 'json'], dir);
    const json = JSON.parse(r.stdout) as { findings: Array<{ rule: string; path: string; line: number }> };
    expect(json.findings).toContainEqual(
      expect.objectContaining({ rule: 'syntax-error', path: 'db/003_bad.sql', line: 2 }),
    );
    expect(r.code).toBe(1);
  });

  it('prints text with the location, the rule and a summary line', async () => {
    const dir = repo(history);
    const r = await cli(['check', 'db'], dir);
    expect(r.stdout).toContain('db/002_drop.sql:2:19');
    expect(r.stdout).toContain('ban-drop-column');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('prints --help and --version', async () => {
    const dir = repo({});
    expect((await cli(['--help'], dir)).stdout).toContain('Usage: expand-contract');
    expect((await cli(['--version'], dir)).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
