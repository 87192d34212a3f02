// Runs SQL through the engine and returns findings, for rule tests.
//   const f = await findings('ALTER TABLE t DROP COLUMN c;', { history: 'CREATE TABLE t (c int);' });
import { expect } from 'vitest';
import { analyze, DEFAULT_OPTIONS, type EngineOptions } from '../../src/engine.js';
import type { Finding, FrameworkName, MigrationFile } from '../../src/types.js';

export interface RunOptions {
  /** SQL of earlier migrations (already deployed): builds the schema, not reported on. */
  history?: string;
  /** Whether the framework wraps the file in a transaction (default false: plain SQL). */
  transactional?: boolean;
  postgresVersion?: number;
  rules?: EngineOptions['rules'];
  today?: string;
  /** The framework of the files (default plain `sql`). */
  framework?: FrameworkName;
  /** More files in the same release, after the main one. */
  sameRelease?: string[];
}

function file(
  path: string,
  sql: string,
  transactional: boolean,
  framework: FrameworkName = 'sql',
): MigrationFile {
  return { path, framework, orderKey: path, transactional, sql, diagnostics: [] };
}

export async function findings(sql: string, opts: RunOptions = {}): Promise<Finding[]> {
  const report = await analyze(
    {
      history: opts.history ? [file('000_history.sql', opts.history, false)] : [],
      releases: [
        [
          file('001_change.sql', sql, opts.transactional ?? false, opts.framework),
          ...(opts.sameRelease ?? []).map((s, i) =>
            file(`00${i + 2}_change.sql`, s, opts.transactional ?? false, opts.framework),
          ),
        ],
      ],
    },
    {
      ...DEFAULT_OPTIONS,
      postgresVersion: opts.postgresVersion ?? 16,
      rules: opts.rules ?? {},
      today: opts.today ?? '2026-01-01',
    },
  );
  return report.findings;
}

/** Findings of one rule only. */
export async function ruleFindings(rule: string, sql: string, opts: RunOptions = {}): Promise<Finding[]> {
  return (await findings(sql, opts)).filter((f) => f.rule === rule);
}

export interface Expected {
  line?: number;
  column?: number;
  statementLine?: number;
  breaking?: boolean;
  object?: string | null;
  lock?: string | null;
  severity?: string;
  /** A substring the message must contain. */
  message?: string;
}

/** Asserts that `rule` reports exactly the expected findings (in order) on `sql`. */
export async function expectFindings(
  rule: string,
  sql: string,
  expected: Expected[],
  opts: RunOptions = {},
): Promise<Finding[]> {
  const got = await ruleFindings(rule, sql, opts);
  expect(got.length, `findings of ${rule}: ${JSON.stringify(got, null, 1)}`).toBe(expected.length);
  expected.forEach((e, i) => {
    const f = got[i] as Finding;
    const { message, ...rest } = e;
    expect(f).toMatchObject(rest);
    if (message) expect(f.message).toContain(message);
  });
  return got;
}

/** Asserts that `rule` reports nothing on `sql`. */
export async function expectNoFindings(rule: string, sql: string, opts: RunOptions = {}): Promise<void> {
  const got = await ruleFindings(rule, sql, opts);
  expect(got, `unexpected findings of ${rule}`).toEqual([]);
}
