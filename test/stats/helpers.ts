// Shared by the production-statistics integration tests (*.int.test.ts here): temp folders, small
// repositories, one-shot SQL, a statistics database made quiet (no write counted since its last reset), the
// cached calibration read back, and the one line of a refusal.
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, expect } from 'vitest';
import type { Calibration } from '../../src/stats/estimate.js';
import type { Result } from '../cli/helpers.js';

export { cli, type Result } from '../cli/helpers.js';

/** Temp folders, removed after the file's tests. */
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export async function tempDir(prefix = 'ec-stats-'): Promise<string> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), prefix)));
  dirs.push(dir);
  return dir;
}

/** Writes `files` (relative path → text) under `dir`. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** A temp folder holding `files`. */
export async function repoDir(files: Record<string, string>): Promise<string> {
  const dir = await tempDir('ec-stats-repo-');
  await writeFiles(dir, files);
  return dir;
}

/** SQL (one statement or several) on a connection of its own; the rows of the last statement. */
export async function sql<R extends pg.QueryResultRow = Record<string, unknown>>(
  url: string,
  text: string,
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url, application_name: 'stats test (setup)' });
  client.on('error', () => {});
  await client.connect();
  try {
    const result = (await client.query<R>(text)) as unknown as pg.QueryResult<R> | pg.QueryResult<R>[];
    return Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Makes the database's write counters quiet: waits until the inserts of the sessions that loaded it reach
 * the statistics (`inserted` rows in all), then resets them. Write rates are then 0 on every read, so two
 * reads a few seconds apart (a live run and an exported file) give the same figures.
 */
export async function quietStatistics(url: string, inserted: number): Promise<void> {
  const counted = async (): Promise<number> =>
    Number(
      (
        await sql<{ n: string }>(
          url,
          'SELECT coalesce(sum(n_tup_ins), 0)::text AS n FROM pg_stat_user_tables',
        )
      )[0]?.n,
    );
  const deadline = Date.now() + 20_000;
  while ((await counted()) < inserted) {
    if (Date.now() > deadline) throw new Error(`the statistics never counted the ${inserted} inserts`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await sql(url, 'SELECT pg_stat_reset()');
  expect(await counted()).toBe(0);
}

/** reltuples of `table` (what the planner, and so the statistics, say its rows are). */
export async function reltuples(url: string, table: string): Promise<number> {
  const [row] = await sql<{ n: number }>(
    url,
    `SELECT reltuples::float8 AS n FROM pg_class WHERE oid = '${table}'::regclass`,
  );
  return Number(row?.n);
}

/** True when `table` exists in the database at `url`. */
export async function tableExists(url: string, table: string): Promise<boolean> {
  const [row] = await sql<{ t: string | null }>(url, `SELECT to_regclass('${table}')::text AS t`);
  return row?.t !== null && row?.t !== undefined;
}

/** The one calibration cached under `cacheDir` (the file the check wrote). */
export async function cachedCalibration(cacheDir: string): Promise<Calibration> {
  const folder = join(cacheDir, 'calibration');
  const [version] = await readdir(folder);
  const files = (await readdir(join(folder, version ?? ''))).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(1);
  const entry = JSON.parse(await readFile(join(folder, version ?? '', files[0] ?? ''), 'utf8')) as {
    calibration: Calibration;
  };
  return entry.calibration;
}

/** A TCP port on `host` that nobody listens on (it was free a moment ago). */
export function freePort(host: string): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, host, () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The one line of a refusal: exit 2, nothing on stdout, no stack trace, none of `secrets` anywhere. */
export function expectOneLine(out: Result, secrets: string[] = []): string {
  expect(out.code).toBe(2);
  expect(out.stdout).toBe('');
  const lines = out.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(out.stderr).not.toMatch(/\bat .*\.(ts|js):\d+|internal error/);
  for (const secret of secrets.filter((s) => s.length >= 3)) {
    expect(out.stderr).not.toContain(secret);
    expect(out.stderr).not.toContain(encodeURIComponent(secret));
  }
  return lines[0] ?? '';
}

/** A finding of the JSON report, with its exposure when the statistics knew its table. */
export interface JsonFinding {
  rule: string;
  severity: string;
  object: string | null;
  path: string;
  message: string;
  exposure?: {
    rows: number;
    bytes: number;
    writesPerSecond: number;
    estimatedLockSeconds: number | null;
    basis: string;
  };
}

/** The findings of `check --format json` output. */
export function findingsOf(stdout: string): JsonFinding[] {
  return (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
}
