// The pull request comment: one per PR (found by the caller's marker matcher), updated in place.
//
// Every body we write ends with a hidden run marker, `<!-- expand-contract:run id=<runId> attempt=<n> -->`.
// When two workflow runs race (a push while the previous run is still going), the older run sees the newer
// run's marker and leaves the comment alone. Other comments (people, other bots) are never touched.

import type { GitHubClient } from './client.js';

/** GitHub rejects issue comments longer than this (422). */
export const MAX_COMMENT_LENGTH = 65_536;
/** Room the run marker takes at most; a renderer that budgets `COMMENT_BODY_BUDGET` is never truncated. */
export const RUN_MARKER_RESERVE = 100;
export const COMMENT_BODY_BUDGET = MAX_COMMENT_LENGTH - RUN_MARKER_RESERVE;

const RUN_MARKER = /<!-- expand-contract:run id=(\d+) attempt=(\d+) -->/g;
const TRUNCATED_NOTE = '\n\n_… the comment was cut to fit GitHub’s length limit._';

export interface RunMarker {
  runId: number;
  runAttempt: number;
}

/** `<!-- expand-contract:run id=123 attempt=1 -->` */
export function runMarker(runId: number, runAttempt = 1): string {
  return `<!-- expand-contract:run id=${Math.trunc(runId)} attempt=${Math.trunc(runAttempt)} -->`;
}

/** The run marker a body carries (the last one), or undefined. */
export function parseRunMarker(body: string): RunMarker | undefined {
  const all = [...body.matchAll(RUN_MARKER)];
  const last = all[all.length - 1];
  return last ? { runId: Number(last[1]), runAttempt: Number(last[2]) } : undefined;
}

/** The body without its run markers (and the line break before them). */
export function stripRunMarker(body: string): string {
  return body.replace(/\r?\n?<!-- expand-contract:run id=\d+ attempt=\d+ -->/g, '');
}

/** `body` with our run marker at the end, cut (at a line) with a note when the whole would be too long. */
export function withRunMarker(body: string, runId: number, runAttempt = 1): string {
  const marker = `\n${runMarker(runId, runAttempt)}`;
  const clean = stripRunMarker(body).replace(/\s+$/, '');
  if (clean.length + marker.length <= MAX_COMMENT_LENGTH) return clean + marker;
  const room = MAX_COMMENT_LENGTH - marker.length - TRUNCATED_NOTE.length;
  let cut = clean.slice(0, room);
  const newline = cut.lastIndexOf('\n');
  if (newline > room / 2) cut = cut.slice(0, newline);
  // Never end inside a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + TRUNCATED_NOTE + marker;
}

/** True when the marker `a` was written by a later run (or a later attempt of the same run) than `b`. */
export function isNewerRun(a: RunMarker, b: RunMarker): boolean {
  return a.runId > b.runId || (a.runId === b.runId && a.runAttempt > b.runAttempt);
}

function normalize(body: string): string {
  return stripRunMarker(body).replace(/\r\n?/g, '\n').replace(/\s+$/, '');
}

export interface UpsertCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Recognises our comment (e.g. `(body) => hasMarker(body, name)` from the PR comment renderer). */
  isOurs(body: string): boolean;
  body: string;
  /** GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT of this run. */
  runId: number;
  runAttempt?: number;
}

export type UpsertCommentAction = 'created' | 'updated' | 'unchanged' | 'left-newer';

export interface UpsertCommentResult {
  action: UpsertCommentAction;
  id: number | null;
}

interface ListedComment {
  id: number;
  body?: string | null;
}

/** The first comment `isOurs` accepts, reading pages of 100 only until it is found. */
export async function findComment(
  client: GitHubClient,
  opts: Pick<UpsertCommentOptions, 'owner' | 'repo' | 'issueNumber' | 'isOurs'>,
): Promise<ListedComment | undefined> {
  const { octokit } = client;
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: opts.owner,
    repo: opts.repo,
    issue_number: opts.issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    const found = page.data.find((c) => typeof c.body === 'string' && opts.isOurs(c.body));
    if (found) return found;
  }
  return undefined;
}

/**
 * Creates our comment, or updates the first one found when its text differs. A comment that a newer run
 * (higher run id, or same run and higher attempt) wrote is left alone.
 */
export async function upsertComment(
  client: GitHubClient,
  opts: UpsertCommentOptions,
): Promise<UpsertCommentResult> {
  const { owner, repo } = opts;
  const ours: RunMarker = { runId: opts.runId, runAttempt: opts.runAttempt ?? 1 };
  const body = withRunMarker(opts.body, ours.runId, ours.runAttempt);
  const existing = await findComment(client, opts);

  if (!existing) {
    const { data } = await client.octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: opts.issueNumber,
      body,
    });
    return { action: 'created', id: data.id };
  }

  const current = existing.body ?? '';
  const theirs = parseRunMarker(current);
  if (theirs && isNewerRun(theirs, ours)) return { action: 'left-newer', id: existing.id };
  if (normalize(current) === normalize(body)) return { action: 'unchanged', id: existing.id };

  await client.octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
  return { action: 'updated', id: existing.id };
}
