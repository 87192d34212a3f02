// The scheduled contract run of the Action (`node dist/index.js` on workflow_dispatch, mode auto ->
// schedule), against the fake GitHub API and a real git repository: wall time and API requests with 1 and
// with 50 pending contracts on the default branch, all due (each opens its contract pull request), and
// again when none is due (nothing opened). Requests should follow the number of plans, not the repository.
//
//   npx tsx bench/schedule.ts [--runs N]          (also run by `npm run bench`, unless --no-action)
import { parseArgs } from 'node:util';
import { pendingHeader } from '../src/plan/split.js';
import { HISTORY, runOn, scenario } from '../test/e2e/helpers.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });
const RUNS = Math.max(1, Number(values.runs));
const DAY = 24 * 3600 * 1000;

/** `n` columns on users, each with a pending contract that drops it, as split leaves them. */
function pendingFiles(n: number): Record<string, string> {
  const columns = Array.from({ length: n }, (_, i) => `legacy_${i}`);
  const files: Record<string, string> = {
    ...HISTORY,
    'db/migrations/002_legacy.sql':
      columns.map((c) => `ALTER TABLE users ADD COLUMN ${c} text;`).join('\n') + '\n',
  };
  columns.forEach((c, i) => {
    const planId = `ec-${(i + 1).toString(16).padStart(16, '0')}`;
    files[`.expand-contract/pending/${planId}.sql`] = [
      ...pendingHeader({
        planId,
        source: `db/migrations/${String(100 + i)}_stop_${c}.sql`,
        framework: 'sql',
        migrationsDir: 'db/migrations',
        contractAfterDays: 7,
        drops: [`public.users.${c}`],
      }),
      `ALTER TABLE users DROP COLUMN ${c};`,
      '',
    ].join('\n');
  });
  return files;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

console.log(`\nThe scheduled contract run (node dist/index.js, fake GitHub API), median of ${RUNS} run(s)`);
console.log('| pending contracts | deploy age | wall time | API requests | pull requests opened |');
console.log('|---|---|---|---|---|');
for (const n of [1, 50]) {
  for (const age of [9, 2]) {
    const times: number[] = [];
    const requests: number[] = [];
    let opened = 0;
    for (let r = 0; r < RUNS; r++) {
      const s = await scenario({ base: [pendingFiles(n)], head: [{ 'README.md': 'docs\n' }] });
      try {
        s.github.seedDeployment({
          sha: s.git.baseSha,
          statuses: [{ state: 'success', createdAt: new Date(Date.now() - age * DAY).toISOString() }],
        });
        const main = await s.git.checkout({ ref: s.git.baseSha });
        const before = s.github.requests.length;
        const start = performance.now();
        await runOn(s, { dispatch: {}, workspace: main, timeoutMs: 900_000 });
        times.push(performance.now() - start);
        requests.push(s.github.requests.length - before);
        opened = s.github.requestsFor('pulls/create').length;
      } finally {
        await s.cleanup();
      }
    }
    console.log(
      `| ${n} | ${age} days | ${(median(times) / 1000).toFixed(2)} s | ${median(requests)} | ${opened} |`,
    );
  }
}
