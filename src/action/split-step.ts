// `split: commit`, or `split: label` with the label on the pull request: the split files of every
// proven plan, committed to the pull request's own branch as one commit by the bot and pushed (never
// forced). The label is removed after a commit, so adding it again asks again.
import { repositoryRoot } from '../cli/settings.js';
import type { Config } from '../config/types.js';
import type { GitHubClient } from '../github/client.js';
import { describeGitHubError } from '../github/errors.js';
import { removeLabel } from '../github/pull.js';
import type { PlanRun } from '../pipeline/plan-changes.js';
import { prepareSplit } from '../pipeline/split-plan.js';
import type { ActionInputs } from './inputs.js';
import type { ActionIO } from './io.js';
import type { Target } from './publish.js';
import { commitSplit, splitCommitMessage, type SplitCommitResult } from './split-commit.js';

export type SplitStep = SplitCommitResult | { status: 'nothing-to-split' };

export interface SplitStepOptions {
  io: ActionIO;
  cwd: string;
  run: PlanRun;
  config: Config;
  target: Target;
  client: GitHubClient | undefined;
  inputs: ActionInputs;
}

export async function splitIntoBranch(o: SplitStepOptions): Promise<SplitStep> {
  const pull = o.target.pull;
  if (!pull) return { status: 'nothing-to-split' };
  const root = repositoryRoot(o.cwd);
  const files = new Map<string, string>();
  const planIds: string[] = [];
  const sources: string[] = [];
  const held: string[] = [];
  for (const entry of o.run.plans) {
    if (entry.plan.recipes.length === 0) continue;
    const outcome = await prepareSplit(entry, entry.file, root, o.config.contractAfterDays);
    if (outcome.status !== 'ready') continue;
    if (entry.status !== 'proven') {
      held.push(`${entry.plan.source} (${entry.reason ?? 'its plan is not proven'})`);
      continue;
    }
    if (outcome.conflicts.length > 0)
      return {
        status: 'refused',
        reason: `${outcome.conflicts.join(', ')} already exist${outcome.conflicts.length === 1 ? 's' : ''} with other content, and split never overwrites a file it did not write`,
      };
    for (const f of outcome.split.files) files.set(f.path, f.content);
    planIds.push(entry.plan.planId);
    sources.push(entry.plan.source);
  }
  for (const h of held) o.io.info(`expand-contract: not split: ${h}`);
  if (files.size === 0)
    return held.length > 0
      ? { status: 'refused', reason: `only proven plans are committed; not proven: ${held.join('; ')}` }
      : { status: 'nothing-to-split' };

  const result = await commitSplit({
    cwd: root,
    branch: pull.headRef,
    expectedHead: pull.headSha,
    files: [...files].map(([path, content]) => ({ path, content })),
    message: splitCommitMessage(planIds, sources),
    isFork: pull.isFork,
    sources,
  });
  if (result.status === 'committed') {
    o.io.info(`expand-contract: committed the split files to ${pull.headRef} in ${result.sha.slice(0, 7)}`);
    if (o.inputs.split === 'label' && o.client) {
      try {
        await removeLabel(o.client, {
          owner: o.target.owner,
          repo: o.target.repo,
          issueNumber: pull.number,
          name: o.inputs.splitLabel,
        });
      } catch (e: unknown) {
        o.io.warning(describeGitHubError(e, `remove the label ${o.inputs.splitLabel}`));
      }
    }
  }
  return result;
}
