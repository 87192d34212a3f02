// Event payloads for GITHUB_EVENT_PATH, built from the examples GitHub publishes (@octokit/webhooks-examples)
// and patched to the fake server's repository, pull request number, shas, refs, labels and fork flag.

import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitHubState, PullRecord, RepoRecord } from './state.js';

type Json = Record<string, unknown>;

/** What the event builders need from a FakeGitHub. */
export interface EventSource {
  readonly state: GitHubState;
  /** GITHUB_API_URL. */
  readonly url: string;
  readonly serverUrl: string;
  readonly repository: string;
}

export type PullRequestAction = 'opened' | 'synchronize' | 'labeled' | 'reopened' | 'edited' | 'unlabeled';

export interface PullRequestEventOptions {
  action?: PullRequestAction;
  /** For `labeled` / `unlabeled`: the label (default: the pull request's last label). */
  label?: string;
  /** For `synchronize`: the previous head sha (default: made up). */
  before?: string;
  /** Login of the user who triggered the event (default: the PR author). */
  sender?: string;
  repository?: string;
}

interface WebhookDefinition {
  name: string;
  examples: Json[];
}

let definitions: WebhookDefinition[] | undefined;

function example(event: string, action?: string): Json {
  if (!definitions) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/webhooks-examples');
    definitions = JSON.parse(readFileSync(file, 'utf8')) as WebhookDefinition[];
  }
  const examples = definitions.find((d) => d.name === event)?.examples ?? [];
  const found = examples.find((e) => action === undefined || e['action'] === action);
  if (!found)
    throw new Error(`@octokit/webhooks-examples has no ${event}${action ? `.${action}` : ''} example`);
  return structuredClone(found);
}

/** Replaces the example's repository and hosts with ours everywhere in a payload (URLs included). */
function repoint(payload: Json, from: string, to: string, source: EventSource): Json {
  const text = JSON.stringify(payload)
    .replaceAll('https://api.github.com', source.url)
    .replaceAll('https://github.com', source.serverUrl)
    .replaceAll(from, to);
  return JSON.parse(text) as Json;
}

function patchRepository(json: Json, repo: RepoRecord, source: EventSource): void {
  const owner = json['owner'] as Json;
  Object.assign(owner, { login: repo.owner.login, id: repo.owner.id, type: repo.owner.type });
  Object.assign(json, {
    id: repo.id,
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    visibility: repo.private ? 'private' : 'public',
    fork: repo.fork,
    default_branch: repo.defaultBranch,
    html_url: `${source.serverUrl}/${repo.fullName}`,
    url: `${source.url}/repos/${repo.fullName}`,
    clone_url: `${source.serverUrl}/${repo.fullName}.git`,
  });
}

function labelJson(source: EventSource, repo: RepoRecord, name: string): Json {
  const label = source.state.label(repo, name);
  return {
    id: label.id,
    node_id: Buffer.from(`0:Label${label.id}`).toString('base64'),
    url: `${source.url}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}

/** A `pull_request` event payload for a seeded pull request. */
export function pullRequestEvent(
  source: EventSource,
  number: number,
  opts: PullRequestEventOptions = {},
): Json {
  const action = opts.action ?? 'opened';
  const repo = source.state.mustRepo(opts.repository ?? source.repository);
  const pr: PullRecord | undefined = source.state.pull(repo.fullName, number);
  if (!pr) throw new Error(`fake GitHub: no pull request #${number} in ${repo.fullName}`);
  const headRepo = source.state.mustRepo(pr.head.repo);
  const raw = example('pull_request', action);
  delete raw['installation'];
  const from = ((raw['repository'] as Json)['full_name'] as string) ?? 'Codertocat/Hello-World';
  const payload = repoint(raw, from, repo.fullName, source);
  patchRepository(payload['repository'] as Json, repo, source);
  const pull = payload['pull_request'] as Json;
  const head = pull['head'] as Json;
  const base = pull['base'] as Json;
  head['repo'] = repoint(head['repo'] as Json, repo.fullName, headRepo.fullName, source);
  patchRepository(head['repo'] as Json, headRepo, source);
  patchRepository(base['repo'] as Json, repo, source);
  Object.assign(head, {
    ref: pr.head.ref,
    sha: pr.head.sha,
    label: `${headRepo.owner.login}:${pr.head.ref}`,
  });
  Object.assign(head['user'] as Json, { login: headRepo.owner.login, id: headRepo.owner.id });
  Object.assign(base, { ref: pr.base.ref, sha: pr.base.sha, label: `${repo.owner.login}:${pr.base.ref}` });
  Object.assign(base['user'] as Json, { login: repo.owner.login, id: repo.owner.id });
  const prefix = `${source.url}/repos/${repo.fullName}`;
  Object.assign(pull, {
    url: `${prefix}/pulls/${number}`,
    html_url: `${source.serverUrl}/${repo.fullName}/pull/${number}`,
    issue_url: `${prefix}/issues/${number}`,
    comments_url: `${prefix}/issues/${number}/comments`,
    statuses_url: `${prefix}/statuses/${pr.head.sha}`,
    id: pr.id,
    number,
    state: pr.state,
    title: pr.title,
    body: pr.body,
    draft: pr.draft,
    merged: pr.merged,
    merge_commit_sha: pr.mergeSha,
    labels: pr.labels.map((name) => labelJson(source, repo, name)),
    changed_files: pr.files.length,
    additions: pr.files.reduce((n, f) => n + f.additions, 0),
    deletions: pr.files.reduce((n, f) => n + f.deletions, 0),
  });
  Object.assign(pull['user'] as Json, { login: pr.user.login, id: pr.user.id, type: pr.user.type });
  payload['number'] = number;
  Object.assign(payload['sender'] as Json, { login: opts.sender ?? pr.user.login });
  if (action === 'synchronize') {
    payload['before'] = opts.before ?? '0'.repeat(39) + '1';
    payload['after'] = pr.head.sha;
  }
  if (action === 'labeled' || action === 'unlabeled') {
    const name = opts.label ?? pr.labels[pr.labels.length - 1];
    if (!name) throw new Error(`a ${action} event needs a label (opts.label or a label on PR #${number})`);
    payload['label'] = labelJson(source, repo, name);
  }
  if (payload['organization']) Object.assign(payload['organization'] as Json, { login: repo.owner.login });
  return payload;
}

export interface WorkflowDispatchEventOptions {
  /** Default `refs/heads/<default branch>`. */
  ref?: string;
  inputs?: Record<string, string | boolean | number>;
  workflow?: string;
  sender?: string;
  repository?: string;
}

/** A `workflow_dispatch` event payload. */
export function workflowDispatchEvent(source: EventSource, opts: WorkflowDispatchEventOptions = {}): Json {
  const repo = source.state.mustRepo(opts.repository ?? source.repository);
  const raw = example('workflow_dispatch');
  delete raw['installation'];
  const from = (raw['repository'] as Json)['full_name'] as string;
  const payload = repoint(raw, from, repo.fullName, source);
  patchRepository(payload['repository'] as Json, repo, source);
  payload['ref'] = opts.ref ?? `refs/heads/${repo.defaultBranch}`;
  payload['inputs'] = opts.inputs ?? {};
  payload['workflow'] = opts.workflow ?? '.github/workflows/expand-contract.yml';
  Object.assign(payload['sender'] as Json, { login: opts.sender ?? 'octocat' });
  if (payload['organization']) Object.assign(payload['organization'] as Json, { login: repo.owner.login });
  return payload;
}

/** Writes a payload to `<dir>/event.json` (a new temp folder when `dir` is omitted); returns the path. */
export async function writeEventFile(payload: unknown, dir?: string): Promise<string> {
  const folder = dir ?? (await mkdtemp(join(tmpdir(), 'fake-github-event-')));
  const path = join(folder, 'event.json');
  await writeFile(path, JSON.stringify(payload, null, 2));
  return path;
}
