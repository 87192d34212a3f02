// The seed scenarios end to end on the real server: the schema as their expand phase leaves it, rows in it,
// then `expand-contract backfill` given the original migration (planned again: examples/split-name) or the
// script split wrote (examples/rename-column, whose NOT VALID check can be validated afterwards).
import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';
import { useFreshDatabase } from '../support/database.js';
import { count, query, ROOT, tempDir } from './helpers.js';

const db = useFreshDatabase();

/** A git repository holding a copy of examples/<name>, committed. */
async function exampleRepo(name: string): Promise<string> {
  const dir = await tempDir();
  await cp(join(ROOT, 'examples', name), dir, { recursive: true });
  const git = (...args: string[]): void =>
    void execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      stdio: 'ignore',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'history');
  return dir;
}

const USERS = (n: number): string => `
  INSERT INTO users (full_name, user_name, email)
  SELECT CASE WHEN g % 50 = 0 THEN 'Cher' WHEN g % 30 = 0 THEN 'Mary Ann Smith' ELSE 'Given' || g || ' Family' || g END,
         'user' || g, 'user' || g || '@example.com'
    FROM generate_series(1, ${n}) g;`;

describe('examples/split-name: the original migration as FILE', () => {
  it('plans it again and fills first_name and last_name, leaving what the new code wrote', async () => {
    const dir = await exampleRepo('split-name');
    const history = await readFile(join(dir, 'migrations', '001_create_users.sql'), 'utf8');
    await query(
      db().url,
      `${history}
       ${USERS(3000)}
       DELETE FROM users WHERE id BETWEEN 1200 AND 1700;
       -- the expand phase (split writes these two statements)
       ALTER TABLE users ADD COLUMN first_name text;
       ALTER TABLE users ADD COLUMN last_name text;
       -- the new code already writes both
       INSERT INTO users (full_name, user_name, email, first_name, last_name)
         VALUES ('Ada Lovelace', 'ada', 'ada@example.com', 'Ada', 'Lovelace');
       UPDATE users SET first_name = 'Renamed', last_name = 'ByApp' WHERE id % 97 = 0;`,
    );
    const todo = await count(db().url, 'SELECT count(*) FROM users WHERE first_name IS NULL');
    const byApp = await count(db().url, "SELECT count(*) FROM users WHERE first_name = 'Renamed'");

    const out = await cli(
      ['backfill', 'migrations/002_split_full_name.sql', '--database-url', db().url, '--batch-size', '250'],
      dir,
    );

    expect(out.stderr).toContain('public.users: starting; key primary key (id)');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Backfill ec-[0-9a-f]+ \(migrations\/002_split_full_name\.sql\): ran in/);
    expect(out.stdout).toContain(`public.users: ${todo.toLocaleString('en-US')} rows in`);
    expect(out.stdout).toContain('no row still needs it');
    // the UPDATE of the migration, row by row
    expect(
      await count(
        db().url,
        `SELECT count(*) FROM users WHERE first_name IS DISTINCT FROM split_part(full_name, ' ', 1)
            OR last_name IS DISTINCT FROM substr(full_name, length(split_part(full_name, ' ', 1)) + 2)`,
      ),
    ).toBe(byApp);
    expect(
      await count(
        db().url,
        "SELECT count(*) FROM users WHERE first_name = 'Renamed' AND last_name = 'ByApp'",
      ),
    ).toBe(byApp);
    // names of one word and of three words, as the migration splits them
    const split = (full: string): Promise<unknown[]> =>
      query(
        db().url,
        "SELECT DISTINCT first_name, last_name FROM users WHERE full_name = $1 AND first_name <> 'Renamed'",
        [full],
      );
    expect(await split('Cher')).toEqual([{ first_name: 'Cher', last_name: '' }]);
    expect(await split('Mary Ann Smith')).toEqual([{ first_name: 'Mary', last_name: 'Ann Smith' }]);

    // the script split writes is the same plan: a run of it finds the work done
    const written = await cli(['split', 'migrations/002_split_full_name.sql', '--write'], dir);
    expect(written.code).toBe(0);
    const [script] = await readdir(join(dir, '.expand-contract', 'backfill'));
    const again = await cli(
      ['backfill', `.expand-contract/backfill/${script ?? ''}`, '--database-url', db().url],
      dir,
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Backfill ${script?.replace(/\.sql$/, '')} (`);
    expect(again.stderr).toContain(
      `public.users: resuming after ${todo.toLocaleString('en-US')} rows done earlier`,
    );
    // nothing left to walk: no new batch, the final check alone
    const batches = /public\.users: [\d,]+ rows in ([\d,]+) batches/.exec(out.stdout)?.[1];
    expect(again.stdout).toContain(
      `public.users: ${todo.toLocaleString('en-US')} rows in ${batches} batches; no row still needs it.`,
    );
  }, 60_000);
});

describe('examples/rename-column: split, the expand SQL applied, then the backfill script', () => {
  it('fills display_name on every row, so the NOT VALID check validates', async () => {
    const dir = await exampleRepo('rename-column');
    const history = await readFile(join(dir, 'migrations', '001_create_users.sql'), 'utf8');
    const split = await cli(['split', 'migrations/002_rename_user_name.sql', '--write'], dir);
    expect(split.code).toBe(0);
    const expand = await readFile(join(dir, 'migrations', '002_rename_user_name.sql'), 'utf8');
    const [script] = await readdir(join(dir, '.expand-contract', 'backfill'));
    expect(script).toMatch(/^ec-[0-9a-f]+\.sql$/);

    await query(db().url, `${history}\n${USERS(2000)}`);
    await query(db().url, expand);
    // the application during the expand phase: the trigger keeps both names in step for what it writes
    await query(
      db().url,
      `INSERT INTO users (full_name, user_name, email) VALUES ('New Person', 'newbie', 'new@example.com');
       UPDATE users SET user_name = 'renamed' || id WHERE id % 10 = 0;`,
    );
    const todo = await count(db().url, 'SELECT count(*) FROM users WHERE display_name IS NULL');
    expect(todo).toBe(1800);
    // before the backfill the check cannot be validated
    await expect(
      query(db().url, 'ALTER TABLE users VALIDATE CONSTRAINT users_display_name_not_null_check'),
    ).rejects.toThrow(/violated by some row/);

    const out = await cli(
      [
        'backfill',
        `.expand-contract/backfill/${script ?? ''}`,
        '--database-url',
        db().url,
        '--batch-size',
        '300',
      ],
      dir,
    );

    expect(out.code).toBe(0);
    expect(out.stdout).toContain('public.users: 1,800 rows in');
    expect(out.stdout).toContain('no row still needs it');
    expect(
      await count(db().url, 'SELECT count(*) FROM users WHERE display_name IS DISTINCT FROM user_name'),
    ).toBe(0);
    expect(await count(db().url, "SELECT count(*) FROM users WHERE display_name LIKE 'renamed%'")).toBe(200);
    await query(db().url, 'ALTER TABLE users VALIDATE CONSTRAINT users_display_name_not_null_check');
  }, 60_000);
});
