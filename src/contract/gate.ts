// The merge gate on pull requests that contain contract SQL: a commit status with the stable context
// `expand-contract/gate` (so a branch protection rule can require it) on the PR's head commit.
//
// A pull request contains contract SQL when a changed migration file drops a column or a table, or an
// object a pending plan's `drops` header names (gate-drops.ts reads the files with PostgreSQL's parser). Each
// dropped object is matched against the pending plans on the default branch: the scheduled job's PR holds
// exactly its plan's materialized contract (and deletes the pending file); a person's PR that drops the same
// objects is gated by the same plan. Then:
//   pending  while any matched plan is not due: "eligible on YYYY-MM-DD (expand deployed 3 days ago)";
//   success  once every matched plan is due;
//   failure  when a dropped column or table matches no pending plan (a drop that skipped the expand phase),
//            unless the PR carries the label `expand-contract:acknowledged` AND a line in its body
//            `expand-contract: acknowledged: <reason>` (see ACKNOWLEDGE_HELP).
// Descriptions stay within GitHub's 140 characters; the summary is Markdown with every input escaped.
import type { GitHubClient } from '../github/client.js';
import { MAX_STATUS_DESCRIPTION_LENGTH, truncateText } from '../github/checks.js';
import { GitHubActionError } from '../github/errors.js';
import { escapeText } from '../report/markdown.js';
import type { AgeSource } from './deploy-age/types.js';
import type { PendingPlan } from './expand-commit.js';
import type { PlanEvidence } from './evidence.js';
import { normalizeDrop, pullDrops, type ChangedFile, type DroppedObject } from './gate-drops.js';

export { normalizeDrop, pullDrops, type ChangedFile, type DroppedObject } from './gate-drops.js';

export const GATE_CONTEXT = 'expand-contract/gate';
export const ACKNOWLEDGED_LABEL = 'expand-contract:acknowledged';
/** The start of the body line that gives the reason; the reason follows on the same line. */
export const ACKNOWLEDGED_LINE = 'expand-contract: acknowledged:';

export const ACKNOWLEDGE_HELP =
  `A dropped column or table with no pending plan skipped the expand phase, and the gate fails. If that is ` +
  `intended, add the label \`${ACKNOWLEDGED_LABEL}\` and a line to the pull request description that ` +
  `starts with \`${ACKNOWLEDGED_LINE}\` followed by the reason, e.g. ` +
  `\`${ACKNOWLEDGED_LINE} the table was never read in production\`.`;

export type GateState = 'pending' | 'success' | 'failure';

export interface GatePlan {
  planId: string;
  /** Everything the plan's header says its contract drops. */
  drops: string[];
  /** What this pull request drops of it (empty when it only carries the plan: deletes its pending file). */
  dropped: string[];
  eligibleOn: string | null;
  due: boolean;
  dueDays: number;
  source: AgeSource | null;
  ageDays: number | null;
  /** One line: which evidence dates the expand phase, or why none does. */
  evidence: string;
  notes: string[];
}

export interface GateResult {
  state: GateState;
  /** At most 140 characters (GitHub's limit for a commit status). */
  description: string;
  context: typeof GATE_CONTEXT;
  plans: GatePlan[];
  /** Dropped columns and tables that match no pending plan. */
  unplannedDrops: string[];
  /** The PR carries the label and a reason line. */
  acknowledged: boolean;
  /** The reason line's text, when there is one. */
  acknowledgedReason: string | null;
  /** Markdown for the job summary or a PR comment; every input escaped. */
  summary: string;
}

export interface GateInput {
  /** The PR's added and modified migration files, and any `.expand-contract/pending/*` deletions. */
  changedFiles: readonly ChangedFile[];
  /** The pending plans on the default branch. */
  pending: readonly PendingPlan[];
  evidenceFor: (plan: PendingPlan) => Promise<PlanEvidence>;
  labels: readonly string[];
  /** The PR body (null when GitHub has none). */
  body: string | null;
  now: Date;
}

/** True when a changed migration file drops a column or a table, or an object a pending plan drops. */
export async function hasContractSql(
  changedFiles: readonly ChangedFile[],
  pending: readonly PendingPlan[] = [],
): Promise<boolean> {
  const { drops, plansCarried } = await pullDrops(changedFiles, pending);
  const known = pending.filter((p) => plansCarried.has(p.planId));
  if (known.length > 0) return true;
  const planned = plannedKeys(pending);
  return drops.some((d) => d.kind !== 'other' || planned.has(d.key));
}

/** The reason of an acknowledgement line in the body (HTML comments, as in PR templates, do not count). */
export function acknowledgedReason(body: string | null): string | null {
  const text = (body ?? '').replace(/<!--[\s\S]*?(-->|$)/g, '');
  const line =
    /^[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+)?expand-contract:[ \t]*acknowledged[ \t]*:[ \t]*(\S[^\r\n]*?)[ \t]*$/im;
  const reason = line.exec(text)?.[1]?.trim();
  return reason && /[\p{L}\p{N}]/u.test(reason) ? reason : null;
}

export async function evaluateGate(input: GateInput): Promise<GateResult> {
  const { drops, plansCarried } = await pullDrops(input.changedFiles, input.pending);
  const planned = new Map(input.pending.map((p) => [p.planId, plannedKeys([p])]));

  const matched = new Map<string, { plan: PendingPlan; dropped: Set<string> }>();
  const match = (plan: PendingPlan): Set<string> => {
    let entry = matched.get(plan.planId);
    if (!entry) matched.set(plan.planId, (entry = { plan, dropped: new Set() }));
    return entry.dropped;
  };
  for (const plan of input.pending) if (plansCarried.has(plan.planId)) match(plan);
  const unplanned: DroppedObject[] = [];
  for (const drop of drops) {
    const owners = input.pending.filter((p) => planned.get(p.planId)?.has(drop.key));
    for (const owner of owners) match(owner).add(drop.key);
    if (owners.length === 0 && drop.kind !== 'other' && !unplanned.some((u) => u.key === drop.key)) {
      unplanned.push(drop);
    }
  }

  const plans: GatePlan[] = [];
  for (const { plan, dropped } of matched.values()) {
    plans.push(await gatePlan(plan, [...dropped], input.evidenceFor));
  }

  const hasLabel = input.labels.some((l) => l.toLowerCase() === ACKNOWLEDGED_LABEL);
  const reason = acknowledgedReason(input.body);
  const acknowledged = hasLabel && reason !== null;
  const unplannedDrops = unplanned.map((d) => d.key);
  const { state, description } = decide(plans, unplannedDrops, acknowledged, hasLabel, reason);
  const result: GateResult = {
    state,
    description: truncateText(description, MAX_STATUS_DESCRIPTION_LENGTH, '…'),
    context: GATE_CONTEXT,
    plans,
    unplannedDrops,
    acknowledged,
    acknowledgedReason: reason,
    summary: '',
  };
  result.summary = gateSummary(result, unplanned);
  return result;
}

export interface PublishGateOptions {
  owner: string;
  repo: string;
  /** The PR's head commit. */
  sha: string;
  result: Pick<GateResult, 'state' | 'description'>;
  /** Link from the status, e.g. the workflow run. */
  targetUrl?: string;
}

/** Sets the commit status `expand-contract/gate` on `sha` (needs `statuses: write`). */
export async function publishGate(client: GitHubClient, opts: PublishGateOptions): Promise<void> {
  try {
    await client.octokit.rest.repos.createCommitStatus({
      owner: opts.owner,
      repo: opts.repo,
      sha: opts.sha,
      state: opts.result.state,
      context: GATE_CONTEXT,
      description: truncateText(opts.result.description, MAX_STATUS_DESCRIPTION_LENGTH, '…'),
      ...(opts.targetUrl ? { target_url: opts.targetUrl } : {}),
    });
  } catch (error) {
    throw new GitHubActionError(error, `set the commit status "${GATE_CONTEXT}" on ${opts.sha.slice(0, 12)}`);
  }
}

function plannedKeys(pending: readonly PendingPlan[]): Set<string> {
  return new Set(pending.flatMap((p) => (p.header?.drops ?? []).map(normalizeDrop)));
}

async function gatePlan(
  plan: PendingPlan,
  dropped: string[],
  evidenceFor: GateInput['evidenceFor'],
): Promise<GatePlan> {
  const base = { planId: plan.planId, drops: plan.header?.drops ?? [], dropped };
  let found: PlanEvidence;
  try {
    found = await evidenceFor(plan);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      eligibleOn: null,
      due: false,
      dueDays: plan.header?.contractAfterDays ?? 0,
      source: null,
      ageDays: null,
      evidence: 'the expand phase could not be dated',
      notes: [`the deploy age could not be read: ${why}`],
    };
  }
  const e = found.evidence;
  return {
    ...base,
    eligibleOn: found.eligibleOn,
    due: found.due,
    dueDays: found.dueDays,
    source: e?.source ?? found.source,
    ageDays: e?.ageDays ?? null,
    evidence: e
      ? `${e.source}${e.weak ? ' (weak)' : ''}: ${e.detail}`
      : 'no deploy of the expand phase on record',
    notes: found.notes,
  };
}

const VERB: Record<AgeSource, string> = {
  deployments: 'deployed',
  database: 'applied in production',
  merge: 'merged',
};

function ago(days: number): string {
  const n = Math.floor(days);
  if (n < 1) return 'less than a day ago';
  return `${n} day${n === 1 ? '' : 's'} ago`;
}

function decide(
  plans: GatePlan[],
  unplanned: string[],
  acknowledged: boolean,
  hasLabel: boolean,
  reason: string | null,
): { state: GateState; description: string } {
  if (unplanned.length > 0 && !acknowledged) {
    const more = unplanned.length > 1 ? ` and ${unplanned.length - 1} more` : '';
    const what = `drops ${unplanned[0]}${more} with no expand phase on record`;
    if (hasLabel && reason === null) {
      return {
        state: 'failure',
        description: `${what}; the label needs a "${ACKNOWLEDGED_LINE} <reason>" line`,
      };
    }
    return { state: 'failure', description: what };
  }
  const waiting = plans.filter((p) => !p.due);
  if (waiting.length > 0) {
    const undated = waiting.find((p) => p.eligibleOn === null);
    if (undated) {
      const others = waiting.length > 1 ? ` (${waiting.length} plans waiting)` : '';
      return {
        state: 'pending',
        description: `waiting: the expand phase of ${undated.planId} is not in production on record${others}`,
      };
    }
    const latest = waiting.reduce((a, b) => ((b.eligibleOn ?? '') > (a.eligibleOn ?? '') ? b : a));
    const age =
      latest.source && latest.ageDays !== null
        ? ` (expand ${VERB[latest.source]} ${ago(latest.ageDays)})`
        : '';
    return { state: 'pending', description: `eligible on ${latest.eligibleOn}${age}` };
  }
  const ack = unplanned.length > 0 ? `acknowledged drop without expand phase (${reason}); ` : '';
  if (plans.length === 0) {
    return {
      state: 'success',
      description: ack ? ack.replace(/; $/, '') : 'no contract SQL in this pull request',
    };
  }
  const days = Math.floor(Math.min(...plans.map((p) => p.ageDays ?? 0)));
  const merged = plans.some((p) => p.source === 'merge');
  const how = merged ? `${days}+ days since merge (weakest evidence)` : `${days}+ days in production`;
  return { state: 'success', description: `${ack}all dropped objects' expand phases are ${how}` };
}

/** One line of table cell text: escaped, newlines folded. */
function cell(text: string): string {
  return escapeText(text.replace(/\r\n|\r|\n/g, ' '));
}

function gateSummary(result: GateResult, unplanned: DroppedObject[]): string {
  const icon = { pending: '🟡', success: '✅', failure: '❌' }[result.state];
  const out: string[] = [
    `### ${icon} expand-contract gate: ${result.state}`,
    '',
    cell(result.description),
    '',
  ];
  if (result.plans.length > 0) {
    out.push(
      '| Plan | Drops here | Evidence | Wait | Eligible on (UTC) | Due |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const p of result.plans) {
      const dropped = p.dropped.length > 0 ? p.dropped : p.drops;
      out.push(
        `| ${cell(p.planId)} | ${cell(dropped.join(', ') || '(pending file deleted)')} | ${cell(p.evidence)} | ` +
          `${p.dueDays} days | ${cell(p.eligibleOn ?? 'unknown')} | ${p.due ? 'yes' : 'no'} |`,
      );
    }
    out.push('');
    const notes = result.plans.flatMap((p) => p.notes.map((n) => `- ${cell(p.planId)}: ${cell(n)}`));
    if (notes.length > 0) out.push('Notes:', '', ...notes, '');
  }
  if (unplanned.length > 0) {
    out.push(
      result.acknowledged
        ? `Dropped with no expand phase on record, acknowledged (${cell(result.acknowledgedReason ?? '')}):`
        : 'Dropped with no expand phase on record:',
      '',
      ...unplanned.map((d) => `- ${cell(d.key)} (${cell(d.path)}:${d.line})`),
      '',
    );
  }
  out.push(ACKNOWLEDGE_HELP);
  return `${out.join('\n')}\n`;
}
