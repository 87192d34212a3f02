// The whole life of the seed scenario in the bundled Action: the pull request with the full_name split is
// split into its expand phase, merged and deployed; a scheduled run three days later opens nothing and
// names the eligible date; a person's early contract pull request gets a pending gate; eight days after
// the deploy the scheduled run opens the contract pull request with a passing gate; a further run
// duplicates nothing. Time moves through deployment timestamps, never by sleeping.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HISTORY, runOn, scenario, SPLIT_NAME, type Scenario } from './helpers.js';

let current: Scenario | undefined;
afterEach(async () => {
  await current?.cleanup();
  current = undefined;
});

const DAY = 24 * 3600 * 1000;
const daysAgo = (n: number): string => new Date(Date.now() - n * DAY).toISOString();
const dateOf = (iso: string, plus: number): string =>
  new Date(new Date(iso).getTime() + plus * DAY).toISOString().slice(0, 10);

describe('the contract phase, end to end', () => {
  it(
    'splits, waits for the deploy age, opens the contract pull request once, and gates early drops',
    { timeout: 600_000 },
    async () => {
      const app = { 'app/users.ts': "export const byName = 'SELECT id FROM users ORDER BY full_name';\n" };
      const s = (current = await scenario({
        base: [{ ...HISTORY, ...app }],
        head: [SPLIT_NAME],
        labels: ['expand-contract:split'],
      }));
      const { git, github } = s;

      // 1. The pull request: failing check, then the split label commits the expand phase to the branch.
      const split = await runOn(s, { action: 'labeled', label: 'expand-contract:split' });
      expect(split.stderr).not.toMatch(/\n\s+at /);
      const head = await git.git(['rev-parse', `refs/heads/${git.headBranch}`], git.bare);
      expect(github.checkRuns(head)[0]?.conclusion).toBe('success');

      // 2. Merged and deployed to production three days ago.
      await git.git(['fetch', '-q', 'origin']);
      await git.git(['checkout', '-q', git.baseBranch]);
      await git.git(['merge', '-q', '--no-ff', '-m', 'Merge the split', `origin/${git.headBranch}`]);
      await git.git(['push', '-q', 'origin', git.baseBranch]);
      const merged = await git.git(['rev-parse', 'HEAD']);
      github.closePullRequest(git.pullNumber, { merged: true, mergeCommitSha: merged });
      const deployedAt = daysAgo(3);
      github.seedDeployment({
        sha: merged,
        ref: git.baseBranch,
        statuses: [{ state: 'success', createdAt: deployedAt }],
      });
      const eligible = dateOf(deployedAt, 7);

      // 3. Day 3: the scheduled run opens nothing and names the eligible date.
      const main = await git.checkout({ ref: merged });
      const day3 = await runOn(s, { dispatch: {}, workspace: main });
      expect(day3.stderr).not.toMatch(/\n\s+at /);
      expect(day3.code).toBe(0);
      expect(github.requestsFor('pulls/create')).toHaveLength(0);
      expect(day3.summary).toContain(eligible);

      // 4. A person's early contract pull request gets a pending gate with that date.
      await git.git(['checkout', '-q', '-b', 'drop-full-name', merged]);
      const early = 'db/migrations/003_drop_full_name.sql';
      await import('node:fs/promises').then((fs) =>
        fs.writeFile(`${git.work}/${early}`, 'ALTER TABLE users DROP COLUMN full_name;\n'),
      );
      await git.git(['add', early]);
      await git.git(['commit', '-q', '-m', 'drop full_name now']);
      await git.git(['push', '-q', 'origin', 'drop-full-name']);
      const earlySha = await git.git(['rev-parse', 'HEAD']);
      github.seedPullRequest({
        number: 2,
        head: { sha: earlySha, ref: 'drop-full-name' },
        base: { sha: merged, ref: git.baseBranch },
        files: [{ filename: early, status: 'added', additions: 1, deletions: 0 }],
      });
      const gated = await runOn(s, { pull: 2, workspace: await git.checkout({ ref: earlySha }) });
      expect(gated.stderr).not.toMatch(/\n\s+at /);
      const gate = github.statuses(earlySha).find((x) => x.context === 'expand-contract/gate');
      expect(gate?.state).toBe('pending');
      expect(gate?.description).toContain(eligible);

      // 4b. A contributor's pull request from a fork, whose branch is even named like the default branch,
      // drops the column and stops naming it in the application. Origin holds only refs/pull/3/head.
      await git.git(['checkout', '-q', '-b', 'fork-work', merged]);
      await import('node:fs/promises').then(async (fs) => {
        await fs.writeFile(
          `${git.work}/db/migrations/003_drop_full_name.sql`,
          'ALTER TABLE users DROP COLUMN full_name;\n',
        );
        await fs.writeFile(
          `${git.work}/app/users.ts`,
          "export const byName = 'SELECT id FROM users ORDER BY id';\n",
        );
      });
      await git.git(['add', '-A']);
      await git.git(['commit', '-q', '-m', 'drop full_name from a fork']);
      const forkSha = await git.git(['rev-parse', 'HEAD']);
      await git.git(['push', '-q', 'origin', 'fork-work:refs/pull/3/head']);
      github.seedPullRequest({
        number: 3,
        head: { sha: forkSha, ref: git.baseBranch, fork: true },
        base: { sha: merged, ref: git.baseBranch },
        files: [
          { filename: early, status: 'added', additions: 1, deletions: 0 },
          { filename: 'app/users.ts', status: 'modified', additions: 1, deletions: 1 },
        ],
      });

      // 5. Day 8 (an older successful deploy of the same commit is on record): the contract PR opens, gated green.
      github.seedDeployment({
        sha: merged,
        ref: git.baseBranch,
        createdAt: daysAgo(8),
        statuses: [{ state: 'success', createdAt: daysAgo(8) }],
      });
      const day8 = await runOn(s, { dispatch: {}, workspace: await git.checkout({ ref: merged }) });
      expect(day8.stderr).not.toMatch(/\n\s+at /);
      expect(github.requestsFor('pulls/create')).toHaveLength(1);
      const pulls = github.state.pulls.filter((p) => p.head.ref.startsWith('expand-contract/contract-'));
      expect(pulls).toHaveLength(1);
      expect(pulls[0]?.title).toContain('users.full_name');
      const branchHead = await git.git(['rev-parse', `refs/heads/${pulls[0]?.head.ref}`], git.bare);
      const files = (await git.git(['show', '--name-status', '--format=', branchHead], git.bare)).split('\n');
      expect(files.some((f) => f.startsWith('D\t.expand-contract/pending/'))).toBe(true);
      expect(files.some((f) => /^A\tdb\/migrations\/.*\.sql$/.test(f))).toBe(true);
      expect(github.statuses(branchHead).find((x) => x.context === 'expand-contract/gate')?.state).toBe(
        'success',
      );
      // The person's early pull request is linked from the plan's, and its gate turned green without a push.
      expect(pulls[0]?.body).toContain('#2: gated by this plan');
      const personal = github
        .statuses(earlySha)
        .filter((x) => x.context === 'expand-contract/gate')
        .pop();
      expect(personal?.state).toBe('success');
      // So was the fork's, on its own head commit (fetched as refs/pull/3/head), not the default branch's.
      expect(pulls[0]?.body).toContain('#3: gated by this plan');
      const forked = github
        .statuses(forkSha)
        .filter((x) => x.context === 'expand-contract/gate')
        .pop();
      expect(forked?.state).toBe('success');
      expect(github.statuses(merged).filter((x) => x.context === 'expand-contract/gate')).toHaveLength(0);
      // The application still names the column: listed and annotated, a warning by default.
      const referenced = day8.commands.filter(
        (x) => x.command === 'warning' && x.properties.file === 'app/users.ts',
      );
      expect(referenced[0]?.message).toBe(
        'public.users.full_name is dropped by this pull request but still named here',
      );
      expect(day8.summary).toContain('`app/users.ts:1` names public.users.full\\_name');

      // 6. Another scheduled run duplicates nothing; with `references: fail` the reference fails the gate.
      const again = await git.checkout({ ref: merged });
      await mkdir(join(again, '.github'), { recursive: true });
      await writeFile(join(again, '.github', 'expand-contract.yml'), 'references: fail\n');
      await runOn(s, { dispatch: {}, workspace: again });
      expect(github.requestsFor('pulls/create')).toHaveLength(1);
      const strict = github
        .statuses(branchHead)
        .filter((x) => x.context === 'expand-contract/gate')
        .pop();
      expect(strict?.state).toBe('failure');
      expect(strict?.description).toContain('app/users.ts:1');
      // The fork's head no longer names the column: searched at its head, its gate stays green.
      const forkStrict = github
        .statuses(forkSha)
        .filter((x) => x.context === 'expand-contract/gate')
        .pop();
      expect(forkStrict?.state).toBe('success');
      github.assertNoViolations();
    },
  );
});
