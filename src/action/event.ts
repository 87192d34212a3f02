// The workflow event the Action runs for, read from the runner's environment and GITHUB_EVENT_PATH.
// For a pull request the commits come from the payload: GITHUB_SHA is the test merge commit
// (refs/pull/N/merge), not the head the author pushed.
import { readFileSync } from 'node:fs';
import { InputError } from '../discover/index.js';

/** What every event carries about the run itself. */
export interface RunInfo {
  /** GITHUB_SHA: for pull_request the test merge commit, otherwise the commit the run is for. */
  sha: string;
  runId: number | undefined;
  runAttempt: number | undefined;
  /** GITHUB_SERVER_URL, e.g. https://github.com. */
  serverUrl: string;
  /** GITHUB_API_URL, e.g. https://api.github.com. */
  apiUrl: string;
  /** The run's page, when GITHUB_RUN_ID is known. */
  runUrl: string | undefined;
}

export interface PullRequestEvent {
  kind: 'pull_request';
  owner: string;
  repo: string;
  number: number;
  /** The commit the author pushed (pull_request.head.sha), not GITHUB_SHA. */
  headSha: string;
  headRef: string;
  /** `owner/name` of the repository the head branch lives in; null when that fork was deleted. */
  headRepo: string | null;
  baseSha: string;
  baseRef: string;
  /** The head branch lives in another repository (or in one that no longer exists). */
  isFork: boolean;
  /** Names of the labels on the pull request when the event fired. */
  labels: string[];
  /** opened, synchronize, reopened, labeled, ... */
  action: string;
  /** For `labeled` / `unlabeled`: the label added or removed. */
  label?: string;
  /** The pull request's description (null when it has none): the gate reads an acknowledgement there. */
  body: string | null;
  run: RunInfo;
}

export interface DispatchEvent {
  kind: 'dispatch';
  owner: string;
  repo: string;
  /** GITHUB_SHA: the commit of the dispatched ref. */
  sha: string;
  /** The ref the workflow was dispatched on, e.g. refs/heads/main. */
  ref: string;
  /** The `pull-number` input of the dispatch, when given: look the pull request up. */
  pullNumber?: number;
  run: RunInfo;
}

export interface OtherEvent {
  kind: 'other';
  /** GITHUB_EVENT_NAME, e.g. push. */
  name: string;
  run: RunInfo;
}

export type ActionEvent = PullRequestEvent | DispatchEvent | OtherEvent;

type Env = Record<string, string | undefined>;
type Json = Record<string, unknown>;

/** Reads the event of this run; throws InputError when it cannot be used. */
export function readEvent(env: Env = process.env): ActionEvent {
  const name = env.GITHUB_EVENT_NAME?.trim();
  if (!name) {
    throw new InputError(
      'GITHUB_EVENT_NAME is not set: the Action runs as a step of a GitHub Actions workflow; elsewhere, run the expand-contract command line.',
    );
  }
  if (name === 'pull_request_target') {
    throw new InputError(
      "expand-contract does not run on pull_request_target: it never needs the base repository's secrets or write token while it reads a pull request's files, and checking out the pull request there exposes them to its code. Run it on pull_request; to comment on pull requests from forks, use the two-workflow pattern (pull_request, then workflow_run) in the README.",
    );
  }
  const run = runInfo(env);
  if (name === 'pull_request') return pullRequest(readPayload(env), env, run);
  if (name === 'workflow_dispatch') return dispatch(readPayload(env), env, run);
  return { kind: 'other', name, run };
}

function pullRequest(payload: Json, env: Env, run: RunInfo): PullRequestEvent {
  const pr = object(payload['pull_request']);
  const head = object(pr?.['head']);
  const base = object(pr?.['base']);
  const headSha = string(head?.['sha']);
  const baseSha = string(base?.['sha']);
  const number = integer(payload['number']) ?? integer(pr?.['number']);
  if (!pr || !head || !base || !headSha || !baseSha || number === undefined) {
    throw new InputError(
      `the pull_request event in ${env.GITHUB_EVENT_PATH} has no pull_request with a number, head.sha and base.sha; is the file a pull_request payload?`,
    );
  }
  const { owner, repo } = repository(payload, env);
  const headRepo = string(object(head['repo'])?.['full_name']) ?? null;
  const baseRepo = string(object(base['repo'])?.['full_name']) ?? `${owner}/${repo}`;
  const labels = Array.isArray(pr['labels'])
    ? pr['labels'].map((l) => string(object(l)?.['name'])).filter((l): l is string => l !== undefined)
    : [];
  const label = string(object(payload['label'])?.['name']);
  return {
    kind: 'pull_request',
    owner,
    repo,
    number,
    headSha,
    headRef: string(head['ref']) ?? '',
    headRepo,
    baseSha,
    baseRef: string(base['ref']) ?? '',
    isFork: headRepo === null || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
    labels,
    action: string(payload['action']) ?? '',
    ...(label !== undefined ? { label } : {}),
    body: string(pr['body']) ?? null,
    run,
  };
}

function dispatch(payload: Json, env: Env, run: RunInfo): DispatchEvent {
  const { owner, repo } = repository(payload, env);
  const ref = string(payload['ref']) ?? env.GITHUB_REF ?? '';
  const given = object(payload['inputs'])?.['pull-number'];
  const text = given === undefined || given === null ? '' : String(given).trim();
  let pullNumber: number | undefined;
  if (text !== '') {
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(n) || n < 1) {
      throw new InputError(`pull-number: '${oneLine(text)}' is not a pull request number`);
    }
    pullNumber = n;
  }
  return {
    kind: 'dispatch',
    owner,
    repo,
    sha: run.sha,
    ref,
    ...(pullNumber !== undefined ? { pullNumber } : {}),
    run,
  };
}

function readPayload(env: Env): Json {
  const path = env.GITHUB_EVENT_PATH?.trim();
  const event = env.GITHUB_EVENT_NAME ?? 'the';
  if (!path) {
    throw new InputError(
      `GITHUB_EVENT_PATH is not set, so the ${event} event cannot be read; the Action runs as a step of a GitHub Actions workflow.`,
    );
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e: unknown) {
    const code = (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
    throw new InputError(`cannot read the ${event} event file ${path} (GITHUB_EVENT_PATH): ${code}`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (e: unknown) {
    throw new InputError(
      `the ${event} event file ${path} (GITHUB_EVENT_PATH) is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const json = object(payload);
  if (!json) throw new InputError(`the ${event} event file ${path} (GITHUB_EVENT_PATH) is not a JSON object`);
  return json;
}

/** GITHUB_REPOSITORY, or the payload's repository. */
function repository(payload: Json, env: Env): { owner: string; repo: string } {
  const full = env.GITHUB_REPOSITORY?.trim() || string(object(payload['repository'])?.['full_name']) || '';
  const slash = full.indexOf('/');
  if (slash <= 0 || slash === full.length - 1) {
    throw new InputError(
      `GITHUB_REPOSITORY is ${full ? `'${oneLine(full)}', not owner/name` : 'not set'} and the event names no repository`,
    );
  }
  return { owner: full.slice(0, slash), repo: full.slice(slash + 1) };
}

function runInfo(env: Env): RunInfo {
  const serverUrl = (env.GITHUB_SERVER_URL?.trim() || 'https://github.com').replace(/\/+$/, '');
  const apiUrl = (env.GITHUB_API_URL?.trim() || 'https://api.github.com').replace(/\/+$/, '');
  const runId = positive(env.GITHUB_RUN_ID);
  const runAttempt = positive(env.GITHUB_RUN_ATTEMPT);
  const repository = env.GITHUB_REPOSITORY?.trim();
  const runUrl =
    runId !== undefined && repository
      ? `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt !== undefined ? `/attempts/${runAttempt}` : ''}`
      : undefined;
  return { sha: env.GITHUB_SHA?.trim() ?? '', runId, runAttempt, serverUrl, apiUrl, runUrl };
}

function object(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

function positive(text: string | undefined): number | undefined {
  const n = text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function oneLine(text: string): string {
  const one = JSON.stringify(text).slice(1, -1);
  return one.length > 80 ? `${one.slice(0, 77)}...` : one;
}
