// Shared by the backfill integration tests (*.int.test.ts here): the steps the planner writes, a backfill
// script on disk, one-shot queries, the command line in-process (test/cli/helpers.ts) and as a child
// process, for the signal tests.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterEach } from 'vitest';
import { readBackfillScript, type BackfillPlan } from '../../src/backfill/script.js';
import type { BackfillStep } from '../../src/plan/batch.js';
import { backfillHeader, backfillPath } from '../../src/plan/split.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** The SET of the steps below: what `UPDATE <t> SET first_name = split_part(full_name, ' ', 1)` writes. */
export const FIRST = "split_part(full_name, ' ', 1)";

/**
 * The step the planner writes for `ALTER TABLE <table> ADD COLUMN first_name text; UPDATE <table> SET
 * first_name = split_part(full_name, ' ', 1);` (src/plan/recipes/backfill.ts): rows where first_name is
 * still NULL, so what the application already wrote is left alone.
 */
export function firstNameStep(table: string, key: string[] | null = ['id']): BackfillStep {
  return {
    name: `public.${table}`,
    table,
    ref: table,
    alias: null,
    verb: 'UPDATE',
    head: `UPDATE ${table} SET first_name = ${FIRST}`,
    from: null,
    where: null,
    needs: `first_name IS NULL AND (${FIRST}) IS NOT NULL`,
    check: 'predicate',
    key,
    searchPath: null,
  };
}

/** A backfill script as split writes it: the header with the steps, then SQL the runner does not read. */
export function scriptText(planId: string, steps: readonly BackfillStep[]): string {
  return `${[...backfillHeader(planId, 'migrations/002_change.sql', steps), 'SELECT 1;'].join('\n')}\n`;
}

/** The plan the runner gets from that script, read back as the CLI reads it. */
export function planOf(planId: string, steps: readonly BackfillStep[]): BackfillPlan {
  return readBackfillScript(scriptText(planId, steps), backfillPath(planId));
}

/** Temp folders, removed after each test. */
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export async function tempDir(): Promise<string> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'ec-backfill-')));
  dirs.push(dir);
  return dir;
}

/** Writes the script at `.expand-contract/backfill/<plan>.sql` in a temp folder: [folder, relative path]. */
export async function writeScript(planId: string, steps: readonly BackfillStep[]): Promise<[string, string]> {
  const dir = await tempDir();
  const path = backfillPath(planId);
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), scriptText(planId, steps));
  return [dir, path];
}

/** One query on a connection of its own. */
export async function query<R extends pg.QueryResultRow = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url, application_name: 'backfill test (check)' });
  client.on('error', () => {});
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A count from `SELECT count(*) ...`, as a number. */
export async function count(url: string, text: string, values: unknown[] = []): Promise<number> {
  const rows = await query<{ count: string }>(url, text, values);
  return Number(rows[0]?.count);
}

/** The progress row of a step, or undefined. */
export async function progressRow(
  url: string,
  planId: string,
  step = 0,
): Promise<{ rows_done: number; batches: number; pass: number; cursor: string[] | null } | undefined> {
  const rows = await query<{ rows_done: string; batches: number; pass: number; cursor: string[] | null }>(
    url,
    `SELECT rows_done, batches, pass, cursor FROM expand_contract.backfill_progress WHERE plan_id = $1 AND step = $2`,
    [planId, step],
  );
  const row = rows[0];
  return row && { ...row, rows_done: Number(row.rows_done) };
}

export interface Child {
  pid: number;
  stdout(): string;
  stderr(): string;
  /** Exit code (null when killed) and signal. */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

/**
 * `expand-contract <args>` as its own process from the sources: node with tsx's loader (one process, so a
 * SIGKILL reaches the process that holds the connection, not a wrapper), with the bin entry's signal handling.
 */
export function spawnCli(args: string[], cwd: string, env: Record<string, string> = {}): Child {
  const loader = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, join(ROOT, 'src', 'cli', 'index.ts'), ...args], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => void (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => void (err += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal }));
  });
  if (child.pid === undefined) throw new Error('the CLI did not start');
  return {
    pid: child.pid,
    stdout: () => out,
    stderr: () => err,
    exit,
    kill: (signal) => void child.kill(signal),
  };
}

/** Waits until no session of a backfill runner is left on the server (a killed client's backend ends late). */
export async function runnerGone(url: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const n = await count(
      url,
      "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'expand-contract backfill%'",
    );
    if (n === 0) return;
    if (Date.now() > deadline) throw new Error('a backfill session is still on the server');
    await new Promise((r) => setTimeout(r, 25));
  }
}
