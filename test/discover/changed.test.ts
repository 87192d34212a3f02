import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverChanged, InputError } from '../../src/discover/index.js';
import { tempRepo, type TempRepo } from '../git/helpers.js';

const up = (sql: string): string => `-- migrate:up\n${sql}\n-- migrate:down\n`;

describe('discoverChanged', () => {
  let repo: TempRepo;
  beforeEach(async () => {
    repo = await tempRepo();
    await repo.write({
      'db/migrations/20240101000000_a.sql': up('CREATE TABLE a (id int);'),
      'db/migrations/20240102000000_b.sql': up('CREATE TABLE b (id int);'),
      'db/migrations/20240103000000_c.sql': up('CREATE TABLE c (id int);'),
      'queries/get_a.sql': 'SELECT * FROM a;\n',
    });
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
  });
  afterEach(async () => {
    await repo.remove();
  });

  it('returns the changed and untracked migrations as one release, earlier ones as history', async () => {
    await repo.write({
      'db/migrations/20240103000000_c.sql': up('CREATE TABLE c (id bigint);'),
      'db/migrations/20240104000000_d.sql': up('ALTER TABLE a DROP COLUMN id;'),
      'queries/get_a.sql': 'SELECT id FROM a;\n',
    });
    const input = await discoverChanged('main', {}, join(repo.root, 'db'));
    expect(input.releases).toHaveLength(1);
    expect(input.releases[0]?.map((f) => [f.path, f.framework])).toEqual([
      ['db/migrations/20240103000000_c.sql', 'dbmate'],
      ['db/migrations/20240104000000_d.sql', 'dbmate'],
    ]);
    expect(input.history.map((f) => f.path)).toEqual([
      'db/migrations/20240101000000_a.sql',
      'db/migrations/20240102000000_b.sql',
    ]);
  });

  it('skips deleted files, follows renames, and compares with the merge base', async () => {
    repo.git('rm', '-q', 'db/migrations/20240101000000_a.sql');
    repo.git('mv', 'db/migrations/20240102000000_b.sql', 'db/migrations/20240105000000_b.sql');
    repo.commit('feature work');
    repo.git('checkout', '-q', 'main');
    await repo.write({ 'db/migrations/20240110000000_main_only.sql': up('CREATE TABLE m ();') });
    repo.commit('main moves on');
    repo.git('checkout', '-q', 'feature');
    const input = await discoverChanged('main', {}, repo.root);
    expect(input.releases.flat().map((f) => f.path)).toEqual(['db/migrations/20240105000000_b.sql']);
    expect(input.history.map((f) => f.path)).toEqual(['db/migrations/20240103000000_c.sql']);
  });

  it('counts a changed Flyway .sql.conf as a change of its script', async () => {
    await repo.write({ 'flyway/V1__a.sql': 'CREATE TABLE fa ();\n' });
    repo.commit('flyway');
    await repo.write({ 'flyway/V1__a.sql.conf': 'executeInTransaction=false\n' });
    const input = await discoverChanged('HEAD', {}, repo.root);
    expect(input.releases.flat().map((f) => [f.path, f.transactional])).toEqual([
      ['flyway/V1__a.sql', false],
    ]);
  });

  it('ignores plain .sql files outside migration folders, unless paths: says otherwise', async () => {
    await repo.write({ 'queries/get_a.sql': 'SELECT id FROM a;\n', 'sql/migrations/1_x.sql': 'SELECT 1;\n' });
    const input = await discoverChanged('main', {}, repo.root);
    expect(input.releases.flat().map((f) => f.path)).toEqual(['sql/migrations/1_x.sql']);
    const configured = await discoverChanged('main', { paths: ['queries/*.sql'] }, repo.root);
    expect(configured.releases.flat().map((f) => f.path)).toEqual(['queries/get_a.sql']);
  });

  it('returns no release when no migration changed', async () => {
    expect(await discoverChanged('main', {}, repo.root)).toEqual({ history: [], releases: [] });
  });

  it('refuses a base git does not know, naming it', async () => {
    const attempt = discoverChanged('origin/main', {}, repo.root);
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toThrow(/git does not know the base origin\/main; fetch it first/);
  });

  it('refuses a folder outside any repository', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'ec-nogit-'));
    try {
      await expect(discoverChanged('main', {}, outside)).rejects.toThrow(/is not inside a git repository/);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('reads history from the working tree and leaves out files deleted there', async () => {
    await unlink(join(repo.root, 'db/migrations/20240101000000_a.sql'));
    await repo.write({ 'db/migrations/20240104000000_d.sql': up('SELECT 1;') });
    const input = await discoverChanged('main', {}, repo.root);
    expect(input.history.map((f) => f.path)).toEqual([
      'db/migrations/20240102000000_b.sql',
      'db/migrations/20240103000000_c.sql',
    ]);
  });
});
