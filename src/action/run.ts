// The Action, end to end: read the inputs and the event, find the pull request's migrations, plan and
// prove them, split them into the branch when asked, and report through the PR comment, the check run
// (or a commit status), annotations, the job summary and the outputs. Every failure ends as one line
// on the step, never a stack trace.
import { join } from 'node:path';
import { loadConfig } from '../config/load.js';
import { ConfigError, type Config } from '../config/types.js';
import { InputError } from '../discover/index.js';
import { GitHubActionError, describeGitHubError } from '../github/errors.js';
import { createGitHubClient, type GitHubClient } from '../github/client.js';
import { getPullRequest } from '../github/pull.js';
import { planChanges, type PlanRun } from '../pipeline/plan-changes.js';
import { applyExposure, type ExposureContext } from '../stats/exposure.js';
import { withBackfillEstimates } from '../stats/backfill-estimate.js';
import { actionExposure } from './exposure-step.js';
import { RULES } from '../rules/index.js';
import { BUILTIN_RULE_IDS } from '../rules/meta.js';
import { readEvent, type ActionEvent } from './event.js';
import { readInputs, type ActionInputs } from './inputs.js';
import type { ActionIO } from './io.js';
import { publish, publishNoMigrations, type Target } from './publish.js';
import { findMigrations } from './scope.js';
import { splitIntoBranch, type SplitStep } from './split-step.js';
import { gateStep, scheduleStep } from './contract-steps.js';
import { backfillStep } from './backfill-step.js';

/** At most this many plans are proven per run (each proof takes a few seconds); the rest say so. */
export const MAX_PROOFS_PER_RUN = 20;

export async function runAction(io: ActionIO): Promise<void> {
  let client: GitHubClient | undefined;
  try {
    const inputs = readInputs(io.getInput, { mask: io.setSecret });
    const event = readEvent(io.env);
    const cwd = io.env.GITHUB_WORKSPACE || io.cwd;
    const config = settings(
      await loadConfig({
        ...(inputs.defaulted.has('config') ? {} : { path: join(cwd, inputs.config) }),
        cwd,
        knownRules: [...RULES.map((r) => r.meta.id), ...BUILTIN_RULE_IDS],
      }),
      inputs,
    );
    const mode = modeOf(inputs, event);
    if (mode === 'backfill') {
      // Writes to the database only: no GitHub API call, so no client.
      await backfillStep({ io, inputs, config, cwd });
      return;
    }
    if (inputs.githubToken)
      client = createGitHubClient({
        token: inputs.githubToken,
        baseUrl: event.run.apiUrl,
        log: { debug: io.debug, info: io.info, warn: (m) => io.warning(m), error: (m) => io.warning(m) },
      });
    const contract = {
      io,
      client,
      inputs,
      config,
      cwd,
      owner: event.kind === 'other' ? ((io.env.GITHUB_REPOSITORY ?? '/').split('/')[0] ?? '') : event.owner,
      repo: event.kind === 'other' ? ((io.env.GITHUB_REPOSITORY ?? '/').split('/')[1] ?? '') : event.repo,
      runUrl: event.run.runUrl,
      now: new Date(),
    };
    if (mode === 'schedule') {
      await scheduleStep(contract);
      return;
    }
    const target = await targetOf(event, client);
    const started = performance.now();
    let scope = await findMigrations({ cwd, config, inputs, target, client });
    for (const notice of scope.notices) io.notice(notice);
    const files = scope.input.releases.flat().length;
    io.info(`expand-contract: ${files} migration(s) to check, found in ${elapsed(started)}`);

    if (mode === 'gate') {
      if (!target.pull)
        throw new InputError(
          'mode: gate needs a pull request (a pull_request event, or workflow_dispatch with pull-number)',
        );
      const gate = await gateStep(contract, target, scope);
      io.setOutput('gate', gate?.state ?? '');
      return;
    }
    if (scope.input.releases.length === 0 && scope.extraFindings.length === 0) {
      await publishNoMigrations(io, { inputs, target, client, event });
      await gateStep(contract, target, scope);
      return;
    }

    const planning = performance.now();
    const exposure = await actionExposure(inputs, config, io, cwd);
    let run = await plan(scope.input, config, inputs, io, exposure);
    io.info(`expand-contract: ${run.plans.length} plan(s) made and proven in ${elapsed(planning)}`);
    let split: SplitStep | undefined;
    if (target.pull && wantsSplit(inputs, target)) {
      split = await splitIntoBranch({ io, cwd, run, config, target, client, inputs });
      if (split.status === 'committed') {
        // The branch moved: what ships now is the split migration. Report on the new head.
        target.sha = split.sha;
        scope = await findMigrations({ cwd, config, inputs, target, client });
        run = await plan(scope.input, config, inputs, io, exposure);
      }
    }
    run.report.findings.push(...scope.extraFindings);
    const publishing = performance.now();
    await publish(io, { run, inputs, config, target, client, event, ...(split ? { split } : {}) });
    // A pull request that drops something (a contract) also gets the merge gate.
    const gate = await gateStep(contract, target, scope);
    io.setOutput('gate', gate?.state ?? '');
    io.info(`expand-contract: reported in ${elapsed(publishing)}`);
  } catch (error: unknown) {
    io.setFailed(failureLine(error));
  } finally {
    if (client) io.debug(`GitHub API: ${client.requestCount} request(s), ${client.retryCount} retried`);
  }
}

/** The pull request (and the commit) the run reports on. */
async function targetOf(event: ActionEvent, client: GitHubClient | undefined): Promise<Target> {
  if (event.kind === 'pull_request')
    return {
      owner: event.owner,
      repo: event.repo,
      sha: event.headSha,
      pull: {
        number: event.number,
        headRef: event.headRef,
        headSha: event.headSha,
        baseSha: event.baseSha,
        baseRef: event.baseRef,
        isFork: event.isFork,
        labels: event.labels,
        body: event.body,
      },
    };
  if (event.kind === 'dispatch') {
    if (event.pullNumber !== undefined && client) {
      const pr = await getPullRequest(client, {
        owner: event.owner,
        repo: event.repo,
        pullNumber: event.pullNumber,
      });
      return {
        owner: event.owner,
        repo: event.repo,
        sha: pr.head.sha,
        pull: {
          number: pr.number,
          headRef: pr.head.ref,
          headSha: pr.head.sha,
          baseSha: pr.base.sha,
          baseRef: pr.base.ref,
          isFork: pr.isFork,
          labels: pr.labels,
          body: pr.body,
        },
      };
    }
    return { owner: event.owner, repo: event.repo, sha: event.sha };
  }
  const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '/').split('/');
  return { owner, repo, sha: event.run.sha };
}

/**
 * What the run does. `auto`: a pull request is checked (pr); a schedule, or a workflow_dispatch that
 * names no pull request and no migrations, opens the contract pull requests that are due (schedule).
 * `auto` never picks `backfill`: it writes to a database, so only a workflow that names it runs it.
 */
function modeOf(inputs: ActionInputs, event: ActionEvent): Exclude<ActionInputs['mode'], 'auto'> {
  if (inputs.mode !== 'auto') return inputs.mode;
  if (event.kind === 'pull_request') return 'pr';
  if (event.kind === 'dispatch')
    return event.pullNumber !== undefined || inputs.migrations.length > 0 ? 'pr' : 'schedule';
  return event.name === 'schedule' ? 'schedule' : 'pr';
}

/** `split: commit`, or `split: label` with the label on the pull request (the event lists it). */
function wantsSplit(inputs: ActionInputs, target: Target): boolean {
  if (inputs.split === 'commit') return true;
  return inputs.split === 'label' && (target.pull?.labels.includes(inputs.splitLabel) ?? false);
}

async function plan(
  input: Parameters<typeof planChanges>[0],
  config: Config,
  inputs: ActionInputs,
  io: ActionIO,
  exposure: ExposureContext | null,
): Promise<PlanRun> {
  const cacheRoot = io.env.RUNNER_TOOL_CACHE || io.env.RUNNER_TEMP;
  const run = await planChanges(input, {
    engine: {
      postgresVersion: config.postgresVersion,
      rules: config.rules,
      today: new Date().toISOString().slice(0, 10),
    },
    contractAfterDays: config.contractAfterDays,
    history: {
      ...(inputs.shadowDatabaseUrl ? { shadowDatabaseUrl: inputs.shadowDatabaseUrl } : {}),
      ...(cacheRoot ? { cacheDir: join(cacheRoot, 'expand-contract') } : {}),
    },
    prove: true,
    trace: true,
    maxProofs: MAX_PROOFS_PER_RUN,
    progress: (m) => io.info(`expand-contract: ${m}`),
  });
  return exposure
    ? {
        ...run,
        report: applyExposure(run.report, exposure),
        plans: withBackfillEstimates(run.plans, exposure),
      }
    : run;
}

/** The configuration file, with the inputs the workflow gave on top (defaults leave the file's values). */
function settings(config: Config, inputs: ActionInputs): Config {
  const given = (name: Parameters<ActionInputs['defaulted']['has']>[0]): boolean =>
    !inputs.defaulted.has(name);
  const out: Config = { ...config };
  if (given('postgres-version')) out.postgresVersion = inputs.postgresVersion;
  if (given('fail-on')) out.failOn = inputs.failOn;
  if (given('contract-after')) out.contractAfterDays = inputs.contractAfterDays;
  if (inputs.framework) out.framework = inputs.framework;
  if (inputs.migrations.length) out.paths = inputs.migrations;
  return out;
}

const elapsed = (since: number): string => `${((performance.now() - since) / 1000).toFixed(2)} s`;

function failureLine(error: unknown): string {
  if (error instanceof InputError || error instanceof ConfigError || error instanceof GitHubActionError)
    return error.message;
  if (isOctokitError(error)) return describeGitHubError(error, 'call the GitHub API');
  const message = error instanceof Error ? error.message : String(error);
  return `expand-contract failed: ${message.split('\n')[0]}`;
}

function isOctokitError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'status' in error && 'request' in error;
}
