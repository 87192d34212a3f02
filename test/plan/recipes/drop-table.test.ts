import { describe, expect, it } from 'vitest';
import { planOf, USERS } from '../helpers.js';

describe('drop-table', () => {
  it('expands nothing and drops the table in the contract', async () => {
    const plan = await planOf(USERS, 'DROP TABLE orgs;');
    const r = plan.recipes.find((x) => x.recipe === 'drop-table');
    expect(r?.sql.contract).toEqual(['DROP TABLE orgs']);
    expect(r?.drops).toEqual(['public.orgs']);
    expect(r?.app.switchReads[0]).toContain('Stop reading and writing public.orgs');
    expect(r?.app.ignore.find((n) => n.orm === 'Prisma')?.how).toContain('@@ignore');
    expect(plan.expand).toBe('');
    expect(plan.contract).toBe("SET lock_timeout = '5s';\nDROP TABLE orgs;");
  });
});
