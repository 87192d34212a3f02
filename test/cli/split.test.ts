// `expand-contract split`: the files of a plan, printed or written; idempotent; never overwrites.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, filesUnder, repo, SPLIT_NAME, USERS } from './helpers.js';

interface SplitJson {
  planId: string;
  expand: string | null;
  backfill: string | null;
  contract: string | null;
  later: string[];
  files: Array<{ path: string; role: string }>;
  written: boolean;
  status: string;
}

const parse = (s: string): SplitJson => JSON.parse(s) as SplitJson;

describe('expand-contract split', () => {
  it('--write writes the expand migration in place, the backfill and the pending contract; again is a no-op', async () => {
    const dir = repo({ 'db/001_users.sql': USERS, 'db/002_split.sql': SPLIT_NAME }, { git: true });
    const r = await cli(['split', 'db/002_split.sql', '--write', '--format', 'json', '--no-cache'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = parse(r.stdout);
    const id = json.planId;
    expect(id).toMatch(/^ec-[0-9a-f]{16}$/);
    expect(json).toMatchObject({
      expand: 'db/002_split.sql',
      backfill: `.expand-contract/backfill/${id}.sql`,
      contract: `.expand-contract/pending/${id}.sql`,
      later: [],
      written: true,
      status: 'proven',
    });
    expect(filesUnder(dir)).toEqual([
      `.expand-contract/backfill/${id}.sql`,
      `.expand-contract/pending/${id}.sql`,
      'db/001_users.sql',
      'db/002_split.sql',
    ]);
    const expand = readFileSync(join(dir, 'db/002_split.sql'), 'utf8');
    expect(expand).toContain('ALTER TABLE users ADD COLUMN first_name text;');
    expect(expand).not.toMatch(/DROP COLUMN|UPDATE users/);
    const pending = readFileSync(join(dir, json.contract as string), 'utf8');
    expect(pending).toContain(
      `-- plan: ${id}\n-- source: db/002_split.sql\n-- framework: sql\n-- migrations-dir: db\n-- contract-after-days: 7\n-- drops: public.users.full_name\n`,
    );
    expect(pending).toContain('ALTER TABLE users DROP COLUMN full_name;');
    const backfill = readFileSync(join(dir, json.backfill as string), 'utf8');
    expect(backfill).toContain('COMMIT;');
    expect(backfill).not.toMatch(/^\\/m); // no psql meta-command

    // The ship-now migration is clean now.
    const check = await cli(['check', 'db/002_split.sql', '--format', 'json'], dir);
    expect(
      (JSON.parse(check.stdout) as { findings: Array<{ breaking: boolean }> }).findings.filter(
        (f) => f.breaking,
      ),
    ).toEqual([]);

    const before = filesUnder(dir).map((p) => readFileSync(join(dir, p), 'utf8'));
    const again = await cli(['split', 'db/002_split.sql', '--write', '--format', 'json', '--no-cache'], dir);
    expect(again.code).toBe(0);
    expect(parse(again.stdout)).toMatchObject({
      status: 'already-split',
      expand: null,
      backfill: null,
      contract: null,
    });
    expect(filesUnder(dir).map((p) => readFileSync(join(dir, p), 'utf8'))).toEqual(before);
  }, 120_000);

  it('without --write prints each file under its path and writes nothing; the plan id is stable', async () => {
    const dir = repo({ 'db/001_users.sql': USERS, 'db/002_split.sql': SPLIT_NAME }, { git: true });
    const first = await cli(['split', 'db/002_split.sql', '--no-cache'], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^==> db\/002_split\.sql \(expand\) <==$/m);
    expect(first.stdout).toMatch(/^==> \.expand-contract\/pending\/ec-[0-9a-f]{16}\.sql \(contract\) <==$/m);
    expect(first.stdout).toContain('The plan is proven.');
    expect(filesUnder(dir)).toEqual(['db/001_users.sql', 'db/002_split.sql']);
    const json1 = parse(
      (await cli(['split', 'db/002_split.sql', '--format', 'json', '--no-cache', '--no-prove'], dir)).stdout,
    );
    // from another folder: the same plan id, paths shown relative to where it runs
    const json2 = parse(
      (await cli(['split', '002_split.sql', '--format', 'json', '--no-cache', '--no-prove'], join(dir, 'db')))
        .stdout,
    );
    expect(json2.planId).toBe(json1.planId);
    expect(json2.expand).toBe('002_split.sql');
    expect(json2.contract).toBe(`../.expand-contract/pending/${json1.planId}.sql`);
    expect(json1.written).toBe(false);
  }, 120_000);

  it('refuses to overwrite a file it did not write, and writes nothing', async () => {
    const dir = repo({ 'db/001_users.sql': USERS, 'db/002_split.sql': SPLIT_NAME });
    const id = parse(
      (await cli(['split', 'db/002_split.sql', '--format', 'json', '--no-cache', '--no-prove'], dir)).stdout,
    ).planId;
    mkdirSync(join(dir, '.expand-contract/backfill'), { recursive: true });
    writeFileSync(join(dir, `.expand-contract/backfill/${id}.sql`), '-- mine\n');
    const r = await cli(['split', 'db/002_split.sql', '--write', '--no-cache', '--no-prove'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Not writing: these files exist with other content`);
    expect(r.stdout).toContain(`.expand-contract/backfill/${id}.sql`);
    expect(readFileSync(join(dir, 'db/002_split.sql'), 'utf8')).toBe(SPLIT_NAME);
    expect(filesUnder(dir)).toEqual([
      `.expand-contract/backfill/${id}.sql`,
      'db/001_users.sql',
      'db/002_split.sql',
    ]);
  }, 120_000);

  it('CREATE INDEX: no contract; the concurrent build is its own later migration', async () => {
    const dir = repo({
      'db/001_users.sql': USERS,
      'db/002_index.sql': 'CREATE INDEX users_email_idx ON users (email);\n',
    });
    const r = await cli(['split', 'db/002_index.sql', '--write', '--format', 'json', '--no-cache'], dir);
    expect(r.code).toBe(0);
    const json = parse(r.stdout);
    expect(json.contract).toBeNull();
    expect(json.backfill).toBeNull();
    expect(json.later).toHaveLength(1);
    const later = readFileSync(join(dir, json.later[0] as string), 'utf8');
    expect(later).toContain('CREATE INDEX CONCURRENTLY');
    expect(readFileSync(join(dir, 'db/002_index.sql'), 'utf8')).not.toContain('CREATE INDEX users_email_idx');
  }, 120_000);

  it('nothing to split, a folder, two files: clear answers', async () => {
    const dir = repo({
      'db/001_users.sql': USERS,
      'db/002_add.sql': 'CREATE TABLE orgs (id bigint PRIMARY KEY, name text);\n',
    });
    const nothing = await cli(['split', 'db/002_add.sql', '--format', 'json', '--no-cache'], dir);
    expect(nothing.code).toBe(0);
    expect(parse(nothing.stdout)).toMatchObject({ status: 'nothing-to-split', expand: null, contract: null });
    const folder = await cli(['split', 'db'], dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('expand-contract: db is a folder; split takes one migration file of it.\n');
    const two = await cli(['split', 'db/001_users.sql', 'db/002_add.sql'], dir);
    expect(two.stdout).toBe('');
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('split takes one migration file');
  }, 60_000);
});
