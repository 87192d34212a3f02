// The backfill of the seed scenario (examples/split-name: fill first_name and last_name from full_name) on
// the real server, while concurrent writers update random rows of the same table: the migration's single
// UPDATE in one transaction beside the batched runner (runBackfill, with the step the planner writes for
// that UPDATE), each with its total time and the writers' statement latencies (p50, p99, max). Goals: the
// writers' p99 under 50 ms during the batched run, and the batched run within 2x the single UPDATE's time.
//
// Each writer is its own connection (in a worker thread, so the runner's JavaScript does not delay them)
// looping autocommit statements: UPDATE users SET updated_at = now() WHERE id = <random>, and a share of
// INSERTs that fill first_name and last_name themselves (as the deployed dual-write code would). Only the
// statements that start while a variant runs count. Before every variant the table is rebuilt the same way
// (TRUNCATE, the same rows, VACUUM ANALYZE, CHECKPOINT), so neither variant inherits the other's dead rows or
// free space; with --runs 2 or more the order alternates. Everything happens in a scratch database
// (expand_contract_bench_<random>) dropped at the end; no reachable server: a note and exit 0.
//
//   npx tsx bench/backfill.ts [--rows 1000000] [--writers 4] [--batch-size 1000] [--target-ms 100]
//                             [--runs 1] [--insert-share 0.1] [--baseline-seconds 3] [--database-url URL]
//   (also run by `npm run bench`, unless --no-backfill; server: --database-url, $TEST_DATABASE_URL,
//    $DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test)
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { runBackfill, type BackfillEvent } from '../src/backfill/runner.js';
import type { BackfillPlan } from '../src/backfill/script.js';
import { analyzeDetailed, DEFAULT_OPTIONS } from '../src/engine.js';
import type { BackfillStep } from '../src/plan/batch.js';
import { planMigration } from '../src/plan/planner.js';
import type { MigrationFile } from '../src/types.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    writers: { type: 'string', default: '4' },
    'batch-size': { type: 'string', default: '1000' },
    'target-ms': { type: 'string', default: '100' },
    runs: { type: 'string', default: '1' },
    'insert-share': { type: 'string', default: '0.1' },
    'baseline-seconds': { type: 'string', default: '3' },
    'database-url': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    'Usage: npx tsx bench/backfill.ts [--rows 1000000] [--writers 4] [--batch-size 1000] [--target-ms 100]\n' +
      '                                 [--runs 1] [--insert-share 0.1] [--baseline-seconds 3] [--database-url URL]',
  );
  process.exit(0);
}

const ROWS = whole('--rows', values.rows, 1);
const WRITERS = whole('--writers', values.writers, 0);
const BATCH_SIZE = whole('--batch-size', values['batch-size'], 1);
const TARGET_MS = whole('--target-ms', values['target-ms'], 1);
const RUNS = whole('--runs', values.runs, 1);
const BASELINE_S = whole('--baseline-seconds', values['baseline-seconds'], 0);
const INSERT_SHARE = Number(values['insert-share']);
if (!(INSERT_SHARE >= 0 && INSERT_SHARE <= 1)) fail(`--insert-share must be between 0 and 1`);
const SERVER =
  values['database-url'] ??
  process.env.TEST_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
/** The writers start this long before a variant and stop this long after it (only statements started during it count). */
const LEAD_MS = 500;

const REPO = resolve(import.meta.dirname, '..');
const MIGRATION = 'examples/split-name/migrations/002_split_full_name.sql';
/** The table before the migration: the seed scenario's users, with a column the writers touch. */
const HISTORY = `CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  full_name text NOT NULL,
  email text,
  updated_at timestamptz
);
`;
/** The expand phase of the migration (its ADD COLUMNs), as the plan runs it before the backfill. */
const EXPAND = 'ALTER TABLE users ADD COLUMN first_name text; ALTER TABLE users ADD COLUMN last_name text';
/** The same rows every time: two-word names, every seventh with a middle name. */
const FILL = `INSERT INTO users (full_name, email, updated_at)
SELECT (ARRAY['Ada','Grace','Alan','Edsger','Barbara','Donald','Frances','John'])[1 + i % 8]
       || CASE WHEN i % 7 = 0 THEN ' Maria' ELSE '' END || ' '
       || (ARRAY['Lovelace','Hopper','Turing','Dijkstra','Liskov','Knuth','Allen','Backus'])[1 + (i / 8) % 8]
       || ' ' || i,
       'user' || i || '@example.com', now() - make_interval(secs => i)
  FROM generate_series(1, $1::int) AS i`;

interface Latencies {
  /** When each statement started (ms since the epoch) and how long it took (ms). */
  starts: number[];
  ms: number[];
  errors: number;
}

interface Outcome {
  variant: Variant;
  run: number;
  seconds: number;
  rows: number;
  /** Rows whose first_name or last_name is not what the migration's UPDATE sets, after the variant. */
  wrong: number;
  writers: number[];
  writerErrors: number;
  windowMs: number;
  batches?: BatchFigures;
}

interface BatchFigures {
  batches: number;
  meanMs: number;
  maxMs: number;
  smallestSize: number;
  lastSize: number;
  withWaiters: number;
  retries: number;
  passes: number;
}

type Variant = 'single UPDATE' | 'batched runner';

const WRITER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const pg = require(workerData.pgPath);
const now = () => performance.timeOrigin + performance.now();
let stopping = false;
const starts = [];
const ms = [];
let errors = 0;
async function loop(client, w) {
  let k = 0;
  let failedInARow = 0;
  while (!stopping) {
    k += 1;
    const insert = Math.random() < workerData.insertShare;
    const t0 = now();
    try {
      if (insert)
        await client.query(
          "INSERT INTO users (full_name, email, first_name, last_name, updated_at) VALUES ($1, $2, 'New', $3, now())",
          ['New Writer ' + w + '-' + k, 'writer' + w + '-' + k + '@example.com', 'Writer ' + w + '-' + k],
        );
      else
        await client.query('UPDATE users SET updated_at = now() WHERE id = $1', [
          1 + Math.floor(Math.random() * workerData.maxId),
        ]);
    } catch {
      errors += 1;
      // A lost connection fails every statement at once: stop this writer rather than spin.
      if (++failedInARow >= 100) return;
      continue;
    }
    failedInARow = 0;
    starts.push(t0);
    ms.push(now() - t0);
  }
}
(async () => {
  const clients = [];
  for (let w = 0; w < workerData.writers; w++) {
    const c = new pg.Client({ connectionString: workerData.url, application_name: 'bench writer ' + w });
    c.on('error', () => undefined);
    await c.connect();
    clients.push(c);
  }
  parentPort.once('message', () => { stopping = true; });
  parentPort.postMessage({ kind: 'ready' });
  await Promise.all(clients.map((c, w) => loop(c, w)));
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  parentPort.postMessage({ kind: 'done', latencies: { starts, ms, errors } });
})();
`;

const admin = new pg.Client({ connectionString: SERVER, connectionTimeoutMillis: 5000 });
admin.on('error', () => undefined);
try {
  await admin.connect();
} catch (e: unknown) {
  console.log(
    `\nThe backfill on the real server: skipped, no PostgreSQL server reachable at ${display(SERVER)} (${message(e)}); set TEST_DATABASE_URL to run it.`,
  );
  process.exit(0);
}
const versionNum = Number(
  (await admin.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]?.v,
);
const versionText =
  (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '?';
const dbName = `expand_contract_bench_${randomBytes(6).toString('hex')}`;
try {
  await admin.query(`CREATE DATABASE ${dbName}`);
} catch (e: unknown) {
  console.log(
    `\nThe backfill on the real server: skipped, cannot create a scratch database on ${display(SERVER)} (${message(e)}).`,
  );
  await admin.end();
  process.exit(0);
}
const scratch = new URL(SERVER);
scratch.pathname = `/${dbName}`;
const URL_SCRATCH = scratch.toString();

let dropped = false;
async function dropScratch(): Promise<void> {
  if (dropped) return;
  dropped = true;
  const force = versionNum >= 130000 ? ' WITH (FORCE)' : '';
  if (!force)
    await admin
      .query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [dbName])
      .catch(() => undefined);
  await admin
    .query(`DROP DATABASE IF EXISTS ${dbName}${force}`)
    .catch((e: unknown) => console.log(`could not drop the scratch database ${dbName}: ${message(e)}`));
}
let live: Worker | undefined;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    interrupted = true;
    console.log(`\n${signal}: stopping; the scratch database ${dbName} is dropped`);
    void live?.terminate();
    void dropScratch().finally(() => process.exit(130));
  });

const db = new pg.Client({ connectionString: URL_SCRATCH, application_name: 'expand-contract bench' });
db.on('error', () => undefined);
const outcomes: Outcome[] = [];
let baseline: Latencies | undefined;
let baselineMs = 0;
let exitCode = 0;
try {
  await db.connect();
  console.log(
    `\nThe backfill on the real server (PostgreSQL ${versionText}, ${cpus().length} cores, load average ${load()}): ` +
      `${n(ROWS)} rows, ${WRITERS} concurrent writers (${Math.round(INSERT_SHARE * 100)}% inserts), batch size ${n(BATCH_SIZE)}, ` +
      `target ${TARGET_MS} ms, ${RUNS} run(s)`,
  );
  const step = await plannedStep(Math.floor(versionNum / 10000));
  const plan: BackfillPlan = { planId: 'ec-bench', source: MIGRATION, file: MIGRATION, steps: [step] };
  await db.query(HISTORY);
  await db.query(EXPAND);
  let t = performance.now();
  await rebuild();
  console.log(
    `  table built: ${n(ROWS)} rows, VACUUM ANALYZE, CHECKPOINT in ${secs(performance.now() - t)} s`,
  );

  if (BASELINE_S > 0 && WRITERS > 0) {
    const w = await startWriters();
    const from = now();
    await sleep(BASELINE_S * 1000);
    const to = now();
    baseline = window(await w.stop(), from, to);
    baselineMs = to - from;
  }

  for (let run = 1; run <= RUNS; run++) {
    const order: Variant[] =
      run % 2 === 1 ? ['single UPDATE', 'batched runner'] : ['batched runner', 'single UPDATE'];
    for (const variant of order) {
      if (outcomes.length > 0) {
        t = performance.now();
        await rebuild();
        console.log(`  table rebuilt in ${secs(performance.now() - t)} s`);
      }
      const o = await measure(variant, run, step, plan);
      outcomes.push(o);
      const s = stats(o.writers);
      console.log(
        `  run ${run}, ${variant}: ${o.seconds.toFixed(1)} s, writers p99 ${ms(s.p99)} ms, max ${ms(s.max)} ms` +
          (o.wrong ? `, ${n(o.wrong)} rows wrong afterwards` : ''),
      );
    }
  }
  report(step);
} catch (e: unknown) {
  if (interrupted) await new Promise(() => undefined); // the signal handler drops the database and exits
  console.log(`bench/backfill.ts failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  exitCode = 1;
} finally {
  await live?.terminate();
  await db.end().catch(() => undefined);
  await dropScratch();
  await admin.end().catch(() => undefined);
}
process.exit(exitCode);

/** The step `split` writes for the migration's UPDATE: the real planner on the seed history. */
async function plannedStep(postgresVersion: number): Promise<BackfillStep> {
  const file = (path: string, sql: string): MigrationFile => ({
    path,
    framework: 'sql',
    orderKey: path,
    transactional: true,
    sql,
    diagnostics: [],
  });
  const change = file(MIGRATION, readFileSync(resolve(REPO, MIGRATION), 'utf8'));
  const analysis = await analyzeDetailed(
    { history: [file('001_create_users.sql', HISTORY)], releases: [[change]] },
    { ...DEFAULT_OPTIONS, postgresVersion },
  );
  const planned = planMigration(analysis, change.path, {
    postgresVersion,
    contractAfterDays: 7,
    batchSize: BATCH_SIZE,
  });
  const step = planned.backfillSteps[0];
  if (!step || planned.backfillSteps.length !== 1)
    throw new Error(
      `the planner gave ${planned.backfillSteps.length} backfill steps for ${MIGRATION}, not 1`,
    );
  return step;
}

/** The same table every time: no dead rows, no free space, all visible, right after a checkpoint. */
async function rebuild(): Promise<void> {
  await db.query('TRUNCATE users RESTART IDENTITY');
  const progress = await db.query<{ e: boolean }>(
    "SELECT to_regclass('expand_contract.backfill_progress') IS NOT NULL AS e",
  );
  if (progress.rows[0]?.e) await db.query('DELETE FROM expand_contract.backfill_progress');
  await db.query(FILL, [ROWS]);
  await db.query('VACUUM ANALYZE users');
  await db.query('CHECKPOINT').catch(() => undefined);
}

/** One variant with the writers running around it. */
async function measure(
  variant: Variant,
  run: number,
  step: BackfillStep,
  plan: BackfillPlan,
): Promise<Outcome> {
  const writers = WRITERS > 0 ? await startWriters() : undefined;
  await sleep(LEAD_MS);
  let batches: BatchFigures | undefined;
  const from = now();
  const t0 = performance.now();
  if (variant === 'single UPDATE') {
    await db.query('BEGIN');
    await db.query(step.head);
    await db.query('COMMIT');
  } else {
    const events: BackfillEvent[] = [];
    await runBackfill({
      databaseUrl: URL_SCRATCH,
      plan,
      batchSize: BATCH_SIZE,
      targetBatchMs: TARGET_MS,
      onEvent: (e) => events.push(e),
    });
    batches = batchFigures(events);
  }
  const seconds = (performance.now() - t0) / 1000;
  const to = now();
  await sleep(100);
  const lat = writers ? window(await writers.stop(), from, to) : { starts: [], ms: [], errors: 0 };
  const { rows } = await db.query<{ wrong: string }>(
    `SELECT count(*) FILTER (WHERE first_name IS DISTINCT FROM split_part(full_name, ' ', 1)
                                OR last_name IS DISTINCT FROM substr(full_name, length(split_part(full_name, ' ', 1)) + 2)) AS wrong
       FROM users`,
  );
  return {
    variant,
    run,
    seconds,
    rows: ROWS,
    wrong: Number(rows[0]?.wrong ?? 0),
    writers: lat.ms,
    writerErrors: lat.errors,
    windowMs: to - from,
    ...(batches ? { batches } : {}),
  };
}

function batchFigures(events: BackfillEvent[]): BatchFigures {
  const b = events.filter((e): e is Extract<BackfillEvent, { kind: 'batch' }> => e.kind === 'batch');
  const ms = b.map((e) => e.elapsedMs);
  return {
    batches: b.length,
    meanMs: ms.reduce((a, x) => a + x, 0) / Math.max(1, ms.length),
    maxMs: Math.max(0, ...ms),
    smallestSize: Math.min(...b.map((e) => e.size)),
    lastSize: b.at(-1)?.size ?? 0,
    withWaiters: b.filter((e) => e.waiters > 0).length,
    retries: events.filter((e) => e.kind === 'retry').length,
    passes: 1 + events.filter((e) => e.kind === 'pass').length,
  };
}

/** The writers' statements that started in [from, to]. */
function window(all: Latencies, from: number, to: number): Latencies {
  const out: Latencies = { starts: [], ms: [], errors: all.errors };
  all.starts.forEach((s, i) => {
    if (s < from || s > to) return;
    out.starts.push(s);
    out.ms.push(all.ms[i] as number);
  });
  return out;
}

/**
 * WRITERS connections in a worker thread, each looping one autocommit statement after another until
 * stopped; resolves once all are connected.
 */
async function startWriters(): Promise<{ stop: () => Promise<Latencies> }> {
  const pgPath = createRequire(import.meta.url).resolve('pg');
  const worker = new Worker(WRITER_CODE, {
    eval: true,
    workerData: { pgPath, url: URL_SCRATCH, writers: WRITERS, maxId: ROWS, insertShare: INSERT_SHARE },
  });
  live = worker;
  const result = new Promise<Latencies>((done, failed) => {
    worker.on('message', (m: { kind: string; latencies?: Latencies }) => {
      if (m.kind === 'done' && m.latencies) done(m.latencies);
    });
    worker.once('error', failed);
  });
  result.catch(() => undefined); // reported by stop()
  await new Promise<void>((ready, failed) => {
    worker.on('message', (m: { kind: string }) => m.kind === 'ready' && ready());
    worker.once('error', failed);
  });
  return {
    stop: async () => {
      worker.postMessage('stop');
      const latencies = await result;
      await worker.terminate();
      live = undefined;
      return latencies;
    },
  };
}

function report(step: BackfillStep): void {
  console.log(
    `\nBackfill of ${n(ROWS)} rows with ${WRITERS} concurrent writers (writer latency: statements started during the variant)`,
  );
  console.log(
    '| run | variant | total s | rows/s | writer statements | writer statements/s | writer p50 ms | writer p99 ms | writer max ms | batches | mean batch ms | max batch ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  if (baseline) {
    const s = stats(baseline.ms);
    console.log(
      `| - | writers alone (${BASELINE_S} s) | - | - | ${n(s.count)} | ${n(Math.round(s.count / (baselineMs / 1000)))} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} | - | - | - |`,
    );
  }
  for (const o of outcomes) {
    const s = stats(o.writers);
    const b = o.batches;
    console.log(
      `| ${o.run} | ${o.variant} | ${o.seconds.toFixed(2)} | ${n(Math.round(o.rows / o.seconds))} | ${n(s.count)} | ` +
        `${n(Math.round(s.count / (o.windowMs / 1000)))} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} | ` +
        `${b ? n(b.batches) : '1'} | ${b ? b.meanMs.toFixed(1) : '-'} | ${b ? b.maxMs.toFixed(1) : '-'} |`,
    );
  }
  for (const o of outcomes) {
    if (o.batches)
      console.log(
        `  run ${o.run} batched: batch size ${o.batches.smallestSize}..${BATCH_SIZE} (last ${o.batches.lastSize}), ` +
          `${o.batches.withWaiters} batches with sessions waiting on their locks, ${o.batches.retries} retries, ${o.batches.passes} pass(es)`,
      );
    if (o.writerErrors)
      console.log(`  run ${o.run} ${o.variant}: ${o.writerErrors} writer statements failed`);
    if (o.wrong)
      console.log(`  run ${o.run} ${o.variant}: ${n(o.wrong)} rows not filled as the UPDATE fills them`);
  }
  console.log(`  step: ${step.head.replace(/\s+/g, ' ')} WHERE ${step.needs}`);

  const single = outcomes.filter((o) => o.variant === 'single UPDATE');
  const batched = outcomes.filter((o) => o.variant === 'batched runner');
  const singleS = median(single.map((o) => o.seconds));
  const batchedS = median(batched.map((o) => o.seconds));
  const p99 = stats(batched.flatMap((o) => o.writers)).p99;
  const ratio = batchedS / singleS;
  const over = RUNS > 1 ? ` (writers' statements of all ${RUNS} runs; median total times)` : '';
  console.log(`\nGoals${over}:`);
  console.log(
    WRITERS > 0
      ? `  ${p99 < 50 ? 'PASS' : 'FAIL'}: writers' p99 during the batched backfill ${ms(p99)} ms (goal < 50 ms; ` +
          `during the single UPDATE ${ms(stats(single.flatMap((o) => o.writers)).p99)} ms` +
          (baseline ? `, writers alone ${ms(stats(baseline.ms).p99)} ms)` : ')')
      : '  -   : writers p99: no writers (--writers 0)',
  );
  console.log(
    `  ${ratio <= 2 ? 'PASS' : 'FAIL'}: batched total ${batchedS.toFixed(2)} s = ${ratio.toFixed(2)}x the single UPDATE's ${singleS.toFixed(2)} s (goal <= 2x)`,
  );
  const wrong = outcomes.filter((o) => o.wrong > 0);
  if (wrong.length) console.log(`  FAIL: ${wrong.length} variant run(s) left rows unfilled or wrong (above)`);
  console.log(`  load average at the end: ${load()}`);
}

function stats(xs: number[]): { count: number; p50: number; p99: number; max: number } {
  const sorted = Float64Array.from(xs).sort();
  const at = (q: number): number =>
    sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number) : NaN;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.length ? at(1) : NaN };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length / 2;
  return s.length % 2 ? (s[Math.floor(mid)] as number) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

function whole(flag: string, value: string | undefined, min: number): number {
  const x = Number(value);
  if (!/^\d+$/.test(String(value).trim()) || x < min)
    fail(`${flag} must be a whole number of at least ${min}`);
  return x;
}

function fail(text: string): never {
  console.error(text);
  process.exit(2);
}

/** host:port/database of a URL, never its password. */
function display(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the given URL';
  }
}

function message(e: unknown): string {
  const text = e instanceof Error ? e.message || String((e as { code?: unknown }).code ?? e) : String(e);
  return text.split(SERVER).join('***');
}

function now(): number {
  return performance.timeOrigin + performance.now();
}

function sleep(t: number): Promise<void> {
  return new Promise((r) => setTimeout(r, t));
}

function n(x: number): string {
  return x.toLocaleString('en-US');
}

function ms(x: number): string {
  return Number.isFinite(x) ? x.toFixed(1) : '-';
}

function secs(x: number): string {
  return (x / 1000).toFixed(1);
}

function load(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}
