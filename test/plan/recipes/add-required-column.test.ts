import { describe, expect, it } from 'vitest';
import { planOf, USERS } from '../helpers.js';

describe('add-required-column', () => {
  it('adds the column nullable, backfills a placeholder value, sets NOT NULL in the contract', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users ADD COLUMN score int NOT NULL;');
    const r = plan.recipes[0];
    expect(r?.sql.expand).toEqual(['ALTER TABLE users ADD COLUMN score int']);
    expect(r?.sql.backfill[0]).toContain(
      "UPDATE users SET score = expand_contract_todo('value for existing rows of public.users.score')\n     WHERE users.id >= _ec_from AND users.id < _ec_from + 1000 AND (score IS NULL);",
    );
    expect(r?.sql.contract).toEqual([
      'ALTER TABLE users ADD CONSTRAINT users_score_not_null_check CHECK (score IS NOT NULL) NOT VALID',
      'ALTER TABLE users VALIDATE CONSTRAINT users_score_not_null_check',
      'ALTER TABLE users ALTER COLUMN score SET NOT NULL',
      'ALTER TABLE users DROP CONSTRAINT users_score_not_null_check',
    ]);
    expect(plan.placeholders.map((p) => [p.phase, p.description])).toEqual([
      ['backfill', 'value for existing rows of public.users.score'],
    ]);
    expect(r?.app.dualWrite[0]).toContain('writes score on every insert');
  });
});
