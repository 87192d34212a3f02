// `expand-contract plan`: the check report plus each migration's phases, proof and traced locks.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, filesUnder, repo, SPLIT_NAME, USERS } from './helpers.js';

interface PlanJson {
  findings: Array<{ rule: string }>;
  schema: { kind: string; backend: string | null; migrations: number };
  notices: string[];
  plans: Array<{
    planId: string;
    source: string;
    proof: { status: string; reason?: string; differences: string[]; trace: Array<{ phase: string }> };
    plan: { expand: string; backfill: string | null; contract: string | null };
  }>;
}

const cacheDir = (): string => mkdtempSync(join(tmpdir(), 'ec-cache-'));

describe('expand-contract plan', () => {
  it('plans, proves and traces the split-name migration; a second run loads the replay from the cache', async () => {
    const dir = repo({ 'db/001_users.sql': USERS, 'db/002_split.sql': SPLIT_NAME }, { git: true });
    const cache = cacheDir();
    const r = await cli(['plan', 'db/002_split.sql', '--format', 'json', '--cache-dir', cache], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1); // ban-drop-column is an error
    const json = JSON.parse(r.stdout) as PlanJson;
    expect(json.findings.map((f) => f.rule)).toContain('ban-drop-column');
    expect(json.schema).toEqual({ kind: 'replay', backend: 'PGlite', migrations: 1 });
    const [entry] = json.plans;
    expect(entry?.source).toBe('db/002_split.sql');
    expect(entry?.proof.status).toBe('proven');
    expect(entry?.plan.expand).toContain('ADD COLUMN first_name text');
    expect(entry?.plan.expand).not.toContain('DROP COLUMN');
    expect(entry?.plan.backfill).toContain("split_part(full_name, ' ', 1)");
    expect(entry?.plan.contract).toContain('ALTER TABLE users DROP COLUMN full_name');
    expect(entry?.proof.trace.map((p) => p.phase)).toEqual(['original', 'expand', 'backfill', 'contract']);
    expect(filesUnder(dir)).toEqual(['db/001_users.sql', 'db/002_split.sql']);
    expect(readdirSync(cache).length).toBeGreaterThan(0);

    const again = JSON.parse(
      (await cli(['plan', 'db/002_split.sql', '--format', 'json', '--cache-dir', cache, '--no-prove'], dir))
        .stdout,
    ) as PlanJson;
    expect(again.schema.kind).toBe('cache');
    expect(again.plans[0]?.planId).toBe(entry?.planId);
    expect(again.plans[0]?.proof).toMatchObject({ status: 'not-run', reason: 'the proof was turned off' });
  }, 120_000);

  it('text: phases in order with their SQL, the proof, the contract date and the next step', async () => {
    const dir = repo({ 'db/001_users.sql': USERS, 'db/002_split.sql': SPLIT_NAME });
    const r = await cli(
      ['plan', 'db/002_split.sql', '--no-cache', '--no-prove', '--contract-after', '3'],
      dir,
    );
    const out = r.stdout;
    const order = ['1. Expand', '2. Dual write', '3. Backfill', '4. Switch reads', '5. Contract'].map((t) =>
      out.indexOf(t),
    );
    expect(order.every((i, k) => i > 0 && (k === 0 || i > (order[k - 1] as number)))).toBe(true);
    expect(out).toMatch(
      /5\. Contract: 3 days after the expand phase reached production \(\d{4}-\d\d-\d\d at the earliest/,
    );
    expect(out).toContain('proof: not proven: the proof was turned off');
    expect(out).toContain('line 9: drop-column (ban-drop-column)');
    expect(out).toContain('next: expand-contract split db/002_split.sql --write');
    expect(out).toContain('Schema before the change: 1 earlier migration replayed on PGlite.');
  }, 60_000);

  it('markdown: a section per plan with the SQL fenced (longer than any backticks inside) and nothing unescaped', async () => {
    const sql = SPLIT_NAME.replace('-- Split', '-- ```sql`` <b>@team</b> Split');
    const dir = repo({ 'db/001_users.sql': USERS, 'db/002_split.sql': sql });
    const r = await cli(
      ['plan', 'db/002_split.sql', '--format', 'markdown', '--no-cache', '--no-prove'],
      dir,
    );
    const out = r.stdout;
    expect(out).toMatch(/^#### Plan `ec-[0-9a-f]{16}` for db\/002\\_split\.sql$/m);
    expect(out).toContain('**1. Expand**: ships now, in this migration');
    // the expand SQL holds three backticks in a row: its fence has four, and the text stays as written
    expect(out).toContain("````sql\nSET lock_timeout = '5s';\n-- ```sql`` <b>@team</b> Split");
    expect(out).toContain("```sql\nSET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN full_name;\n```");
    expect(out).toContain('⚠️ not proven\\: the proof was turned off');
    expect(out.replace(/(`{3,})sql[\s\S]*?\1/g, '')).not.toMatch(/<b>|@team/);
  }, 60_000);

  it('falls back to the static model with a notice naming the file and statement that failed to replay', async () => {
    const dir = repo({
      'db/001_users.sql': USERS,
      'db/002_geo.sql': 'CREATE EXTENSION postgis;\nALTER TABLE users ADD COLUMN place geometry;\n',
      'db/003_drop.sql': 'ALTER TABLE users DROP COLUMN email;\n',
    });
    const r = await cli(['plan', 'db/003_drop.sql', '--format', 'json', '--no-cache'], dir);
    const json = JSON.parse(r.stdout) as PlanJson;
    expect(json.schema.kind).toBe('static');
    expect(json.notices.join('\n')).toMatch(
      /db\/002_geo\.sql:1 \(CREATE EXTENSION postgis\) failed: extension "postgis" is not available.*static schema model/,
    );
    expect(json.plans[0]?.proof.status).toBe('not-run');
    expect(json.plans[0]?.proof.reason).toMatch(/history does not replay/);
    expect(json.plans[0]?.plan.contract).toContain('DROP COLUMN email');
  }, 60_000);

  it('loads the contrib extensions the history creates (citext) into the embedded database', async () => {
    const dir = repo({
      'db/001_users.sql':
        'CREATE EXTENSION citext;\nCREATE TABLE users (id bigint PRIMARY KEY, email citext, name text);\n',
      'db/002_drop.sql': 'ALTER TABLE users DROP COLUMN name;\n',
    });
    const r = await cli(['plan', 'db/002_drop.sql', '--format', 'json', '--no-cache', '--no-prove'], dir);
    const json = JSON.parse(r.stdout) as PlanJson;
    expect(json.notices).toEqual([]);
    expect(json.schema).toEqual({ kind: 'replay', backend: 'PGlite', migrations: 1 });
  }, 60_000);

  it('a change that creates an extension the history lacks is still proven (on a database that has it)', async () => {
    const dir = repo({
      'db/001_users.sql': USERS,
      'db/002_trgm.sql':
        'CREATE EXTENSION pg_trgm;\nCREATE INDEX users_email_trgm ON users USING gin (email gin_trgm_ops);\n',
    });
    const r = await cli(['plan', 'db/002_trgm.sql', '--format', 'json', '--no-cache'], dir);
    const json = JSON.parse(r.stdout) as PlanJson;
    expect(json.plans[0]?.proof).toMatchObject({ status: 'proven', differences: [] });
  }, 120_000);

  it('never caches inside the repository', async () => {
    const dir = repo({ 'db/001_users.sql': USERS, 'db/002_split.sql': SPLIT_NAME }, { git: true });
    const r = await cli(
      ['plan', 'db/002_split.sql', '--format', 'json', '--cache-dir', 'cache', '--no-prove'],
      dir,
    );
    const json = JSON.parse(r.stdout) as PlanJson;
    expect(json.notices.join('\n')).toContain('is inside the repository; not caching');
    expect(existsSync(join(dir, 'cache'))).toBe(false);
    expect(filesUnder(dir)).toEqual(['db/001_users.sql', 'db/002_split.sql']);
  }, 60_000);

  it('reads the cache folder from the environment when no option names one', async () => {
    const dir = repo({ 'db/001_users.sql': USERS, 'db/002_split.sql': SPLIT_NAME });
    const cache = cacheDir();
    await cli(['plan', 'db/002_split.sql', '--no-prove'], dir, { EXPAND_CONTRACT_CACHE_DIR: cache });
    expect(readdirSync(cache).length).toBeGreaterThan(0);
  }, 60_000);

  it('a folder: every migration with findings is planned; none gives a plain line', async () => {
    const clean = repo({ 'db/001_users.sql': USERS });
    const r = await cli(['plan', 'db', '--no-cache'], clean);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nothing to plan: no migration has a warning or an error.');
  });

  it('bad options: one line naming the option and what to do, exit 2', async () => {
    const dir = repo({ 'db/001_users.sql': USERS });
    const cases: Array<[string[], string]> = [
      [
        ['plan', 'db', '--contract-after', 'soon'],
        '--contract-after soon is not a number of days; use a whole number from 0 to 365.',
      ],
      [['plan', 'db', '--format', 'sarif'], '--format sarif is not one of text, markdown, json.'],
      [
        ['plan', 'db', '--shadow-database-url', 'mysql://x@h/db'],
        '--shadow-database-url: the shadow database URL mysql://x@h/db is not a PostgreSQL server connection',
      ],
      [['plan', 'db', '--write'], "Unknown option '--write'"],
      [['check', 'db', '--no-prove'], "Unknown option '--no-prove'"],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });
});
