// The Action on a pull request, as a runner runs it: wall time of `node dist/index.js` (cold start, replay,
// plan, proof and every API call included) and the number of API requests, for a pull request with one
// migration, with 300, and with none (no migration changes: no database starts). Against the fake GitHub
// API of test/support/github and a real git checkout.
//
//   npx tsx bench/action.ts [--runs N]          (also run by `npm run bench`, unless --no-action)
import { parseArgs } from 'node:util';
import { runOn, scenario, SPLIT_NAME, type Scenario } from '../test/e2e/helpers.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Math.max(1, Number(values.runs));

interface Case {
  name: string;
  make: () => Promise<Scenario>;
  inputs?: Record<string, string>;
}

const many: Record<string, string> = {};
for (let i = 0; i < 300; i++)
  many[`db/migrations/${String(100 + i)}_index_${i}.sql`] =
    `CREATE INDEX users_email_${i}_idx ON users (email);\n`;

const CASES: Case[] = [
  { name: '1 migration (split-name: replay, plan, proof)', make: () => scenario({ head: [SPLIT_NAME] }) },
  {
    name: '300 migrations (one blocking index each)',
    make: () => scenario({ head: [many] }),
    inputs: { 'fail-on': 'never' },
  },
  { name: 'no migration changes', make: () => scenario({ head: [{ 'README.md': 'docs\n' }] }) },
];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

console.log(`\nThe Action on a pull request (node dist/index.js, fake GitHub API), median of ${RUNS} runs`);
console.log('| pull request | wall time | API requests | exit |');
console.log('|---|---|---|---|');
for (const c of CASES) {
  const times: number[] = [];
  const requests: number[] = [];
  let code = 0;
  for (let i = 0; i < RUNS; i++) {
    const s = await c.make();
    try {
      const before = s.github.requests.length;
      const start = performance.now();
      const run = await runOn(s, { runId: 2000 + i, ...(c.inputs ? { inputs: c.inputs } : {}) });
      times.push(performance.now() - start);
      requests.push(s.github.requests.length - before);
      code = run.code;
    } finally {
      await s.cleanup();
    }
  }
  console.log(`| ${c.name} | ${(median(times) / 1000).toFixed(2)} s | ${median(requests)} | ${code} |`);
}
