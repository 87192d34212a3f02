import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverPaths } from '../../src/discover/index.js';
import { FIXTURES, released } from './helpers.js';

const CWD = join(FIXTURES, 'prisma');

describe('prisma', () => {
  it('runs <timestamp>_<name>/migration.sql in folder order, transactional', async () => {
    const files = released(await discoverPaths(['migrations'], {}, CWD));
    expect(files.map((f) => f.path)).toEqual([
      'migrations/20240101000000_init/migration.sql',
      'migrations/20240201000000_add_email/migration.sql',
    ]);
    expect(files.every((f) => f.framework === 'prisma' && f.transactional)).toBe(true);
  });

  it('gives one migration the earlier folders as history', async () => {
    const input = await discoverPaths(['migrations/20240201000000_add_email/migration.sql'], {}, CWD);
    expect(input.history.map((f) => f.path)).toEqual(['migrations/20240101000000_init/migration.sql']);
    expect(released(input)[0]?.framework).toBe('prisma');
  });
});
