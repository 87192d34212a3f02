// `check-usage` in the bundled Action: the scheduled run asks pg_stat_statements on the deploy database
// (a real server) about what the contract drops, and the contract pull request quotes the answer; the
// database URL never reaches the log or the pull request.
import { afterEach, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../support/database.js';
import { runOn, scenario, SPLIT_NAME, type Scenario } from './helpers.js';

let current: Scenario | undefined;
afterEach(async () => {
  await current?.cleanup();
  current = undefined;
});

describe('check-usage on the scheduled run', () => {
  const db = useFreshDatabase();

  it(
    'quotes the usage check in the contract pull request, without the URL',
    { timeout: 300_000 },
    async () => {
      const s = (current = await scenario({ head: [SPLIT_NAME], labels: ['expand-contract:split'] }));
      const { git, github } = s;
      await runOn(s, { action: 'labeled', label: 'expand-contract:split' });
      await git.git(['fetch', '-q', 'origin']);
      await git.git(['checkout', '-q', git.baseBranch]);
      await git.git(['merge', '-q', '--no-ff', '-m', 'Merge the split', `origin/${git.headBranch}`]);
      await git.git(['push', '-q', 'origin', git.baseBranch]);
      const merged = await git.git(['rev-parse', 'HEAD']);
      const deployedAt = new Date(Date.now() - 9 * 24 * 3600 * 1000).toISOString();
      github.seedDeployment({ sha: merged, statuses: [{ state: 'success', createdAt: deployedAt }] });

      const url = db().url;
      const run = await runOn(s, {
        dispatch: {},
        workspace: await git.checkout({ ref: merged }),
        inputs: { 'check-usage': 'true', 'deploy-database-url': url },
      });
      expect(run.stderr).not.toMatch(/\n\s+at /);
      const pull = github.state.pulls.find((p) => p.head.ref.startsWith('expand-contract/contract-'));
      // This server does not preload pg_stat_statements: the pull request says so instead of guessing.
      expect(pull?.body).toMatch(/usage check: pg_stat_statements is not (installed|loaded)/);
      const password = new URL(url).password;
      for (const text of [run.stdout, run.stderr, pull?.body ?? '']) {
        const lines = text.split('\n').filter((l) => !l.startsWith('::add-mask::'));
        expect(lines.join('\n')).not.toContain(url);
        if (password) expect(lines.join('\n')).not.toContain(password);
      }
      github.assertNoViolations();
    },
  );
});
