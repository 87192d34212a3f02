import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  COMMENT_BODY_BUDGET,
  MAX_COMMENT_LENGTH,
  parseRunMarker,
  runMarker,
  stripRunMarker,
  upsertComment,
  withRunMarker,
} from '../../src/github/comment.js';
import { describeGitHubError } from '../../src/github/errors.js';
import { commentMarker, hasMarker } from '../../src/report/pr-comment.js';
import {
  PERMISSIONS,
  preloadSpec,
  secondaryRateLimit,
  startFakeGitHub,
  type FakeGitHub,
  type Identity,
} from '../support/github/index.js';
import { clientFor, rejection, repoOf, seedPr } from './helpers.js';

const OTHER_BOT: Identity = { login: 'other-bot[bot]', id: 777, type: 'Bot' };
const ours = (body: string) => hasMarker(body, 'expand-contract');
const report = (text: string) => `${commentMarker('expand-contract')}\n## expand-contract\n\n${text}\n`;

let github: FakeGitHub;
let owner: string;
let repo: string;
let pr = 0;
let issueNumber: number;

beforeAll(async () => {
  preloadSpec();
  github = await startFakeGitHub({ quiet: true });
  ({ owner, repo } = repoOf(github));
});
afterAll(() => github.close());
beforeEach(() => {
  github.clearLog();
  issueNumber = ++pr;
  seedPr(github, issueNumber);
});

/** A comment written straight into the fake's state, as another account. */
function seedComment(body: string, user: Identity = OTHER_BOT): number {
  const id = github.state.id();
  const now = github.state.now();
  github.state.comments.push({
    repo: github.repository,
    issueNumber,
    id,
    body,
    user,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

const upsert = (body: string, runId: number, runAttempt?: number) =>
  upsertComment(clientFor(github), { owner, repo, issueNumber, isOurs: ours, body, runId, runAttempt });

describe('run markers', () => {
  it('appends, parses and strips the hidden run marker', () => {
    const body = withRunMarker('hello\n\n', 42, 3);
    expect(body).toBe(`hello\n${runMarker(42, 3)}`);
    expect(runMarker(42, 3)).toBe('<!-- expand-contract:run id=42 attempt=3 -->');
    expect(parseRunMarker(body)).toEqual({ runId: 42, runAttempt: 3 });
    expect(parseRunMarker('no marker')).toBeUndefined();
    expect(stripRunMarker(body)).toBe('hello');
    expect(withRunMarker(body, 43)).toBe(`hello\n${runMarker(43, 1)}`);
  });

  it('cuts a body that would not fit with the marker', () => {
    const long = `${'line of text\n'.repeat(6000)}end`;
    const body = withRunMarker(long, 7);
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(body).toMatch(/cut to fit GitHub’s length limit\._\n<!-- expand-contract:run id=7 attempt=1 -->$/);
    const budgeted = 'x'.repeat(COMMENT_BODY_BUDGET);
    expect(withRunMarker(budgeted, 7).startsWith(budgeted)).toBe(true);
  });
});

describe('upsertComment', () => {
  it('creates the comment, then updates it in place, then leaves an identical one alone', async () => {
    const created = await upsert(report('first'), 100);
    expect(created.action).toBe('created');
    expect(github.comments(issueNumber)).toMatchObject([
      { id: created.id, body: `${report('first').trimEnd()}\n${runMarker(100, 1)}` },
    ]);

    const updated = await upsert(report('second'), 101);
    expect(updated).toEqual({ action: 'updated', id: created.id });
    expect(github.comments(issueNumber)).toHaveLength(1);
    expect(github.comments(issueNumber)[0]!.body).toContain('second');
    expect(parseRunMarker(github.comments(issueNumber)[0]!.body)).toEqual({ runId: 101, runAttempt: 1 });

    const unchanged = await upsert(report('second'), 102);
    expect(unchanged).toEqual({ action: 'unchanged', id: created.id });
    expect(github.requests.map((r) => `${r.method} ${r.operationId}`)).toEqual([
      'GET issues/list-comments',
      'POST issues/create-comment',
      'GET issues/list-comments',
      'PATCH issues/update-comment',
      'GET issues/list-comments',
    ]);
    expect(github.requestsFor('issues/list-comments')[0]!.query).toMatchObject({ per_page: '100' });
    github.assertNoViolations();
  });

  it('leaves a comment a newer run (or a newer attempt of this run) wrote', async () => {
    await upsert(report('from run 200'), 200, 1);
    const older = await upsert(report('from run 199'), 199);
    expect(older.action).toBe('left-newer');
    expect(github.comments(issueNumber)[0]!.body).toContain('from run 200');

    await upsert(report('run 200, attempt 2'), 200, 2);
    const firstAttempt = await upsert(report('run 200, attempt 1 again'), 200, 1);
    expect(firstAttempt.action).toBe('left-newer');
    expect(github.comments(issueNumber)[0]!.body).toContain('run 200, attempt 2');
    expect(github.requestsFor('issues/update-comment')).toHaveLength(1);
    github.assertNoViolations();
  });

  it("never touches another bot's comment with a similar marker", async () => {
    const similar = [
      `${commentMarker('expand-contract-staging')}\n## staging`,
      `> ${commentMarker('expand-contract')}\n> quoted by someone`,
      `Look at this:\n${commentMarker('expand-contract')}\n${runMarker(999)}`,
    ];
    const ids = similar.map((body) => seedComment(body));
    const result = await upsert(report('mine'), 300);
    expect(result.action).toBe('created');
    const comments = github.comments(issueNumber);
    expect(comments.map((c) => c.body).slice(0, 3)).toEqual(similar);
    expect(comments.slice(0, 3).map((c) => c.id)).toEqual(ids);
    expect(comments[3]).toMatchObject({ id: result.id, user: { login: 'github-actions[bot]' } });
    expect(github.requestsFor('issues/update-comment')).toEqual([]);
    github.assertNoViolations();
  });

  it('finds our comment on a later page and updates only the first of several', async () => {
    for (let i = 0; i < 120; i++) seedComment(`chatter ${i}`);
    const first = seedComment(withRunMarker(report('old one'), 10), {
      login: 'github-actions[bot]',
      id: 41898282,
      type: 'Bot',
    });
    const second = seedComment(withRunMarker(report('old two'), 10), {
      login: 'github-actions[bot]',
      id: 41898282,
      type: 'Bot',
    });
    const result = await upsert(report('new'), 400);
    expect(result).toEqual({ action: 'updated', id: first });
    const byId = new Map(github.comments(issueNumber).map((c) => [c.id, c.body]));
    expect(byId.get(first)).toContain('new');
    expect(byId.get(second)).toContain('old two');
    expect(github.requestsFor('issues/list-comments').map((r) => r.query['page'] ?? '1')).toEqual(['1', '2']);
    github.assertNoViolations();
  });

  it('retries a secondary rate limit on creation (the real retry-after: 1 s) and counts the retry', async () => {
    const client = clientFor(github, github.token, { retryAfterBaseValue: 1000 });
    github.failNext({ method: 'POST', route: 'issues/create-comment', ...secondaryRateLimit() });
    const started = Date.now();
    const result = await upsertComment(client, {
      owner,
      repo,
      issueNumber,
      isOurs: ours,
      body: report('x'),
      runId: 1,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(result.action).toBe('created');
    expect(github.comments(issueNumber)).toHaveLength(1);
    expect(github.requestsFor('issues/create-comment').map((r) => [r.status, r.injected])).toEqual([
      [403, true],
      [201, false],
    ]);
    expect([client.requestCount, client.retryCount]).toEqual([3, 1]);
    github.assertNoViolations();
  });

  it('fails with one line naming the permission when the token may not comment', async () => {
    const readOnly = clientFor(github, github.addToken(PERMISSIONS.readAll));
    const error = await rejection(
      upsertComment(readOnly, { owner, repo, issueNumber, isOurs: ours, body: report('x'), runId: 1 }),
    );
    expect(describeGitHubError(error, 'comment on the pull request')).toBe(
      'expand-contract could not comment on the pull request: the token lacks pull-requests: write (or issues: write). ' +
        'Add "permissions: pull-requests: write" to the workflow job (see README: Permissions).',
    );
    expect(github.comments(issueNumber)).toEqual([]);
    github.assertNoViolations();
  });
});
