// The scheduled workflow (issue 7): for every pending contract file on the default branch, the plan's
// contract pull request is opened once its expand phase has been in production long enough, kept up to
// date while it is open, and never opened twice.
//
// Per plan, independently (a failing plan gets a `failed` row; the others go on):
// 1. its pull request is looked up by head branch `expand-contract/contract-<plan-id>`, open or closed
//    (one request), before anything is created;
// 2. its deploy evidence comes from the injected `evidenceFor` (src/contract/evidence.ts in the Action);
// 3. merged -> `merged`; not due -> `not-due` with the eligible date; closed without merge -> `closed`,
//    unless it carries the retry label: then its branch is brought up to date and it is reopened;
//    open -> its branch is brought up to date when it lacks the contract or the default branch moved
//    (only when every commit beyond the default branch is the bot's) and its title, body and label are
//    refreshed when they differ (`updated`, else `unchanged`); none -> the branch is made and pushed
//    (src/contract/schedule-git.ts) and the pull request opened and labelled (`opened`).
// API requests: one list per plan, plus at most three writes for a plan that changes; none depends on the
// repository's size. GitHub's refusals become one line in the plan's row (describeContractError).
import type { GitHubClient } from '../github/client.js';
import { removeLabel } from '../github/pull.js';
import { Git } from '../git/git.js';
import { loadParser } from '../parse/libpg.js';
import type { PendingHeader } from '../plan/split.js';
import { listPendingPlans, type PendingPlan } from './expand-commit.js';
import {
  addPullLabel,
  contractPullBody,
  createContractPull,
  describeContractError,
  findContractPulls,
  pickContractPull,
  updateContractPull,
  type ContractEvidence,
  type ContractPull,
} from './contract-pr.js';
import { contractBranch, contractTitle } from './materialize.js';
import { prepareContractBranch, type ContractBranch, type Identity } from './schedule-git.js';

export const DEFAULT_RETRY_LABEL = 'expand-contract:retry';
export const DEFAULT_CONTRACT_LABEL = 'expand-contract:contract';
export const SCHEDULE_IDENTITY: Identity = {
  name: 'expand-contract[bot]',
  email: 'expand-contract[bot]@users.noreply.github.com',
};

/** What `evidenceFor` answers for a plan (the shape of src/contract/evidence.ts's PlanEvidence). */
export interface ScheduleEvidence {
  due: boolean;
  /** YYYY-MM-DD (UTC), or null when no deploy is on record. */
  eligibleOn: string | null;
  evidence: ContractEvidence | null;
  notes: string[];
  /** The wait that applies (the header's override or the `contract-after` input); default the header's. */
  dueDays?: number;
}

export type EvidenceFor = (plan: PendingPlan) => Promise<ScheduleEvidence>;

export interface ScheduleOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  /** A checkout of the default branch with full history, `origin` as actions/checkout left it. */
  cwd: string;
  defaultBranch: string;
  now: Date;
  evidenceFor: EvidenceFor;
  /** Author and committer of contract commits; default expand-contract[bot]. */
  identity?: Identity;
  retryLabel?: string;
  contractLabel?: string;
  /** Default `origin`. */
  remote?: string;
  /** Other open pull requests that drop objects of a plan (by plan id), linked from its pull request. */
  relatedPulls?: (planId: string) => readonly number[];
}

export type ScheduleStatus = 'not-due' | 'opened' | 'updated' | 'unchanged' | 'closed' | 'merged' | 'failed';

export interface ScheduleRow {
  planId: string;
  drops: string[];
  status: ScheduleStatus;
  eligibleOn: string | null;
  pr?: { number: number; url: string };
  /** One line (or a few sentences) saying what happened and why. */
  detail: string;
}

export interface ScheduleReport {
  rows: ScheduleRow[];
  /** Markdown for the job summary: every plan, what happened to it and its eligible date. */
  summary: string;
}

interface Run {
  options: ScheduleOptions;
  git: Git;
  remote: string;
  /** The default branch as read: `origin/main`, or HEAD when the checkout has no remote-tracking branch. */
  ref: string;
  base: string;
  identity: Identity;
  retryLabel: string;
  contractLabel: string;
}

export async function runSchedule(options: ScheduleOptions): Promise<ScheduleReport> {
  const remote = options.remote ?? 'origin';
  const git = await Git.create(options.cwd);
  const tracking = `${remote}/${options.defaultBranch}`;
  const ref = (await git.refExists(tracking)) ? tracking : 'HEAD';
  const base = await git.resolve(ref);
  const plans = await listPendingPlans({ cwd: options.cwd, ref });
  if (plans.length > 0) await loadParser();
  const run: Run = {
    options,
    git,
    remote,
    ref,
    base,
    identity: options.identity ?? SCHEDULE_IDENTITY,
    retryLabel: options.retryLabel ?? DEFAULT_RETRY_LABEL,
    contractLabel: options.contractLabel ?? DEFAULT_CONTRACT_LABEL,
  };
  const rows: ScheduleRow[] = [];
  for (const plan of plans) {
    try {
      rows.push(await schedulePlan(run, plan));
    } catch (e: unknown) {
      rows.push({
        planId: plan.planId,
        drops: plan.header?.drops ?? [],
        status: 'failed',
        eligibleOn: null,
        detail: oneLine(e instanceof Error ? e.message : String(e)),
      });
    }
  }
  return { rows, summary: scheduleSummary(rows, { ref, base, defaultBranch: options.defaultBranch }) };
}

async function schedulePlan(run: Run, plan: PendingPlan): Promise<ScheduleRow> {
  const { options } = run;
  const header = plan.header;
  const row = (status: ScheduleStatus, detail: string, extra: Partial<ScheduleRow> = {}): ScheduleRow => ({
    planId: plan.planId,
    drops: header?.drops ?? [],
    status,
    eligibleOn: null,
    detail: oneLine(detail),
    ...extra,
  });
  if (header === null)
    return row(
      'failed',
      `${plan.path}: the header is broken or incomplete (it needs plan, source, framework, migrations-dir and contract-after-days lines); restore it from git history or run \`expand-contract split\` on the migration again`,
    );
  if (header.planId !== plan.planId)
    return row(
      'failed',
      `${plan.path}: its header names plan ${header.planId}, not ${plan.planId}; rename the file or fix the \`-- plan:\` line`,
    );

  const branch = contractBranch(plan.planId);
  let pull: ContractPull | undefined;
  try {
    pull = pickContractPull(await findContractPulls({ ...repoParams(run), branch }));
  } catch (e: unknown) {
    return row('failed', describeContractError(e, `look up the pull request of ${branch}`));
  }
  const prRef = pull ? { pr: { number: pull.number, url: pull.url } } : {};

  let evidence: ScheduleEvidence;
  try {
    evidence = await options.evidenceFor(plan);
  } catch (e: unknown) {
    return row(
      'failed',
      `could not date the expand deploy: ${e instanceof Error ? e.message : String(e)}`,
      prRef,
    );
  }
  const dated = { eligibleOn: evidence.eligibleOn, ...prRef };

  if (pull?.merged)
    return row(
      'merged',
      `#${pull.number} was merged${pull.mergedAt ? ` on ${pull.mergedAt.slice(0, 10)}` : ''}; the pending file is still on ${run.ref} (the checkout may predate the merge)`,
      dated,
    );
  if (!evidence.due) {
    const when = evidence.eligibleOn
      ? `eligible on ${evidence.eligibleOn}`
      : 'no deploy of the expand phase on record yet, so no eligible date';
    const open = pull?.state === 'open' ? `; #${pull.number} is open and gated until then` : '';
    return row('not-due', [`${when}${open}`, ...evidence.notes].join('; '), dated);
  }
  if (pull?.state === 'closed' && !hasLabel(pull, run.retryLabel)) {
    return row(
      'closed',
      `#${pull.number} was closed without merging${pull.closedAt ? ` on ${pull.closedAt.slice(0, 10)}` : ''}; not reopened (add the label ${run.retryLabel} to have the next run reopen it)`,
      dated,
    );
  }

  const prepared = await prepareContractBranch({
    git: run.git,
    remote: run.remote,
    branch,
    defaultBranch: options.defaultBranch,
    base: run.base,
    plan,
    header,
    now: options.now,
    identity: run.identity,
    foreign: pull ? 'leave' : 'refuse',
  });
  if (prepared.kind === 'refused') return row('failed', prepared.reason, dated);

  const title = contractTitle(header.drops);
  const body = pullBody(run, plan, header, evidence, prepared);
  if (!pull) return openPull(run, { branch, title, body, prepared, row, dated });
  if (pull.state === 'closed') return reopenPull(run, { pull, title, body, prepared, row, dated });
  return refreshPull(run, { pull, title, body, prepared, row, dated });
}

type RowOf = (status: ScheduleStatus, detail: string, extra?: Partial<ScheduleRow>) => ScheduleRow;

interface Step {
  title: string;
  body: string;
  prepared: Exclude<ContractBranch, { kind: 'refused' }>;
  row: RowOf;
  dated: Partial<ScheduleRow>;
}

async function openPull(run: Run, step: Step & { branch: string }): Promise<ScheduleRow> {
  const { branch, title, body, prepared, row, dated } = step;
  const pushedWhat =
    prepared.kind === 'current' ? `${branch} (already there)` : `${branch} at ${prepared.head.slice(0, 7)}`;
  let pull: ContractPull;
  try {
    pull = await createContractPull({
      ...repoParams(run),
      branch,
      base: run.options.defaultBranch,
      title,
      body,
    });
  } catch (e: unknown) {
    return row(
      'failed',
      `${describeContractError(e, `open the contract pull request from ${branch}`)} (pushed ${pushedWhat}; the next run opens the pull request from it)`,
      dated,
    );
  }
  const pr = { pr: { number: pull.number, url: pull.url } };
  const labelled = await ensureLabel(run, pull);
  const detail = [`opened #${pull.number} from ${pushedWhat}`, ...prepared.notes, ...labelled].join('; ');
  return row('opened', detail, { ...dated, ...pr });
}

async function reopenPull(run: Run, step: Step & { pull: ContractPull }): Promise<ScheduleRow> {
  const { pull, title, body, prepared, row, dated } = step;
  try {
    await updateContractPull({ ...repoParams(run), number: pull.number, title, body, state: 'open' });
  } catch (e: unknown) {
    const recreated =
      prepared.kind === 'created'
        ? `; its branch had been deleted and was pushed again at ${prepared.head.slice(0, 7)}, and GitHub does not reopen a pull request whose branch was recreated: open one from ${pull.headRef} by hand`
        : '';
    return row('failed', `${describeContractError(e, `reopen #${pull.number}`)}${recreated}`, dated);
  }
  const notes = [...branchLine(prepared), ...prepared.notes];
  try {
    await removeLabel(run.options.client, {
      ...repoParams(run),
      issueNumber: pull.number,
      name: run.retryLabel,
    });
    notes.push(`removed the label ${run.retryLabel}`);
  } catch (e: unknown) {
    notes.push(describeContractError(e, `remove the label ${run.retryLabel} from #${pull.number}`));
  }
  notes.push(...(await ensureLabel(run, pull)));
  return row(
    'opened',
    [`reopened #${pull.number} (it carried ${run.retryLabel})`, ...notes].join('; '),
    dated,
  );
}

async function refreshPull(run: Run, step: Step & { pull: ContractPull }): Promise<ScheduleRow> {
  const { pull, title, body, prepared, row, dated } = step;
  const edits = {
    ...(pull.title !== title ? { title } : {}),
    ...(normalize(pull.body) !== normalize(body) ? { body } : {}),
  };
  const changes = [...branchLine(prepared)];
  if (Object.keys(edits).length > 0) {
    try {
      await updateContractPull({ ...repoParams(run), number: pull.number, ...edits });
      changes.push(`refreshed the ${Object.keys(edits).join(' and ')}`);
    } catch (e: unknown) {
      return row(
        'failed',
        [describeContractError(e, `update #${pull.number}`), ...branchLine(prepared)].join('; '),
        dated,
      );
    }
  }
  const labelled = await ensureLabel(run, pull);
  const failedLabel = labelled.some((l) => l.startsWith('expand-contract could not'));
  if (labelled.length && !failedLabel) changes.push(...labelled);
  const detail = [
    changes.length ? `#${pull.number}: ${changes.join('; ')}` : `#${pull.number} is up to date`,
    ...prepared.notes,
    ...(failedLabel ? labelled : []),
  ].join('; ');
  return row(changes.length ? 'updated' : 'unchanged', detail, dated);
}

function branchLine(prepared: Step['prepared']): string[] {
  if (prepared.kind === 'created') return [`pushed the branch again at ${prepared.head.slice(0, 7)}`];
  if (prepared.kind === 'updated') return [`pushed ${prepared.head.slice(0, 7)} to its branch`];
  return [];
}

/** Adds the contract label when missing; returns what it did, or the error line. */
async function ensureLabel(run: Run, pull: ContractPull): Promise<string[]> {
  if (hasLabel(pull, run.contractLabel)) return [];
  try {
    await addPullLabel({ ...repoParams(run), number: pull.number, label: run.contractLabel });
    return [`labelled ${run.contractLabel}`];
  } catch (e: unknown) {
    return [describeContractError(e, `add the label ${run.contractLabel} to #${pull.number}`)];
  }
}

function pullBody(
  run: Run,
  plan: PendingPlan,
  header: PendingHeader,
  evidence: ScheduleEvidence,
  prepared: Step['prepared'],
): string {
  return contractPullBody({
    planId: plan.planId,
    drops: header.drops,
    source: header.source,
    pendingPath: plan.path,
    migrationPath: prepared.migrationPath,
    defaultBranch: run.options.defaultBranch,
    contractAfterDays: evidence.dueDays ?? header.contractAfterDays,
    evidence: evidence.evidence,
    eligibleOn: evidence.eligibleOn,
    notes: evidence.notes,
    references: prepared.references,
    searchedAt: `at ${prepared.head.slice(0, 7)}`,
    branchNotes: prepared.kind === 'current' ? prepared.notes : [],
    retryLabel: run.retryLabel,
    relatedPulls: run.options.relatedPulls?.(plan.planId) ?? [],
  });
}

function repoParams(run: Run): { client: GitHubClient; owner: string; repo: string } {
  return { client: run.options.client, owner: run.options.owner, repo: run.options.repo };
}

function hasLabel(pull: ContractPull, label: string): boolean {
  return pull.labels.some((l) => l.toLowerCase() === label.toLowerCase());
}

/** GitHub stores bodies with `\r\n` from the web editor; compare without that or trailing space. */
function normalize(text: string): string {
  return text.replace(/\r\n/g, '\n').trimEnd();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const STATUS_TEXT: Record<ScheduleStatus, string> = {
  'not-due': 'not due',
  opened: 'opened',
  updated: 'updated',
  unchanged: 'unchanged',
  closed: 'closed, not reopened',
  merged: 'merged',
  failed: 'failed',
};

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return oneLine(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|') || ' ';
}

/** The job summary: every pending plan, what happened to it and when it is (or was) eligible. */
export function scheduleSummary(
  rows: readonly ScheduleRow[],
  context: { ref: string; base: string; defaultBranch: string },
): string {
  const lines = ['## expand-contract: scheduled contract phase', ''];
  const at = `${context.ref} at ${context.base.slice(0, 7)}`;
  if (rows.length === 0) {
    lines.push(`No pending contract on ${at}: nothing to do.`, '');
    return lines.join('\n');
  }
  const counts = new Map<ScheduleStatus, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const tally = [...counts].map(([s, n]) => `${n} ${STATUS_TEXT[s]}`).join(', ');
  lines.push(
    `${rows.length} pending contract${rows.length === 1 ? '' : 's'} on ${at}: ${tally}.`,
    '',
    '| Plan | Drops | Status | Eligible on (UTC) | Pull request | Detail |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const r of rows) {
    const pr = r.pr ? `[#${r.pr.number}](${r.pr.url})` : '';
    const drops = r.drops.map((d) => d.replace(/(^|[\s(])public\./g, '$1')).join(', ');
    lines.push(
      `| ${cell(`\`${r.planId}\``)} | ${cell(drops)} | ${cell(STATUS_TEXT[r.status])} | ${cell(r.eligibleOn ?? '—')} | ${cell(pr)} | ${cell(r.detail)} |`,
    );
  }
  if (context.ref === 'HEAD')
    lines.push(
      '',
      `The checkout has no remote-tracking branch for ${context.defaultBranch}; the plans were read at HEAD.`,
    );
  lines.push('');
  return lines.join('\n');
}
