import { describe, expect, it } from 'vitest';
import { globBase, globToRegExp, hasGlob, matchesAny } from '../../src/discover/glob.js';

describe('glob', () => {
  it.each([
    ['db/migrations/*.sql', 'db/migrations/1_a.sql', true],
    ['db/migrations/*.sql', 'db/migrations/sub/1_a.sql', false],
    ['db/**/*.sql', 'db/1.sql', true],
    ['db/**/*.sql', 'db/a/b/1.sql', true],
    ['**/migrations/*.sql', 'svc/api/migrations/1.sql', true],
    ['**/migrations/*.sql', 'migrations/1.sql', true],
    ['db/migrations', 'db/migrations/1.sql', true],
    ['db/migrations', 'db/migrations2/1.sql', false],
    ['./db/V?__*.sql', 'db/V1__a.sql', true],
    ['db/V?__*.sql', 'db/V10__a.sql', false],
    ['db/{up,down}/*.sql', 'db/down/1.sql', true],
    ['db/[0-9]*.sql', 'db/7_a.sql', true],
    ['db/[!0-9]*.sql', 'db/7_a.sql', false],
    ['db/a.b.sql', 'db/aXb.sql', false],
    ['db/[z-a].sql', 'db/[z-a].sql', true],
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(matchesAny(path, [glob])).toBe(expected);
  });

  it('finds the folder to walk', () => {
    expect(globBase('db/migrations/**/*.sql')).toBe('db/migrations');
    expect(globBase('*.sql')).toBe('.');
    expect(hasGlob('db/migrations')).toBe(false);
    expect(globToRegExp('{a,b').test('a')).toBe(true);
  });
});
