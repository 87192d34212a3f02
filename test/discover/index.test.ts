import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverPaths, InputError } from '../../src/discover/index.js';
import { FIXTURES, released, removeTree, tempTree } from './helpers.js';

describe('discoverPaths', () => {
  const temps: string[] = [];
  const tree = async (files: Record<string, string> = {}): Promise<string> => {
    const root = await tempTree(files);
    temps.push(root);
    return root;
  };
  afterEach(async () => {
    await Promise.all(temps.splice(0).map(removeTree));
  });

  it('refuses a path that does not exist, naming it', async () => {
    const attempt = discoverPaths(['db/nope'], {}, FIXTURES);
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toThrow(
      /^db\/nope: no such file or directory \(looked in .*\); pass a migration file or a folder/,
    );
  });

  it('refuses a folder without migrations', async () => {
    const root = await tree({ 'README.md': '# none\n' });
    await expect(discoverPaths([root])).rejects.toThrow(
      `no migration files found under ${root}; pass --framework or set paths: in the config`,
    );
  });

  it('refuses a folder whose files the framework does not run, saying why', async () => {
    const root = await tree({ '1_a.down.sql': 'DROP TABLE a;\n', 'notes.txt': '' });
    await expect(discoverPaths([root], { framework: 'golang-migrate' })).rejects.toThrow(
      /no migration files found under/,
    );
    const drizzle = await tree({
      'meta/_journal.json': '{"entries": []}',
      '0000_a.sql': 'CREATE TABLE a ();\n',
    });
    await expect(discoverPaths([drizzle])).rejects.toThrow(/not in meta\/_journal\.json/);
  });

  it('gives each folder of a mixed tree its own framework, folders in path order', async () => {
    const files = released(await discoverPaths(['.'], {}, FIXTURES));
    const byFolder = new Map(files.map((f) => [f.path.split('/')[0], f.framework]));
    expect(Object.fromEntries(byFolder)).toEqual({
      dbmate: 'dbmate',
      drizzle: 'drizzle',
      flyway: 'flyway',
      'golang-migrate': 'golang-migrate',
      goose: 'goose',
      prisma: 'prisma',
      sqitch: 'sqitch',
      sql: 'sql',
      supabase: 'supabase',
    });
    expect(files.map((f) => f.path.split('/')[0])).toEqual(
      [...files.map((f) => f.path.split('/')[0] as string)].sort(),
    );
  });

  it('restricts what counts as a migration to the paths: globs of the configuration', async () => {
    const root = await tree({
      'db/migrations/1_a.sql': 'CREATE TABLE a ();\n',
      'db/migrations/2_b.sql': 'CREATE TABLE b ();\n',
      'db/seeds/seed.sql': "INSERT INTO a VALUES ('x');\n",
    });
    const files = released(await discoverPaths(['.'], { paths: ['db/migrations/*.sql'] }, root));
    expect(files.map((f) => f.path)).toEqual(['db/migrations/1_a.sql', 'db/migrations/2_b.sql']);
    const folderGlob = released(await discoverPaths(['db'], { paths: ['db/migrations'] }, root));
    expect(folderGlob).toHaveLength(2);
  });

  it('expands a glob given as a path (as the Action passes paths: from the config)', async () => {
    const root = await tree({
      'db/migrations/1_a.sql': 'CREATE TABLE a ();\n',
      'db/migrations/2_b.sql': 'CREATE TABLE b ();\n',
      'other/x.sql': 'SELECT 1;\n',
    });
    const all = await discoverPaths(['db/**/*.sql'], {}, root);
    expect(released(all).map((f) => f.path)).toEqual(['db/migrations/1_a.sql', 'db/migrations/2_b.sql']);
    expect(all.history).toEqual([]);
    const some = await discoverPaths(['db/migrations/2_*.sql'], {}, root);
    expect(some.history.map((f) => f.path)).toEqual(['db/migrations/1_a.sql']);
    await expect(discoverPaths(['db/**/*.pgsql'], {}, root)).rejects.toThrow(/matches no files/);
  });

  it('shows absolute paths when given absolute paths', async () => {
    const root = await tree({ '1_a.sql': 'CREATE TABLE a ();\n' });
    const [file] = released(await discoverPaths([join(root, '1_a.sql')]));
    expect(file?.path).toBe(join(root, '1_a.sql'));
  });

  it('reads hidden and node_modules folders only when named', async () => {
    const root = await tree({
      'migrations/1_a.sql': 'CREATE TABLE a ();\n',
      'node_modules/pkg/migrations/1_x.sql': 'CREATE TABLE x ();\n',
      '.git/x.sql': 'SELECT 1;\n',
    });
    expect(released(await discoverPaths(['.'], {}, root)).map((f) => f.path)).toEqual(['migrations/1_a.sql']);
  });

  it('analyses a file with any extension when it is named', async () => {
    const root = await tree({ 'schema.pgsql': 'CREATE TABLE a ();\n' });
    const [file] = released(await discoverPaths(['schema.pgsql'], {}, root));
    expect([basename(file?.path ?? ''), file?.framework, file?.sql]).toEqual([
      'schema.pgsql',
      'sql',
      'CREATE TABLE a ();\n',
    ]);
  });

  it('refuses an empty folder', async () => {
    const root = await tree();
    await mkdir(join(root, 'empty'));
    await expect(discoverPaths(['empty'], {}, root)).rejects.toBeInstanceOf(InputError);
  });
});
