import { describe, expect, it } from 'vitest';
import { laterPaths, migrationsDir, parseSource } from '../../../src/plan/naming/paths.js';
import { nextVersion } from '../../../src/plan/naming/versions.js';

describe('nextVersion', () => {
  it('moves a timestamp on by a second, across a year end', () => {
    expect(nextVersion('20241231235959', new Set())).toBe('20250101000000');
  });
  it('counts on, keeping the zero padding, skipping taken versions', () => {
    expect(nextVersion('0009', new Set())).toBe('0010');
    expect(nextVersion('002', new Set(['3', '4']))).toBe('005');
  });
});

describe('paths', () => {
  it('reads the version and name of each framework', () => {
    expect(parseSource('flyway', 'sql/V1_2__add.sql')).toEqual({
      dir: 'sql/',
      version: '1_2',
      rest: '__add',
    });
    expect(parseSource('prisma', 'p/migrations/20240101000000_x/migration.sql')).toEqual({
      dir: 'p/migrations/',
      version: '20240101000000',
      rest: '_x',
    });
    expect(migrationsDir('prisma', 'p/migrations/20240101000000_x/migration.sql')).toBe('p/migrations');
    expect(migrationsDir('sql', 'change.sql')).toBe('.');
  });
  it('names files without a version after the source', () => {
    expect(laterPaths('sqitch', 'deploy/users.sql', 2, [])).toEqual([
      'deploy/users_later1.sql',
      'deploy/users_later2.sql',
    ]);
  });
  it('ignores files of other folders when choosing a version', () => {
    expect(laterPaths('goose', 'a/1_x.sql', 1, ['b/2_y.sql', 'a/3_z.sql'])).toEqual(['a/2_x_later1.sql']);
  });
});
