import { describe, expect, it } from 'vitest';
import { takesBlockingLock } from '../../../src/plan/recipes/lock-timeout.js';
import { planOf, USERS } from '../helpers.js';

describe('lock-timeout', () => {
  it('opens expand with SET lock_timeout when a statement takes a blocking lock', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users ADD COLUMN nickname text;', { lockTimeout: '2s' });
    expect(plan.expand).toBe("SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN nickname text;");
    expect(plan.recipes.map((r) => [r.recipe, r.rules])).toEqual([
      ['lock-timeout', ['require-lock-timeout']],
    ]);
  });

  it('can be turned off: the findings are then unplanned', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users ADD COLUMN nickname text;', { lockTimeout: null });
    expect(plan.expand).toBe('ALTER TABLE users ADD COLUMN nickname text;');
    expect(plan.unplanned.map((u) => u.rule)).toEqual(['require-lock-timeout']);
  });

  it('knows which statements block traffic', () => {
    expect(takesBlockingLock('ALTER TABLE t ADD COLUMN a int')).toBe(true);
    expect(takesBlockingLock('ALTER TABLE t VALIDATE CONSTRAINT c')).toBe(false);
    expect(takesBlockingLock('DROP INDEX CONCURRENTLY i')).toBe(false);
    expect(takesBlockingLock('CREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()')).toBe(
      true,
    );
    expect(takesBlockingLock('UPDATE t SET a = 1')).toBe(false);
  });
});
