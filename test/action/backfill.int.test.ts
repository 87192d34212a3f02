// `mode: backfill` of the bundled Action (dist/index.js) as a runner runs it: a child process with the
// GITHUB_*/INPUT_* environment, a checkout holding backfill scripts, and the real PostgreSQL server. The
// fake GitHub API only backs the event payload: the mode must not call it.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackfillStep } from '../../src/plan/batch.js';
import { backfillHeader } from '../../src/plan/split.js';
import { useFreshDatabase } from '../support/database.js';
import {
  createActionEnv,
  parseWorkflowCommands,
  runAction,
  startFakeGitHub,
  workflowDispatchEvent,
  type ActionEnv,
  type ActionRun,
  type FakeGitHub,
} from '../support/github/index.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = resolve(ROOT, 'dist', 'index.js');
const SLOW = 60_000;

const USERS_PLAN = 'ec-00aa11bb22cc33dd';
const EVENTS_PLAN = 'ec-0011223344556677';
const ROWS = 2500;

const usersStep: BackfillStep = {
  name: 'public.users',
  table: 'users',
  ref: 'users',
  alias: null,
  verb: 'UPDATE',
  head: "UPDATE users SET first_name = split_part(full_name, ' ', 1), last_name = split_part(full_name, ' ', 2)",
  from: null,
  where: null,
  needs: 'users.first_name IS NULL AND users.last_name IS NULL',
  check: 'predicate',
  key: ['id'],
  searchPath: null,
};

const eventsStep: BackfillStep = {
  ...usersStep,
  name: 'public.events',
  table: 'events',
  ref: 'events',
  head: 'UPDATE events SET tag = lower(note)',
  needs: 'events.tag IS NULL',
  key: null,
};

/** A backfill script as `split` writes it (the header the runner reads; the DO blocks are left out). */
const script = (planId: string, source: string, steps: BackfillStep[]): string =>
  `${backfillHeader(planId, source, steps).join('\n')}\n`;

const db = useFreshDatabase();
let github: FakeGitHub;
let workspace: string;

beforeEach(async () => {
  github = await startFakeGitHub({ quiet: true });
  workspace = await mkdtemp(join(tmpdir(), 'ec-backfill-action-'));
  await mkdir(join(workspace, '.expand-contract', 'backfill'), { recursive: true });
  await sql(`CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, full_name text NOT NULL,
               first_name text, last_name text);
             INSERT INTO users (full_name) SELECT 'Ada' || g || ' Lovelace' || g FROM generate_series(1, ${ROWS}) g;
             CREATE TABLE events (note text, tag text);
             INSERT INTO events (note) VALUES ('A'), ('B');`);
});

afterEach(async () => {
  await github.close();
  await rm(workspace, { recursive: true, force: true });
});

async function sql<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: db().url });
  await client.connect();
  try {
    const result = (await client.query<T>(text)) as unknown as pg.QueryResult<T> | pg.QueryResult<T>[];
    return Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows;
  } finally {
    await client.end();
  }
}

const unfilled = async (): Promise<number> =>
  Number((await sql<{ n: string }>('SELECT count(*) AS n FROM users WHERE first_name IS NULL'))[0]?.n);

async function writeScript(planId: string, steps: BackfillStep[]): Promise<string> {
  const path = `.expand-contract/backfill/${planId}.sql`;
  await writeFile(join(workspace, path), script(planId, 'db/migrations/002_change.sql', steps));
  return path;
}

function actionEnv(inputs: Record<string, string>): Promise<ActionEnv> {
  return createActionEnv({
    github,
    eventName: 'workflow_dispatch',
    event: workflowDispatchEvent(github),
    workspace,
    actionYml: resolve(ROOT, 'action.yml'),
    inputs: { mode: 'backfill', 'database-url': db().url, ...inputs },
  });
}

async function run(inputs: Record<string, string> = {}): Promise<ActionRun> {
  const env = await actionEnv(inputs);
  try {
    return await runAction(DIST, env, { timeoutMs: SLOW });
  } finally {
    await env.cleanup();
  }
}

const failures = (r: ActionRun): string[] =>
  r.commands.filter((c) => c.command === 'error').map((c) => c.message);

/** The URL and its password appear nowhere but in the commands that mask them. */
function expectNoSecret(r: ActionRun): void {
  const url = db().url;
  const secrets = [url, decodeURIComponent(new URL(url).password)].filter((s) => s.length >= 3);
  const masked = r.commands.filter((c) => c.command === 'add-mask').map((c) => c.message);
  expect(masked).toContain(url);
  const visible = [
    ...r.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')),
    r.stderr,
    r.summary,
    JSON.stringify(r.outputs),
  ].join('\n');
  for (const secret of secrets) expect(visible).not.toContain(secret);
}

describe('mode: backfill', () => {
  it(
    "runs the checkout's backfill script, fills the rows, writes the summary and sets the output",
    { timeout: SLOW },
    async () => {
      const path = await writeScript(USERS_PLAN, [usersStep]);
      const r = await run({ 'github-token': github.token });
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(failures(r)).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.outputs.backfill).toBe('done');
      expect(await unfilled()).toBe(0);
      expect(
        (await sql<{ first_name: string }>('SELECT first_name FROM users WHERE id = 7'))[0]?.first_name,
      ).toBe('Ada7');
      expect(r.stdout).toContain(`backfill ${path}: plan ${USERS_PLAN}`);
      expect(r.stdout).toMatch(/public\.users: starting; key primary key \(id\)/);
      expect(r.summary).toContain('## expand-contract backfill');
      expect(r.summary).toContain(
        '| plan | file | step (table) | rows changed | batches | remaining | seconds |',
      );
      expect(r.summary).toMatch(
        new RegExp(
          `\\| \`${USERS_PLAN}\` \\| ${path.replace(/\./g, '\\.')} \\| public\\.users \\| 2,500 \\| \\d+ \\| 0 \\| \\d+\\.\\d \\|`,
        ),
      );
      // No GitHub API call in this mode, even with a token.
      expect(github.requests).toEqual([]);
      expectNoSecret(r);

      // Run again: nothing left to do, still done.
      const again = await run();
      expect(again.code).toBe(0);
      expect(again.outputs.backfill).toBe('done');
      expect(again.summary).toMatch(/\| public\.users \| 0 \| \d+ \| 0 \|/);
    },
  );

  it(
    'fails the job with one line naming a table without a usable key, and still runs the other files',
    { timeout: SLOW },
    async () => {
      await writeScript(EVENTS_PLAN, [eventsStep]); // sorts first
      await writeScript(USERS_PLAN, [usersStep]);
      const r = await run();
      expect(r.code).toBe(1);
      expect(r.outputs.backfill).toBe('failed');
      const errors = failures(r);
      expect(errors).toHaveLength(1);
      expect(errors[0]).not.toMatch(/\n/);
      expect(errors[0]).toContain('public.events has no primary key and no unique index');
      expect(errors[0]).toContain(`.expand-contract/backfill/${EVENTS_PLAN}.sql`);
      // The file after it ran.
      expect(await unfilled()).toBe(0);
      expect(r.summary).toMatch(/\| public\.events \| 0 \| 0 \| failed \|/);
      expect(r.summary).toMatch(/\| public\.users \| 2,500 \| \d+ \| 0 \|/);
      expect(r.summary).toContain('has no primary key');
      expectNoSecret(r);
    },
  );

  it(
    'fails the job with one line naming the table when rows still need it after the passes',
    { timeout: SLOW },
    async () => {
      // A step that never fills what its condition looks for: like rows written meanwhile by code that
      // does not fill them, every pass finds them again.
      await writeScript(USERS_PLAN, [
        { ...usersStep, head: 'UPDATE users SET last_name = last_name', needs: 'users.first_name IS NULL' },
      ]);
      const r = await run();
      expect(r.code).toBe(1);
      expect(r.outputs.backfill).toBe('remaining');
      expect(failures(r)).toEqual([
        'expand-contract backfill: rows still need it in public.users (2,500 rows), written meanwhile by code that does not fill them; deploy the code that writes both, then run it again',
      ]);
      expect(r.summary).toMatch(/\| public\.users \| [\d,]+ \| \d+ \| 2,500 \|/);
      expectNoSecret(r);
    },
  );

  it('fails with one line naming a bad backfill-batch-size, before touching the database', async () => {
    await writeScript(USERS_PLAN, [usersStep]);
    const r = await run({ 'backfill-batch-size': 'lots' });
    expect(r.code).toBe(1);
    expect(failures(r)).toEqual(["backfill-batch-size: 'lots' is not a whole number from 1 to 1000000"]);
    expect(r.outputs.backfill).toBeUndefined();
    expect(await unfilled()).toBe(ROWS);
    expectNoSecret(r);
  });

  it('fails with one line when database-url is missing', async () => {
    const env = await actionEnv({ 'database-url': '' });
    try {
      const r = await runAction(DIST, env, { timeoutMs: SLOW });
      expect(r.code).toBe(1);
      expect(failures(r)).toEqual([
        'database-url: mode backfill needs the postgres:// URL of the database to backfill; pass it from a secret',
      ]);
    } finally {
      await env.cleanup();
    }
  });

  it('runs the original migration named by backfill-file, planned again', { timeout: SLOW }, async () => {
    await mkdir(join(workspace, 'db', 'migrations'), { recursive: true });
    await writeFile(
      join(workspace, 'db/migrations/001_users.sql'),
      `CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, full_name text NOT NULL);\n`,
    );
    await writeFile(
      join(workspace, 'db/migrations/002_split.sql'),
      `ALTER TABLE users ADD COLUMN first_name text;
ALTER TABLE users ADD COLUMN last_name text;
UPDATE users SET first_name = split_part(full_name, ' ', 1), last_name = split_part(full_name, ' ', 2);
ALTER TABLE users DROP COLUMN full_name;
`,
    );
    const r = await run({ 'backfill-file': 'db/migrations/002_split.sql' });
    expect(failures(r)).toEqual([]);
    expect(r.outputs.backfill).toBe('done');
    expect(await unfilled()).toBe(0);
    expect(r.summary).toMatch(
      /\| `ec-[0-9a-f]+` \| db\/migrations\/002\\_split\.sql \| public\.users \| 2,500 \|/,
    );
  });

  it('says there is nothing to backfill when the checkout has no script', async () => {
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.outputs.backfill).toBe('done');
    expect(r.summary).toContain('Nothing to backfill');
  });

  it(
    'stops between batches on SIGTERM (a cancelled job), keeps what it did, and the next run goes on',
    { timeout: SLOW },
    async () => {
      await writeScript(USERS_PLAN, [usersStep]);
      const env = await actionEnv({ 'backfill-batch-size': '10', 'backfill-pause': '50' });
      try {
        const child = spawn(process.execPath, [DIST], { cwd: workspace, env: env.processEnv() });
        let stdout = '';
        const exited = new Promise<number>((done) => child.on('exit', (code) => done(code ?? -1)));
        await new Promise<void>((started, failed) => {
          child.stdout.on('data', (chunk: Buffer) => {
            stdout += chunk.toString();
            if (stdout.includes('public.users: starting')) started();
          });
          child.on('exit', () =>
            failed(new Error(`the Action ended before the backfill started:\n${stdout}`)),
          );
        });
        await new Promise((r) => setTimeout(r, 300));
        child.kill('SIGTERM');
        const code = await exited;
        expect(code).toBe(1);
        expect(stdout).toContain('SIGTERM: finishing the current batch, then stopping');
        const outputs = env.readOutputs();
        expect(outputs.backfill).toBe('remaining');
        const errors = parseWorkflowCommands(stdout).filter((c) => c.command === 'error');
        expect(errors.map((e) => e.message)).toEqual([
          'expand-contract backfill was cancelled between batches; every committed batch is kept: run it again to continue',
        ]);
        expect(env.readSummary()).toMatch(/\| public\.users \| [\d,]+ \| \d+ \| stopped \(cancelled\) \|/);
        const left = await unfilled();
        expect(left).toBeGreaterThan(0);
        expect(left).toBeLessThan(ROWS);
      } finally {
        await env.cleanup();
      }

      const again = await run();
      expect(again.outputs.backfill).toBe('done');
      expect(await unfilled()).toBe(0);
      expect(again.stdout).toMatch(/public\.users: resuming after [\d,]+ rows done earlier/);
    },
  );
});
