// The replay cache: where it lives, what its key covers, and that an entry it cannot trust is
// ignored and rebuilt, never fatal. The last block runs openHistory end to end on PGlite.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultCacheDir,
  historyKey,
  isInside,
  ReplayCache,
  type CacheEntry,
} from '../../src/catalog/cache.js';
import { historyCatalog, openHistory } from '../../src/catalog/replay-history.js';
import type { CatalogSnapshot } from '../../src/catalog/replay-seed.js';
import { qualify } from '../../src/parse/ast.js';
import { loadParser } from '../../src/parse/index.js';
import { migration } from '../db/history.js';

/** A one-file tar archive: enough for the cache's integrity checks. */
function tinyTar(content = 'PG_VERSION 18\n'): Uint8Array {
  const header = Buffer.alloc(512);
  header.write('base/PG_VERSION', 0, 'latin1');
  header.write('0000644\0', 100, 'latin1');
  header.write('0000000\0', 108, 'latin1');
  header.write('0000000\0', 116, 'latin1');
  header.write(`${content.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  header.write('00000000000\0', 136, 'latin1');
  header.write('0', 156, 'latin1');
  header.write('ustar\0' + '00', 257, 'latin1');
  header.fill(' ', 148, 156);
  const sum = header.reduce((a, b) => a + b, 0);
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  const body = Buffer.alloc(512);
  body.write(content, 0, 'latin1');
  return new Uint8Array(Buffer.concat([header, body, Buffer.alloc(1024)]));
}

const SNAPSHOT: CatalogSnapshot = {
  format: 2,
  schemas: ['public'],
  relations: [],
  indexes: [],
  types: [],
  sequences: [],
};
const OK: CacheEntry = {
  result: { ok: true, replayed: 1, statements: 1, skipped: [] },
  extensions: ['citext'],
  snapshot: SNAPSHOT,
  state: tinyTar(),
};
const FAILED: CacheEntry = {
  result: {
    ok: false,
    file: 'a.sql',
    line: 2,
    statement: 'SELECT 1/0',
    message: 'division by zero',
    replayed: 0,
  },
  extensions: [],
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ec-cache-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const files = async (): Promise<string[]> => (await readdir(join(dir, 'v2')).catch(() => [])).sort();

describe('defaultCacheDir', () => {
  it('prefers the runner tool cache, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(
      defaultCacheDir({ RUNNER_TOOL_CACHE: '/opt/hostedtoolcache', XDG_CACHE_HOME: '/x' }, '/home/u'),
    ).toBe('/opt/hostedtoolcache/expand-contract');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/u' }, '/home/u')).toBe(
      '/var/cache/u/expand-contract',
    );
    // The XDG spec says a relative XDG_CACHE_HOME is invalid (and it would land in the working tree).
    expect(defaultCacheDir({ XDG_CACHE_HOME: '.cache' }, '/home/u')).toBe('/home/u/.cache/expand-contract');
    expect(defaultCacheDir({}, '/home/u')).toBe('/home/u/.cache/expand-contract');
  });

  it('tells a directory inside the working tree', () => {
    expect(isInside('/repo/.cache', '/repo')).toBe(true);
    expect(isInside('/repo', '/repo')).toBe(true);
    expect(isInside('/repository-cache', '/repo')).toBe(false);
    expect(isInside('/home/u/.cache/expand-contract', '/repo')).toBe(false);
  });
});

describe('historyKey', () => {
  const history = [
    migration('001.sql', 'CREATE TABLE a (id int);'),
    migration('002.sql', 'CREATE TABLE b (id int);'),
  ];
  const key = historyKey(history);

  it('is stable for the same history, and changes with content, path, framework, order and version', () => {
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(historyKey(history.map((f) => ({ ...f })))).toBe(key);
    const variants = [
      [migration('001.sql', 'CREATE TABLE a (id bigint);'), history[1]],
      [migration('001_init.sql', 'CREATE TABLE a (id int);'), history[1]],
      [{ ...history[0], framework: 'flyway' }, history[1]],
      [{ ...history[0], transactional: true }, history[1]],
      [history[1], history[0]],
      [history[0]],
    ];
    for (const v of variants) expect(historyKey(v as typeof history)).not.toBe(key);
    expect(historyKey(history, { toolVersion: '9.9.9' })).not.toBe(key);
  });
});

describe('ReplayCache', () => {
  const key = 'a'.repeat(64);

  it('gives back what it stored, with or without the data directory', async () => {
    const cache = new ReplayCache(dir);
    expect(await cache.read(key)).toBeUndefined();
    expect(await cache.write(key, OK)).toBe(true);
    expect(await files()).toEqual([`${key}.json`, `${key}.tar.gz`]);
    const back = await cache.read(key);
    expect(back).toMatchObject({ result: OK.result, extensions: ['citext'], snapshot: SNAPSHOT });
    expect(Buffer.from(back?.state ?? []).equals(Buffer.from(OK.state ?? []))).toBe(true);
    expect((await cache.read(key, false))?.state).toBeUndefined();
  });

  it('keeps a failed replay too, without a data directory', async () => {
    const cache = new ReplayCache(dir);
    expect(await cache.write(key, FAILED)).toBe(true);
    expect(await files()).toEqual([`${key}.json`]);
    expect(await cache.read(key)).toEqual({ result: FAILED.result, extensions: [] });
  });

  it.each([
    ['unreadable JSON', async () => writeFile(join(dir, 'v2', `${key}.json`), '{"format":2,')],
    ['another key', async () => rewriteMeta((m) => ({ ...m, key: 'b'.repeat(64) }))],
    ['another tool version', async () => rewriteMeta((m) => ({ ...m, toolVersion: '0.0.0-old' }))],
    ['a broken snapshot', async () => rewriteMeta((m) => ({ ...m, snapshot: { format: 2 } }))],
    ['a missing data directory', async () => rm(join(dir, 'v2', `${key}.tar.gz`))],
    ['a damaged data directory', async () => damage(join(dir, 'v2', `${key}.tar.gz`))],
    ['a data directory that is not gzip', async () => writeFile(join(dir, 'v2', `${key}.tar.gz`), 'junk')],
  ])('ignores and removes an entry with %s', async (_what, spoil) => {
    const cache = new ReplayCache(dir);
    await cache.write(key, OK);
    await spoil();
    expect(await cache.read(key)).toBeUndefined();
    expect(await files()).toEqual([]);
    // And the next write replaces it.
    expect(await cache.write(key, OK)).toBe(true);
    expect(await cache.read(key)).toBeDefined();
  });

  it('refuses a state that passes the checksum but is no archive', async () => {
    const cache = new ReplayCache(dir);
    expect(await cache.write(key, { ...OK, state: new Uint8Array(4096) })).toBe(true);
    expect(await cache.read(key)).toBeUndefined();
  });

  it('keeps only the most recently used entries', async () => {
    const cache = new ReplayCache(dir, { maxEntries: 2 });
    for (const k of ['1', '2', '3']) {
      await cache.write(k.repeat(64), FAILED);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await files()).toEqual([`${'2'.repeat(64)}.json`, `${'3'.repeat(64)}.json`]);
  });

  it('answers false, never throws, when it cannot write', async () => {
    await writeFile(join(dir, 'not-a-dir'), '');
    const cache = new ReplayCache(join(dir, 'not-a-dir'));
    expect(await cache.write(key, OK)).toBe(false);
    expect(await cache.read(key)).toBeUndefined();
  });

  async function rewriteMeta(
    change: (meta: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<void> {
    const path = join(dir, 'v2', `${key}.json`);
    await writeFile(
      path,
      JSON.stringify(change(JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>)),
    );
  }
});

async function damage(path: string): Promise<void> {
  const bytes = await readFile(path);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  await writeFile(path, bytes);
}

describe('openHistory with a cache on PGlite', () => {
  const history = [
    migration(
      '001.sql',
      "CREATE TYPE mood AS ENUM ('ok');\nCREATE TABLE people (id int PRIMARY KEY, m mood);",
      {
        transactional: true,
      },
    ),
    migration('002.sql', "ALTER TYPE mood ADD VALUE 'great';\nINSERT INTO people VALUES (1, 'ok');"),
  ];
  const key = historyKey(history);

  beforeAll(async () => {
    await loadParser();
  });

  it('replays once, then loads the saved state; a damaged entry is rebuilt', async () => {
    const first = await openHistory(history, { cacheDir: dir });
    expect(first).toMatchObject({ ok: true, source: 'replay', notices: [] });
    if (first.ok) await first.db.close();
    expect(await files()).toEqual([`${key}.json`, `${key}.tar.gz`]);

    const second = await openHistory(history, { cacheDir: dir });
    expect(second).toMatchObject({ ok: true, source: 'cache', replay: { ok: true, replayed: 2 } });
    if (!second.ok) return;
    try {
      // The database is at the state after the history: its data came along.
      expect(await second.db.query('SELECT id, m::text FROM people')).toEqual([{ id: 1, m: 'ok' }]);
      expect(second.catalog.type(qualify('mood'))?.values).toEqual(['ok', 'great']);
    } finally {
      await second.db.close();
    }

    // The schema alone comes from the entry without starting a database.
    const started = performance.now();
    const schemaOnly = await historyCatalog(history, { cacheDir: dir });
    expect(performance.now() - started).toBeLessThan(500);
    expect(schemaOnly).toMatchObject({ ok: true, source: 'cache' });

    await damage(join(dir, 'v2', `${key}.tar.gz`));
    const third = await openHistory(history, { cacheDir: dir });
    expect(third).toMatchObject({ ok: true, source: 'replay' });
    if (third.ok) await third.db.close();
    expect((await new ReplayCache(dir).read(key))?.state).toBeDefined();
  }, 60_000);

  it('misses on a different history, and remembers a failed replay', async () => {
    const other = [...history, migration('003.sql', 'ALTER TABLE nobody ADD COLUMN x int;')];
    const first = await openHistory(other, { cacheDir: dir });
    expect(first).toMatchObject({
      ok: false,
      source: 'replay',
      backend: 'PGlite',
      failure: { file: '003.sql', line: 1 },
    });
    const again = await historyCatalog(other, { cacheDir: dir });
    expect(again).toMatchObject({ ok: false, source: 'cache', failure: { file: '003.sql', line: 1 } });
  }, 60_000);

  it('does not cache inside the working tree', async () => {
    const workTree = join(dir, 'repo');
    await mkdir(workTree);
    const outcome = await historyCatalog([migration('001.sql', 'CREATE TABLE t (id int);')], {
      cacheDir: join(workTree, '.cache'),
      workTree,
    });
    expect(outcome).toMatchObject({
      ok: true,
      source: 'replay',
      notices: [`The cache directory ${join(workTree, '.cache')} is inside the repository; not caching.`],
    });
    expect(await readdir(workTree)).toEqual([]);
  }, 60_000);
});
