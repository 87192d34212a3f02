// The contract side of the Action: the `expand-contract/gate` status on a pull request that contains
// contract SQL (pr and gate modes), and the scheduled run that opens the contract pull requests that are
// due and re-evaluates the gate on the open ones (schedule mode).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config/types.js';
import { InputError } from '../discover/index.js';
import {
  evaluateGate,
  hasContractSql,
  normalizeDrop,
  publishGate,
  pullDrops,
  type ChangedFile,
  type GateResult,
} from '../contract/gate.js';
import { listPendingPlans, type PendingPlan } from '../contract/expand-commit.js';
import { planEvidence, resolveSource, type PlanEvidence } from '../contract/evidence.js';
import { runSchedule } from '../contract/schedule.js';
import { statementsUsing } from '../contract/usage.js';
import { findReferences, type Reference } from '../contract/references.js';
import { escapeText } from '../report/markdown.js';
import { CONTRACT_BRANCH_PREFIX } from '../contract/schedule-git.js';
import { STATE_DIR } from '../plan/split.js';
import { Git } from '../git/git.js';
import type { GitHubClient } from '../github/client.js';
import { describeGitHubError } from '../github/errors.js';
import type { ActionInputs } from './inputs.js';
import type { ActionIO } from './io.js';
import type { Target } from './publish.js';
import type { Scope } from './scope.js';

export interface ContractContext {
  io: ActionIO;
  client: GitHubClient | undefined;
  inputs: ActionInputs;
  config: Config;
  cwd: string;
  owner: string;
  repo: string;
  runUrl: string | undefined;
  now: Date;
}

const PENDING_DIR = `${STATE_DIR}/pending/`;

/** Deploy age per plan, from the configured source (`auto` resolved once for the whole run). */
async function evidenceSource(
  c: ContractContext,
  defaultBranch: string,
): Promise<(plan: PendingPlan) => Promise<PlanEvidence>> {
  const common = {
    ...(c.client ? { client: c.client } : {}),
    owner: c.owner,
    repo: c.repo,
    source: c.inputs.deploySource,
    environment: c.inputs.environment,
    ...(c.inputs.deployDatabaseUrl ? { deployDatabaseUrl: c.inputs.deployDatabaseUrl } : {}),
  };
  const autoSource = c.inputs.deploySource === 'auto' ? await resolveSource(common) : undefined;
  return async (plan) => {
    const evidence = await planEvidence({
      ...common,
      cwd: c.cwd,
      defaultBranch,
      plan,
      now: c.now,
      defaultContractAfter: c.config.contractAfterDays,
      ...(autoSource ? { autoSource } : {}),
    });
    const url = c.inputs.deployDatabaseUrl;
    if (c.inputs.checkUsage && url && plan.header?.drops.length)
      evidence.notes.push(...(await usageNotes(url, plan.header.drops)));
    return evidence;
  };
}

/** `check-usage`: what pg_stat_statements on the deploy database says about the objects a contract drops. */
async function usageNotes(url: string, drops: readonly string[]): Promise<string[]> {
  try {
    const usage = await statementsUsing({ url, drops });
    if (usage.kind === 'no-extension') return [`usage check: ${usage.reason}`];
    const hidden =
      usage.hidden > 0
        ? ` (${usage.hidden} statement(s) hidden from this role; grant it pg_read_all_stats to see them)`
        : '';
    if (usage.hits.length === 0)
      return [`usage check: no statement in pg_stat_statements names what this contract drops${hidden}`];
    return [
      `usage check: ${usage.hits.length} statement(s) in pg_stat_statements still name what this contract drops${hidden}:`,
      ...usage.hits.slice(0, 10).map((h) => `${h.object}: ${h.calls} call(s): ${h.query}`),
    ];
  } catch (e: unknown) {
    // UsageError messages never carry the URL.
    return [`usage check failed: ${e instanceof Error ? e.message : String(e)}`];
  }
}

/** The pending plans on the default branch: `origin/<branch>` as actions/checkout fetched it, else `fallback`. */
async function pendingOn(
  cwd: string,
  branch: string,
  fallback?: string,
): Promise<{ ref: string; plans: PendingPlan[] }> {
  const git = await Git.create(cwd);
  const ref = (await git.refExists(`origin/${branch}`)) ? `origin/${branch}` : (fallback ?? branch);
  return { ref, plans: await listPendingPlans({ cwd, ref }) };
}

/**
 * The gate of one pull request: evaluated when its migrations drop something (or it carries a pending
 * plan's contract), published as the commit status `expand-contract/gate` on its head; undefined otherwise.
 */
export async function gateStep(
  c: ContractContext,
  target: Target,
  scope: Scope,
): Promise<GateResult | undefined> {
  const pull = target.pull;
  if (!pull) return undefined;
  const changedFiles: ChangedFile[] = scope.input.releases.flat().map((f) => ({
    path: f.path,
    content: f.sql,
    framework: f.framework,
    status: 'modified',
  }));
  for (const f of scope.changes?.files ?? [])
    if (f.status === 'deleted' && f.path.startsWith(PENDING_DIR))
      changedFiles.push({ path: f.path, content: '', status: 'removed' });
  const { ref, plans } = await pendingOn(c.cwd, pull.baseRef, pull.baseSha);
  if (!(await hasContractSql(changedFiles, plans))) return undefined;
  const result = await withReferences(
    c,
    await evaluateGate({
      changedFiles,
      pending: plans,
      evidenceFor: await evidenceSource(c, ref),
      labels: pull.labels,
      body: pull.body,
      now: c.now,
    }),
    c.cwd,
    [...changedFiles.map((f) => dirOf(f.path)), ...plans.map((p) => p.header?.migrationsDir ?? '')],
  );
  await c.io.summary(result.summary);
  if (c.client) {
    try {
      await publishGate(c.client, {
        owner: target.owner,
        repo: target.repo,
        sha: target.sha,
        result,
        ...(c.runUrl ? { targetUrl: c.runUrl } : {}),
      });
    } catch (e: unknown) {
      c.io.warning(describeGitHubError(e, 'set the expand-contract/gate status'));
    }
  }
  c.io.info(`expand-contract: gate ${result.state}: ${result.description}`);
  return result;
}

const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/**
 * Code outside the migrations that still names what the pull request drops: listed in the summary and
 * annotated on its lines; with `references: fail` in the configuration it also fails the gate.
 */
async function withReferences(
  c: ContractContext,
  result: GateResult,
  root: string,
  migrationDirs: readonly string[],
): Promise<GateResult> {
  const drops = [...new Set([...result.plans.flatMap((p) => p.dropped), ...result.unplannedDrops])];
  if (drops.length === 0) return result;
  let found: Reference[];
  try {
    found = await findReferences({
      root,
      drops,
      exclude: [...new Set([STATE_DIR, ...migrationDirs.filter(Boolean)])],
    });
  } catch (e: unknown) {
    c.io.warning(
      `expand-contract: code references not searched: ${e instanceof Error ? e.message : String(e)}`,
    );
    return result;
  }
  if (found.length === 0) return result;
  for (const r of found.slice(0, 50))
    c.io.warning(`${r.object} is dropped by this pull request but still named here`, {
      file: r.path,
      startLine: r.line,
      startColumn: r.column,
      title: 'expand-contract: code reference',
    });
  const list = found
    .slice(0, 100)
    .map((r) => `- \`${r.path}:${r.line}\` names ${escapeText(r.object)}`)
    .join('\n');
  const more = found.length > 100 ? `\n- and ${found.length - 100} more` : '';
  const summary = `${result.summary}\n\n#### Code that still names what it drops\n\n${list}${more}\n`;
  if (c.config.references !== 'fail' || result.state === 'failure') return { ...result, summary };
  const first = found[0] as Reference;
  return {
    ...result,
    state: 'failure',
    description:
      `${found.length} code reference(s) to dropped objects, first ${first.path}:${first.line} (references: fail)`.slice(
        0,
        140,
      ),
    summary,
  };
}

/** The scheduled run: open or update the contract pull requests that are due, then re-gate the open ones. */
export async function scheduleStep(c: ContractContext): Promise<void> {
  const client = c.client;
  if (!client)
    throw new InputError(
      'github-token: the schedule mode opens pull requests, so it needs a token (the default ${{ github.token }} with contents: write and pull-requests: write)',
    );
  const { data: repository } = await client.octokit.rest.repos.get({ owner: c.owner, repo: c.repo });
  const defaultBranch = repository.default_branch;
  const git = await Git.create(c.cwd);
  const { ref, plans } = await pendingOn(c.cwd, defaultBranch);
  const evidenceFor = await evidenceSource(c, ref);

  // People's open pull requests that drop objects of a plan: linked from the plan's pull request.
  const files = new Map<number, PullAtHead>();
  const related = new Map<string, number[]>();
  for (const pr of await openPulls(c, client, defaultBranch)) {
    if (sameRepository(c, pr) && pr.head.ref.startsWith(CONTRACT_BRANCH_PREFIX)) continue;
    const atHead = await pullFiles(c, git, ref, pr);
    if (!atHead) continue;
    files.set(pr.number, atHead);
    const changed = atHead.files;
    const { drops, plansCarried } = await pullDrops(changed, plans);
    const keys = new Set(drops.map((d) => d.key));
    for (const plan of plans) {
      const planned = (plan.header?.drops ?? []).map(normalizeDrop);
      if (plansCarried.has(plan.planId) || planned.some((d) => keys.has(d)))
        related.set(plan.planId, [...(related.get(plan.planId) ?? []), pr.number]);
    }
  }

  const report = await runSchedule({
    client,
    owner: c.owner,
    repo: c.repo,
    cwd: c.cwd,
    defaultBranch,
    now: c.now,
    evidenceFor,
    relatedPulls: (planId) => related.get(planId) ?? [],
  });
  await c.io.summary(report.summary);
  for (const row of report.rows) {
    const line = `expand-contract: ${row.planId}: ${row.status}${row.detail ? `: ${row.detail}` : ''}`;
    if (row.status === 'failed') c.io.warning(line);
    else c.io.info(line);
  }

  // Every open pull request that carries contract SQL (the job's and people's) gets its gate again, so
  // it turns green without a push once the wait is over.
  for (const pr of await openPulls(c, client, defaultBranch)) {
    try {
      const atHead = files.get(pr.number) ?? (await pullFiles(c, git, ref, pr));
      if (!atHead || !(await hasContractSql(atHead.files, plans))) continue;
      const { head, files: changed } = atHead;
      const gate = await evaluateGate({
        changedFiles: changed,
        pending: plans,
        evidenceFor,
        labels: pr.labels.map((l) => l.name),
        body: pr.body ?? null,
        now: c.now,
      });
      const dirs = [...changed.map((f) => dirOf(f.path)), ...plans.map((p) => p.header?.migrationsDir ?? '')];
      const result = await atCommit(c, git, head, (root) => withReferences(c, gate, root, dirs));
      await publishGate(client, {
        owner: c.owner,
        repo: c.repo,
        sha: head,
        result,
        ...(c.runUrl ? { targetUrl: c.runUrl } : {}),
      });
      await c.io.summary(`### Gate of #${pr.number}: ${result.state}\n\n${result.summary}\n`);
      c.io.info(`expand-contract: gate of #${pr.number} ${result.state}: ${result.description}`);
    } catch (e: unknown) {
      c.io.warning(describeGitHubError(e, `re-evaluate the gate of pull request #${pr.number}`));
    }
  }
}

type OpenPull = Awaited<ReturnType<GitHubClient['octokit']['rest']['pulls']['list']>>['data'][number];

async function openPulls(c: ContractContext, client: GitHubClient, base: string): Promise<OpenPull[]> {
  return client.octokit.paginate(client.octokit.rest.pulls.list, {
    owner: c.owner,
    repo: c.repo,
    state: 'open',
    base,
    per_page: 100,
  });
}

/** Whether the pull request's head branch lives in this repository (not a fork). */
const sameRepository = (c: ContractContext, pr: OpenPull): boolean =>
  (pr.head.repo?.full_name ?? '').toLowerCase() === `${c.owner}/${c.repo}`.toLowerCase();

/**
 * The commit at the head of an open pull request, fetched into the checkout: its branch when it lives in
 * this repository, else `refs/pull/<n>/head`, which GitHub keeps on the base repository for forks too.
 */
async function fetchHead(c: ContractContext, git: Git, pr: OpenPull): Promise<string | undefined> {
  if (sameRepository(c, pr)) {
    const tip = await git.fetchBranch('origin', pr.head.ref);
    if (tip) return tip;
  }
  return git.fetchPullHead('origin', pr.number);
}

interface PullAtHead {
  head: string;
  files: ChangedFile[];
}

/**
 * The migration files (and pending-file deletions) of an open pull request, read with git at its head
 * (the checkout has the history; no files API request per pull request); undefined when its head cannot
 * be fetched.
 */
async function pullFiles(
  c: ContractContext,
  git: Git,
  ref: string,
  pr: OpenPull,
): Promise<PullAtHead | undefined> {
  const head = await fetchHead(c, git, pr);
  if (!head) return undefined;
  const base = (await git.mergeBase(ref, head)) ?? ref;
  const out: ChangedFile[] = [];
  for (const f of await git.changedBetween(base, head)) {
    if (f.status === 'deleted') {
      if (f.path.startsWith(PENDING_DIR)) out.push({ path: f.path, content: '', status: 'removed' });
      continue;
    }
    if (!f.path.endsWith('.sql') && !f.path.endsWith('.json') && !f.path.endsWith('sqitch.plan')) continue;
    const content = (await git.fileAt(head, f.path))?.toString('utf8');
    if (content !== undefined) out.push({ path: f.path, content, status: 'added' });
  }
  return { head, files: out };
}

/** Runs `search` over the files of `commit`, in a throwaway worktree unless the checkout holds it already. */
async function atCommit<T>(
  c: ContractContext,
  git: Git,
  commit: string,
  search: (root: string) => Promise<T>,
): Promise<T> {
  if ((await git.resolve('HEAD').catch(() => undefined)) === commit) return search(c.cwd);
  const dir = await mkdtemp(join(tmpdir(), 'expand-contract-head-'));
  try {
    await git.addWorktree(join(dir, 'tree'), commit);
    return await search(join(dir, 'tree'));
  } finally {
    await git.removeWorktree(join(dir, 'tree')).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}
