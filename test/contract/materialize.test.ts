import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  contractBranch,
  contractTitle,
  MaterializeError,
  materializeContract,
  type Materialized,
} from '../../src/contract/materialize.js';
import { discoverPaths } from '../../src/discover/index.js';
import { loadParser, parseSql } from '../../src/parse/libpg.js';
import { pendingHeader, pendingPath } from '../../src/plan/split.js';
import type { FrameworkName, MigrationFile } from '../../src/types.js';

const PLAN = 'ec-0123456789abcdef';
const PENDING = pendingPath(PLAN);
const TODAY = new Date('2026-03-15T09:30:07Z');
const STAMP = '20260315093007';
const CONTRACT = "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN full_name;\n";
const DROPS = ['public.users.full_name'];

function pending(
  framework: string,
  source: string,
  migrationsDir: string,
  sql = CONTRACT,
  drops: string[] = DROPS,
): string {
  const header = pendingHeader({
    planId: PLAN,
    source,
    framework: framework as FrameworkName,
    migrationsDir,
    contractAfterDays: 7,
    drops,
  });
  return `${header.join('\n')}\n${sql}`;
}

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((t) => rm(t, { recursive: true, force: true })));
});

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ec-materialize-'));
  temps.push(root);
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, rel)), { recursive: true });
    await writeFile(join(root, rel), content);
  }
  return root;
}

interface Run {
  root: string;
  result: Materialized;
  /** Text of each produced file, by path. */
  text: (path: string) => string[];
  /** What our framework reader finds in `dir` after the files are written: migrations in run order. */
  discovered: MigrationFile[];
}

/**
 * Materializes `content` over a repository holding `files`, writes the result, and reads the folder
 * back with src/discover (framework detected, not forced).
 */
async function run(
  files: Record<string, string>,
  content: string,
  discoverDir: string,
  today: Date = TODAY,
): Promise<Run> {
  const root = await tree({ ...files, [PENDING]: content });
  const result = materializeContract({
    root,
    pendingPath: PENDING,
    content,
    today,
    existing: Object.keys(files),
    readIndex: (p) => files[p] ?? null,
  });
  // Same input, same output.
  expect(
    materializeContract({
      root,
      pendingPath: PENDING,
      content,
      today,
      existing: Object.keys(files),
      readIndex: (p) => files[p] ?? null,
    }),
  ).toEqual(result);
  for (const f of result.files) {
    await mkdir(dirname(join(root, f.path)), { recursive: true });
    await writeFile(join(root, f.path), f.content);
  }
  for (const d of result.deleted) await rm(join(root, d));
  const found = await discoverPaths([discoverDir], {}, root);
  const discovered = found.releases
    .flat()
    .filter((f) => !f.diagnostics.some((d) => d.message.startsWith('not analysed')));
  const texts = new Map(result.files.map((f) => [f.path, f.content]));
  return { root, result, discovered, text: (p) => (texts.get(p) ?? '').split('\n') };
}

/** The new migration is what the framework runs last (flyway: last versioned), read without errors. */
function expectRunsLast(r: Run, framework: FrameworkName): MigrationFile {
  const versioned = r.discovered.filter((f) => !f.repeatable);
  const last = versioned[versioned.length - 1];
  expect(last?.path).toBe(r.result.migrationPath);
  expect(last?.framework).toBe(framework);
  expect(last?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(last?.sql).toContain('ALTER TABLE users DROP COLUMN full_name;');
  for (const f of r.result.files) {
    if (f.path.endsWith('.sql')) expect(parseSql(f.content).ok, f.path).toBe(true);
  }
  return last as MigrationFile;
}

const HEAD = [
  `-- expand-contract ${PLAN}: runs after SOURCE`,
  `-- contract phase of plan ${PLAN} (was ${PENDING}): drops public.users.full_name`,
];
const head = (source: string): string[] => HEAD.map((l) => l.replace('SOURCE', source));
const BODY = ["SET lock_timeout = '2s';", 'ALTER TABLE users DROP COLUMN full_name;'];

beforeAll(async () => {
  await loadParser();
});

describe('materializeContract', () => {
  it('flyway: the next major version after every V/U/B file, repeatables left to run after it', async () => {
    const dir = 'src/main/resources/db/migration';
    const source = `${dir}/V2__drop_full_name.sql`;
    const r = await run(
      {
        [`${dir}/V1__init.sql`]: 'CREATE TABLE users (id int, full_name text);\n',
        [source]: 'SELECT 1;\n',
        [`${dir}/V2_1__drop_full_name_later1.sql`]: 'SELECT 1;\n',
        [`${dir}/U2__undo.sql`]: 'SELECT 1;\n',
        [`${dir}/R__views.sql`]: 'CREATE OR REPLACE VIEW v AS SELECT 1;\n',
      },
      pending('flyway', source, dir),
      dir,
    );
    const path = `${dir}/V3__expand_contract_contract_drop_full_name.sql`;
    expect(r.result).toMatchObject({
      migrationPath: path,
      deleted: [PENDING],
      planId: PLAN,
      drops: DROPS,
    });
    expect(r.result.files.map((f) => [f.role, f.path])).toEqual([['migration', path]]);
    expect(r.text(path)).toEqual([...head(source), ...BODY, '']);
    expectRunsLast(r, 'flyway');
    expect(r.discovered.map((f) => f.path.slice(dir.length + 1))).toEqual([
      'V1__init.sql',
      'V2__drop_full_name.sql',
      'V2_1__drop_full_name_later1.sql',
      'V3__expand_contract_contract_drop_full_name.sql',
      'R__views.sql',
    ]);
  });

  it('flyway: timestamp versions move to today; a CONCURRENTLY statement gets executeInTransaction=false', async () => {
    const dir = 'db';
    const source = `${dir}/V20240101120000__drop_idx.sql`;
    const r = await run(
      { [`${dir}/V20231231000000__init.sql`]: 'SELECT 1;\n', [source]: 'SELECT 1;\n' },
      pending('flyway', source, dir, 'DROP INDEX CONCURRENTLY users_full_name_idx;\n', [
        'index public.users_full_name_idx',
      ]),
      dir,
    );
    const path = `db/V${STAMP}__expand_contract_contract_drop_idx.sql`;
    expect(r.result.files.map((f) => [f.path, f.content])).toEqual([
      [
        path,
        [
          `-- expand-contract ${PLAN}: runs after ${source}`,
          `-- contract phase of plan ${PLAN} (was ${PENDING}): drops index public.users_full_name_idx`,
          'DROP INDEX CONCURRENTLY users_full_name_idx;',
          '',
        ].join('\n'),
      ],
      [`${path}.conf`, 'executeInTransaction=false\n'],
    ]);
    const last = r.discovered[r.discovered.length - 1];
    expect([last?.path, last?.transactional]).toEqual([path, false]);
  });

  it('goose, numbered folder: the next number with its padding, goose markers', async () => {
    const dir = 'db/migrations';
    const source = `${dir}/00002_drop_full_name.sql`;
    const r = await run(
      {
        [`${dir}/00001_init.sql`]: '-- +goose Up\nCREATE TABLE users (id int, full_name text);\n',
        [source]: '-- +goose Up\nSELECT 1;\n',
        [`${dir}/00003_drop_full_name_later1.sql`]: '-- +goose Up\nSELECT 1;\n',
      },
      pending('goose', source, dir),
      dir,
    );
    const path = `${dir}/00004_expand_contract_contract_drop_full_name.sql`;
    expect(r.result.migrationPath).toBe(path);
    expect(r.text(path)).toEqual([...head(source), '-- +goose Up', ...BODY, '']);
    const last = expectRunsLast(r, 'goose');
    expect(last.transactional).toBe(true);
  });

  it('goose, timestamped folder: a timestamp of today (UTC)', async () => {
    const dir = 'migrations';
    const source = `${dir}/20240102000000_drop_full_name.sql`;
    const r = await run(
      {
        [`${dir}/20240101000000_init.sql`]: '-- +goose Up\nSELECT 1;\n',
        [source]: '-- +goose Up\nSELECT 1;\n',
      },
      pending('goose', source, dir),
      dir,
    );
    expect(r.result.migrationPath).toBe(`${dir}/${STAMP}_expand_contract_contract_drop_full_name.sql`);
    expectRunsLast(r, 'goose');
  });

  it('dbmate: a timestamp with up and down markers; one above a version already past today', async () => {
    const dir = 'db/migrations';
    const source = `${dir}/20240102000000_drop_full_name.sql`;
    const files = {
      [`${dir}/20240101000000_init.sql`]: '-- migrate:up\nSELECT 1;\n\n-- migrate:down\n',
      [source]: '-- migrate:up\nSELECT 1;\n\n-- migrate:down\n',
    };
    const r = await run(files, pending('dbmate', source, dir), dir);
    const path = `${dir}/${STAMP}_expand_contract_contract_drop_full_name.sql`;
    expect(r.text(path)).toEqual([...head(source), '-- migrate:up', ...BODY, '', '-- migrate:down', '']);
    expectRunsLast(r, 'dbmate');

    const future = await run(
      { ...files, [`${dir}/20990101000000_from_the_future.sql`]: '-- migrate:up\nSELECT 1;\n' },
      pending('dbmate', source, dir),
      dir,
    );
    expect(future.result.migrationPath).toBe(
      `${dir}/20990101000001_expand_contract_contract_drop_full_name.sql`,
    );
    expectRunsLast(future, 'dbmate');
  });

  it('golang-migrate: the next sequence number, an .up.sql and a .down.sql that says it cannot undo', async () => {
    const dir = 'migrations';
    const source = `${dir}/000002_drop_full_name.up.sql`;
    const r = await run(
      {
        [`${dir}/000001_init.up.sql`]: 'CREATE TABLE users (id int, full_name text);\n',
        [`${dir}/000001_init.down.sql`]: 'DROP TABLE users;\n',
        [source]: 'SELECT 1;\n',
        [`${dir}/000002_drop_full_name.down.sql`]: 'SELECT 1;\n',
      },
      pending('golang-migrate', source, dir),
      dir,
    );
    const up = `${dir}/000003_expand_contract_contract_drop_full_name.up.sql`;
    const down = `${dir}/000003_expand_contract_contract_drop_full_name.down.sql`;
    expect(r.result.files.map((f) => [f.role, f.path])).toEqual([
      ['migration', up],
      ['migration', down],
    ]);
    expect(r.text(up)).toEqual([...head(source), ...BODY, '']);
    expect(r.text(down)).toEqual([
      `-- expand-contract ${PLAN}: the contract phase cannot be undone here`,
      `-- ${up} dropped public.users.full_name; the data is gone. Restore it from a backup if needed.`,
      '',
    ]);
    expectRunsLast(r, 'golang-migrate');
  });

  it('golang-migrate: a folder of Unix-second versions gets the Unix second of today', async () => {
    const dir = 'migrations';
    const source = `${dir}/1700000100_drop_full_name.up.sql`;
    const r = await run(
      {
        [`${dir}/1700000000_init.up.sql`]: 'SELECT 1;\n',
        [`${dir}/1700000000_init.down.sql`]: 'SELECT 1;\n',
        [source]: 'SELECT 1;\n',
      },
      pending('golang-migrate', source, dir),
      dir,
    );
    expect(r.result.migrationPath).toBe(`${dir}/1773567007_expand_contract_contract_drop_full_name.up.sql`);
    expectRunsLast(r, 'golang-migrate');
  });

  it('prisma: a <timestamp>_expand_contract_contract_<name>/migration.sql folder', async () => {
    const dir = 'prisma/migrations';
    const source = `${dir}/20240102000000_drop_full_name/migration.sql`;
    const r = await run(
      {
        [`${dir}/20240101000000_init/migration.sql`]: 'CREATE TABLE users (id int, full_name text);\n',
        [source]: 'SELECT 1;\n',
        [`${dir}/migration_lock.toml`]: 'provider = "postgresql"\n',
      },
      pending('prisma', source, dir),
      dir,
    );
    const path = `${dir}/${STAMP}_expand_contract_contract_drop_full_name/migration.sql`;
    expect(r.result.files.map((f) => f.path)).toEqual([path]);
    expect(r.text(path)).toEqual([...head(source), ...BODY, '']);
    expectRunsLast(r, 'prisma');
  });

  it('drizzle: <idx>_<name>.sql entered last in meta/_journal.json, when = today, formatting kept', async () => {
    const dir = 'drizzle';
    const source = `${dir}/0001_drop_full_name.sql`;
    const journal = {
      version: '7',
      dialect: 'postgresql',
      entries: [
        { idx: 0, version: '7', when: 1704067200000, tag: '0000_init', breakpoints: true },
        { idx: 1, version: '7', when: 1704153600000, tag: '0001_drop_full_name', breakpoints: true },
      ],
    };
    const journalPath = `${dir}/meta/_journal.json`;
    const r = await run(
      {
        [`${dir}/0000_init.sql`]: 'CREATE TABLE users (id int, full_name text);\n',
        [source]: 'SELECT 1;\n',
        [journalPath]: `${JSON.stringify(journal, null, '\t')}\n`,
      },
      pending('drizzle', source, dir),
      dir,
    );
    const path = `${dir}/0002_expand_contract_contract_drop_full_name.sql`;
    expect(r.result.files.map((f) => [f.role, f.path])).toEqual([
      ['migration', path],
      ['index', journalPath],
    ]);
    expect(r.text(path)).toEqual([
      ...head(source),
      "SET lock_timeout = '2s';--> statement-breakpoint",
      'ALTER TABLE users DROP COLUMN full_name;',
      '',
    ]);
    const updated = r.result.files.find((f) => f.role === 'index')?.content ?? '';
    expect(updated).toBe(
      `${JSON.stringify(
        {
          ...journal,
          entries: [
            ...journal.entries,
            {
              idx: 2,
              version: '7',
              when: TODAY.getTime(),
              tag: '0002_expand_contract_contract_drop_full_name',
              breakpoints: true,
            },
          ],
        },
        null,
        '\t',
      )}\n`,
    );
    expectRunsLast(r, 'drizzle');
  });

  it('drizzle: a journal entry newer than today still runs before the contract', async () => {
    const dir = 'drizzle';
    const source = `${dir}/0000_drop.sql`;
    const later = Date.UTC(2030, 0, 1);
    const journal = { entries: [{ idx: 0, when: later, tag: '0000_drop' }] };
    const r = await run(
      { [source]: 'SELECT 1;\n', [`${dir}/meta/_journal.json`]: JSON.stringify(journal) },
      pending('drizzle', source, dir),
      dir,
    );
    const index = r.result.files.find((f) => f.role === 'index')?.content ?? '';
    expect(JSON.parse(index)).toEqual({
      entries: [
        { idx: 0, when: later, tag: '0000_drop' },
        { idx: 1, when: later + 1, tag: '0001_expand_contract_contract_drop', breakpoints: true },
      ],
    });
    expect(index).not.toContain('\n');
    expectRunsLast(r, 'drizzle');
  });

  it('sqitch: a change appended to sqitch.plan requiring the expand change, with deploy, revert and verify', async () => {
    const plan = [
      '%syntax-version=1.0.0',
      '%project=shop',
      '',
      'init 2024-01-01T00:00:00Z Ann Admin <ann@example.com> # tables',
      'drop_full_name [init] 2024-01-02T00:00:00Z Ann Admin <ann@example.com> # expand',
      '@v1 2024-01-03T00:00:00Z Ann Admin <ann@example.com> # release',
      '',
    ].join('\n');
    const source = 'db/deploy/drop_full_name.sql';
    const r = await run(
      {
        'db/sqitch.plan': plan,
        'db/deploy/init.sql': 'BEGIN;\nCREATE TABLE users (id int, full_name text);\nCOMMIT;\n',
        'db/revert/init.sql': 'DROP TABLE users;\n',
        'db/verify/init.sql': 'SELECT 1;\n',
        [source]: 'BEGIN;\nSELECT 1;\nCOMMIT;\n',
        'db/revert/drop_full_name.sql': 'SELECT 1;\n',
        'db/verify/drop_full_name.sql': 'SELECT 1;\n',
      },
      pending('sqitch', source, 'db/deploy'),
      'db',
    );
    const name = 'expand_contract_contract_drop_full_name';
    expect(r.result.files.map((f) => [f.role, f.path])).toEqual([
      ['migration', `db/deploy/${name}.sql`],
      ['migration', `db/revert/${name}.sql`],
      ['migration', `db/verify/${name}.sql`],
      ['index', 'db/sqitch.plan'],
    ]);
    expect(r.text('db/sqitch.plan')).toEqual([
      ...plan.trimEnd().split('\n'),
      `${name} [drop_full_name] 2026-03-15T09:30:07Z Ann Admin <ann@example.com> # expand-contract ${PLAN}: contract phase of drop_full_name`,
      '',
    ]);
    expect(r.text(`db/deploy/${name}.sql`)).toEqual([
      `-- Deploy shop:${name} to pg`,
      '-- requires: drop_full_name',
      ...head(source),
      '',
      'BEGIN;',
      '',
      ...BODY,
      '',
      'COMMIT;',
      '',
    ]);
    expect(r.text(`db/revert/${name}.sql`)).toEqual([
      `-- Revert shop:${name} from pg`,
      '',
      `-- Not reverted: the contract phase of ${PLAN} dropped public.users.full_name; the data is gone. Restore it from a backup if needed.`,
      '',
    ]);
    expect(r.text(`db/verify/${name}.sql`)).toEqual([
      `-- Verify shop:${name} on pg`,
      '',
      "SELECT 1 / (count(*) = 0)::int FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass('public.users') AND attname = 'full_name' AND NOT attisdropped;",
      '',
    ]);
    const last = expectRunsLast(r, 'sqitch');
    expect(last.path).toBe(`db/deploy/${name}.sql`);
  });

  it('sqitch: verify queries for the other kinds of dropped objects', async () => {
    const plan = '%project=p\n\na 2024-01-01T00:00:00Z A <a@x> # a\n';
    const drops = [
      'public.Orgs',
      'view public.users_v',
      'trigger users_sync on public.users',
      'function public.users_sync()',
      'constraint users_chk on public.users',
    ];
    const r = await run(
      { 'sqitch.plan': plan, 'deploy/a.sql': 'SELECT 1;\n' },
      pending('sqitch', 'deploy/a.sql', 'deploy', 'DROP VIEW users_v;\n', drops),
      '.',
    );
    expect(r.text('verify/expand_contract_contract_a.sql').slice(2, -1)).toEqual([
      `SELECT 1 / (to_regclass('public."Orgs"') IS NULL)::int;`,
      "SELECT 1 / (to_regclass('public.users_v') IS NULL)::int;",
      "SELECT 1 / (count(*) = 0)::int FROM pg_catalog.pg_trigger WHERE tgrelid = to_regclass('public.users') AND tgname = 'users_sync';",
      "SELECT 1 / (to_regprocedure('public.users_sync()') IS NULL)::int;",
      "SELECT 1 / (count(*) = 0)::int FROM pg_catalog.pg_constraint WHERE conrelid = to_regclass('public.users') AND conname = 'users_chk';",
    ]);
    const last = r.discovered[r.discovered.length - 1];
    expect(last?.path).toBe('deploy/expand_contract_contract_a.sql');
    expect(parseSql(r.text('verify/expand_contract_contract_a.sql').join('\n')).ok).toBe(true);
  });

  it('supabase: a timestamp prefix in supabase/migrations', async () => {
    const dir = 'supabase/migrations';
    const source = `${dir}/20240102000000_drop_full_name.sql`;
    const r = await run(
      { [`${dir}/20240101000000_init.sql`]: 'SELECT 1;\n', [source]: 'SELECT 1;\n' },
      pending('supabase', source, dir),
      dir,
    );
    const path = `${dir}/${STAMP}_expand_contract_contract_drop_full_name.sql`;
    expect(r.text(path)).toEqual([...head(source), ...BODY, '']);
    expectRunsLast(r, 'supabase');
  });

  it('plain sql: a timestamp prefix that sorts after numbered files', async () => {
    const dir = 'db/migrations';
    const source = `${dir}/002_drop_full_name.sql`;
    const r = await run(
      { [`${dir}/001_init.sql`]: 'SELECT 1;\n', [source]: 'SELECT 1;\n' },
      pending('sql', source, dir),
      dir,
    );
    const path = `${dir}/${STAMP}_expand_contract_contract_drop_full_name.sql`;
    expect(r.text(path)).toEqual([...head(source), ...BODY, '']);
    expectRunsLast(r, 'sql');
  });

  it('ignores files outside the migrations directory when numbering', async () => {
    const dir = 'db/migrations';
    const source = `${dir}/00002_drop.sql`;
    const r = await run(
      {
        [`${dir}/00001_init.sql`]: '-- +goose Up\nSELECT 1;\n',
        [source]: '-- +goose Up\nSELECT 1;\n',
        'other/00099_x.sql': '-- +goose Up\nSELECT 1;\n',
      },
      pending('goose', source, dir),
      dir,
    );
    expect(r.result.migrationPath).toBe(`${dir}/00003_expand_contract_contract_drop.sql`);
  });

  it('numbers after the files on disk too, when `existing` leaves some out', async () => {
    const dir = 'db/migrations';
    const source = `${dir}/00002_drop.sql`;
    const content = pending('goose', source, dir);
    const root = await tree({
      [`${dir}/00001_init.sql`]: '-- +goose Up\nSELECT 1;\n',
      [source]: '-- +goose Up\nSELECT 1;\n',
      [`${dir}/00007_added_meanwhile.sql`]: '-- +goose Up\nSELECT 1;\n',
    });
    const result = materializeContract({
      root,
      pendingPath: PENDING,
      content,
      today: TODAY,
      existing: [source],
      readIndex: () => null,
    });
    expect(result.migrationPath).toBe(`${dir}/00008_expand_contract_contract_drop.sql`);
  });
});

describe('materializeContract: bad input', () => {
  async function fails(content: string, files: Record<string, string> = {}): Promise<string> {
    const root = await tree(files);
    try {
      materializeContract({
        root,
        pendingPath: PENDING,
        content,
        today: TODAY,
        existing: Object.keys(files),
        readIndex: (p) => files[p] ?? null,
      });
    } catch (e: unknown) {
      expect(e).toBeInstanceOf(MaterializeError);
      const message = (e as Error).message;
      expect(message).not.toContain('\n');
      return message;
    }
    throw new Error('materializeContract did not throw');
  }
  const dbFiles = { 'db/001_init.sql': 'SELECT 1;\n', 'db/002_drop.sql': 'SELECT 1;\n' };

  it('a broken header', async () => {
    const broken = pending('sql', 'db/002_drop.sql', 'db').replace(/^-- framework: .*\n/m, '');
    expect(await fails(broken, dbFiles)).toBe(
      `${PENDING}: the header is broken or incomplete (it needs plan, source, framework, migrations-dir and contract-after-days lines); restore it from git history or run \`expand-contract split\` on the migration again`,
    );
    expect(await fails('ALTER TABLE users DROP COLUMN x;\n', dbFiles)).toContain('header is broken');
  });

  it('an unknown framework', async () => {
    expect(await fails(pending('liquibase', 'db/002_drop.sql', 'db'), dbFiles)).toBe(
      `${PENDING}: unknown framework "liquibase" in its header; set the \`-- framework:\` line to one of sql, prisma, golang-migrate, flyway, dbmate, goose, sqitch, supabase, drizzle`,
    );
  });

  it('a migrations directory that does not exist, or lies outside the repository', async () => {
    expect(await fails(pending('sql', 'gone/002_drop.sql', 'gone'), dbFiles)).toBe(
      `${PENDING}: its migrations directory gone does not exist; restore it, or fix the \`-- migrations-dir:\` line of ${PENDING} if the migrations moved`,
    );
    expect(await fails(pending('sql', '../x/002_drop.sql', '../x'), dbFiles)).toContain(
      'its migrations directory ../x is outside the repository',
    );
  });

  it('SQL that does not parse, or none at all', async () => {
    expect(
      await fails(pending('sql', 'db/002_drop.sql', 'db', 'ALTER TABLE users DROP COLUM x;\n'), dbFiles),
    ).toMatch(
      new RegExp(`^${PENDING}: the SQL below its header does not parse \\(syntax error .*\\); fix it`),
    );
    expect(await fails(pending('sql', 'db/002_drop.sql', 'db', '\n'), dbFiles)).toBe(
      `${PENDING}: there is no SQL below its header, so there is nothing to contract; delete the file if the contract of ${PLAN} was done by hand`,
    );
  });

  it('a drizzle journal or sqitch plan that cannot be read', async () => {
    expect(
      await fails(pending('drizzle', 'drizzle/0000_a.sql', 'drizzle'), { 'drizzle/0000_a.sql': '' }),
    ).toBe(
      `${PENDING}: drizzle/meta/_journal.json could not be read, and drizzle runs only the migrations its journal lists; fix the journal (drizzle-kit generate writes it) and run again`,
    );
    expect(
      await fails(pending('drizzle', 'drizzle/0000_a.sql', 'drizzle'), {
        'drizzle/0000_a.sql': '',
        'drizzle/meta/_journal.json': '{"entries": 3}',
      }),
    ).toContain('drizzle/meta/_journal.json has no `entries` list');
    expect(await fails(pending('sqitch', 'deploy/a.sql', 'deploy'), { 'deploy/a.sql': '' })).toBe(
      `${PENDING}: sqitch.plan could not be read, and sqitch deploys only the changes its plan lists; restore the plan and run again`,
    );
  });

  it('a plain sql folder whose names do not sort by number', async () => {
    const files = { 'db/init.sql': 'SELECT 1;\n', 'db/users.sql': 'SELECT 1;\n' };
    expect(await fails(pending('sql', 'db/users.sql', 'db'), files)).toBe(
      `${PENDING}: sql would run db/users.sql after db/${STAMP}_expand_contract_contract_users.sql, so no generated name puts the contract last in db; write the migration by hand from the SQL in ${PENDING}`,
    );
  });
});

describe('contractTitle and contractBranch', () => {
  it('names the dropped objects without the public schema, cut with "and N more"', () => {
    expect(contractTitle(['public.users.full_name', 'public.users.user_name'])).toBe(
      'expand-contract: drop users.full_name, users.user_name',
    );
    expect(contractTitle(['app.orgs', 'trigger t on public.users', 'function public.f()'])).toBe(
      'expand-contract: drop app.orgs, trigger t on users, function f()',
    );
    const many = [
      'public.users.a_rather_long_column',
      'public.users.another_long_column',
      'public.orgs',
      'public.x',
    ];
    const title = contractTitle(many);
    expect(title).toBe('expand-contract: drop users.a_rather_long_column and 3 more');
    expect(title.length).toBeLessThanOrEqual(72);
    expect(contractTitle(many, 100)).toBe(
      'expand-contract: drop users.a_rather_long_column, users.another_long_column, orgs, x',
    );
    expect(contractTitle(['public.a_table_whose_name_is_far_too_long_for_any_title_at_all.col'], 40)).toBe(
      'expand-contract: drop a_table_whose_nam…',
    );
    expect(contractTitle([])).toBe('expand-contract: contract phase');
  });

  it('gives the branch of a plan', () => {
    expect(contractBranch(PLAN)).toBe(`expand-contract/contract-${PLAN}`);
    expect(contractBranch('a b:c')).toBe('expand-contract/contract-a-b-c');
  });
});

it('reads back what it wrote (files exist on disk)', async () => {
  const dir = 'db';
  const r = await run(
    { [`${dir}/001_init.sql`]: 'SELECT 1;\n', [`${dir}/002_drop.sql`]: 'SELECT 1;\n' },
    pending('sql', `${dir}/002_drop.sql`, dir),
    dir,
  );
  expect(await readFile(join(r.root, r.result.migrationPath), 'utf8')).toBe(r.result.files[0]?.content);
});
