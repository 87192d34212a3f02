// `expand-contract trace`: per statement of the original and of each phase, the locks taken on PGlite.
import { describe, expect, it } from 'vitest';
import { cli, repo, USERS } from './helpers.js';

interface TraceJson {
  source: string;
  status: string;
  trace: Array<{
    phase: string;
    statements: Array<{
      sql: string;
      traced: boolean;
      locks: Array<{ relation: string; mode: string }>;
      documented?: Array<{ relation: string; mode: string }>;
      rewritten: string[];
      note?: string;
    }>;
  }>;
}

describe('expand-contract trace', () => {
  it('a type change: the original rewrites users under ACCESS EXCLUSIVE; the expand phase rewrites nothing', async () => {
    const dir = repo({
      'db/001_users.sql': USERS.replace('email text', 'email text, age integer'),
      'db/002_type.sql': 'ALTER TABLE users ALTER COLUMN age TYPE bigint;\n',
    });
    const r = await cli(['trace', 'db/002_type.sql', '--format', 'json', '--no-cache'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as TraceJson;
    expect(json.source).toBe('db/002_type.sql');
    const phases = new Map(json.trace.map((p) => [p.phase, p.statements]));
    const original = phases.get('original')?.[0];
    expect(original?.locks[0]).toMatchObject({ relation: 'public.users', mode: 'ACCESS EXCLUSIVE' });
    expect(original?.documented).toEqual([{ relation: 'public.users', mode: 'ACCESS EXCLUSIVE' }]);
    expect(original?.rewritten).toContain('public.users');
    const expand = phases.get('expand') ?? [];
    expect(expand.length).toBeGreaterThan(1);
    expect(expand.every((s) => s.rewritten.length === 0)).toBe(true);
    expect(expand.some((s) => /ADD COLUMN/.test(s.sql))).toBe(true);

    const text = await cli(['trace', 'db/002_type.sql', '--no-cache'], dir);
    expect(text.stdout).toContain('Lock trace of db/002_type.sql');
    expect(text.stdout).toMatch(
      /ALTER TABLE users ALTER COLUMN age TYPE bigint {2}\| {2}traced: ACCESS EXCLUSIVE on public\.users.*REWRITES public\.users/,
    );
  }, 120_000);

  it('a migration with no finding still gets its statements traced', async () => {
    const dir = repo({
      'db/001_users.sql': USERS,
      'db/002_orgs.sql': 'CREATE TABLE orgs (id bigint PRIMARY KEY);\n',
    });
    const json = JSON.parse(
      (await cli(['trace', 'db/002_orgs.sql', '--format', 'json', '--no-cache'], dir)).stdout,
    ) as TraceJson;
    const original = json.trace.find((p) => p.phase === 'original')?.statements[0];
    expect(original?.traced).toBe(true);
    expect(original?.locks).toEqual([]);
    expect(original?.note).toMatch(/creates public\.orgs/);
  }, 120_000);
});
