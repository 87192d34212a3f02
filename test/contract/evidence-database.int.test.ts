// planEvidence with the database source, end to end on the real server: the pending plan found in git, the
// expand migration's row in goose's own history table on the "production" database, read read-only; due
// once the wait has passed since the migration was applied, with the eligible date from that row.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { planEvidence } from '../../src/contract/evidence.js';
import { listPendingPlans } from '../../src/contract/expand-commit.js';
import { pendingHeader } from '../../src/plan/split.js';
import { useFreshDatabase } from '../support/database.js';

const DAY = 24 * 3600 * 1000;
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  }).trim();
}

/** A goose repository whose main branch holds the expand migration 00002 and its pending contract. */
async function gooseRepo(): Promise<string> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'ec-evidence-db-')));
  dirs.push(root);
  git(root, ['init', '-q', '-b', 'main']);
  const files: Record<string, string> = {
    'db/migrations/00001_users.sql':
      '-- +goose Up\nCREATE TABLE users (id bigint PRIMARY KEY, full_name text);\n',
    'db/migrations/00002_split_name.sql': '-- +goose Up\nALTER TABLE users ADD COLUMN first_name text;\n',
    '.expand-contract/pending/ec-00000000000000bb.sql': `${pendingHeader({
      planId: 'ec-00000000000000bb',
      source: 'db/migrations/00002_split_name.sql',
      framework: 'goose',
      migrationsDir: 'db/migrations',
      contractAfterDays: 7,
      drops: ['public.users.full_name'],
    }).join('\n')}\nALTER TABLE users DROP COLUMN full_name;\n`,
  };
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, rel)), { recursive: true });
    await writeFile(join(root, rel), text);
  }
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'expand']);
  return root;
}

describe('planEvidence from the production database', () => {
  const db = useFreshDatabase();

  it('dates the expand phase by goose_db_version and says when the contract is due', async () => {
    const cwd = await gooseRepo();
    const [plan] = await listPendingPlans({ cwd, ref: 'main' });
    const applied = new Date(Date.now() - 9 * DAY);
    const client = new pg.Client({ connectionString: db().url });
    await client.connect();
    try {
      // The table as goose creates it (dialectquery/postgres.go), with the expand migration applied 9 days ago.
      await client.query(`CREATE TABLE goose_db_version (
        id serial NOT NULL, version_id bigint NOT NULL, is_applied boolean NOT NULL,
        tstamp timestamp NULL DEFAULT now(), PRIMARY KEY(id))`);
      await client.query(
        'INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (0, true, $1), (1, true, $1), (2, true, $1)',
        [applied.toISOString().replace('T', ' ').replace('Z', '')],
      );
    } finally {
      await client.end();
    }
    const evidence = await planEvidence({
      owner: 'octo-org',
      repo: 'octo-repo',
      source: 'database',
      environment: 'production',
      deployDatabaseUrl: db().url,
      cwd,
      defaultBranch: 'main',
      plan: plan!,
      now: new Date(),
    });
    expect(evidence.source).toBe('database');
    expect(evidence.due).toBe(true);
    expect(evidence.evidence?.ageDays).toBeGreaterThan(8.9);
    expect(evidence.eligibleOn).toBe(new Date(applied.getTime() + 7 * DAY).toISOString().slice(0, 10));
    expect(JSON.stringify(evidence)).not.toContain(db().url);
  });

  it('is not due while the row is younger than the wait, and has no evidence before the migration ran', async () => {
    const cwd = await gooseRepo();
    const [plan] = await listPendingPlans({ cwd, ref: 'main' });
    const client = new pg.Client({ connectionString: db().url });
    await client.connect();
    try {
      await client.query(`CREATE TABLE goose_db_version (
        id serial NOT NULL, version_id bigint NOT NULL, is_applied boolean NOT NULL,
        tstamp timestamp NULL DEFAULT now(), PRIMARY KEY(id))`);
      await client.query('INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true), (1, true)');
    } finally {
      await client.end();
    }
    const params = {
      owner: 'octo-org',
      repo: 'octo-repo',
      source: 'database' as const,
      environment: 'production',
      deployDatabaseUrl: db().url,
      cwd,
      defaultBranch: 'main',
      plan: plan!,
      now: new Date(),
    };
    const before = await planEvidence(params);
    expect(before.due).toBe(false);
    expect(before.evidence).toBeNull();
    const again = new pg.Client({ connectionString: db().url });
    await again.connect();
    try {
      await again.query('INSERT INTO goose_db_version (version_id, is_applied) VALUES (2, true)');
    } finally {
      await again.end();
    }
    const after = await planEvidence(params);
    expect(after.source).toBe('database');
    expect(after.due).toBe(false);
    expect(after.evidence?.ageDays).toBeLessThan(1);
  });
});
