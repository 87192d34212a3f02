// The lock-duration estimate beside the real thing: on the real server, a 1,000,000-row table shaped like the
// seed scenario's users (id bigint identity key, full_name, email, age, created_at), its statistics read as
// `--stats-database-url` reads them (collectStats), a calibration on a shadow database of the same server, then
// three statements that hold their lock for the whole of their work, each timed: SET NOT NULL (a full scan), a
// non-concurrent CREATE INDEX on email (an index build) and ALTER COLUMN age TYPE bigint (a table rewrite, the
// key rebuilt), each the median of --repeat runs with the table put back between them (a rewrite is undone,
// then VACUUM and CHECKPOINT). Goal: every estimate within 2x of the measured time, either way. A calibration
// on PGlite (its start included in the time shown) is printed beside it for information: what `check` would
// say without a shadow server. Everything happens in scratch databases (expand_contract_<random>) dropped at
// the end; no reachable server: a note and exit 0.
//
//   npx tsx bench/estimate.ts [--rows 1000000] [--repeat 3] [--calibration-rows N] [--no-pglite] [--database-url URL]
//   (also run by `npm run bench`, unless --no-estimate; server: --database-url, $TEST_DATABASE_URL,
//    $DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test)
import { cpus, loadavg } from 'node:os';
import process from 'node:process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPglite } from '../src/db/pglite.js';
import { openShadow, type ShadowDatabase } from '../src/db/shadow.js';
import { calibrate } from '../src/stats/calibrate.js';
import { collectStats } from '../src/stats/collect.js';
import { estimateLock, type Calibration, type LockWork } from '../src/stats/estimate.js';
import type { TableStats } from '../src/stats/types.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    repeat: { type: 'string', default: '3' },
    'calibration-rows': { type: 'string' },
    'no-pglite': { type: 'boolean', default: false },
    'database-url': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    'Usage: npx tsx bench/estimate.ts [--rows 1000000] [--repeat 3] [--calibration-rows N] [--no-pglite] [--database-url URL]',
  );
  process.exit(0);
}
const ROWS = Number(values.rows);
if (!Number.isInteger(ROWS) || ROWS < 1000) fail('--rows must be a whole number of at least 1000');
const REPEAT = Number(values.repeat);
if (!Number.isInteger(REPEAT) || REPEAT < 1) fail('--repeat must be a whole number of at least 1');
const CALIBRATION_ROWS = values['calibration-rows'] ? Number(values['calibration-rows']) : undefined;
const SERVER =
  values['database-url'] ??
  process.env.TEST_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

const TABLE = `CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  full_name text NOT NULL,
  email text NOT NULL,
  age int,
  created_at timestamptz
)`;
/** Two-word names, every seventh with a middle name, and addresses made of them. */
const FILL = `INSERT INTO users (full_name, email, age, created_at)
SELECT f || CASE WHEN i % 7 = 0 THEN ' Maria' ELSE '' END || ' ' || l,
       lower(f) || '.' || lower(l) || i || '@example.com', 18 + i % 70,
       timestamptz '2020-01-01' + make_interval(secs => (i::bigint * 7919) % 157680000)
  FROM generate_series(1, ${ROWS}) AS i,
       LATERAL (SELECT (ARRAY['Ada','Grace','Alan','Edsger','Barbara','Donald','Frances','John'])[1 + i % 8] AS f,
                       (ARRAY['Lovelace','Hopper','Turing','Dijkstra','Liskov','Knuth','Allen','Backus'])[1 + (i / 8) % 8] AS l) AS n`;

interface Case {
  name: string;
  sql: string;
  work: LockWork;
}
const CASES: Case[] = [
  {
    name: 'SET NOT NULL (full scan)',
    sql: 'ALTER TABLE users ALTER COLUMN created_at SET NOT NULL',
    work: 'scan',
  },
  { name: 'CREATE INDEX on email', sql: 'CREATE INDEX users_email ON users (email)', work: 'index-build' },
  {
    name: 'ALTER COLUMN age TYPE bigint',
    sql: 'ALTER TABLE users ALTER COLUMN age TYPE bigint',
    work: 'rewrite',
  },
];
/** Run after each timing, so the next one (and the next case) sees the seed's shape again. */
const UNDO: Record<string, string[]> = {
  scan: ['ALTER TABLE users ALTER COLUMN created_at DROP NOT NULL'],
  'index-build': ['DROP INDEX users_email'],
  rewrite: ['ALTER TABLE users ALTER COLUMN age TYPE int', 'VACUUM ANALYZE users', 'CHECKPOINT'],
};

const probe = new pg.Client({ connectionString: SERVER, connectionTimeoutMillis: 5000 });
probe.on('error', () => undefined);
try {
  await probe.connect();
} catch (e: unknown) {
  console.log(
    `\nThe lock-duration estimate: skipped, no PostgreSQL server reachable at ${display(SERVER)} (${message(e)}); set TEST_DATABASE_URL to run it.`,
  );
  process.exit(0);
} finally {
  await probe.end().catch(() => undefined);
}

const open: ShadowDatabase[] = [];
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void Promise.all(open.map((db) => db.close().catch(() => undefined))).finally(() => process.exit(130));
  });

let exitCode = 0;
try {
  console.log(
    `\nThe lock-duration estimate beside the measured time on the real server (${cpus().length} cores, ` +
      `load average ${load()}): ${ROWS.toLocaleString('en-US')} rows`,
  );
  const shadow = await openShadow(SERVER);
  open.push(shadow);
  let t = performance.now();
  let timings: string[] = [];
  const onMeasure = (what: string, seconds: number): number =>
    timings.push(`${what} ${seconds.toFixed(3)} s`);
  const server = await calibrate(shadow, { rows: CALIBRATION_ROWS, onMeasure });
  console.log(`  calibration on ${server.engine}: ${secs(performance.now() - t)} s; ${rates(server)}`);
  console.log(`    (${timings.join(', ')})`);
  await shadow.close();

  let pglite: Calibration | undefined;
  if (!values['no-pglite']) {
    t = performance.now();
    const lite = await openPglite();
    try {
      timings = [];
      pglite = await calibrate(lite, { rows: CALIBRATION_ROWS, onMeasure });
    } finally {
      await lite.close();
    }
    console.log(`  calibration on ${pglite.engine}: ${secs(performance.now() - t)} s; ${rates(pglite)}`);
    console.log(`    (${timings.join(', ')})`);
  }

  const db = await openShadow(SERVER);
  open.push(db);
  t = performance.now();
  await db.exec(TABLE);
  await db.exec(FILL);
  await db.exec('VACUUM ANALYZE users');
  await db.exec('CHECKPOINT').catch(() => undefined);
  const url = new URL(SERVER);
  url.pathname = `/${db.name}`;
  const stats = (await collectStats(url.href)).tables.find((x) => x.name === 'users') as TableStats;
  console.log(
    `  table built in ${secs(performance.now() - t)} s: ${stats.estimatedRows.toLocaleString('en-US')} rows, ` +
      `${mb(stats.heapBytes + stats.toastBytes)} heap and TOAST, ${stats.indexes.length} index`,
  );

  const rows: string[][] = [];
  let failed = 0;
  for (const c of CASES) {
    const times: number[] = [];
    for (let r = 0; r < REPEAT; r++) {
      const start = performance.now();
      await db.exec(c.sql);
      times.push((performance.now() - start) / 1000);
      for (const sql of UNDO[c.work] ?? []) await db.exec(sql).catch(() => undefined);
    }
    const measured = median(times);
    const estimate = estimateLock(c.work, stats, server);
    const ratio = estimate.seconds / measured;
    const pass = ratio >= 0.5 && ratio <= 2;
    if (!pass) failed++;
    const lite = pglite ? estimateLock(c.work, stats, pglite) : undefined;
    rows.push([
      c.name,
      `${measured.toFixed(2)} s` + (REPEAT > 1 ? ` (${times.map((x) => x.toFixed(2)).join(', ')})` : ''),
      `${estimate.seconds.toFixed(2)} s`,
      `${ratio.toFixed(2)}x`,
      pass ? 'PASS' : 'FAIL',
      lite ? `${lite.seconds.toFixed(2)} s (${(lite.seconds / measured).toFixed(2)}x)` : '-',
    ]);
    console.log(`  ${c.name}: ${estimate.basis}`);
  }
  console.log(
    '| statement | measured (median of runs) | estimate (shadow calibration) | estimate / measured | within 2x | estimate (PGlite calibration) |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(
    `  ${failed === 0 ? 'PASS' : 'FAIL'}: ${CASES.length - failed} of ${CASES.length} estimates within 2x of the measured time either way (goal: all); load average ${load()}`,
  );
} catch (e: unknown) {
  console.log(`bench/estimate.ts failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  exitCode = 1;
} finally {
  for (const db of open) await db.close().catch((e: unknown) => console.log(message(e)));
}
process.exit(exitCode);

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
function rates(c: Calibration): string {
  return (
    `rewrite ${mb(c.rewriteBytesPerSecond)}/s, index ${n(c.indexRowsPerSecond)} rows/s, key rebuild ${n(c.keyRebuildRowsPerSecond)} rows/s, scan ${mb(c.scanBytesPerSecond)}/s, ` +
    `foreign key ${n(c.foreignKeyRowsPerSecond)} rows/s, update ${n(c.updateRowsPerSecond)} rows/s over ${n(c.rows)} rows`
  );
}
function n(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}
function mb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}
function secs(ms: number): string {
  return (ms / 1000).toFixed(1);
}
function load(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}
function display(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a URL)';
  }
}
function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
function fail(text: string): never {
  console.error(text);
  process.exit(2);
}
