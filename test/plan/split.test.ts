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
): Promise<{ plan: MigrationPlan; result: SplitResult }> {
  const plan = await planOf(USERS, CHANGE, { framework });
  const migration = file(path, CHANGE, { framework });
  const result = splitFiles(plan, migration, { contractAfterDays: 7, existing });
  // Same input, same files; and the files already in place keep their paths.
  expect(splitFiles(plan, migration, { contractAfterDays: 7, existing })).toEqual(result);
  const again = splitFiles(plan, migration, {
    contractAfterDays: 7,
    existing: [...existing, ...result.files.map((f) => f.path)],
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
    if (f.role === 'backfill' || f.role === 'contract' || !f.path.endsWith('.sql')) continue;
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
