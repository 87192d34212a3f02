import { describe, expect, it } from 'vitest';
import { BEFORE } from '../../../src/catalog/model.js';
import type { CatalogSnapshot } from '../../../src/catalog/replay-seed.js';
import { analyzeDetailed, DEFAULT_OPTIONS } from '../../../src/engine.js';
import { planMigration } from '../../../src/plan/planner.js';
import type { MigrationPlan } from '../../../src/plan/types.js';
import { file, planOf } from '../helpers.js';

/** The reason the swap recipe gives for not planning `sql`, or undefined when it plans it. */
const refusal = async (history: string, sql: string): Promise<string | undefined> => {
  const plan = await planOf(history, sql);
  const rules = ['renaming-column', 'changing-column-type'];
  return plan.unplanned.find((u) => rules.includes(u.rule))?.reason;
};

const T = 'CREATE TABLE t (id int PRIMARY KEY, a int, b int);';

describe('column swap: what it refuses', () => {
  it('a foreign key from another table to the column, named or through the primary key', async () => {
    const history = `CREATE TABLE orgs (id integer PRIMARY KEY, code text UNIQUE);
CREATE TABLE members (id int PRIMARY KEY, org_id integer REFERENCES orgs, org_code text REFERENCES orgs (code));`;
    expect(await refusal(history, 'ALTER TABLE orgs RENAME COLUMN id TO org_id;')).toBe(
      'recipe rename-column: foreign key members_org_id_fkey on public.members references public.orgs.id; move that reference by hand first (drop it, or re-point it at the new column), then plan this change',
    );
    expect(await refusal(history, 'ALTER TABLE orgs ALTER COLUMN code TYPE varchar(20);')).toContain(
      'recipe change-column-type: foreign key members_org_code_fkey on public.members references public.orgs.code',
    );
  });

  it('multi-column indexes and constraints, and an index whose WHERE reads the column', async () => {
    const cases: Array<[string, string]> = [
      ['CREATE INDEX t_a_b_idx ON t (a, b);', 'index t_a_b_idx on public.t reads several columns (a, b)'],
      [
        'CREATE INDEX t_b_idx ON t (b) WHERE a > 0;',
        'index t_b_idx on public.t reads several columns (b, a)',
      ],
      [
        'ALTER TABLE t ADD CONSTRAINT t_ab CHECK (a < b);',
        'check constraint t_ab on public.t reads several columns (a, b)',
      ],
      [
        'ALTER TABLE t ADD UNIQUE (a, b);',
        'unique constraint t_a_b_key on public.t reads several columns (a, b)',
      ],
      ['CREATE INDEX t_ab_sum ON t ((a + b));', 'index t_ab_sum on public.t reads several columns (a, b)'],
    ];
    for (const [ddl, reason] of cases) {
      expect(await refusal(`${T}\n${ddl}`, 'ALTER TABLE t RENAME COLUMN a TO c;')).toBe(
        `recipe rename-column: ${reason}; copying multi-column indexes and constraints is not planned: plan it by hand`,
      );
    }
  });

  it('an exclusion constraint, and a table whose indexes come from LIKE', async () => {
    const rename = 'ALTER TABLE t RENAME COLUMN a TO c;';
    expect(await refusal(`${T}\nALTER TABLE t ADD EXCLUDE USING btree (a WITH =);`, rename)).toBe(
      'recipe rename-column: exclusion constraint t_a_excl is not copied; plan it by hand',
    );
    expect(
      await refusal('CREATE TABLE s (a int UNIQUE);\nCREATE TABLE t (LIKE s INCLUDING ALL);', rename),
    ).toBe(
      'recipe rename-column: public.t was created with LIKE, INHERITS or PARTITION OF: the indexes and constraints it got that way are not known; plan this change by hand',
    );
  });

  it('a DEFERRABLE unique constraint, whose options the copy would lose', async () => {
    expect(
      await refusal(
        `${T}\nALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a) DEFERRABLE;`,
        'ALTER TABLE t RENAME COLUMN a TO c;',
      ),
    ).toBe(
      'recipe rename-column: unique constraint t_a_key has options (DEFERRABLE, INCLUDE, WITH or USING INDEX TABLESPACE) that are not copied; plan it by hand',
    );
  });
});

describe('column swap: unique copies that the NULL new column would break before the backfill', () => {
  it('refuses NULLS NOT DISTINCT and unique expressions that may not be NULL', async () => {
    const rename = 'ALTER TABLE t RENAME COLUMN a TO c;';
    expect(await refusal(`${T}\nALTER TABLE t ADD UNIQUE NULLS NOT DISTINCT (a);`, rename)).toBe(
      'recipe rename-column: unique constraint t_a_key is NULLS NOT DISTINCT: its copy cannot be built while the new column is still NULL before the backfill; plan it by hand',
    );
    expect(await refusal(`${T}\nCREATE UNIQUE INDEX t_a_u ON t (coalesce(a, 0));`, rename)).toContain(
      'unique index t_a_u is UNIQUE over an expression that may not be NULL for NULL',
    );
    expect(await refusal(`${T}\nCREATE UNIQUE INDEX t_a_u ON t (abs(a));`, rename)).toBeUndefined();
  });
});

describe('column swap: type changes across type families', () => {
  it('refuses to re-read a CHECK or an index expression over a type of another family', async () => {
    const history = `${T}\nALTER TABLE t ADD CONSTRAINT t_a_small CHECK (a < 100);\nCREATE INDEX t_b_abs ON t (abs(b));`;
    expect(await refusal(history, 'ALTER TABLE t ALTER COLUMN a TYPE text;')).toBe(
      'recipe change-column-type: the expression of check constraint t_a_small would be re-read over text instead of integer, which may change its meaning or fail; plan it by hand',
    );
    expect(await refusal(history, 'ALTER TABLE t ALTER COLUMN b TYPE text;')).toContain(
      'the expression of index t_b_abs would be re-read over text instead of integer',
    );
    // Within a family the copy is what ALTER TYPE makes of it.
    expect(await refusal(history, 'ALTER TABLE t ALTER COLUMN a TYPE numeric(12,2);')).toBeUndefined();
  });
});

describe('column swap: definitions followed through the history', () => {
  it('uses current column names, skips dropped objects, and keeps copy names within 63 bytes', async () => {
    const long = 'an_index_name_that_is_exactly_sixty_three_bytes_long_for_tests_';
    expect(Buffer.byteLength(long)).toBe(63);
    const history = `${T}
CREATE INDEX t_a_idx ON t (a) WHERE b > 0;
ALTER TABLE t RENAME COLUMN b TO bee;
CREATE INDEX gone ON t (a);
DROP INDEX gone;
ALTER TABLE t ADD CONSTRAINT t_a_check CHECK (a <> 13);
ALTER TABLE t DROP CONSTRAINT t_a_check;
CREATE INDEX ${long} ON t (a);`;
    const plan = await planOf(history, 'ALTER TABLE t RENAME COLUMN a TO c;');
    const later = plan.recipes[0]?.sql.later.map((l) => l.sql);
    expect(later).toEqual([
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a_idx_new ON t (c) WHERE bee > 0',
      expect.stringMatching(
        /^CREATE INDEX CONCURRENTLY IF NOT EXISTS an_index_name_that_is_exactly_sixty_t\w+_[0-9a-z]+ ON t \(c\)$/,
      ),
    ]);
    const copy = later?.[1]?.split(' ')[6] ?? '';
    expect(Buffer.byteLength(copy)).toBeLessThanOrEqual(63);
    expect(plan.recipes[0]?.sql.contract.at(-1)).toBe(`ALTER INDEX ${copy} RENAME TO ${long}`);
  });
});

describe('column swap: a schema seeded from a replayed database', () => {
  const seeded = async (
    index: { name: string; columns: string[]; definition?: string } | null,
  ): Promise<MigrationPlan> => {
    const col = (name: string, type: string) => ({
      name,
      type: { name: type, schema: null, mods: [], arrayDims: 0, display: type },
      notNull: false,
      default: null,
      generated: null,
      identity: false,
      origin: BEFORE,
    });
    const seed: CatalogSnapshot = {
      format: 2,
      schemas: ['public'],
      relations: [
        {
          schema: 'public',
          name: 't',
          kind: 'table',
          origin: BEFORE,
          columns: [col('id', 'integer'), col('a', 'text')],
          constraints: [
            { name: 't_pkey', kind: 'primary key', columns: ['id'], validated: true, origin: BEFORE },
          ],
        },
      ],
      indexes: index
        ? [{ schema: 'public', table: 'public.t', unique: false, origin: BEFORE, ...index }]
        : [],
      types: [],
      sequences: [],
    };
    const change = file('002_change.sql', 'ALTER TABLE t RENAME COLUMN a TO b;');
    const analysis = await analyzeDetailed(
      { history: [], releases: [[change]] },
      { ...DEFAULT_OPTIONS, postgresVersion: 16, today: '2026-01-01', seed },
    );
    return planMigration(analysis, change.path, { postgresVersion: 16, contractAfterDays: 7 });
  };

  it('refuses when an index may read the column and its definition is not in the snapshot, else plans', async () => {
    for (const index of [
      { name: 't_a_idx', columns: ['a'] },
      { name: 't_lower_idx', columns: [] },
    ]) {
      const plan = await seeded(index);
      expect(plan.unplanned.find((u) => u.rule === 'renaming-column')?.reason).toBe(
        `recipe rename-column: the definition of index ${index.name} on public.t is not known (an unnamed object whose name PostgreSQL chose is not certain, or a definition that could not follow a rename), and the copy of a may need it; plan this change by hand`,
      );
    }
    const known = await seeded({
      name: 't_lower_idx',
      columns: [],
      definition: 'CREATE INDEX t_lower_idx ON public.t USING btree (lower(a))',
    });
    expect(known.recipes[0]?.sql.later.map((l) => l.sql)).toEqual([
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS t_lower_idx_new ON t USING btree (lower(b))',
    ]);
  });
});
