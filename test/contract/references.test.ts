import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findReferences, ReferencesError, targetsOf, type Reference } from '../../src/contract/references.js';

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((t) => rm(t, { recursive: true, force: true })));
});

/** A git repository whose index holds `tracked`; `untracked` files are only written. */
async function repo(
  tracked: Record<string, string | Buffer>,
  untracked: Record<string, string> = {},
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ec-references-'));
  temps.push(root);
  for (const [rel, content] of Object.entries({ ...tracked, ...untracked })) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  execFileSync('git', ['init', '-q'], { cwd: root });
  if (Object.keys(tracked).length > 0)
    execFileSync('git', ['add', '--', ...Object.keys(tracked)], { cwd: root });
  return root;
}

/** path:line:column object kind | text */
const shown = (refs: Reference[]): string[] =>
  refs.map((r) => `${r.path}:${r.line}:${r.column} ${r.object} ${r.kind} | ${r.text}`);

const EXCLUDE = ['db/migrations', '.expand-contract'];

describe('findReferences: code', () => {
  it('finds dropped column and table names word-bounded, once per line, case-insensitive for plain names', async () => {
    const root = await repo({
      'src/users.ts': [
        'export function label(row: Row): string {',
        '  return row.full_name ?? row.full_name_old ?? full_name;',
        '  // full_names, user_full_name, fullName and full_name2 are other names',
        "  const q = 'SELECT FULL_NAME FROM users JOIN orgs ON orgs.id = users.org_id';",
        '  return orgs_archive + xorgs + `${orgs}`;',
        '}',
      ].join('\n'),
      'README.md': 'The orgs table is gone.\n',
    });
    const refs = await findReferences({
      root,
      drops: ['public.users.full_name', 'public.orgs', 'trigger t on public.users', 'function public.f()'],
      exclude: EXCLUDE,
    });
    expect(shown(refs)).toEqual([
      'README.md:1:5 public.orgs code | The orgs table is gone.',
      'src/users.ts:2:14 public.users.full_name code | return row.full_name ?? row.full_name_old ?? full_name;',
      "src/users.ts:4:21 public.users.full_name code | const q = 'SELECT FULL_NAME FROM users JOIN orgs ON orgs.id = users.org_id';",
      "src/users.ts:4:47 public.orgs code | const q = 'SELECT FULL_NAME FROM users JOIN orgs ON orgs.id = users.org_id';",
      'src/users.ts:5:36 public.orgs code | return orgs_archive + xorgs + `${orgs}`;',
    ]);
  });

  it('matches a name that needs quoting only as written', async () => {
    const root = await repo({
      'app/query.py': [
        'cur.execute(\'SELECT "FullName" FROM "Users"\')',
        'fullname = row["fullname"]',
        'FULLNAME = 1',
      ].join('\n'),
    });
    const refs = await findReferences({ root, drops: ['public."Users"."FullName"'], exclude: [] });
    expect(shown(refs)).toEqual([
      'app/query.py:1:22 public."Users"."FullName" code | cur.execute(\'SELECT "FullName" FROM "Users"\')',
    ]);
    const mixed = await findReferences({ root, drops: ['public.Users.FullName'], exclude: [] });
    expect(mixed.map((r) => r.line)).toEqual([1]);
  });

  it('searches only files git tracks, and skips vendored, built, lock, binary, large and excluded files', async () => {
    const line = 'select full_name from users;\n';
    const root = await repo(
      {
        'src/a.sql': line,
        'node_modules/x/index.js': line,
        'web/node_modules/y.js': line,
        'vendor/lib.go': line,
        'dist/app.js': line,
        'packages/p/build/out.js': line,
        'package-lock.json': line,
        'yarn.lock': line,
        'Gemfile.lock': line,
        'assets/app.min.js': line,
        'assets/logo.png': line,
        'data/blob.bin2': Buffer.concat([Buffer.from(line), Buffer.from([0, 1, 2])]),
        'data/huge.txt': `${line}${'x'.repeat(1024 * 1024)}\n`,
        'db/migrations/001_init.sql': line,
        '.expand-contract/pending/ec-1.sql': line,
        'docs/notes.txt': line,
      },
      { 'src/untracked.sql': line },
    );
    const refs = await findReferences({ root, drops: ['public.users.full_name'], exclude: EXCLUDE });
    expect(refs.map((r) => r.path)).toEqual(['docs/notes.txt', 'src/a.sql']);
  });

  it('trims the line to 200 characters', async () => {
    const long = `  const s = "full_name ${'y'.repeat(300)}";  `;
    const root = await repo({ 'a.js': long });
    const [ref] = await findReferences({ root, drops: ['public.users.full_name'], exclude: [] });
    expect(ref?.text).toBe(long.trim().slice(0, 200));
    expect(ref?.text.length).toBe(200);
    expect([ref?.line, ref?.column]).toEqual([1, 14]);
  });

  it('says plainly when the folder is not a git repository', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ec-references-'));
    temps.push(root);
    await expect(findReferences({ root, drops: ['public.users.full_name'], exclude: [] })).rejects.toThrow(
      ReferencesError,
    );
    await expect(findReferences({ root, drops: ['public.users.full_name'] })).rejects.toThrow(
      new RegExp(
        `^cannot list the files git tracks in ${root} \\(.*not a git repository.*\\); run inside a git repository`,
      ),
    );
  });

  it('returns nothing without a column or table to look for', async () => {
    const root = await repo({ 'a.js': 'users_sync();\n' });
    expect(await findReferences({ root, drops: ['function public.users_sync()'], exclude: [] })).toEqual([]);
  });
});

describe('findReferences: ORM schemas', () => {
  const PRISMA = [
    'datasource db {',
    '  provider = "postgresql"',
    '  url      = env("DATABASE_URL")',
    '}',
    '',
    'model User {',
    '  id       Int    @id @default(autoincrement())',
    '  fullName String @map("full_name") // shown as the name',
    '  orgId    Int    @map("org_id")',
    '  org      Org    @relation(fields: [orgId], references: [id])',
    '',
    '  @@index([fullName])',
    '  @@map("users")',
    '}',
    '',
    'model Org {',
    '  id        Int    @id',
    '  full_name String',
    '  users     User[]',
    '',
    '  @@map("orgs")',
    '}',
    '',
    'enum full_name {',
    '  full_name',
    '}',
  ].join('\n');

  it('prisma: a field mapped to the dropped column is a reference on its line; the same name elsewhere is not', async () => {
    const root = await repo({ 'prisma/schema.prisma': PRISMA });
    const refs = await findReferences({
      root,
      drops: ['public.users.full_name'],
      exclude: ['prisma/migrations'],
    });
    expect(shown(refs)).toEqual([
      'prisma/schema.prisma:8:3 public.users.full_name orm-schema | fullName String @map("full_name") // shown as the name',
      'prisma/schema.prisma:12:12 public.users.full_name orm-schema | @@index([fullName])',
    ]);
  });

  it('prisma: a dropped table is named by its model and by the relation fields typed with it', async () => {
    const root = await repo({ 'prisma/schema.prisma': PRISMA });
    const refs = await findReferences({ root, drops: ['public.orgs', 'public.users.org_id'], exclude: [] });
    expect(shown(refs)).toEqual([
      'prisma/schema.prisma:9:3 public.users.org_id orm-schema | orgId    Int    @map("org_id")',
      'prisma/schema.prisma:10:3 public.orgs orm-schema | org      Org    @relation(fields: [orgId], references: [id])',
      'prisma/schema.prisma:10:38 public.users.org_id orm-schema | org      Org    @relation(fields: [orgId], references: [id])',
      'prisma/schema.prisma:16:7 public.orgs orm-schema | model Org {',
    ]);
  });

  it('prisma: without @@map the model name is the table, and @@schema must agree', async () => {
    const schema = [
      'model accounts {',
      '  id    Int    @id',
      '  email String',
      '  @@schema("billing")',
      '}',
    ].join('\n');
    const root = await repo({ 'schema.prisma': schema });
    expect(shown(await findReferences({ root, drops: ['billing.accounts.email'] }))).toEqual([
      'schema.prisma:3:3 billing.accounts.email orm-schema | email String',
    ]);
    expect(await findReferences({ root, drops: ['public.accounts.email'] })).toEqual([]);
  });

  const DRIZZLE = [
    "import { index, integer, pgSchema, pgTable, text } from 'drizzle-orm/pg-core';",
    '',
    "export const users = pgTable('users', {",
    "  id: integer('id').primaryKey(),",
    "  fullName: text('full_name').notNull(), // { not: a, brace }",
    "  note: text('note').default('full_name, {'),",
    '  orgId: integer().references(() => orgs.id),',
    "}, (t) => [index('users_full_name_idx').on(t.fullName)]);",
    '',
    "export const orgs = pgTable('orgs', (t) => ({",
    '  id: t.integer().primaryKey(),',
    "  full_name: t.text('full_name'),",
    '}));',
    '',
    "const billing = pgSchema('billing');",
    "export const invoices = billing.table('invoices', { userFullName: text('full_name') });",
  ].join('\n');

  it('drizzle: the column property of the dropped table and its uses in the extra config; not other tables', async () => {
    const root = await repo({
      'src/db/schema.ts': DRIZZLE,
      'src/report.ts': 'const rows = await db.execute(sql`select full_name from users`);\n',
    });
    const refs = await findReferences({ root, drops: ['public.users.full_name'], exclude: [] });
    expect(shown(refs)).toEqual([
      "src/db/schema.ts:5:3 public.users.full_name orm-schema | fullName: text('full_name').notNull(), // { not: a, brace }",
      "src/db/schema.ts:8:46 public.users.full_name orm-schema | }, (t) => [index('users_full_name_idx').on(t.fullName)]);",
      'src/report.ts:1:42 public.users.full_name code | const rows = await db.execute(sql`select full_name from users`);',
    ]);
  });

  it('drizzle: a column named by its key (or the key in snake_case), tables, and pgSchema tables', async () => {
    const root = await repo({ 'schema.ts': DRIZZLE });
    const refs = await findReferences({
      root,
      drops: ['public.users.org_id', 'public.orgs', 'billing.invoices.full_name'],
      exclude: [],
    });
    expect(shown(refs)).toEqual([
      'schema.ts:7:3 public.users.org_id orm-schema | orgId: integer().references(() => orgs.id),',
      'schema.ts:7:37 public.orgs code | orgId: integer().references(() => orgs.id),',
      "schema.ts:10:30 public.orgs orm-schema | export const orgs = pgTable('orgs', (t) => ({",
      "schema.ts:16:53 billing.invoices.full_name orm-schema | export const invoices = billing.table('invoices', { userFullName: text('full_name') });",
    ]);
  });
});

describe('targetsOf', () => {
  it('reads columns, tables and views, quoted parts included, and leaves other objects out', () => {
    expect(
      targetsOf([
        'public.users.full_name',
        'public.orgs',
        'view public.users_v',
        'app."Odd.Name"."Col"',
        'index public.i',
        'constraint c on public.users',
      ]).map((t) => [t.object, t.kind, t.schema, t.table, t.column, t.caseSensitive]),
    ).toEqual([
      ['public.users.full_name', 'column', 'public', 'users', 'full_name', false],
      ['public.orgs', 'table', 'public', 'orgs', null, false],
      ['view public.users_v', 'table', 'public', 'users_v', null, false],
      ['app."Odd.Name"."Col"', 'column', 'app', 'Odd.Name', 'Col', true],
    ]);
  });
});

describe('findReferences: speed', () => {
  it('searches 5,000 tracked files in well under a second', async () => {
    const files: Record<string, string> = {};
    const body = Array.from(
      { length: 60 },
      (_, i) =>
        `export const value${i} = compute(${i}, 'some text that is not the name', other_full_name_${i});`,
    ).join('\n');
    for (let i = 0; i < 5000; i++)
      files[`src/m${i % 50}/f${i}.ts`] = i % 500 === 0 ? `${body}\nrow.full_name;\n` : body;
    const root = await repo(files);
    const started = performance.now();
    const refs = await findReferences({
      root,
      drops: ['public.users.full_name', 'public.orgs'],
      exclude: [],
    });
    const ms = performance.now() - started;
    expect(refs).toHaveLength(10);
    expect(refs[0]).toMatchObject({ path: 'src/m0/f0.ts', line: 61, column: 5 });
    expect(ms).toBeLessThan(1000);
  });
});
