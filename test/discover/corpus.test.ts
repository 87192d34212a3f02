// Discovery over the real migration histories in ../shared/corpus (skipped when it is absent).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../src/discover/frameworks/sqitch.js';
import { discoverPaths } from '../../src/discover/index.js';
import { hasStatements } from '../../src/discover/text.js';
import type { MigrationFile } from '../../src/types.js';
import { released } from './helpers.js';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'corpus');

async function discover(path: string): Promise<{ runs: MigrationFile[]; notices: MigrationFile[] }> {
  const files = released(await discoverPaths([path], {}, CORPUS));
  return { runs: files.filter((f) => f.sql !== ''), notices: files.filter((f) => f.sql === '') };
}

function frameworks(files: MigrationFile[]): string[] {
  return [...new Set(files.map((f) => f.framework))];
}

describe.skipIf(!existsSync(CORPUS))('the shared corpus', () => {
  it('upchieve-subway: 282 dbmate files, in timestamp order', async () => {
    const { runs, notices } = await discover('upchieve-subway/database/migrations');
    expect(runs).toHaveLength(282);
    expect(notices).toEqual([]);
    expect(frameworks(runs)).toEqual(['dbmate']);
    const names = runs.map((f) => f.path.split('/').pop() as string);
    expect(names).toEqual([...names].sort());
    // Three files indent their `-- migrate:down`; dbmate would not see it, so we warn.
    expect(runs.flatMap((f) => f.diagnostics).filter((d) => d.severity === 'warning')).toHaveLength(3);
  });

  it('dependency-track: 42 Flyway scripts in two locations, versions before repeatables', async () => {
    const { runs } = await discover('dependency-track');
    expect(runs).toHaveLength(42);
    expect(frameworks(runs)).toEqual(['flyway']);
    const main = runs.filter((f) => f.path.startsWith('dependency-track/migration/'));
    const firstRepeatable = main.findIndex((f) => f.repeatable);
    expect(main.slice(firstRepeatable).every((f) => f.repeatable)).toBe(true);
    const nonTx = runs.filter((f) => !f.transactional).map((f) => f.path.split('/').pop());
    expect(nonTx).toEqual(
      expect.arrayContaining([
        'V0.1.5__ImproveWorkflowTaskSchedulerIndexes.sql',
        'V202606171210__vulnerablesoftware_cpe_match_idx.sql',
        'V202608081159__add_component_streebog_hash_indexes.sql',
      ]),
    );
    expect(runs.flatMap((f) => f.diagnostics)).toEqual([]);
  });

  it('opentdf-platform: 48 goose files, up sections only', async () => {
    const { runs } = await discover('opentdf-platform/service/policy/db/migrations');
    expect(runs).toHaveLength(48);
    expect(frameworks(runs)).toEqual(['goose']);
    for (const f of runs) {
      const down = f.sql.slice(f.sql.search(/^-- \+goose Down/m));
      expect(hasStatements(down), f.path).toBe(false);
    }
    expect(runs.flatMap((f) => f.diagnostics).filter((d) => d.severity !== 'notice')).toEqual([]);
  });

  it('pocket-id: 64 golang-migrate up files', async () => {
    const { runs, notices } = await discover('pocket-id/backend/resources/migrations/postgres');
    expect(runs).toHaveLength(64);
    expect(notices).toEqual([]);
    expect(runs.every((f) => f.path.endsWith('.up.sql') && f.framework === 'golang-migrate')).toBe(true);
  });

  it('simstudio-sim: the journal entries, and a notice for the file outside it', async () => {
    const dir = 'simstudio-sim/packages/db/migrations';
    const journal = JSON.parse(await readFile(join(CORPUS, dir, 'meta/_journal.json'), 'utf8')) as {
      entries: Array<{ tag: string }>;
    };
    const { runs, notices } = await discover(dir);
    expect(runs.map((f) => f.path.split('/').pop())).toEqual(journal.entries.map((e) => `${e.tag}.sql`));
    expect(notices.map((f) => f.path.split('/').pop())).toEqual(['0091_backfill_user_stats.sql']);
  });

  it('chatbot-ui: 25 Supabase migrations', async () => {
    const { runs } = await discover('chatbot-ui/supabase/migrations');
    expect(runs).toHaveLength(25);
    expect(frameworks(runs)).toEqual(['supabase']);
  });

  it('id3c: follows sqitch.plan, reworked changes included', async () => {
    const plan = readPlan(await readFile(join(CORPUS, 'id3c/schema/sqitch.plan'), 'utf8'));
    const { runs, notices } = await discover('id3c/schema');
    expect(notices).toEqual([]);
    expect(runs).toHaveLength(plan.length);
    expect(
      runs.map((f) => f.path.replace(/^id3c\/schema\/deploy\//, '').replace(/(@[^/]*)?\.sql$/, '')),
    ).toEqual(plan.map((c) => c.name));
    expect(runs[0]?.path).toBe('id3c/schema/deploy/roles/public@v1.sql');
    expect(frameworks(runs)).toEqual(['sqitch']);
  });

  it('keeps every line of every file', async () => {
    const files = released(await discoverPaths(['.'], {}, CORPUS)).filter((f) => f.sql !== '');
    expect(files.length).toBeGreaterThan(900);
    for (const f of files) {
      const original = await readFile(join(CORPUS, f.path), 'utf8');
      expect(f.sql.split('\n').length, f.path).toBe(original.split('\n').length);
    }
  });
});
