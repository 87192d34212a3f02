// Production-aware risk on the real server: `check` given the statistics of a database holding tables of
// 0, 10,000 and 1,000,000 rows gives the same CREATE INDEX three severities; a file exported by `stats`
// gives the same findings as the live connection; a stale file is said so and still used; without
// statistics (or on a table they do not know) nothing changes; `plan` estimates the backfill.
//
// One database and one calibration cache for the file: the calibration (about 8 s on a server) is measured
// once, in beforeAll, on the test server as the shadow server, and read from the cache afterwards.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Calibration } from '../../src/stats/estimate.js';
import { RUNNER_SLOWDOWN } from '../../src/stats/backfill-estimate.js';
import type { StatsSnapshot } from '../../src/stats/types.js';
import { testDatabase, type TestDatabase, type TestServer } from '../support/database.js';
import {
  cachedCalibration,
  cli,
  findingsOf,
  quietStatistics,
  reltuples,
  repoDir,
  sql,
  tempDir,
  type JsonFinding,
  type Result,
} from './helpers.js';

const SLOW = 120_000;
const RULE = 'require-concurrent-index-creation';
/** The tables and their rows; `t_unknown` is in the migrations only, never in the statistics database. */
const ROWS = { t_empty: 0, t_small: 10_000, t_big: 1_000_000 } as const;
type Table = keyof typeof ROWS;
const TABLES = Object.keys(ROWS) as Table[];

const HISTORY = [...TABLES, 't_unknown']
  .map((t) => `CREATE TABLE ${t} (id bigint PRIMARY KEY, email text NOT NULL);\n`)
  .join('');
const INDEXES = [...TABLES, 't_unknown'].map((t) => `CREATE INDEX ${t}_email ON ${t} (email);\n`).join('');
/** The rule's severity made a warning, so that a notice, the rule's own and an error are three. */
const RULES = `rules:\n  ${RULE}: warning\n`;

let server: TestServer;
let db: TestDatabase;
let cache: string;
let calibration: Calibration;
/** The first run, which measured the calibration. */
let warm: Result;
/** max-lock-seconds of the configuration the tests use: null for the default (2 s). */
let maxLock: number | null;

/** A repository with the history, the indexes migration and `config` as .github/expand-contract.yml. */
function repo(config: string = configText()): Promise<string> {
  return repoDir({
    '.github/expand-contract.yml': config,
    'db/001_tables.sql': HISTORY,
    'db/002_indexes.sql': INDEXES,
  });
}

function configText(limit: number | null = maxLock): string {
  return limit === null ? RULES : `${RULES}exposure:\n  max-lock-seconds: ${limit}\n`;
}

/** `check db/002_indexes.sql --format json` with statistics given by `stats` (options), calibrated on the server. */
function check(dir: string, stats: string[]): Promise<Result> {
  return cli(
    [
      'check',
      'db/002_indexes.sql',
      '--format',
      'json',
      ...stats,
      '--shadow-database-url',
      server.url,
      '--cache-dir',
      cache,
    ],
    dir,
  );
}

/** The rule's finding on each table, by table. */
function byTable(findings: JsonFinding[]): Record<string, JsonFinding> {
  const out: Record<string, JsonFinding> = {};
  for (const f of findings.filter((x) => x.rule === RULE)) out[(f.object ?? '').replace(/^public\./, '')] = f;
  return out;
}

/** heap + TOAST + indexes of `table`, as the statistics count them. */
async function bytesOf(table: string): Promise<number> {
  const [row] = await sql<{ n: string }>(
    db.url,
    `SELECT (pg_relation_size(c.oid) + pg_indexes_size(c.oid) +
             CASE WHEN c.reltoastrelid <> 0 THEN pg_total_relation_size(c.reltoastrelid) ELSE 0 END)::text AS n
       FROM pg_class c WHERE c.oid = '${table}'::regclass`,
  );
  return Number(row?.n);
}

beforeAll(async () => {
  server = await testDatabase();
  db = await server.createDatabase();
  for (const [table, rows] of Object.entries(ROWS)) {
    await sql(
      db.url,
      `CREATE TABLE ${table} (id bigint PRIMARY KEY, email text NOT NULL);
       INSERT INTO ${table} SELECT g, 'user' || g || '@example.org' FROM generate_series(1, ${rows}) AS g;`,
    );
    await sql(db.url, `VACUUM ANALYZE ${table}`);
  }
  await quietStatistics(db.url, ROWS.t_big + ROWS.t_small);
  cache = await tempDir('ec-stats-cache-');

  // The first run measures the calibration; the estimate for the big table decides the threshold the tests
  // use: the default 2 s when the big table's build is estimated longer, else 0.2 s (a fast machine), so the
  // tests are about the thresholds, not about this machine's speed.
  warm = await check(await repo(configText(null)), ['--stats-database-url', db.url]);
  calibration = await cachedCalibration(cache);
  const big = byTable(findingsOf(warm.stdout)).t_big?.exposure?.estimatedLockSeconds ?? 0;
  maxLock = big > 2 ? null : Math.min(0.2, big / 10);
}, 240_000);

afterAll(async () => {
  await db?.drop();
});

describe('check with production statistics', () => {
  it(
    'measures the calibration once, on the shadow server, and says so; later runs read the cache',
    async () => {
      expect(warm.stderr).toMatch(
        /^expand-contract: note: calibrating lock-time estimates on a scratch database of the shadow server \(once per machine and server version; then cached\)\n$/,
      );
      expect(calibration.engine).toMatch(/^PostgreSQL \d+.* \(shadow server [^ ]+:\d+\)$/);
      expect(calibration.rows).toBe(200_000);
      const again = await check(await repo(), ['--stats-database-url', db.url]);
      expect(again.stderr).toBe('');
      expect(await cachedCalibration(cache)).toEqual(calibration);
    },
    SLOW,
  );

  it(
    'gives the same CREATE INDEX a notice on 0 rows, the rule’s severity on 10,000 and an error on 1,000,000',
    async () => {
      const r = await check(await repo(), ['--stats-database-url', db.url]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1); // an error finding
      const found = byTable(findingsOf(r.stdout));
      expect([found.t_empty?.severity, found.t_small?.severity, found.t_big?.severity]).toEqual([
        'notice',
        'warning',
        'error',
      ]);

      for (const table of TABLES) {
        const exposure = found[table]?.exposure;
        expect(exposure, table).toBeDefined();
        const rows = await reltuples(db.url, table);
        expect(rows).toBe(ROWS[table]);
        expect(exposure?.rows).toBe(rows);
        expect(exposure?.bytes).toBe(await bytesOf(table));
        expect(exposure?.bytes).toBeGreaterThan(0);
        expect(exposure?.writesPerSecond).toBe(0);
        // rows at the calibrated index rate, with the sort's n log n growth past the calibration's rows
        const growth = rows > calibration.rows ? Math.log2(rows) / Math.log2(calibration.rows) : 1;
        expect(exposure?.estimatedLockSeconds).toBe(
          Math.round((rows / calibration.indexRowsPerSecond) * growth * 1000) / 1000,
        );
        expect(exposure?.basis).toContain(
          `index build over ${rows.toLocaleString('en-US')} rows at ${Math.round(calibration.indexRowsPerSecond).toLocaleString('en-US')} rows/s${growth > 1.005 ? ` (x${growth.toFixed(2)} for the sort's n log n growth)` : ''}, measured on ${calibration.engine} over 200,000 generated rows; the table has ${rows.toLocaleString('en-US')} rows`,
        );
        expect(found[table]?.message).toContain('In production: ');
      }
      const seconds = (t: Table): number => found[t]?.exposure?.estimatedLockSeconds ?? Number.NaN;
      expect(seconds('t_empty')).toBe(0);
      expect(seconds('t_small')).toBeGreaterThan(0);
      expect(seconds('t_big')).toBeGreaterThan(seconds('t_small'));

      expect(found.t_empty?.message).toContain('In production: 0 rows, ');
      expect(found.t_empty?.message).toContain('; under 1 ms under the lock.');
      expect(found.t_empty?.message).toContain(
        'A notice, not a warning: the table is tiny (under exposure.tiny-rows 1,000 rows and exposure.tiny-size 8.0 MB).',
      );
      expect(found.t_small?.message).toContain('In production: 10,000 rows, ');
      expect(found.t_small?.message).not.toMatch(/A notice, not|An error, not/);
      expect(found.t_big?.message).toContain('In production: 1,000,000 rows, ');
      const limit =
        maxLock === null ? '2.0 s' : maxLock < 1 ? `${Math.round(maxLock * 1000)} ms` : `${maxLock} s`;
      expect(found.t_big?.message).toContain(
        `An error, not a warning: the estimated lock is over exposure.max-lock-seconds (${limit}).`,
      );
    },
    SLOW,
  );

  it(
    'a file exported by `stats` gives the same findings as the live connection',
    async () => {
      const dir = await repo();
      const exported = await cli(['stats', '--database-url', db.url], dir);
      expect(exported.code).toBe(0);
      expect(exported.stderr).toMatch(/^expand-contract: 3 tables, rates since \S+\n$/);
      const snapshot = JSON.parse(exported.stdout) as StatsSnapshot;
      expect(snapshot.tables.map((t) => t.name)).toEqual(['t_big', 't_empty', 't_small']);
      await writeFile(join(dir, 'stats.json'), exported.stdout);

      const live = await check(dir, ['--stats-database-url', db.url]);
      const file = await check(dir, ['--stats-file', 'stats.json']);
      expect(file.stderr).toBe('');
      expect(live.stderr).toBe('');
      expect(file.code).toBe(live.code);
      const liveFindings = findingsOf(live.stdout);
      expect(liveFindings.filter((f) => f.exposure !== undefined).length).toBeGreaterThanOrEqual(3);
      expect(findingsOf(file.stdout)).toEqual(liveFindings);
      // and the environment variable stands in for --stats-database-url
      const fromEnv = await cli(
        [
          'check',
          'db/002_indexes.sql',
          '--format',
          'json',
          '--shadow-database-url',
          server.url,
          '--cache-dir',
          cache,
        ],
        dir,
        { EXPAND_CONTRACT_STATS_DATABASE_URL: db.url },
      );
      expect(findingsOf(fromEnv.stdout)).toEqual(liveFindings);
    },
    SLOW,
  );

  it(
    'a stale file gets one note naming it, its age and exposure.stats-max-age; its figures still count',
    async () => {
      const dir = await repo();
      const exported = await cli(['stats', '--database-url', db.url], dir);
      const snapshot = JSON.parse(exported.stdout) as StatsSnapshot;
      const taken = new Date(Date.now() - 30 * 86_400_000 - 3_600_000);
      await writeFile(
        join(dir, 'old-stats.json'),
        `${JSON.stringify({ ...snapshot, generatedAt: taken.toISOString() }, null, 2)}\n`,
      );
      await writeFile(join(dir, 'stats.json'), exported.stdout);

      const stale = await check(dir, ['--stats-file', 'old-stats.json']);
      const fresh = await check(dir, ['--stats-file', 'stats.json']);

      const lines = stale.stderr.trimEnd().split('\n');
      expect(lines).toEqual([
        `expand-contract: note: old-stats.json is 30 days old (taken ${taken.toISOString().slice(0, 10)}; exposure.stats-max-age is 7): sizes and write rates may have moved; export it again with expand-contract stats`,
      ]);
      expect(fresh.stderr).toBe('');
      expect(stale.code).toBe(fresh.code);
      expect(findingsOf(stale.stdout)).toEqual(findingsOf(fresh.stdout));
      expect(byTable(findingsOf(stale.stdout)).t_big?.exposure?.rows).toBe(1_000_000);

      // exposure.stats-max-age moves the limit: 31 days is not stale
      const lenient = await repoDir({
        '.github/expand-contract.yml': `${configText()}${maxLock === null ? 'exposure:\n' : ''}  stats-max-age: 31\n`,
        'db/001_tables.sql': HISTORY,
        'db/002_indexes.sql': INDEXES,
        'old-stats.json': `${JSON.stringify({ ...snapshot, generatedAt: taken.toISOString() }, null, 2)}\n`,
      });
      expect((await check(lenient, ['--stats-file', 'old-stats.json'])).stderr).toBe('');
    },
    SLOW,
  );

  it(
    'without statistics nothing changes, and a table the statistics do not know keeps its finding',
    async () => {
      const dir = await repo();
      const without = await cli(['check', 'db/002_indexes.sql', '--format', 'json'], dir);
      const withStats = await check(dir, ['--stats-database-url', db.url]);
      expect(without.stderr).toBe('');
      expect(without.stdout).not.toContain('"exposure"');
      expect(without.stdout).not.toContain('In production');
      const plain = byTable(findingsOf(without.stdout));
      const weighed = byTable(findingsOf(withStats.stdout));
      for (const table of [...TABLES, 't_unknown']) {
        expect(plain[table]?.severity, table).toBe('warning');
        expect(plain[table]).not.toHaveProperty('exposure');
      }
      // t_unknown is not in the statistics database: the same finding, with or without statistics
      expect(weighed.t_unknown).toEqual(plain.t_unknown);
      expect(weighed.t_unknown).not.toHaveProperty('exposure');
      // every finding on t_unknown (of any rule) is the same
      const on = (stdout: string): JsonFinding[] =>
        findingsOf(stdout).filter((f) => f.object === 'public.t_unknown');
      expect(on(withStats.stdout)).toEqual(on(without.stdout));
      // the others gained only the exposure and the sentence
      for (const table of TABLES) {
        const before = plain[table] as JsonFinding;
        const after = weighed[table] as JsonFinding;
        expect(after.message.startsWith(`${before.message} In production: `)).toBe(true);
        const { exposure, message: _after, severity: _weighed, ...rest } = after;
        const { message: _before, severity: _plain, ...restBefore } = before;
        expect(exposure).toBeDefined();
        expect(rest).toEqual(restBefore);
      }
    },
    SLOW,
  );
});

describe('plan with production statistics', () => {
  it(
    'puts the backfill estimate under phase 3 (text) and in backfillEstimates (JSON)',
    async () => {
      const users = await server.createDatabase();
      try {
        const ROWS_USERS = 100_000;
        await sql(
          users.url,
          `CREATE TABLE users (
           id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
           full_name text NOT NULL,
           user_name text NOT NULL,
           email text NOT NULL,
           created_at timestamptz NOT NULL DEFAULT now()
         );
         CREATE UNIQUE INDEX users_email_key ON users (email);
         INSERT INTO users (full_name, user_name, email)
         SELECT 'Ada' || g || ' Lovelace', 'ada' || g, 'ada' || g || '@example.org' FROM generate_series(1, ${ROWS_USERS}) g;`,
        );
        await sql(users.url, 'VACUUM ANALYZE users');
        await quietStatistics(users.url, ROWS_USERS);
        const example = (name: string): Promise<string> =>
          readFile(
            join(import.meta.dirname, '..', '..', 'examples', 'split-name', 'migrations', name),
            'utf8',
          );
        const dir = await repoDir({
          'db/001_create_users.sql': await example('001_create_users.sql'),
          'db/002_split_full_name.sql': await example('002_split_full_name.sql'),
        });
        const args = [
          'plan',
          'db/002_split_full_name.sql',
          '--no-prove',
          '--stats-database-url',
          users.url,
          '--shadow-database-url',
          server.url,
          '--cache-dir',
          cache,
        ];

        const rate = calibration.updateRowsPerSecond / RUNNER_SLOWDOWN;
        const seconds = Math.round((ROWS_USERS / rate) * 10) / 10;
        // no writes: batches of about 100 ms
        const batch = Math.max(100, Math.floor(Math.min(10_000, Math.max(100, rate * 0.1)) / 500) * 500);

        const text = await cli(args, dir);
        expect(text.stderr).toBe('');
        const phase3 = text.stdout.slice(
          text.stdout.indexOf('3. Backfill'),
          text.stdout.indexOf('4. Switch reads'),
        );
        expect(phase3).toContain(
          `In production: public.users, 100,000 rows: about ${seconds.toFixed(1)} s with expand-contract backfill --batch-size ${batch} (100,000 rows at ${Math.round(rate).toLocaleString('en-US')} rows/s`,
        );

        const json = await cli([...args, '--format', 'json'], dir);
        expect(json.stderr).toBe('');
        const out = JSON.parse(json.stdout) as {
          plans: Array<{ plan: { backfillEstimates?: unknown[] } }>;
          findings: JsonFinding[];
        };
        expect(out.plans).toHaveLength(1);
        expect(out.plans[0]?.plan.backfillEstimates).toEqual([
          {
            table: 'public.users',
            rows: ROWS_USERS,
            writesPerSecond: 0,
            seconds,
            batchSize: batch,
            basis: expect.stringContaining(
              `measured on ${calibration.engine}, 1.5x slower in batches`,
            ) as unknown,
          },
        ]);
        // the findings of the plan are weighed too: the UPDATE of every row in the migration
        const backfill = out.findings.find((f) => f.rule === 'backfill-in-migration');
        expect(backfill?.exposure?.rows).toBe(ROWS_USERS);
        expect(backfill?.exposure?.estimatedLockSeconds).toBe(
          Math.round((ROWS_USERS / calibration.updateRowsPerSecond) * 1000) / 1000,
        );

        // without statistics: no estimate
        const plain = await cli(
          ['plan', 'db/002_split_full_name.sql', '--no-prove', '--format', 'json', '--no-cache'],
          dir,
        );
        expect(plain.stdout).not.toContain('backfillEstimates');
        expect(plain.stdout).not.toContain('"exposure"');
      } finally {
        await users.drop();
      }
    },
    SLOW,
  );
});
