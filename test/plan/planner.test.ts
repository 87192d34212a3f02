import { describe, expect, it } from 'vitest';
import { analyzeDetailed, DEFAULT_OPTIONS } from '../../src/engine.js';
import { planMigration } from '../../src/plan/planner.js';
import { file, planOf, USERS } from './helpers.js';

describe('planMigration', () => {
  it('keeps unclaimed statements in expand, in file order, between the recipes', async () => {
    const plan = await planOf(
      USERS,
      [
        'CREATE TABLE tags (id int PRIMARY KEY, name text);',
        'ALTER TABLE users RENAME COLUMN email TO mail;',
        "INSERT INTO tags VALUES (1, 'a');",
      ].join('\n'),
    );
    expect(plan.passthrough.map((p) => [p.statementLine, p.sql])).toEqual([
      [1, 'CREATE TABLE tags (id int PRIMARY KEY, name text)'],
      [3, "INSERT INTO tags VALUES (1, 'a')"],
    ]);
    const lines = plan.expand.split('\n');
    expect(lines[0]).toBe("SET lock_timeout = '5s';");
    expect(lines[1]).toBe('CREATE TABLE tags (id int PRIMARY KEY, name text);');
    expect(lines[2]).toBe('ALTER TABLE users ADD COLUMN mail text;');
    expect(lines.at(-1)).toBe("INSERT INTO tags VALUES (1, 'a');");
  });

  it('says "no recipe" plainly for findings no recipe answers; the statement passes through', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users ADD COLUMN data json;');
    expect(plan.unplanned.map((u) => [u.rule, u.reason])).toEqual([
      ['prefer-jsonb', 'no recipe for rule prefer-jsonb'],
    ]);
    expect(plan.passthrough.map((p) => p.sql)).toEqual(['ALTER TABLE users ADD COLUMN data json']);
  });

  it('passes a DO block through whole; findings inside it are unplanned with the reason', async () => {
    const plan = await planOf(USERS, 'DO $$ BEGIN UPDATE users SET age = 0; END $$;');
    expect(plan.passthrough).toHaveLength(1);
    expect(plan.unplanned.map((u) => u.rule)).toContain('backfill-in-migration');
    expect(plan.unplanned.find((u) => u.rule === 'backfill-in-migration')?.reason).toContain(
      'inside a DO block',
    );
  });

  it('records the framework and whether it wraps the file in a transaction', async () => {
    const plan = await planOf(USERS, 'CREATE INDEX i ON users (age);', {
      framework: 'goose',
      transactional: false,
    });
    expect([plan.framework, plan.transactional, plan.contractAfterDays]).toEqual(['goose', false, 7]);
    expect(plan.later[0]?.outsideTransaction).toBe(true);
  });

  it('rejects a file that is not in the analysis', async () => {
    const analysis = await analyzeDetailed(
      { history: [], releases: [[file('a.sql', 'SELECT 1;')]] },
      DEFAULT_OPTIONS,
    );
    expect(() => planMigration(analysis, 'b.sql', { postgresVersion: 16, contractAfterDays: 7 })).toThrow(
      'b.sql is not one of the analysed files',
    );
  });
});
