import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverPaths } from '../../src/discover/index.js';
import { FIXTURES, released } from './helpers.js';

describe('plain sql', () => {
  const CWD = join(FIXTURES, 'sql');

  it('orders by path with numbers compared as numbers; not transactional', async () => {
    const files = released(await discoverPaths(['migrations'], {}, CWD));
    expect(files.map((f) => basename(f.path))).toEqual(['1_init.sql', '2_email.sql', '10_index.sql']);
    expect(files.every((f) => f.framework === 'sql' && !f.transactional)).toBe(true);
    expect(files.every((f) => f.diagnostics.length === 0)).toBe(true);
  });

  it('lets the configuration force a framework over detection', async () => {
    const forced = released(
      await discoverPaths(['db/migrations'], { framework: 'sql' }, join(FIXTURES, 'dbmate')),
    );
    expect(forced.every((f) => f.framework === 'sql' && !f.transactional)).toBe(true);
    // Forced to plain SQL, the down section counts as SQL that runs.
    expect(forced[0]?.sql).toContain('DROP TABLE users;');
    const asDbmate = released(await discoverPaths(['migrations'], { framework: 'dbmate' }, CWD));
    expect(asDbmate[0]?.diagnostics[0]?.message).toContain('-- migrate:up');
  });
});
