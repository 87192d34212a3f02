// stats-file / stats-database-url in the Action, run as a runner runs it: a child process with the
// GITHUB_*/INPUT_* environment, a real git checkout of the split-name pull request and the fake GitHub API.
// A malformed statistics file fails the run with one line; a statistics database that cannot be reached is
// a warning and the run goes on; a good file weighs the findings.
//
// The Action runs from the sources (src/index.ts through tsx's loader), not from dist/index.js, so these
// tests follow the code without a rebuild of the bundle.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { formatStats } from '../../src/stats/file.js';
import type { StatsSnapshot } from '../../src/stats/types.js';
import { scenario, SPLIT_NAME, type Scenario } from '../e2e/helpers.js';
import { testDatabase } from '../support/database.js';
import { createActionEnv, pullRequestEvent, runAction, type ActionRun } from '../support/github/index.js';
import { freePort, tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SLOW = 180_000;

let current: Scenario | undefined;
afterEach(async () => {
  await current?.cleanup();
  current = undefined;
});

/** An entry that loads the Action's sources with tsx, as dist/index.js would run them. */
async function sourceEntry(): Promise<string> {
  const dir = await tempDir('ec-stats-action-');
  const entry = join(dir, 'action-from-sources.mjs');
  const tsx = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'esm', 'api', 'index.mjs')).href;
  const index = pathToFileURL(join(ROOT, 'src', 'index.ts')).href;
  await writeFile(
    entry,
    `import { register } from ${JSON.stringify(tsx)};\nregister();\nawait import(${JSON.stringify(index)});\n`,
  );
  return entry;
}

async function runWith(s: Scenario, inputs: Record<string, string>): Promise<ActionRun & { report: string }> {
  const cache = await tempDir('ec-stats-action-cache-');
  const env = await createActionEnv({
    github: s.github,
    eventName: 'pull_request',
    event: pullRequestEvent(s.github, s.git.pullNumber, { action: 'opened' }),
    workspace: s.workspace,
    actionYml: resolve(ROOT, 'action.yml'),
    inputs: { 'github-token': s.github.token, ...inputs },
    env: { GITHUB_RUN_ID: '1000', RUNNER_TOOL_CACHE: cache },
  });
  try {
    const run = await runAction(await sourceEntry(), env, { cwd: s.workspace, timeoutMs: SLOW - 30_000 });
    const report = run.outputs.report ? await readFile(run.outputs.report, 'utf8') : '';
    return { ...run, report };
  } finally {
    await env.cleanup();
  }
}

const commands = (r: ActionRun, kind: string): string[] =>
  r.commands.filter((c) => c.command === kind).map((c) => c.message);

/** Statistics that know public.users of the split-name scenario: 2,000,000 rows. */
const USERS: StatsSnapshot = {
  format: 'expand-contract-stats',
  version: 1,
  generatedAt: new Date().toISOString(),
  server: { version: '16.4', versionNum: 160004 },
  ratesSince: '2026-11-01T00:00:00.000Z',
  tables: [
    {
      schema: 'public',
      name: 'users',
      kind: 'table',
      estimatedRows: 2_000_000,
      liveRows: 2_000_000,
      heapBytes: 180_000_000,
      indexBytes: 45_000_000,
      toastBytes: 0,
      insertsPerSecond: 20,
      updatesPerSecond: 5,
      deletesPerSecond: 0,
      indexes: [
        { name: 'users_pkey', columns: ['id'], unique: true, primary: true, valid: true, bytes: 45_000_000 },
      ],
      constraints: [{ name: 'users_pkey', type: 'p', validated: true }],
    },
  ],
};

describe('production statistics in the Action', () => {
  it(
    'a malformed stats-file fails the run with one line naming the file and the line',
    async () => {
      const s = (current = await scenario({ head: [SPLIT_NAME] }));
      await writeFile(join(s.workspace, 'stats.json'), '{\n  "format": "expand-contract-stats",,\n}\n');
      const r = await runWith(s, { 'stats-file': 'stats.json' });
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.code).toBe(1);
      const errors = commands(r, 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        /^stats-file: stats\.json:2: not valid JSON \(.+\); export it again with expand-contract stats --database-url URL > stats\.json$/,
      );
      // it failed before reporting: no comment on the pull request
      expect(s.github.comments(s.git.pullNumber)).toHaveLength(0);
      s.github.assertNoViolations();
    },
    SLOW,
  );

  it(
    'a missing stats-file fails the run too',
    async () => {
      const s = (current = await scenario({ head: [SPLIT_NAME] }));
      const r = await runWith(s, { 'stats-file': 'prod/stats.json' });
      expect(r.code).toBe(1);
      expect(commands(r, 'error')).toEqual([
        'stats-file: prod/stats.json: no such file; export it with expand-contract stats --database-url URL > prod/stats.json',
      ]);
    },
    SLOW,
  );

  it(
    'a stats-database-url nobody answers at is a warning, and the run reports as without it',
    async () => {
      const s = (current = await scenario({ head: [SPLIT_NAME] }));
      const server = new URL((await testDatabase()).url);
      const url = new URL(server.toString());
      url.port = String(await freePort(url.hostname));
      url.password = 'Stat5-Pa55word';
      url.pathname = '/prod';
      const r = await runWith(s, { 'stats-database-url': url.toString() });
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const warnings = commands(r, 'warning').filter((w) => w.includes('stats-database-url'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        new RegExp(
          `^expand-contract: stats-database-url: cannot connect to the statistics database ${url.hostname.replace(/\./g, '\\.')}:${url.port}/prod: .*; findings are not weighed by production this run$`,
        ),
      );
      // the run went on: the usual failure for the breaking drop, the comment and the report, no exposure
      expect(commands(r, 'error').filter((e) => e.includes('stats'))).toEqual([]);
      expect(r.code).toBe(1);
      expect(r.outputs.breaking).toBe('true');
      expect(s.github.comments(s.git.pullNumber)).toHaveLength(1);
      expect(r.report).not.toBe('');
      expect(r.report).not.toContain('"exposure"');
      const visible = r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
      for (const text of [visible, r.stderr, r.summary, s.github.comments(s.git.pullNumber)[0]?.body ?? '']) {
        expect(text).not.toContain('Stat5-Pa55word');
        expect(text).not.toContain(url.toString());
      }
      s.github.assertNoViolations();
    },
    SLOW,
  );

  it(
    'a good stats-file weighs the findings in the report and the comment',
    async () => {
      const s = (current = await scenario({ head: [SPLIT_NAME] }));
      await writeFile(join(s.workspace, 'stats.json'), formatStats(USERS));
      const server = (await testDatabase()).url;
      const r = await runWith(s, { 'stats-file': 'stats.json', 'shadow-database-url': server });
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(commands(r, 'error').filter((e) => e.includes('stats'))).toEqual([]);
      expect(commands(r, 'warning').filter((w) => w.includes('stats'))).toEqual([]);
      const report = JSON.parse(r.report) as {
        findings: Array<{ rule: string; severity: string; exposure?: { rows: number } }>;
        plans: Array<{ plan: { backfillEstimates?: Array<{ table: string; rows: number }> } }>;
      };
      const backfill = report.findings.find((f) => f.rule === 'backfill-in-migration');
      expect(backfill?.exposure?.rows).toBe(2_000_000);
      expect(report.plans[0]?.plan.backfillEstimates).toEqual([
        expect.objectContaining({ table: 'public.users', rows: 2_000_000 }),
      ]);
      const body = s.github.comments(s.git.pullNumber)[0]?.body ?? '';
      expect(body).toContain('In production\\: 2,000,000 rows, 214.6 MB, 25 writes/s since 2026-11-01');
      expect(body).toContain('In production\\: public.users, 2,000,000 rows\\: about ');
      // an UPDATE of 2,000,000 rows in the migration: over max-lock-seconds below a million rows a second
      expect(backfill?.severity).toBe('error');
      expect(body).toContain(
        'An error, not a warning\\: the estimated lock is over exposure.max-lock-seconds (2.0 s).',
      );
      s.github.assertNoViolations();
    },
    SLOW,
  );
});
