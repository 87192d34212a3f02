import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_OUTPUT_LENGTH,
  normalizeAnnotation,
  publishCheck,
  type Annotation,
  type PublishCheckOptions,
} from '../../src/github/checks.js';
import { GitHubActionError } from '../../src/github/errors.js';
import {
  fakeSha,
  PERMISSIONS,
  preloadSpec,
  startFakeGitHub,
  type FakeGitHub,
} from '../support/github/index.js';
import { clientFor, rejection, repoOf, seedPr } from './helpers.js';

let github: FakeGitHub;
let owner: string;
let repo: string;
let headSha: string;

const annotations = (n: number): Annotation[] =>
  Array.from({ length: n }, (_, i) => ({
    path: 'db/migrations/0001_change.sql',
    start_line: i + 1,
    end_line: i + 1,
    start_column: 1,
    end_column: 10,
    annotation_level: i % 2 ? ('warning' as const) : ('failure' as const),
    message: `finding ${i + 1}`,
    title: 'require-concurrent-index-creation',
  }));

const check = (overrides: Partial<PublishCheckOptions> = {}): PublishCheckOptions => ({
  owner,
  repo,
  headSha,
  name: 'expand-contract',
  conclusion: 'failure',
  title: '2 breaking changes',
  summary: 'Summary of the findings',
  annotations: [],
  detailsUrl: 'https://github.com/octo-org/octo-repo/actions/runs/1',
  ...overrides,
});

beforeAll(async () => {
  preloadSpec();
  github = await startFakeGitHub({ quiet: true });
  ({ owner, repo } = repoOf(github));
  headSha = seedPr(github, 1).head.sha;
});
afterAll(() => github.close());
beforeEach(() => github.clearLog());

describe('publishCheck', () => {
  it('creates a completed check run with 50 annotations and adds 120 in 1 POST + 2 PATCHes', async () => {
    const result = await publishCheck(
      clientFor(github),
      check({ annotations: annotations(120), text: 'details' }),
    );
    expect(result).toMatchObject({ kind: 'check-run', requests: 3 });
    expect(github.requests.map((r) => [r.method, r.operationId, r.status])).toEqual([
      ['POST', 'checks/create', 201],
      ['PATCH', 'checks/update', 200],
      ['PATCH', 'checks/update', 200],
    ]);
    const sizes = github.requests.map(
      (r) => (r.body as { output: { annotations: unknown[] } }).output.annotations.length,
    );
    expect(sizes).toEqual([50, 50, 20]);
    expect(github.requests[0]!.body).toMatchObject({
      name: 'expand-contract',
      head_sha: headSha,
      status: 'completed',
      conclusion: 'failure',
      details_url: 'https://github.com/octo-org/octo-repo/actions/runs/1',
      output: { title: '2 breaking changes', summary: 'Summary of the findings', text: 'details' },
    });
    const [run] = github.checkRuns(headSha);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure', output: { text: 'details' } });
    expect(run!.id).toBe(result.kind === 'check-run' ? result.id : -1);
    expect(run!.annotations.map((a) => a.message)).toEqual(annotations(120).map((a) => a.message));
    github.assertNoViolations();
  });

  it('makes annotations GitHub accepts: columns on one line only, long texts cut', async () => {
    const multiLine = normalizeAnnotation({
      path: './db/1.sql',
      start_line: 3,
      end_line: 5,
      start_column: 2,
      end_column: 4,
      annotation_level: 'notice',
      message: 'm'.repeat(70_000),
    });
    expect(multiLine).toEqual({
      path: 'db/1.sql',
      start_line: 3,
      end_line: 5,
      annotation_level: 'notice',
      message: `${'m'.repeat(64 * 1024 - 4)}…`,
    });
    expect(Buffer.byteLength(multiLine.message)).toBeLessThan(64 * 1024);
    const long = 'ü'.repeat(MAX_OUTPUT_LENGTH + 1);
    const result = await publishCheck(
      clientFor(github),
      check({ conclusion: 'neutral', summary: long, text: long, annotations: [multiLine] }),
    );
    expect(result.kind).toBe('check-run');
    const run = github.checkRuns(headSha).at(-1)!;
    expect(run.output.summary!.length).toBeLessThanOrEqual(MAX_OUTPUT_LENGTH);
    expect(run.output.summary!.endsWith('_… cut to fit GitHub’s length limit._')).toBe(true);
    expect(run.output.text!.length).toBeLessThanOrEqual(MAX_OUTPUT_LENGTH);
    expect(run.annotations).toHaveLength(1);
    github.assertNoViolations();
  });

  it('retries a 502 when creating the check run', async () => {
    const client = clientFor(github);
    github.failNext({ method: 'POST', route: 'checks/create', status: 502, times: 2 });
    const result = await publishCheck(client, check({ conclusion: 'success', annotations: annotations(3) }));
    expect(result.kind).toBe('check-run');
    expect(github.requestsFor('checks/create').map((r) => r.status)).toEqual([502, 502, 201]);
    expect([client.requestCount, client.retryCount]).toEqual([3, 2]);
    github.assertNoViolations();
  });

  it('falls back to a commit status when the token lacks checks: write', async () => {
    const token = github.addToken({ ...PERMISSIONS.readAll, statuses: 'write' });
    const result = await publishCheck(
      clientFor(github, token),
      check({ title: `${'Breaking: '.repeat(20)}end`, annotations: annotations(60) }),
    );
    expect(result).toEqual({
      kind: 'status',
      state: 'failure',
      reason:
        'expand-contract could not create the check run "expand-contract": the token lacks checks: write. ' +
        'Add "permissions: checks: write" to the workflow job (see README: Permissions).',
    });
    expect(github.checkRuns(headSha).filter((r) => r.conclusion === 'failure')).toHaveLength(1); // the first test's
    const [status] = github.statuses(headSha);
    expect(status).toMatchObject({
      state: 'failure',
      context: 'expand-contract',
      targetUrl: 'https://github.com/octo-org/octo-repo/actions/runs/1',
    });
    expect(status!.description!.length).toBeLessThanOrEqual(140);
    expect(status!.description).toMatch(/^Breaking: .*…$/);
    expect(github.requests.map((r) => [r.operationId, r.status])).toEqual([
      ['checks/create', 403],
      ['repos/create-commit-status', 201],
    ]);
    github.assertNoViolations();
  });

  it('throws one line naming the permission when both check runs and statuses are denied', async () => {
    const error = await rejection(
      publishCheck(clientFor(github, github.addToken(PERMISSIONS.readAll)), check()),
    );
    expect(error).toBeInstanceOf(GitHubActionError);
    expect(error.message).toBe(
      'expand-contract could not create the check run "expand-contract" (nor a commit status): the token lacks ' +
        'checks: write. Add "permissions: checks: write" to the workflow job (see README: Permissions).',
    );
    expect(github.requests.map((r) => [r.operationId, r.status])).toEqual([
      ['checks/create', 403],
      ['repos/create-commit-status', 403],
    ]);
    github.assertNoViolations();
  });

  it('does not fall back on other errors: an unknown commit is reported with GitHub’s message', async () => {
    const error = await rejection(publishCheck(clientFor(github), check({ headSha: fakeSha('nowhere') })));
    expect(error.message).toBe(
      `expand-contract could not create the check run "expand-contract": GitHub rejected the request ` +
        `(422 No commit found for SHA: ${fakeSha('nowhere')}).`,
    );
    expect(github.requestsFor('repos/create-commit-status')).toEqual([]);
    github.assertNoViolations();
  });
});
