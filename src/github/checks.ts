// Publishing the result as a check run (with annotations in batches of 50), or, when the token may not
// create check runs (fork pull requests, restricted tokens), as a commit status.

import type { GitHubClient } from './client.js';
import { GitHubActionError, isPermissionError } from './errors.js';

/** GitHub takes at most this many annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** `output.summary` and `output.text` are each limited to this many characters. */
export const MAX_OUTPUT_LENGTH = 65_535;
/** An annotation's `message` and `raw_details` may be up to 64 KB. */
export const MAX_ANNOTATION_BYTES = 64 * 1024 - 1;
export const MAX_ANNOTATION_TITLE_LENGTH = 255;
/** A commit status description is limited to 140 characters. */
export const MAX_STATUS_DESCRIPTION_LENGTH = 140;

export type AnnotationLevel = 'failure' | 'warning' | 'notice';
export type CheckConclusion = 'success' | 'failure' | 'neutral';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  /** Only kept when `start_line === end_line` (GitHub's rule). */
  start_column?: number;
  end_column?: number;
  annotation_level: AnnotationLevel;
  message: string;
  title?: string;
  raw_details?: string;
}

export interface PublishCheckOptions {
  owner: string;
  repo: string;
  headSha: string;
  name: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  text?: string;
  annotations: Annotation[];
  /** Link from the check (or the commit status), e.g. the workflow run. */
  detailsUrl?: string;
}

export type PublishCheckResult =
  | { kind: 'check-run'; id: number; requests: number }
  | { kind: 'status'; state: 'success' | 'failure'; reason: string };

const CUT_NOTE = '\n\n_… cut to fit GitHub’s length limit._';

/** `text` cut to `max` characters, a note included, never inside a surrogate pair. */
export function truncateText(text: string, max: number, note = CUT_NOTE): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - note.length));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + note;
}

/** `text` cut to at most `maxBytes` of UTF-8 (with an ellipsis when cut). */
export function truncateBytes(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let cut = bytes.subarray(0, maxBytes - 3).toString('utf8');
  if (cut.endsWith('\uFFFD')) cut = cut.slice(0, -1); // a character split by the byte cut
  return `${cut}…`;
}

function line(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.trunc(n) : 1;
}

/** An annotation GitHub accepts: positive lines in order, columns only on one line, limits applied. */
export function normalizeAnnotation(a: Annotation): Annotation {
  const start = line(a.start_line);
  const end = Math.max(start, line(a.end_line));
  const out: Annotation = {
    path: a.path.replace(/^\.?\/+/, ''),
    start_line: start,
    end_line: end,
    annotation_level: a.annotation_level,
    message: truncateBytes(a.message || a.title || 'expand-contract', MAX_ANNOTATION_BYTES),
  };
  if (start === end && a.start_column !== undefined && a.start_column >= 1) {
    out.start_column = Math.trunc(a.start_column);
    if (a.end_column !== undefined && a.end_column >= a.start_column)
      out.end_column = Math.trunc(a.end_column);
  }
  if (a.title) out.title = truncateText(a.title, MAX_ANNOTATION_TITLE_LENGTH, '…');
  if (a.raw_details) out.raw_details = truncateBytes(a.raw_details, MAX_ANNOTATION_BYTES);
  return out;
}

/** Consecutive batches of at most `size`. */
export function batches<T>(items: T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function statusState(conclusion: CheckConclusion): 'success' | 'failure' {
  return conclusion === 'failure' ? 'failure' : 'success';
}

/**
 * Creates a completed check run with the first 50 annotations and adds the rest 50 at a time. When the
 * token may not create check runs, sets a commit status instead (`kind: 'status'`); when it may not do that
 * either, throws a `GitHubActionError` naming the permission to add.
 */
export async function publishCheck(
  client: GitHubClient,
  opts: PublishCheckOptions,
): Promise<PublishCheckResult> {
  const { octokit } = client;
  const { owner, repo } = opts;
  const output = {
    title: opts.title,
    summary: truncateText(opts.summary, MAX_OUTPUT_LENGTH),
    ...(opts.text ? { text: truncateText(opts.text, MAX_OUTPUT_LENGTH) } : {}),
  };
  const [first = [], ...rest] = batches(opts.annotations.map(normalizeAnnotation));

  let id: number;
  try {
    const { data } = await octokit.rest.checks.create({
      owner,
      repo,
      name: opts.name,
      head_sha: opts.headSha,
      status: 'completed',
      conclusion: opts.conclusion,
      ...(opts.detailsUrl ? { details_url: opts.detailsUrl } : {}),
      output: { ...output, annotations: first },
    });
    id = data.id;
  } catch (error) {
    if (!isPermissionError(error)) throw new GitHubActionError(error, `create the check run "${opts.name}"`);
    return publishStatus(client, opts, error);
  }

  let requests = 1;
  for (const [i, batch] of rest.entries()) {
    try {
      await octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: id,
        output: { ...output, annotations: batch },
      });
    } catch (error) {
      const from = (i + 1) * ANNOTATIONS_PER_REQUEST + 1;
      throw new GitHubActionError(
        error,
        `add annotations ${from}–${from + batch.length - 1} to check run ${id}`,
      );
    }
    requests++;
  }
  return { kind: 'check-run', id, requests };
}

async function publishStatus(
  client: GitHubClient,
  opts: PublishCheckOptions,
  checkError: unknown,
): Promise<PublishCheckResult> {
  const state = statusState(opts.conclusion);
  try {
    await client.octokit.rest.repos.createCommitStatus({
      owner: opts.owner,
      repo: opts.repo,
      sha: opts.headSha,
      state,
      context: opts.name,
      description: truncateText(opts.title, MAX_STATUS_DESCRIPTION_LENGTH, '…'),
      ...(opts.detailsUrl ? { target_url: opts.detailsUrl } : {}),
    });
  } catch (error) {
    if (isPermissionError(error)) {
      throw new GitHubActionError(checkError, `create the check run "${opts.name}" (nor a commit status)`);
    }
    throw new GitHubActionError(error, `set the commit status "${opts.name}"`);
  }
  const reason = new GitHubActionError(checkError, `create the check run "${opts.name}"`).message;
  return { kind: 'status', state, reason };
}
