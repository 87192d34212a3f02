// The deploy age of one pending plan, from the configured source: finds the plan's expand commit with git,
// picks the source (`auto`: deployments when the environment has any, else the production database when a
// URL is given, else the merge), asks that source's function (src/contract/deploy-age/) and maps the answer
// into one PlanEvidence: the evidence, when the plan is eligible (evidence time + the plan's days, UTC) and
// whether it is due, with notes a person should read (a shallow checkout, later failed deployments, merge
// being the weakest evidence, a framework whose history keeps no time).
//
// Requests: `auto` asks once whether the environment has deployments (pass `autoSource` from
// `resolveSource` to ask once for many plans); the deployments source reads the deployments since the expand
// phase (bounded by deploymentAge's limits) and asks the compare API only for deployed commits missing from
// the local history. Nothing here grows with the repository's size.
import { basename, posix } from 'node:path';
import type { GitHubClient } from '../github/client.js';
import { Git } from '../git/git.js';
import { databaseDeployTime, databaseEvidence, drizzleJournalWhen } from './deploy-age/database.js';
import { compareContains, deploymentAge, hasDeployments } from './deploy-age/deployments.js';
import type { HistoryMigration } from './deploy-age/history-table.js';
import { mergeEvidence } from './deploy-age/merge.js';
import { DeployAgeError, type DatabaseTimeouts } from './deploy-age/read-only.js';
import type { AgeEvidence, AgeSource, DatabaseDeployTime } from './deploy-age/types.js';
import {
  containsCommit,
  findExpandCommit,
  type ExpandCommit,
  type FoundExpandCommit,
  type PendingPlan,
} from './expand-commit.js';

const DAY_MS = 86_400_000;

/** `contract-after` when neither the plan's header nor the caller says otherwise. */
export const DEFAULT_CONTRACT_AFTER_DAYS = 7;

export type DeploySource = 'auto' | AgeSource;

export interface PlanEvidence {
  planId: string;
  expand: ExpandCommit;
  /** The evidence the chosen source gave; null when it gave none (not deployed, no history, ...). */
  evidence: AgeEvidence | null;
  /** The source that was asked (for `auto`, the one it picked); null when none could be asked. */
  source: AgeSource | null;
  /** Days the expand phase must be in production: the header's `contract-after-days`, else the default. */
  dueDays: number;
  /** YYYY-MM-DD (UTC) of `evidence.at` + `dueDays`; null without evidence. */
  eligibleOn: string | null;
  /** True when `now` is at least `dueDays` after `evidence.at`. */
  due: boolean;
  /** Sentences for a person, in the order they were found. */
  notes: string[];
}

/** What `auto` picked, and why (one sentence). */
export interface ResolvedSource {
  source: AgeSource;
  why: string;
}

export interface ResolveSourceParams {
  client?: GitHubClient;
  owner: string;
  repo: string;
  source: DeploySource;
  environment: string;
  deployDatabaseUrl?: string;
}

export interface PlanEvidenceParams extends ResolveSourceParams {
  /** A folder in the checkout (full history wanted). */
  cwd: string;
  /** The default branch as git knows it here: `origin/main` in a CI checkout, or `main`. */
  defaultBranch: string;
  plan: PendingPlan;
  now: Date;
  /** Days when the plan's header has none (the `contract-after` input; default 7). */
  defaultContractAfter?: number;
  /** For `auto`: the source resolved once for all plans (`resolveSource`), so it is not asked per plan. */
  autoSource?: ResolvedSource;
  /** Database source: the history table when it is not the framework's default (`name` or `schema.name`). */
  databaseTable?: string;
  databaseTimeouts?: DatabaseTimeouts;
}

/**
 * The source `auto` stands for: deployments when the environment has any deployment (one request), else
 * the database when a URL is given, else the merge. Any other source is returned as it is.
 */
export async function resolveSource(params: ResolveSourceParams): Promise<ResolvedSource> {
  const { source, environment } = params;
  if (source !== 'auto') return { source, why: `deploy-source: ${source}` };
  const { client, owner, repo } = params;
  if (client && (await hasDeployments(client, { owner, repo, environment }))) {
    return {
      source: 'deployments',
      why: `deploy-source auto: the repository has deployments to ${environment}`,
    };
  }
  const none = client ? `no deployment to ${environment} on record` : 'no GitHub client to read deployments';
  if (params.deployDatabaseUrl) {
    return {
      source: 'database',
      why: `deploy-source auto: ${none}, so the production database's migration history was read`,
    };
  }
  return {
    source: 'merge',
    why: `deploy-source auto: ${none} and no deploy-database-url, so only the merge dates the expand phase`,
  };
}

/** The deploy age of one pending plan by the configured source, and whether its contract is due. */
export async function planEvidence(params: PlanEvidenceParams): Promise<PlanEvidence> {
  const { plan, now } = params;
  const header = plan.header;
  const dueDays = header?.contractAfterDays ?? params.defaultContractAfter ?? DEFAULT_CONTRACT_AFTER_DAYS;
  const notes: string[] = [];
  if (header === null) {
    notes.push(
      `${plan.path} does not start with a pending contract header; waiting ${dueDays} days by default`,
    );
  }
  const expand = await findExpandCommit({
    cwd: params.cwd,
    planId: plan.planId,
    defaultBranch: params.defaultBranch,
  });
  const result = (evidence: AgeEvidence | null, source: AgeSource | null): PlanEvidence =>
    mapEvidence({ planId: plan.planId, expand, evidence, source, dueDays, notes, now });
  if (expand.kind !== 'found') {
    notes.push(expand.reason);
    return result(null, null);
  }

  const picked = params.source === 'auto' ? (params.autoSource ?? (await resolveSource(params))) : undefined;
  const source = picked?.source ?? (params.source as AgeSource);
  if (picked) notes.push(picked.why);

  if (source === 'deployments') {
    return result(await fromDeployments(params, expand, notes), 'deployments');
  }
  if (source === 'database') {
    const answer = await fromDatabase(params, expand, notes);
    // `auto` falls back to the merge only when the database cannot date anything; a migration that did
    // not run there is not deployed, and the merge must not say otherwise.
    if (answer.evidence === null && answer.undatable && params.source === 'auto') {
      notes.push('deploy-source auto falls back to the merge');
      return result(fromMerge(expand, now, notes), 'merge');
    }
    return result(answer.evidence, 'database');
  }
  return result(fromMerge(expand, now, notes), 'merge');
}

/** The evidence, the plan's days and the clock as a PlanEvidence (eligible date, due). */
export function mapEvidence(input: {
  planId: string;
  expand: ExpandCommit;
  evidence: AgeEvidence | null;
  source: AgeSource | null;
  dueDays: number;
  notes: string[];
  now: Date;
}): PlanEvidence {
  const { evidence, dueDays, now } = input;
  const eligible = evidence ? Date.parse(evidence.at) + dueDays * DAY_MS : NaN;
  return {
    planId: input.planId,
    expand: input.expand,
    evidence,
    source: input.source,
    dueDays,
    eligibleOn: Number.isFinite(eligible) ? new Date(eligible).toISOString().slice(0, 10) : null,
    due: Number.isFinite(eligible) && now.getTime() >= eligible,
    notes: input.notes,
  };
}

async function fromDeployments(
  params: PlanEvidenceParams,
  expand: FoundExpandCommit,
  notes: string[],
): Promise<AgeEvidence | null> {
  const { client, environment, owner, repo } = params;
  if (!client) {
    notes.push(`no GitHub client, so the deployments to ${environment} could not be read`);
    return null;
  }
  const compare = compareContains(client, { owner, repo });
  const missing = new Set<string>();
  const contains = async (deployedSha: string, expandSha: string): Promise<boolean> => {
    const local = await containsCommit(params.cwd, expandSha, deployedSha);
    if (local !== undefined) return local;
    missing.add(deployedSha);
    return compare(deployedSha, expandSha);
  };
  const answer = await deploymentAge(client, {
    owner,
    repo,
    environment,
    expandCommit: expand.sha,
    contains,
    now: params.now,
  });
  if (missing.size > 0) {
    notes.push(
      `${plural(missing.size, 'deployed commit')} not in the local history; GitHub's compare API said whether ${missing.size === 1 ? 'it contains' : 'they contain'} the expand commit`,
    );
  }
  if (answer.kind === 'no-deployments') {
    notes.push(
      `no deployment to ${environment} on record; record deployments (an \`environment:\` job does) or set deploy-source to database or merge`,
    );
    return null;
  }
  if (answer.kind === 'not-deployed') {
    notes.push(`not deployed to ${environment} yet: ${answer.reason}`);
    return null;
  }
  for (const later of answer.later) {
    notes.push(
      `a later deployment to ${environment} (${later.deploymentId}, commit ${later.sha.slice(0, 12)}) ended ${later.state} at ${later.at}`,
    );
  }
  if (answer.note) notes.push(answer.note);
  return {
    source: 'deployments',
    at: answer.deployedAt,
    ageDays: answer.ageDays,
    weak: false,
    detail: `deployment ${answer.deploymentId} of ${answer.sha.slice(0, 12)} to ${environment} succeeded at ${answer.deployedAt}`,
  };
}

async function fromDatabase(
  params: PlanEvidenceParams,
  expand: FoundExpandCommit,
  notes: string[],
): Promise<{ evidence: AgeEvidence | null; undatable: boolean }> {
  const header = params.plan.header;
  if (!header) {
    notes.push(
      'without a pending contract header the expand migration is unknown, so the database cannot date it',
    );
    return { evidence: null, undatable: true };
  }
  if (!params.deployDatabaseUrl) {
    notes.push('deploy-source database needs deploy-database-url (the production database, read only)');
    return { evidence: null, undatable: true };
  }
  let answer: DatabaseDeployTime;
  try {
    answer = await databaseDeployTime({
      url: params.deployDatabaseUrl,
      framework: header.framework,
      migration: await historyMigration(params, expand, header.source, header.migrationsDir),
      ...(params.databaseTable ? { table: params.databaseTable } : {}),
      ...(params.databaseTimeouts ? { timeouts: params.databaseTimeouts } : {}),
    });
  } catch (error) {
    // DeployAgeError messages never hold the URL; anything else is not shown as it is.
    if (!(error instanceof DeployAgeError)) throw error;
    notes.push(`the production database could not be read: ${error.message}`);
    return { evidence: null, undatable: false };
  }
  if (answer.kind === 'applied') {
    if (answer.note) notes.push(answer.note);
    return { evidence: databaseEvidence(answer, params.now) ?? null, undatable: false };
  }
  if (answer.kind === 'not-applied') {
    notes.push(
      `${answer.table} on the production database has no record of ${header.source}: the expand migration has not run there${answer.note ? ` (${answer.note})` : ''}`,
    );
    return { evidence: null, undatable: false };
  }
  if (answer.kind === 'no-table') {
    notes.push(
      `the production database has no ${answer.table}; set the history table, or use the deployments or merge source`,
    );
    return { evidence: null, undatable: true };
  }
  notes.push(answer.reason);
  return { evidence: null, undatable: answer.applied !== false };
}

/** The expand migration as the history readers want it; Drizzle's journal `when` and text read at the default branch. */
async function historyMigration(
  params: PlanEvidenceParams,
  expand: FoundExpandCommit,
  source: string,
  migrationsDir: string,
): Promise<HistoryMigration> {
  if (params.plan.header?.framework !== 'drizzle') return { path: source };
  const git = await Git.create(params.cwd);
  const [text, journal] = await Promise.all([
    git.fileAt(expand.sha, source),
    git.fileAt(expand.sha, posix.join(migrationsDir, 'meta', '_journal.json')),
  ]);
  const folder = /(?:^|\/)([^/]+)\/migration\.sql$/.exec(source)?.[1];
  const tag = folder ?? basename(source).replace(/\.sql$/, '');
  const when = journal ? drizzleJournalWhen(journal.toString('utf8'), tag) : undefined;
  return {
    path: source,
    ...(text ? { content: text.toString('utf8') } : {}),
    ...(when !== undefined ? { when } : {}),
  };
}

function fromMerge(expand: FoundExpandCommit, now: Date, notes: string[]): AgeEvidence {
  notes.push(
    'merge is the weakest evidence: it dates the expand commit on the default branch, not its deploy to production',
  );
  return mergeEvidence(expand, now);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
