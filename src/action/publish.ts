// Reports one run: the pull request comment (created once, updated in place), the check run on the
// pull request's head commit (or a commit status where the token cannot create check runs, plus
// workflow annotations), the job summary, the JSON report and the outputs, and the step's outcome.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exitCode } from '../cli/check.js';
import type { Config } from '../config/types.js';
import { publishCheck, type Annotation, type PublishCheckResult } from '../github/checks.js';
import type { GitHubClient } from '../github/client.js';
import { COMMENT_BODY_BUDGET, findComment, upsertComment } from '../github/comment.js';
import { describeGitHubError, isPermissionError } from '../github/errors.js';
import type { PlanRun } from '../pipeline/plan-changes.js';
import { planJson } from '../report/plan-json.js';
import { renderPlanMarkdown } from '../report/plan-markdown.js';
import {
  hasMarker,
  renderNoMigrationsComment,
  renderPrComment,
  type PrCommentContext,
} from '../report/pr-comment.js';
import type { Finding } from '../types.js';
import type { ActionEvent } from './event.js';
import type { ActionInputs } from './inputs.js';
import type { ActionIO } from './io.js';
import type { SplitStep } from './split-step.js';

/** The commit (and pull request) a run reports on. */
export interface Target {
  owner: string;
  repo: string;
  /** The commit the check run goes on: the pull request's head (after a split commit, the new head). */
  sha: string;
  pull?: {
    number: number;
    headRef: string;
    headSha: string;
    baseSha: string;
    /** The base branch's name (the default branch, for a contract pull request). */
    baseRef: string;
    isFork: boolean;
    labels: string[];
    body: string | null;
  };
}

export interface PublishInput {
  run: PlanRun;
  inputs: ActionInputs;
  config: Config;
  target: Target;
  client: GitHubClient | undefined;
  event: ActionEvent;
  split?: SplitStep;
}

const FORK_HINT =
  'on pull requests from forks the token is read-only; see the README section "Pull requests from forks" for the two-workflow (workflow_run) set-up that comments on them';

export async function publish(io: ActionIO, p: PublishInput): Promise<void> {
  const { run, inputs, config, target, client, event } = p;
  const findings = run.report.findings;
  const breaking = findings.filter((f) => f.breaking);
  const failedProofs = run.plans.filter((e) => e.status === 'failed');
  const failing = Math.max(exitCode(run.report, config.failOn), failedProofs.length ? 1 : 0) > 0;
  const links = linksOf(io, target, event);

  const reportPath = join(io.env.RUNNER_TEMP || io.cwd, `${fileName(inputs.name)}-report.json`);
  await writeFile(reportPath, `${JSON.stringify(planJson(run), null, 2)}\n`);
  const summary = renderPlanMarkdown(run, {
    title: inputs.name,
    linkBase: links.blob,
    ...(links.docs ? { docsBase: links.docs } : {}),
  });
  await io.summary(summary);

  let check: PublishCheckResult | undefined;
  if (client) {
    try {
      check = await publishCheck(client, {
        owner: target.owner,
        repo: target.repo,
        headSha: target.sha,
        name: inputs.name,
        conclusion: breaking.length > 0 || failing ? 'failure' : 'success',
        title: checkTitle(findings, breaking.length, failedProofs.length),
        summary: summary,
        annotations: findings.map(annotationOf),
        ...(links.run ? { detailsUrl: links.run } : {}),
      });
      if (check.kind === 'status')
        io.warning(`expand-contract: ${check.reason}; reported as a commit status`);
    } catch (e: unknown) {
      io.warning(describeGitHubError(e, 'report the check run'));
    }
  }
  // Without a check run the annotations go through the workflow log.
  if (check?.kind !== 'check-run') for (const f of findings) annotate(io, f);

  let commentUrl = '';
  let commentPath = '';
  if (target.pull) {
    const body = renderPrComment(run, {
      ...commentContext(inputs, target, links),
      ...(p.split?.status === 'committed' ? { splitCommit: p.split.sha } : {}),
      ...(p.split?.status === 'refused' ? { splitRefused: p.split.reason } : {}),
    });
    // Kept as a file too: on a fork the token cannot comment, and a workflow_run workflow posts it.
    commentPath = join(io.env.RUNNER_TEMP || io.cwd, `${fileName(inputs.name)}-comment.md`);
    await writeFile(commentPath, body);
    if (inputs.comment && client) commentUrl = await comment(io, client, target, inputs, event, body);
  }
  if (p.split?.status === 'refused') io.warning(`expand-contract: split not committed: ${p.split.reason}`);

  io.setOutput('breaking', String(breaking.length > 0));
  io.setOutput('findings', String(findings.length));
  io.setOutput('plans', String(run.plans.length));
  io.setOutput('report', reportPath);
  io.setOutput('comment-url', commentUrl);
  io.setOutput('comment-body', commentPath);
  io.setOutput(
    'check',
    check?.kind === 'check-run' ? `${links.repo}/runs/${check.id}` : check ? 'status' : '',
  );
  if (failing) io.setFailed(failureLine(findings, config, failedProofs.length));
}

/** The pull request stopped touching migrations: say so in the comment (if there is one) and pass. */
export async function publishNoMigrations(
  io: ActionIO,
  p: Pick<PublishInput, 'inputs' | 'target' | 'client' | 'event'>,
): Promise<void> {
  const { inputs, target, client, event } = p;
  const links = linksOf(io, target, event);
  io.info('expand-contract: no migration changes to check.');
  await io.summary(`### ${inputs.name}\n\nNo migration changes to check.\n`);
  let commentUrl = '';
  if (client) {
    try {
      await publishCheck(client, {
        owner: target.owner,
        repo: target.repo,
        headSha: target.sha,
        name: inputs.name,
        conclusion: 'success',
        title: 'No migration changes',
        summary: 'This pull request changes no migration files.',
        annotations: [],
        ...(links.run ? { detailsUrl: links.run } : {}),
      });
    } catch (e: unknown) {
      io.warning(describeGitHubError(e, 'report the check run'));
    }
    // Only an existing comment is updated: a pull request that never touched migrations gets none.
    if (target.pull && inputs.comment) {
      const isOurs = (b: string): boolean => hasMarker(b, inputs.name);
      try {
        const found = await findComment(client, {
          ...repoOf(target),
          issueNumber: target.pull.number,
          isOurs,
        });
        if (found) {
          const body = renderNoMigrationsComment(commentContext(inputs, target, links));
          commentUrl = await comment(io, client, target, inputs, event, body);
        }
      } catch (e: unknown) {
        io.warning(describeGitHubError(e, 'read the pull request comments'));
      }
    }
  }
  io.setOutput('breaking', 'false');
  io.setOutput('findings', '0');
  io.setOutput('plans', '0');
  io.setOutput('report', '');
  io.setOutput('comment-url', commentUrl);
  io.setOutput('comment-body', '');
  io.setOutput('check', '');
}

async function comment(
  io: ActionIO,
  client: GitHubClient,
  target: Target,
  inputs: ActionInputs,
  event: ActionEvent,
  body: string,
): Promise<string> {
  const pull = target.pull as NonNullable<Target['pull']>;
  try {
    const result = await upsertComment(client, {
      ...repoOf(target),
      issueNumber: pull.number,
      isOurs: (b) => hasMarker(b, inputs.name),
      body,
      runId: event.run.runId ?? 0,
      ...(event.run.runAttempt !== undefined ? { runAttempt: event.run.runAttempt } : {}),
    });
    if (result.action === 'left-newer')
      io.info('expand-contract: a newer run already updated the comment; left it alone.');
    const server = event.run.serverUrl.replace(/\/$/, '');
    return result.id === null
      ? ''
      : `${server}/${target.owner}/${target.repo}/pull/${pull.number}#issuecomment-${result.id}`;
  } catch (e: unknown) {
    const line = describeGitHubError(e, 'comment on the pull request');
    io.warning(isPermissionError(e) && pull.isFork ? `${line} (${FORK_HINT})` : line);
    return '';
  }
}

function commentContext(
  inputs: ActionInputs,
  target: Target,
  links: ReturnType<typeof linksOf>,
): PrCommentContext {
  return {
    name: inputs.name,
    repository: `${target.owner}/${target.repo}`,
    serverUrl: links.server,
    headSha: target.sha,
    contractAfterDays: inputs.contractAfterDays,
    splitMode: inputs.split,
    splitLabel: inputs.splitLabel,
    ...(links.run ? { summaryUrl: links.run } : {}),
    ...(links.docs ? { docsBase: links.docs } : {}),
    maxLength: COMMENT_BODY_BUDGET,
  };
}

function linksOf(io: ActionIO, target: Target, event: ActionEvent) {
  const server = event.run.serverUrl.replace(/\/$/, '');
  const repo = `${server}/${target.owner}/${target.repo}`;
  // The rules' docs live in this Action's own repository, at the ref the workflow uses.
  const action = io.env.GITHUB_ACTION_REPOSITORY;
  const ref = io.env.GITHUB_ACTION_REF;
  return {
    server,
    repo,
    blob: `${repo}/blob/${target.sha}/`,
    run: event.run.runUrl,
    docs: action && ref ? `${server}/${action}/blob/${ref}/` : undefined,
  };
}

const repoOf = (t: Target): { owner: string; repo: string } => ({ owner: t.owner, repo: t.repo });

function annotationOf(f: Finding): Annotation {
  return {
    path: f.path,
    start_line: f.line,
    end_line: f.line,
    start_column: f.column,
    end_column: f.column,
    annotation_level: f.severity === 'error' ? 'failure' : f.severity === 'warning' ? 'warning' : 'notice',
    message: f.message,
    title: f.rule,
    ...(f.help ? { raw_details: f.help } : {}),
  };
}

function annotate(io: ActionIO, f: Finding): void {
  const place = { file: f.path, startLine: f.line, startColumn: f.column, title: f.rule };
  if (f.severity === 'error') io.error(f.message, place);
  else if (f.severity === 'warning') io.warning(f.message, place);
  else io.notice(f.message, place);
}

function checkTitle(findings: readonly Finding[], breaking: number, failedProofs: number): string {
  const n = (k: number, noun: string): string => `${k} ${noun}${k === 1 ? '' : 's'}`;
  if (breaking > 0) return `${n(breaking, 'breaking change')} in migrations that ship now`;
  if (failedProofs > 0) return `${n(failedProofs, 'plan')} failed its proof`;
  if (findings.length > 0) return `${n(findings.length, 'finding')}, nothing breaking`;
  return 'No breaking change';
}

function failureLine(findings: readonly Finding[], config: Config, failedProofs: number): string {
  const levels =
    config.failOn === 'warning' ? ['error', 'warning'] : config.failOn === 'never' ? [] : ['error'];
  const failing = findings.filter((f) => levels.includes(f.severity)).length;
  const parts: string[] = [];
  if (failing > 0)
    parts.push(`${failing} ${failing === 1 ? 'finding' : 'findings'} at or above fail-on: ${config.failOn}`);
  if (failedProofs > 0) parts.push(`${failedProofs} plan(s) that fail their proof`);
  return `expand-contract found ${parts.join(' and ')}; see the annotations and the job summary.`;
}

/** The configured name as a file name part. */
function fileName(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'expand-contract';
}
