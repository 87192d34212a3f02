import { describe, expect, it } from 'vitest';
import { frameworkNamed } from '../../src/discover/frameworks/index.js';
import { isAlreadySplit, readPendingHeader, splitFiles, type SplitResult } from '../../src/plan/split.js';
import type { MigrationPlan } from '../../src/plan/types.js';
import type { FrameworkName } from '../../src/types.js';
import { expectParses, file, planOf, USERS } from './helpers.js';

const CHANGE = [
  'ALTER TABLE users RENAME COLUMN email TO mail;',
  'CREATE INDEX i ON users (age);',
  'ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs(id);',
].join('\n');

async function split(
  framework: FrameworkName,
  path: string,
  existing: string[] = [],
  indexes: Record<string, string> = {},
): Promise<{ plan: MigrationPlan; result: SplitResult }> {
  const plan = await planOf(USERS, CHANGE, { framework });
  const migration = file(path, CHANGE, { framework });
  const readIndex = (p: string): string | null => indexes[p] ?? null;
  const result = splitFiles(plan, migration, { contractAfterDays: 7, existing, readIndex });
  // Same input, same files; and the files already in place (index files updated) keep their paths.
  expect(splitFiles(plan, migration, { contractAfterDays: 7, existing, readIndex })).toEqual(result);
  const written = new Map(result.files.map((f) => [f.path, f.content]));
  const again = splitFiles(plan, migration, {
    contractAfterDays: 7,
    existing: [...existing, ...result.files.map((f) => f.path)],
    readIndex: (p) => written.get(p) ?? readIndex(p),
  });
  expect(again).toEqual(result);
  for (const f of result.files) if (f.path.endsWith('.sql')) await expectParses(f.content);
  expectFrameworkReads(framework, result);
  return { plan, result };
}

const MARKERS = new Set<FrameworkName>(['goose', 'dbmate', 'flyway']);

/** The framework's own reader accepts each migration, and the SQL it would run parses. */
function expectFrameworkReads(framework: FrameworkName, result: SplitResult): void {
  const module = frameworkNamed(framework);
  const texts = new Map(result.files.map((f) => [f.path, f.content]));
  for (const f of result.files) {
    if (f.role !== 'expand' && f.role !== 'later') continue;
    if (!f.path.endsWith('.sql')) continue;
    const rel = f.path.slice(f.path.indexOf('/') + 1);
    const extracted = module.extract(f.content, {
      rel,
      placeholders: {},
      bom: false,
      aux: (name) => texts.get(`${f.path.slice(0, f.path.indexOf('/') + 1)}${name}`),
    });
    expect(extracted.diagnostics, f.path).toEqual([]);
    const concurrent = f.content.includes('CONCURRENTLY');
    // Frameworks with a way to turn their transaction off use it exactly on the concurrent index.
    if (f.role === 'later' && MARKERS.has(framework))
      expect(extracted.transactional, f.path).toBe(!concurrent);
    expect(extracted.sql.trim(), f.path).not.toBe('');
  }
}

const paths = (r: SplitResult): Array<[string, string]> => r.files.map((f) => [f.role, f.path]);
const content = (r: SplitResult, path: string): string[] =>
  (r.files.find((f) => f.path === path)?.content ?? '').split('\n');

describe('splitFiles', () => {
  it('flyway: the expand keeps its name; later steps take sub-versions, CONCURRENTLY gets a .conf', async () => {
    const dir = 'db/migration';
    const { plan, result } = await split('flyway', `${dir}/V2__change.sql`, [
      `${dir}/V1__init.sql`,
      `${dir}/V2__change.sql`,
      `${dir}/V2_1__other.sql`,
      `${dir}/V3__next.sql`,
    ]);
    const id = plan.planId;
    expect(paths(result)).toEqual([
      ['expand', `${dir}/V2__change.sql`],
      ['later', `${dir}/V2_2__change_later1.sql`],
      ['later', `${dir}/V2_2__change_later1.sql.conf`],
      ['later', `${dir}/V2_3__change_later2.sql`],
      ['backfill', `.expand-contract/backfill/${id}.sql`],
      ['contract', `.expand-contract/pending/${id}.sql`],
    ]);
    expect(content(result, `${dir}/V2_2__change_later1.sql.conf`)[0]).toBe('executeInTransaction=false');
    expect(content(result, `${dir}/V2_2__change_later1.sql`)).toContain(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (age);',
    );
    expect(content(result, `${dir}/V2_3__change_later2.sql`)).toContain(
      'ALTER TABLE users VALIDATE CONSTRAINT fk;',
    );
    expect([result.expand, result.backfill, result.contract]).toEqual([
      `${dir}/V2__change.sql`,
      `.expand-contract/backfill/${id}.sql`,
      `.expand-contract/pending/${id}.sql`,
    ]);
  });

  it('goose: Up/Down markers, StatementBegin around the trigger function, NO TRANSACTION where needed', async () => {
    const dir = 'db/migrations';
    const { result } = await split('goose', `${dir}/00002_change.sql`, [`${dir}/00001_init.sql`]);
    expect(paths(result).filter(([role]) => role === 'expand' || role === 'later')).toEqual([
      ['expand', `${dir}/00002_change.sql`],
      ['later', `${dir}/00003_change_later1.sql`],
      ['later', `${dir}/00004_change_later2.sql`],
    ]);
    const expand = content(result, `${dir}/00002_change.sql`);
    expect(expand[1]).toBe('-- +goose Up');
    expect(expand).not.toContain('-- +goose NO TRANSACTION');
    const begin = expand.indexOf('-- +goose StatementBegin');
    expect(expand[begin + 1]).toMatch(/^CREATE FUNCTION users_email_mail_sync\(\) RETURNS trigger/);
    expect(expand.indexOf('-- +goose StatementEnd')).toBeGreaterThan(begin);
    const down = expand.indexOf('-- +goose Down');
    expect(expand.slice(down + 1, -1)).toEqual([
      'ALTER TABLE users DROP CONSTRAINT IF EXISTS fk;',
      'DROP TRIGGER IF EXISTS users_email_mail_sync ON users;',
      'DROP FUNCTION IF EXISTS users_email_mail_sync();',
      'ALTER TABLE users DROP COLUMN IF EXISTS mail;',
    ]);
    expect(content(result, `${dir}/00003_change_later1.sql`).slice(2, 5)).toEqual([
      '-- +goose Up',
      '-- +goose NO TRANSACTION',
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (age);',
    ]);
    expect(content(result, `${dir}/00004_change_later2.sql`)).not.toContain('-- +goose NO TRANSACTION');
  });

  it('dbmate: timestamps + 1s, transaction:false on the concurrent index, a down section', async () => {
    const dir = 'db/migrations';
    const { result } = await split('dbmate', `${dir}/20241231235959_change.sql`);
    expect(paths(result).slice(0, 3)).toEqual([
      ['expand', `${dir}/20241231235959_change.sql`],
      ['later', `${dir}/20250101000000_change_later1.sql`],
      ['later', `${dir}/20250101000001_change_later2.sql`],
    ]);
    const expand = content(result, `${dir}/20241231235959_change.sql`);
    expect(expand[1]).toBe('-- migrate:up');
    expect(expand).toContain('-- migrate:down');
    expect(expand).toContain('ALTER TABLE users DROP COLUMN IF EXISTS mail;');
    expect(content(result, `${dir}/20250101000000_change_later1.sql`)).toContain(
      '-- migrate:up transaction:false',
    );
    expect(content(result, `${dir}/20250101000001_change_later2.sql`)).toContain('-- migrate:up');
  });

  it('golang-migrate: one statement per later file, a down file that undoes the expand', async () => {
    const dir = 'migrations';
    const { result } = await split('golang-migrate', `${dir}/000002_change.up.sql`, [
      `${dir}/000001_init.up.sql`,
      `${dir}/000001_init.down.sql`,
      `${dir}/000003_other.up.sql`,
    ]);
    expect(paths(result).slice(0, 4)).toEqual([
      ['expand', `${dir}/000002_change.up.sql`],
      ['expand', `${dir}/000002_change.down.sql`],
      ['later', `${dir}/000004_change_later1.up.sql`],
      ['later', `${dir}/000005_change_later2.up.sql`],
    ]);
    const later = content(result, `${dir}/000004_change_later1.up.sql`).filter((l) => !l.startsWith('--'));
    expect(later).toEqual(['CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (age);', '']);
    expect(content(result, `${dir}/000002_change.down.sql`)).toContain(
      'ALTER TABLE users DROP COLUMN IF EXISTS mail;',
    );
  });

  it('prisma: a new migration folder a second later, told to run outside a transaction', async () => {
    const dir = 'prisma/migrations';
    const { result } = await split('prisma', `${dir}/20240101120000_change/migration.sql`);
    expect(paths(result).slice(0, 3)).toEqual([
      ['expand', `${dir}/20240101120000_change/migration.sql`],
      ['later', `${dir}/20240101120001_change_later1/migration.sql`],
      ['later', `${dir}/20240101120002_change_later2/migration.sql`],
    ]);
    expect(content(result, `${dir}/20240101120001_change_later1/migration.sql`)).toContain(
      '-- expand-contract: this migration must run outside a transaction block; run it on its own.',
    );
    expect(content(result, `${dir}/20240101120002_change_later2/migration.sql`).join('\n')).not.toContain(
      'outside a transaction block',
    );
  });

  it('plain sql: next free number, the backfill has no psql meta-commands, the pending header', async () => {
    const { plan, result } = await split('sql', 'migrations/002_change.sql', ['migrations/003_other.sql']);
    const id = plan.planId;
    expect(paths(result).slice(0, 3)).toEqual([
      ['expand', 'migrations/002_change.sql'],
      ['later', 'migrations/004_change_later1.sql'],
      ['later', 'migrations/005_change_later2.sql'],
    ]);
    const expand = content(result, 'migrations/002_change.sql');
    expect(expand[0]).toBe(
      `-- expand-contract ${id}: expand phase (the contract waits in .expand-contract/pending/${id}.sql)`,
    );
    expect(expand[1]).toBe("SET lock_timeout = '5s';");
    const backfill = content(result, `.expand-contract/backfill/${id}.sql`);
    expect(backfill.some((l) => l.trimStart().startsWith('\\'))).toBe(false);
    expect(backfill).toContain('DO $backfill$');
    const pending = content(result, `.expand-contract/pending/${id}.sql`);
    expect(pending.slice(1, 9)).toEqual([
      `-- plan: ${id}`,
      '-- source: migrations/002_change.sql',
      '-- framework: sql',
      '-- migrations-dir: migrations',
      '-- contract-after-days: 7',
      '-- drops: public.users.email',
      '-- drops: trigger users_email_mail_sync on public.users',
      '-- drops: function public.users_email_mail_sync()',
    ]);
    expect(pending).toContain('ALTER TABLE users DROP COLUMN email;');
    expect(readPendingHeader(pending.join('\n'))).toEqual({
      planId: id,
      source: 'migrations/002_change.sql',
      framework: 'sql',
      migrationsDir: 'migrations',
      contractAfterDays: 7,
      drops: [
        'public.users.email',
        'trigger users_email_mail_sync on public.users',
        'function public.users_email_mail_sync()',
      ],
    });
  });

  it('drizzle: later migrations entered in meta/_journal.json after the source, in drizzle-kit form', async () => {
    const entry = (idx: number, when: number, tag: string): Record<string, unknown> => ({
      idx,
      version: '7',
      when,
      tag,
      breakpoints: true,
    });
    const journal = (entries: unknown[]): string =>
      `${JSON.stringify({ version: '7', dialect: 'postgresql', entries }, null, 2)}\n`;
    const before = [entry(0, 1700000000000, '0000_init'), entry(1, 1700000001000, '0001_change')];
    const { result } = await split('drizzle', 'drizzle/0001_change.sql', ['drizzle/0000_init.sql'], {
      'drizzle/meta/_journal.json': journal(before),
    });
    expect(paths(result).slice(0, 4)).toEqual([
      ['expand', 'drizzle/0001_change.sql'],
      ['later', 'drizzle/0002_change_later1.sql'],
      ['later', 'drizzle/0003_change_later2.sql'],
      ['index', 'drizzle/meta/_journal.json'],
    ]);
    expect(result.files.find((f) => f.role === 'index')?.content).toBe(
      journal([
        ...before,
        entry(2, 1700000001001, '0002_change_later1'),
        entry(3, 1700000001002, '0003_change_later2'),
      ]),
    );
    expect(result.notes).toEqual([]);
    for (const f of result.files.filter((x) => x.role === 'later'))
      expect(f.content).not.toContain('meta/_journal.json');
  });

  it('drizzle: a journal that does not parse keeps the "add this file" comment, with a note', async () => {
    const { result } = await split('drizzle', 'drizzle/0001_change.sql', [], {
      'drizzle/meta/_journal.json': '{ "entries": [',
    });
    expect(result.files.map((f) => f.role)).not.toContain('index');
    expect(content(result, 'drizzle/0002_change_later1.sql')).toContain(
      '-- expand-contract: add this file to meta/_journal.json.',
    );
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toMatch(
      /^drizzle\/meta\/_journal\.json was not updated: it is not valid JSON \(.+\); add each later migration to it by hand\.$/,
    );
  });

  it('sqitch: changes entered in sqitch.plan after the source, with revert and verify scripts', async () => {
    const plan = [
      '%syntax-version=1.0.0',
      '%project=app',
      '',
      'init 2024-01-01T10:00:00Z Ann Dev <ann@example.com> # Users and orgs.',
      'change [init] 2024-01-02T10:00:00Z Ann Dev <ann@example.com> # Rename email.',
      '',
    ].join('\n');
    const { plan: p, result } = await split('sqitch', 'db/deploy/change.sql', [], { 'db/sqitch.plan': plan });
    expect(paths(result).slice(0, 8)).toEqual([
      ['expand', 'db/deploy/change.sql'],
      ['later', 'db/deploy/change_later1.sql'],
      ['later', 'db/revert/change_later1.sql'],
      ['later', 'db/verify/change_later1.sql'],
      ['later', 'db/deploy/change_later2.sql'],
      ['later', 'db/revert/change_later2.sql'],
      ['later', 'db/verify/change_later2.sql'],
      ['index', 'db/sqitch.plan'],
    ]);
    const note = `# expand-contract ${p.planId}: runs after change`;
    expect(content(result, 'db/sqitch.plan')).toEqual([
      ...plan.split('\n').slice(0, -1),
      `change_later1 [change] 2024-01-02T10:00:00Z Ann Dev <ann@example.com> ${note}`,
      `change_later2 [change] 2024-01-02T10:00:00Z Ann Dev <ann@example.com> ${note}`,
      '',
    ]);
    expect(content(result, 'db/revert/change_later1.sql')).toEqual([
      '-- Revert app:change_later1 from pg',
      '',
      'DROP INDEX CONCURRENTLY IF EXISTS i;',
      '',
    ]);
    expect(content(result, 'db/verify/change_later2.sql')).toEqual([
      '-- Verify app:change_later2 on pg',
      '',
      "SELECT 1 / count(*) FROM pg_catalog.pg_constraint WHERE conrelid = to_regclass('users') AND conname = 'fk' AND convalidated;",
      '',
    ]);
    expect(content(result, 'db/revert/change_later2.sql')[2]).toMatch(/^-- Nothing to revert: VALIDATE/);
    expect(content(result, 'db/deploy/change_later1.sql').join('\n')).not.toContain('sqitch.plan');
    expect(result.notes).toEqual([]);
  });

  it('sqitch: without the plan the changes keep the "add this change" comment, with a note', async () => {
    const { result } = await split('sqitch', 'db/deploy/change.sql');
    expect(result.files.map((f) => f.role)).not.toContain('index');
    expect(content(result, 'db/deploy/change_later1.sql')).toContain(
      '-- expand-contract: add this change to sqitch.plan.',
    );
    expect(result.notes).toEqual([
      'db/sqitch.plan could not be read, so it was not updated: add each later change to it after the source (`sqitch add <name> --requires <source>`).',
    ]);
  });

  it('gives null phases and only the expand file for a plan without later, backfill or contract', async () => {
    const plan = await planOf(USERS, 'CREATE TABLE tags (id int PRIMARY KEY);');
    const result = splitFiles(plan, file('002_change.sql', ''), { contractAfterDays: 7 });
    expect([result.backfill, result.contract, result.files.map((f) => f.role)]).toEqual([
      null,
      null,
      ['expand'],
    ]);
  });
});

describe('isAlreadySplit', () => {
  it('is true for a drizzle migration once split: its expand plans no later step', async () => {
    const journal = '{"entries":[{"idx":0,"version":"7","when":1,"tag":"002_change","breakpoints":true}]}';
    const first = await planOf(USERS, CHANGE, { framework: 'drizzle' });
    const { files } = splitFiles(first, file(first.source, CHANGE, { framework: 'drizzle' }), {
      contractAfterDays: 7,
      readIndex: (p) => (p === 'meta/_journal.json' ? journal : null),
    });
    expect(files.filter((f) => f.role === 'index').map((f) => f.path)).toEqual(['meta/_journal.json']);
    const expand = files.find((f) => f.role === 'expand')?.content ?? '';
    const replanned = await planOf(USERS, expand, { framework: 'drizzle' });
    expect(replanned.later).toEqual([]);
    expect(
      isAlreadySplit(
        replanned,
        files.filter((f) => f.role === 'contract'),
      ),
    ).toBe(true);
  });

  it('is true once the pending contract names the source and nothing is left to move out', async () => {
    const first = await planOf(USERS, CHANGE);
    const { files } = splitFiles(first, file(first.source, CHANGE), { contractAfterDays: 7 });
    const pending = files.filter((f) => f.role === 'contract');
    expect(isAlreadySplit(first, pending)).toBe(false);
    const expand = files.find((f) => f.role === 'expand')?.content ?? '';
    const replanned = await planOf(USERS, 'CREATE TABLE tags (id int PRIMARY KEY);');
    expect(isAlreadySplit(replanned, pending)).toBe(true);
    expect(isAlreadySplit(replanned, [])).toBe(false);
    expect(expand).toContain('NOT VALID');
  });
});
