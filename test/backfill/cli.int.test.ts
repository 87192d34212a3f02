// The command line's answers before any batch runs, on the real server: a wrong password and a port nobody
// listens on (exit 2, one line, the password never printed), and --dry-run (the steps, their key and the
// SQL of a batch; nothing written, not even the progress table).
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, type Result } from '../cli/helpers.js';
import { testDatabase, useFreshDatabase } from '../support/database.js';
import { count, firstNameStep, query, writeScript } from './helpers.js';

const db = useFreshDatabase();
const PLAN = 'ec-00000000000000e1';

/** The one line of a refusal: exit 2, nothing on stdout, no stack trace, none of `secrets` anywhere. */
function expectOneLine(out: Result, secrets: string[]): string {
  expect(out.code).toBe(2);
  expect(out.stdout).toBe('');
  const lines = out.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(out.stderr).not.toMatch(/\bat .*\.(ts|js):\d+|internal error/);
  for (const secret of secrets) {
    expect(out.stderr).not.toContain(secret);
    expect(out.stderr).not.toContain(encodeURIComponent(secret));
  }
  return lines[0] ?? '';
}

/** Connects with `url`: true when the server let it in. */
async function accepted(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe('a database it cannot use', () => {
  const roles: string[] = [];
  afterEach(async () => {
    const server = await testDatabase();
    for (const role of roles.splice(0)) await query(server.url, `DROP ROLE IF EXISTS ${role}`);
  });

  it('a wrong password: exit 2, one line naming host:port/database, the password printed nowhere', async () => {
    const role = `ec_backfill_${randomBytes(4).toString('hex')}`;
    roles.push(role);
    await query(db().url, `CREATE ROLE ${role} LOGIN PASSWORD 'Right-${randomBytes(6).toString('hex')}'`);
    const wrongPassword = `Wr0ng:p@ss/${randomBytes(6).toString('hex')}`;
    const url = new URL(db().url);
    url.username = role;
    url.password = encodeURIComponent(wrongPassword);
    // A server that trusts every local connection lets any password in: ask for a role that does not exist.
    if (await accepted(url.toString())) url.username = `${role}_missing`;
    const [dir, file] = await writeScript(PLAN, [firstNameStep('t')]);

    // DATABASE_URL stands in for --database-url
    const out = await cli(['backfill', file], dir, { DATABASE_URL: url.toString() });

    const line = expectOneLine(out, [wrongPassword, url.password, url.toString()]);
    expect(line).toMatch(
      new RegExp(
        `^expand-contract: cannot connect to the database ${url.hostname}:${url.port}/${db().name}: `,
      ),
    );
    expect(line).toMatch(/(password authentication failed|role ".*" does not exist)/);
    expect(line).toContain('check the user and password in the URL');
  });

  it('a port nobody listens on: exit 2, one line saying to check host and port', async () => {
    const port = await new Promise<number>((done) => {
      const probe = createServer().listen(0, new URL(db().url).hostname, () => {
        const address = probe.address();
        probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const url = new URL(db().url);
    url.port = String(port);
    const secret = url.password || 'no-password';
    const [dir, file] = await writeScript(PLAN, [firstNameStep('t')]);

    const out = await cli(['backfill', file, '--database-url', url.toString()], dir);

    const line = expectOneLine(out, [secret, url.toString()]);
    expect(line).toContain(`cannot connect to the database ${url.hostname}:${port}/${db().name}`);
    expect(line).toContain('check the host and port in the URL, and that the server is running');
  });
});

describe('--dry-run', () => {
  it('lists the step, its key and the SQL of a batch, and writes nothing', async () => {
    await query(
      db().url,
      `CREATE TABLE t (id bigint PRIMARY KEY, full_name text NOT NULL, first_name text);
       INSERT INTO t (id, full_name) SELECT g, 'Dry' || g || ' Run' FROM generate_series(1, 2500) g;
       UPDATE t SET first_name = 'Set' WHERE id <= 100;`,
    );
    const [dir, file] = await writeScript(PLAN, [firstNameStep('t')]);

    const out = await cli(
      ['backfill', file, '--database-url', db().url, '--batch-size', '400', '--dry-run'],
      dir,
    );

    expect(out.code).toBe(0);
    expect(out.stdout).toContain(
      `Backfill ${PLAN} (migrations/002_change.sql), dry run: nothing is written.`,
    );
    expect(out.stdout).toContain('Step 1: public.t, walked by its primary key (id)');
    expect(out.stdout).toContain('rows that need it: about 2,400 of about 2,500');
    expect(out.stdout).toContain('batches: about 7 of up to 400 rows, each its own transaction');
    expect(out.stdout).toContain(
      `UPDATE t SET first_name = split_part(full_name, ' ', 1) WHERE t.id > $1::bigint AND t.id <= $2::bigint` +
        ` AND (first_name IS NULL AND (split_part(full_name, ' ', 1)) IS NOT NULL);`,
    );
    expect(out.stdout).toContain(
      'SELECT id::text FROM t AS _ec_bound WHERE id > $1::bigint ORDER BY _ec_bound.id OFFSET 399 LIMIT 1;',
    );
    expect(out.stdout).toContain('final check:');
    // nothing written: no row, no schema, no progress table
    expect(await count(db().url, 'SELECT count(*) FROM t WHERE first_name IS NOT NULL')).toBe(100);
    expect(await count(db().url, "SELECT count(*) FROM pg_namespace WHERE nspname = 'expand_contract'")).toBe(
      0,
    );
  });
});
