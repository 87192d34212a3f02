// The bundled Action (dist/index.js) run as a runner runs it: a child process with the GITHUB_*/INPUT_*
// environment, a real git checkout of the pull request, and the fake GitHub API (which rejects any
// request GitHub's OpenAPI description does not allow).
import { afterEach, describe, expect, it } from 'vitest';
import { PERMISSIONS, secondaryRateLimit } from '../support/github/index.js';
import { HISTORY, runOn, scenario, SPLIT_NAME, type Scenario } from './helpers.js';

const SLOW = 180_000;
let current: Scenario | undefined;
afterEach(async () => {
  await current?.cleanup();
  current = undefined;
});

describe('the Action on a pull request', () => {
  it(
    'comments the phase plan, fails the check on the head commit with annotations, and re-runs into the same comment',
    { timeout: SLOW },
    async () => {
      const s = (current = await scenario({ head: [SPLIT_NAME] }));
      const first = await runOn(s);
      expect(first.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(first.code).toBe(1);
      expect(first.outputs.breaking).toBe('true');
      expect(first.outputs.findings).toBe('3');
      expect(first.outputs['comment-url']).toMatch(/\/pull\/1#issuecomment-\d+$/);

      const comments = s.github.comments(s.git.pullNumber);
      expect(comments).toHaveLength(1);
      const body = comments[0]?.body ?? '';
      expect(body.startsWith('<!-- expand-contract:comment name="expand-contract" -->')).toBe(true);
      expect(body).toContain('breaking');
      expect(body).toContain('ALTER TABLE users DROP COLUMN full_name');
      expect(body).toContain(`/blob/${s.git.headSha}/db/migrations/002_split_full_name.sql#L4`);
      expect(body).toContain('expand-contract:split');

      // The check run is on the pull request's head, not on the merge commit GITHUB_SHA names.
      const runs = s.github.checkRuns(s.git.headSha);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ name: 'expand-contract', conclusion: 'failure' });
      expect(s.github.checkRuns(s.git.mergeSha ?? '')).toHaveLength(0);
      const annotations = runs[0]?.annotations ?? [];
      expect(annotations.map((a) => [a.path, a.start_line, a.annotation_level])).toContainEqual([
        'db/migrations/002_split_full_name.sql',
        4,
        'failure',
      ]);
      expect(first.summary).toContain('Plan `ec-');
      const report = JSON.parse(first.report ?? '') as {
        version: number;
        plans: Array<{ proof: { status: string } }>;
      };
      expect(report.version).toBe(1);
      expect(report.plans[0]?.proof.status).toBe('proven');

      const again = await runOn(s, { action: 'synchronize', runId: 1001 });
      expect(again.code).toBe(1);
      expect(s.github.comments(s.git.pullNumber)).toHaveLength(1);
      s.github.assertNoViolations();
    },
  );

  it(
    'commits the split files to the branch when labelled, and the new head passes',
    { timeout: SLOW },
    async () => {
      const s = (current = await scenario({ head: [SPLIT_NAME], labels: ['expand-contract:split'] }));
      const run = await runOn(s, { action: 'labeled', label: 'expand-contract:split' });
      expect(run.stderr).not.toMatch(/\n\s+at /);
      const branch = await s.git.git(['rev-parse', `refs/heads/${s.git.headBranch}`], s.git.bare);
      expect(branch).not.toBe(s.git.headSha);
      expect(await s.git.git(['rev-parse', `${branch}^`], s.git.bare)).toBe(s.git.headSha);
      expect(await s.git.git(['log', '-1', '--format=%an', branch], s.git.bare)).toBe('expand-contract[bot]');
      const files = (await s.git.git(['show', '--name-only', '--format=', branch], s.git.bare)).split('\n');
      expect(files).toContain('db/migrations/002_split_full_name.sql');
      expect(files.some((f) => f.startsWith('.expand-contract/pending/'))).toBe(true);
      expect(files.some((f) => f.startsWith('.expand-contract/backfill/'))).toBe(true);
      const expand = await s.git.git(['show', `${branch}:db/migrations/002_split_full_name.sql`], s.git.bare);
      expect(expand).not.toContain('DROP COLUMN');

      // Reported on the new head: nothing breaking ships now.
      const runs = s.github.checkRuns(branch);
      expect(runs[0]?.conclusion).toBe('success');
      expect(run.outputs.breaking).toBe('false');
      expect(s.github.labels(s.git.pullNumber)).not.toContain('expand-contract:split');
      expect(s.github.comments(s.git.pullNumber)[0]?.body).toContain(branch.slice(0, 7));
      s.github.assertNoViolations();
    },
  );

  it(
    'on a fork with a read-only token: no crash, annotations in the log, a status fallback refused, and how to get comments',
    { timeout: SLOW },
    async () => {
      const s = (current = await scenario({
        head: [SPLIT_NAME],
        fork: true,
        labels: ['expand-contract:split'],
      }));
      const token = s.github.addToken(PERMISSIONS.readAll);
      const run = await runOn(s, { token });
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.code).toBe(1);
      expect(s.github.comments(s.git.pullNumber)).toHaveLength(0);
      const errors = run.commands.filter((c) => c.command === 'error');
      expect(errors.some((c) => c.properties.file === 'db/migrations/002_split_full_name.sql')).toBe(true);
      const warnings = run.commands.filter((c) => c.command === 'warning').map((c) => c.message);
      expect(warnings.some((w) => w.includes('Pull requests from forks'))).toBe(true);
      expect(warnings.some((w) => w.includes('split not committed') && w.includes('fork'))).toBe(true);
      expect(run.summary).toContain('Plan `ec-');
      s.github.assertNoViolations();
    },
  );

  it(
    'falls back to a commit status when the token cannot create check runs, and names the missing permission for comments',
    { timeout: SLOW },
    async () => {
      const s = (current = await scenario({ head: [SPLIT_NAME] }));
      const token = s.github.addToken({
        contents: 'read',
        'pull-requests': 'read',
        issues: 'read',
        statuses: 'write',
        checks: 'none',
      });
      const run = await runOn(s, { token });
      expect(s.github.statuses(s.git.headSha)[0]).toMatchObject({
        context: 'expand-contract',
        state: 'failure',
      });
      expect(run.outputs.check).toBe('status');
      const warnings = run.commands.filter((c) => c.command === 'warning').map((c) => c.message);
      expect(warnings.some((w) => /pull-requests: write|issues: write/.test(w))).toBe(true);
      s.github.assertNoViolations();
    },
  );

  it('retries a secondary rate limit on the comment and still comments once', { timeout: SLOW }, async () => {
    const s = (current = await scenario({ head: [SPLIT_NAME] }));
    s.github.failNext({ route: 'issues/create-comment', ...secondaryRateLimit() });
    await runOn(s);
    expect(s.github.comments(s.git.pullNumber)).toHaveLength(1);
    expect(s.github.requestsFor('issues/create-comment')).toHaveLength(2);
    s.github.assertNoViolations();
  });

  it('reports unparseable SQL as a finding on its line, without crashing', { timeout: SLOW }, async () => {
    const s = (current = await scenario({
      head: [
        {
          'db/migrations/002_broken.sql':
            'ALTER TABLE users ADD COLUMN nick text;\nALTER TABLE users ADD COLUM x int;\n',
        },
      ],
    }));
    const run = await runOn(s);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const annotations = s.github.checkRuns(s.git.headSha)[0]?.annotations ?? [];
    expect(annotations.some((a) => a.title === 'syntax-error' && a.start_line === 2)).toBe(true);
    s.github.assertNoViolations();
  });

  it(
    'says so in the comment when the pull request stops touching migrations',
    { timeout: SLOW },
    async () => {
      const s = (current = await scenario({ head: [SPLIT_NAME] }));
      await runOn(s);
      expect(s.github.comments(s.git.pullNumber)).toHaveLength(1);
      // The author drops the migration from the pull request and pushes.
      await s.git.git(['checkout', '-q', s.git.headBranch]);
      await s.git.git(['rm', '-q', 'db/migrations/002_split_full_name.sql']);
      await s.git.git(['commit', '-q', '-m', 'not yet']);
      await s.git.git(['push', '-q', 'origin', s.git.headBranch]);
      const head = await s.git.git(['rev-parse', 'HEAD']);
      s.github.addCommit(head);
      const pull = s.github.pullRequest(s.git.pullNumber);
      pull.head.sha = head;
      pull.files = [];
      const run = await runOn(s, {
        action: 'synchronize',
        runId: 1001,
        workspace: await s.git.checkout({ ref: head }),
      });
      expect(run.code).toBe(0);
      expect(run.outputs.findings).toBe('0');
      const comments = s.github.comments(s.git.pullNumber);
      expect(comments).toHaveLength(1);
      expect(comments[0]?.body).toMatch(/no longer changes any migration/i);
      expect(s.github.checkRuns(head)[0]?.conclusion).toBe('success');
      s.github.assertNoViolations();
    },
  );

  it('flags an edit of a migration the base branch already has', { timeout: SLOW }, async () => {
    const s = (current = await scenario({
      head: [
        {
          'db/migrations/001_create_users.sql': `${HISTORY['db/migrations/001_create_users.sql']}-- tweak\n`,
        },
      ],
    }));
    const run = await runOn(s);
    expect(run.code).toBe(1);
    const annotations = s.github.checkRuns(s.git.headSha)[0]?.annotations ?? [];
    expect(annotations.map((a) => a.title)).toContain('editing-applied-migration');
    s.github.assertNoViolations();
  });
});

describe('the Action in less friendly set-ups', () => {
  it(
    'reads the changed files from the API in a shallow checkout, and says so',
    { timeout: SLOW },
    async () => {
      const s = (current = await scenario({ head: [SPLIT_NAME], fetchDepth: 1 }));
      const run = await runOn(s);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(s.github.requestsFor('pulls/list-files')).toHaveLength(1);
      expect(run.outputs.breaking).toBe('true');
      const notices = run.commands.filter((c) => c.command === 'notice').map((c) => c.message);
      expect(notices.some((n) => n.includes('fetch-depth: 0'))).toBe(true);
      s.github.assertNoViolations();
    },
  );

  it(
    'never prints the shadow database password, even when the database cannot be reached',
    { timeout: SLOW },
    async () => {
      const s = (current = await scenario({ head: [SPLIT_NAME] }));
      const url = 'postgres://deploy:s3cr3t-pa55@127.0.0.1:9/shadow';
      const run = await runOn(s, { inputs: { 'shadow-database-url': url } });
      expect(run.stderr).not.toMatch(/\n\s+at /);
      const lines = `${run.stdout}\n${run.stderr}`.split('\n');
      const leaks = lines.filter((l) => l.includes('s3cr3t-pa55') && !l.startsWith('::add-mask::'));
      expect(leaks).toEqual([]);
      expect(lines.some((l) => l.startsWith('::add-mask::') && l.includes('s3cr3t-pa55'))).toBe(true);
      // A shadow database that cannot be reached fails the step in one line, the password redacted.
      expect(run.code).toBe(1);
      expect(lines).toContain(
        '::error::expand-contract failed: cannot connect to the shadow database server postgres://deploy:***@127.0.0.1:9/shadow: connect ECONNREFUSED 127.0.0.1:9',
      );
      expect(s.github.comments(s.git.pullNumber)[0]?.body ?? '').not.toContain('s3cr3t-pa55');
      s.github.assertNoViolations();
    },
  );
});

describe('the Action on workflow_dispatch', () => {
  it('looks the pull request up by its number and reports on its head', { timeout: SLOW }, async () => {
    const s = (current = await scenario({ head: [SPLIT_NAME] }));
    const run = await runOn(s, { dispatch: { 'pull-number': String(s.git.pullNumber) } });
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.outputs.breaking).toBe('true');
    expect(s.github.requestsFor('pulls/get')).toHaveLength(1);
    expect(s.github.checkRuns(s.git.headSha)[0]?.conclusion).toBe('failure');
    expect(s.github.comments(s.git.pullNumber)).toHaveLength(1);
    s.github.assertNoViolations();
  });

  it('without a pull request, checks the migrations the input names', { timeout: SLOW }, async () => {
    const s = (current = await scenario({ head: [SPLIT_NAME] }));
    const run = await runOn(s, { dispatch: {}, inputs: { migrations: 'db/migrations/*.sql' } });
    expect(run.outputs.findings).toBe('3');
    expect(s.github.comments(s.git.pullNumber)).toHaveLength(0);
    s.github.assertNoViolations();
  });
});

describe('a pull request with 300 migration files', () => {
  it(
    'stays within a fixed number of API requests and a comment under the limit',
    { timeout: 300_000 },
    async () => {
      const many: Record<string, string> = {};
      for (let i = 0; i < 300; i++)
        many[`db/migrations/${String(100 + i)}_index_${i}.sql`] =
          `CREATE INDEX users_email_${i}_idx ON users (email);\n`;
      const s = (current = await scenario({ head: [many] }));
      const run = await runOn(s, { inputs: { 'fail-on': 'never' } });
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.outputs.findings).toBe('300');
      const body = s.github.comments(s.git.pullNumber)[0]?.body ?? '';
      expect(body.length).toBeLessThanOrEqual(65_536);
      const annotations = s.github.checkRuns(s.git.headSha)[0]?.annotations ?? [];
      expect(annotations).toHaveLength(300);
      // 1 check run + 5 annotation batches + 1 comment list + 1 comment create: no request per file.
      expect(s.github.requests.length).toBeLessThanOrEqual(10);
      s.github.assertNoViolations();
    },
  );
});
