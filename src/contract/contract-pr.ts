// The contract pull request of a plan on GitHub (REST only): found by its head branch
// (`expand-contract/contract-<plan-id>`, open or closed, one request per plan whatever the repository's size),
// opened, edited, reopened and labelled; its body (the plan, what it drops, the deploy evidence, the code
// that still names the dropped objects, the gate); and GitHub's refusals as one line each, the repository
// setting that stops GitHub Actions from opening pull requests named as such.
import type { GitHubClient } from '../github/client.js';
import { describeGitHubError } from '../github/errors.js';
import type { Reference } from './references.js';

/** The commit status context that gates contract pull requests (stable: branch protection requires it). */
export const GATE_CONTEXT = 'expand-contract/gate';
/** Marks a body as written by the scheduled job, with the plan id. */
export const BODY_MARKER = 'expand-contract:contract-pr';
/** GitHub's limit on a pull request body. */
export const MAX_BODY_LENGTH = 65_536;
/** References listed in a body; the rest are counted. */
export const MAX_LISTED_REFERENCES = 100;

export interface ContractPull {
  number: number;
  /** The page on GitHub (`html_url`). */
  url: string;
  state: 'open' | 'closed';
  merged: boolean;
  mergedAt: string | null;
  closedAt: string | null;
  title: string;
  body: string;
  labels: string[];
  headRef: string;
  headSha: string;
  baseRef: string;
}

export interface RepoParams {
  client: GitHubClient;
  owner: string;
  repo: string;
}

interface PullData {
  number: number;
  html_url: string;
  state: string;
  merged_at?: string | null;
  closed_at?: string | null;
  merged?: boolean;
  title: string;
  body?: string | null;
  labels?: Array<string | { name?: string }>;
  head: { ref: string; sha: string; repo?: { full_name?: string } | null };
  base: { ref: string };
}

function toPull(data: PullData): ContractPull {
  return {
    number: data.number,
    url: data.html_url,
    state: data.state === 'closed' ? 'closed' : 'open',
    merged: data.merged === true || (data.merged_at ?? null) !== null,
    mergedAt: data.merged_at ?? null,
    closedAt: data.closed_at ?? null,
    title: data.title,
    body: data.body ?? '',
    labels: (data.labels ?? [])
      .map((l) => (typeof l === 'string' ? l : (l.name ?? '')))
      .filter((l) => l !== ''),
    headRef: data.head.ref,
    headSha: data.head.sha,
    baseRef: data.base.ref,
  };
}

/**
 * The pull requests from `branch` of this repository (not forks), open and closed: one request
 * (`GET /pulls?state=all&head=<owner>:<branch>`).
 */
export async function findContractPulls(params: RepoParams & { branch: string }): Promise<ContractPull[]> {
  const { client, owner, repo, branch } = params;
  const { data } = await client.octokit.rest.pulls.list({
    owner,
    repo,
    state: 'all',
    head: `${owner}:${branch}`,
    per_page: 100,
  });
  const full = `${owner}/${repo}`.toLowerCase();
  return (data as PullData[])
    .filter((p) => p.head.ref === branch && (p.head.repo?.full_name ?? '').toLowerCase() === full)
    .map(toPull);
}

/** The plan's pull request among them: an open one, else the newest merged one, else the newest closed one. */
export function pickContractPull(pulls: readonly ContractPull[]): ContractPull | undefined {
  const newest = (list: ContractPull[]): ContractPull | undefined =>
    [...list].sort((a, b) => b.number - a.number)[0];
  return (
    newest(pulls.filter((p) => p.state === 'open')) ??
    newest(pulls.filter((p) => p.merged)) ??
    newest([...pulls])
  );
}

export async function createContractPull(
  params: RepoParams & { branch: string; base: string; title: string; body: string },
): Promise<ContractPull> {
  const { client, owner, repo } = params;
  const { data } = await client.octokit.rest.pulls.create({
    owner,
    repo,
    head: params.branch,
    base: params.base,
    title: params.title,
    body: params.body,
  });
  return toPull(data as PullData);
}

/** Edits title, body and state (reopening with `state: 'open'`); only the fields given are sent. */
export async function updateContractPull(
  params: RepoParams & { number: number; title?: string; body?: string; state?: 'open' | 'closed' },
): Promise<ContractPull> {
  const { client, owner, repo } = params;
  const { data } = await client.octokit.rest.pulls.update({
    owner,
    repo,
    pull_number: params.number,
    ...(params.title !== undefined ? { title: params.title } : {}),
    ...(params.body !== undefined ? { body: params.body } : {}),
    ...(params.state !== undefined ? { state: params.state } : {}),
  });
  return toPull(data as PullData);
}

export async function addPullLabel(params: RepoParams & { number: number; label: string }): Promise<void> {
  const { client, owner, repo } = params;
  await client.octokit.rest.issues.addLabels({
    owner,
    repo,
    issue_number: params.number,
    labels: [params.label],
  });
}

/** GitHub's answer when the repository does not let GitHub Actions open pull requests. */
const ACTIONS_MAY_NOT_CREATE = /not permitted to create or approve pull requests/i;

/**
 * One line for a failed request: `describeGitHubError`'s, except for the repository setting that keeps
 * GitHub Actions from opening pull requests (a 403 that no `permissions:` entry fixes).
 */
export function describeContractError(error: unknown, doing: string): string {
  const e = error as { status?: unknown; message?: unknown; response?: { data?: { message?: unknown } } };
  const text = `${String(e?.response?.data?.message ?? '')} ${String(e?.message ?? '')}`;
  if (e?.status === 403 && ACTIONS_MAY_NOT_CREATE.test(text)) {
    return (
      `expand-contract could not ${doing}: this repository does not allow GitHub Actions to create pull ` +
      'requests. Enable "Allow GitHub Actions to create and approve pull requests" in the repository ' +
      'settings (Settings → Actions → General → Workflow permissions), or give the Action a token that may.'
    );
  }
  return describeGitHubError(error, doing);
}

export interface ContractEvidence {
  source: string;
  /** ISO 8601. */
  at: string;
  ageDays: number;
  weak: boolean;
  detail: string;
}

export interface ContractBodyInput {
  planId: string;
  drops: readonly string[];
  /** The expand migration the plan was split from (the pending header's `source`). */
  source: string;
  /** The pending file this pull request turns into a migration. */
  pendingPath: string;
  /** The migration the branch adds, when known. */
  migrationPath: string | null;
  defaultBranch: string;
  contractAfterDays: number;
  evidence: ContractEvidence | null;
  eligibleOn: string | null;
  notes: readonly string[];
  references: readonly Reference[];
  /** Said under the references: where they were searched. */
  searchedAt: string;
  /** Lines about the branch that are worth a reader's attention (left as it was, ...). */
  branchNotes?: readonly string[];
  /** The label that has the next run reopen a closed contract pull request. */
  retryLabel: string;
  /** Other open pull requests (people's) that drop objects of this plan: they are gated by it. */
  relatedPulls?: readonly number[];
}

/** A string in a Markdown code span, whatever it holds. */
function code(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  const ticks = clean.match(/`+/g)?.reduce((n, t) => Math.max(n, t.length), 0) ?? 0;
  const fence = '`'.repeat(ticks + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `8.3 days` / `1 day` / `5 hours`. */
export function describeAge(ageDays: number): string {
  if (!Number.isFinite(ageDays)) return 'an unknown time';
  if (ageDays < 1) {
    const hours = Math.max(0, Math.round(ageDays * 24));
    return `${hours} hour${hours === 1 ? '' : 's'}`;
  }
  const days = Math.round(ageDays * 10) / 10;
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** The pull request body: plan, drops, deploy evidence, references (file:line), the gate. */
export function contractPullBody(input: ContractBodyInput): string {
  const lines: string[] = [
    `<!-- ${BODY_MARKER} plan=${input.planId.replace(/[^\w.-]/g, '')} -->`,
    `## Contract phase of plan ${code(input.planId)}`,
    '',
    `This pull request runs the contract phase split off ${code(input.source)}: it turns ` +
      `${code(input.pendingPath)} into ${input.migrationPath ? code(input.migrationPath) : 'a migration'} ` +
      `and deletes the pending file. It was opened by the scheduled expand-contract job because the ` +
      `expand phase has been in production for at least ${input.contractAfterDays} day${input.contractAfterDays === 1 ? '' : 's'}.`,
    '',
    '### What it drops',
    '',
    ...(input.drops.length ? input.drops.map((d) => `- ${code(d)}`) : ['- (the pending file names none)']),
    '',
    '### Deploy evidence',
    '',
  ];
  const ev = input.evidence;
  if (ev) {
    lines.push(
      `- Source: ${code(ev.source)}${ev.weak ? ' (weak: it only bounds the deploy from below)' : ''}`,
      `- Reached production: ${oneLine(ev.at)} (${describeAge(ev.ageDays)} ago)`,
      `- ${oneLine(ev.detail)}`,
    );
  } else lines.push('- No deploy of the expand phase on record.');
  if (input.eligibleOn) lines.push(`- Eligible on: ${input.eligibleOn} (UTC)`);
  for (const note of input.notes) lines.push(`- Note: ${oneLine(note)}`);
  lines.push('', '### Code that still names what it drops', '');
  if (input.references.length === 0) {
    lines.push(
      `No file outside the migration folders names the dropped objects (searched ${input.searchedAt}).`,
    );
  } else {
    lines.push(
      `${input.references.length} reference${input.references.length === 1 ? '' : 's'} outside the migration folders ` +
        `(searched ${input.searchedAt}); check that none is still used before merging:`,
      '',
    );
    for (const ref of input.references.slice(0, MAX_LISTED_REFERENCES)) {
      lines.push(
        `- ${code(`${ref.path}:${ref.line}`)} ${code(ref.object)}${ref.kind === 'orm-schema' ? ' (ORM schema)' : ''}`,
      );
    }
    const more = input.references.length - MAX_LISTED_REFERENCES;
    if (more > 0) lines.push(`- and ${more} more`);
  }
  if (input.relatedPulls?.length) {
    lines.push('', '### Other pull requests that drop these objects', '');
    for (const n of input.relatedPulls)
      lines.push(
        `- #${n}: gated by this plan (${code(GATE_CONTEXT)}); it does not replace this pull request, which the job keeps up to date`,
      );
  }
  if (input.branchNotes?.length) {
    lines.push('', '### Branch', '');
    for (const note of input.branchNotes) lines.push(`- ${oneLine(note)}`);
  }
  lines.push(
    '',
    '### Gate',
    '',
    `The commit status ${code(GATE_CONTEXT)} on this pull request's head commit is \`pending\` while any dropped ` +
      `object's expand deploy is younger than the wait and \`success\` once all are old enough; the scheduled ` +
      `job re-evaluates it on every run. Require ${code(GATE_CONTEXT)} in the branch protection rule of ` +
      `${code(input.defaultBranch)} so this cannot merge early.`,
    '',
    'Closing this pull request without merging it stops the job from reopening it; add the label ' +
      `${code(input.retryLabel)} to have the next run reopen it.`,
    '',
  );
  const body = lines.join('\n');
  return body.length <= MAX_BODY_LENGTH ? body : `${body.slice(0, MAX_BODY_LENGTH - 2)}\n…`;
}
