import { describe, expect, it } from 'vitest';
import { planOf, USERS } from '../helpers.js';

describe('add-check-not-valid', () => {
  it('adds the check NOT VALID and validates it in a later migration', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0);');
    expect(plan.expand).toBe(
      "SET lock_timeout = '5s';\nALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0) NOT VALID;",
    );
    expect(plan.later[0]?.sql).toBe('ALTER TABLE users VALIDATE CONSTRAINT age_positive');
  });
});
