import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseError, SqlError } from '../../src/db/database.js';
import { dataDirArchive, openPglite, pgliteHasExtension, type PgliteDatabase } from '../../src/db/pglite.js';

const sha = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

// One PGlite for the file (each costs ~2 s and ~760 MB); the restore test starts a second one.
let db: PgliteDatabase;

beforeAll(async () => {
  db = await openPglite({ extensions: ['uuid-ossp', 'earthdistance'] });
}, 60_000);

afterAll(async () => {
  await db?.close();
});

describe('openPglite', () => {
  it('runs several statements at once and queries with parameters', async () => {
    await db.exec(
      'CREATE TABLE t (id int PRIMARY KEY, name text); INSERT INTO t VALUES (1, $$a$$), (2, $$b$$);',
    );
    const rows = await db.query<{ id: number; name: string }>(
      'SELECT id, name FROM t WHERE id > $1 ORDER BY id',
      [0],
    );
    expect(rows).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
    expect(db.kind).toBe('pglite');
  });

  it('reports SQL errors as SqlError with SQLSTATE and position', async () => {
    const err = await db.exec('SELECT nope FROM t').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SqlError);
    expect(err).toMatchObject({ code: '42703', position: 8, message: 'column "nope" does not exist' });
  });

  it('commits a transaction, and rolls it back when the callback throws', async () => {
    await db.transaction(async (tx) => {
      await tx.exec('INSERT INTO t VALUES (3, $$c$$)');
    });
    const failed = await db
      .transaction(async (tx) => {
        await tx.exec('INSERT INTO t VALUES (4, $$d$$)');
        await tx.exec('INSERT INTO t VALUES (4, $$dup$$)');
      })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ name: 'SqlError', code: '23505' });
    const rows = await db.query<{ id: number }>('SELECT id FROM t ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('loads the contrib extensions it was asked for, with what they need', async () => {
    expect(db.extensions).toEqual(['cube', 'earthdistance', 'uuid-ossp']);
    await db.exec('CREATE EXTENSION "uuid-ossp"; CREATE EXTENSION earthdistance CASCADE;');
    const [row] = await db.query<{ v: number }>('SELECT length(uuid_generate_v4()::text) AS v');
    expect(row?.v).toBe(36);
    expect(pgliteHasExtension('pgcrypto')).toBe(true);
    expect(pgliteHasExtension('postgis')).toBe(false);
  });

  it('dumps its state and a new instance starts from it', async () => {
    const state = await db.dumpState();
    expect(state.byteLength).toBeGreaterThan(1_000_000);
    const copy = await openPglite({ state, extensions: db.extensions });
    try {
      const rows = await copy.query<{ id: number }>('SELECT id FROM t ORDER BY id');
      expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
      const [row] = await copy.query<{ v: number }>('SELECT length(uuid_generate_v4()::text) AS v');
      expect(row?.v).toBe(36);
    } finally {
      await copy.close();
    }
    // Closed: a second close is quiet, any use is a DatabaseError.
    await copy.close();
    await expect(copy.exec('SELECT 1')).rejects.toBeInstanceOf(DatabaseError);
    await expect(copy.query('SELECT 1')).rejects.toThrow('the PGlite database is closed');
  }, 60_000);

  it('refuses a damaged state before PGlite sees it', async () => {
    const state = await db.dumpState();
    // Compared by hash: a 40 MB array in a failed expectation would be printed in full.
    expect(sha(await dataDirArchive(state))).toBe(sha(state));
    expect(sha(await dataDirArchive(gzipSync(state, { level: 1 })))).toBe(sha(state));
    const damaged = state.slice();
    damaged[100] = (damaged[100] ?? 0) ^ 0xff;
    for (const [bad, why] of [
      [new Uint8Array(2048), 'an empty archive'],
      [state.subarray(0, Math.floor(state.length / 2) + 7), 'a truncated archive'],
      [damaged, 'bad tar header at byte 0'],
      [gzipSync(state, { level: 1 }).subarray(0, 1000), 'unexpected end of file'],
    ] as const) {
      await expect(openPglite({ state: bad })).rejects.toThrow(`the saved database state is damaged: ${why}`);
    }
  }, 60_000);

  it('imports PGlite lazily (type-only at the top of the module)', async () => {
    const text = await readFile(new URL('../../src/db/pglite.ts', import.meta.url), 'utf8');
    const staticImports = text.split('\n').filter((l) => /^import .*'@electric-sql\/pglite/.test(l));
    expect(staticImports.every((l) => l.startsWith('import type '))).toBe(true);
  });
});
