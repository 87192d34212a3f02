// `plan --shadow-database-url`: the history replays, and the plan is proven, on scratch databases of a real
// server that the tool creates and drops; the database in the URL is never written to.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { cli, repo, SPLIT_NAME, USERS } from '../cli/helpers.js';
import { testDatabase } from '../support/database.js';

async function scratchDatabases(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'expand\\_contract\\_%' ORDER BY 1",
    );
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

async function tablesIn(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

describe('plan on a shadow database', () => {
  it('replays and proves on scratch databases it drops, leaving the named database untouched', async () => {
    const server = await testDatabase();
    const target = await server.createDatabase();
    try {
      const before = await scratchDatabases(server.url);
      const dir = repo({
        'db/001_users.sql': `CREATE EXTENSION IF NOT EXISTS citext;\n${USERS}`,
        'db/002_split.sql': SPLIT_NAME,
      });
      const r = await cli(
        ['plan', 'db/002_split.sql', '--format', 'json', '--shadow-database-url', target.url],
        dir,
      );
      expect(r.stderr).toBe('');
      const json = JSON.parse(r.stdout) as {
        schema: { kind: string; backend: string };
        notices: string[];
        plans: Array<{ proof: { status: string; trace: Array<{ phase: string }> } }>;
      };
      expect(json.notices).toEqual([]);
      expect(json.schema).toMatchObject({ kind: 'replay', backend: 'shadow database' });
      expect(json.plans[0]?.proof.status).toBe('proven');
      expect(json.plans[0]?.proof.trace.map((p) => p.phase)).toEqual([
        'original',
        'expand',
        'backfill',
        'contract',
      ]);
      expect(await scratchDatabases(server.url)).toEqual(before);
      expect(await tablesIn(target.url)).toEqual([]);
    } finally {
      await target.drop();
    }
  }, 120_000);

  it('a server that does not answer: one line naming the server, exit 2', async () => {
    const dir = repo({ 'db/001_users.sql': USERS, 'db/002_split.sql': SPLIT_NAME });
    const r = await cli(
      ['plan', 'db/002_split.sql', '--shadow-database-url', 'postgres://nobody:secret@127.0.0.1:1/postgres'],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('127.0.0.1:1');
    expect(r.stderr).not.toContain('secret');
  }, 60_000);

  it('reads the URL from $EXPAND_CONTRACT_SHADOW_DATABASE_URL', async () => {
    const server = await testDatabase();
    const dir = repo({ 'db/001_users.sql': USERS, 'db/002_split.sql': SPLIT_NAME });
    const r = await cli(['plan', 'db/002_split.sql', '--format', 'json', '--no-prove'], dir, {
      EXPAND_CONTRACT_SHADOW_DATABASE_URL: server.url,
    });
    expect((JSON.parse(r.stdout) as { schema: { backend: string } }).schema.backend).toBe('shadow database');
  }, 60_000);
});
