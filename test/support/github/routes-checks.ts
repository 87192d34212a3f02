// Check runs (annotations accumulate across updates, at most 50 per request) and commit statuses.

import { renderAnnotation, renderCheckRun, renderCombined, renderStatus } from './render.js';
import {
  GitHubError,
  notFound,
  ok,
  paginate,
  type Route,
  type RouteContext,
  type RouteResult,
} from './routes.js';
import {
  GITHUB_ACTIONS_APP_ID,
  type AnnotationRecord,
  type CheckRunRecord,
  type StatusRecord,
} from './state.js';

/** The Checks API takes at most this many annotations per create or update request. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;

interface CheckRunBody {
  name?: string;
  head_sha?: string;
  details_url?: string;
  external_id?: string;
  status?: CheckRunRecord['status'];
  conclusion?: string;
  started_at?: string;
  completed_at?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: AnnotationRecord[] };
}

function tooManyAnnotations(body: unknown): RouteResult | undefined {
  const annotations = (body as CheckRunBody | undefined)?.output?.annotations;
  if (!Array.isArray(annotations) || annotations.length <= MAX_ANNOTATIONS_PER_REQUEST) return undefined;
  const message = `Invalid request.\n\nNo more than ${MAX_ANNOTATIONS_PER_REQUEST} items are allowed; ${annotations.length} were supplied.`;
  return new GitHubError(422, message).toResult(undefined);
}

function knownCommit(ctx: RouteContext, ref: string): string {
  const sha = ctx.state.resolveRef(ctx.repo, ref);
  if (!sha) throw new GitHubError(422, `No commit found for SHA: ${ref}`);
  return sha;
}

function checkRun(ctx: RouteContext): CheckRunRecord {
  const id = Number(ctx.params['check_run_id']);
  const run = ctx.state.checkRuns.find((r) => r.id === id && r.repo === ctx.repo.fullName);
  if (!run) throw notFound();
  return run;
}

/** Applies a create/update body: conclusion implies completed, output fields replace, annotations append. */
function apply(ctx: RouteContext, run: CheckRunRecord, body: CheckRunBody): void {
  if (body.name !== undefined) run.name = body.name;
  if (body.details_url !== undefined) run.detailsUrl = body.details_url;
  if (body.external_id !== undefined) run.externalId = body.external_id;
  if (body.started_at !== undefined) run.startedAt = body.started_at;
  if (body.status !== undefined) run.status = body.status;
  if (body.conclusion !== undefined) {
    run.conclusion = body.conclusion;
    run.status = 'completed';
  }
  if (run.status === 'completed' && run.conclusion === null) {
    throw new GitHubError(422, 'Invalid request.\n\n`conclusion` is required when `status` is "completed".');
  }
  if (body.completed_at !== undefined) run.completedAt = body.completed_at;
  else if (run.status === 'completed' && run.completedAt === null) run.completedAt = ctx.state.now();
  const { annotations, ...output } = body.output ?? {};
  Object.assign(run.output, output);
  run.annotations.push(...(annotations ?? []));
}

function checkSuiteId(ctx: RouteContext, headSha: string): number {
  const same = ctx.state.checkRuns.find((r) => r.repo === ctx.repo.fullName && r.headSha === headSha);
  return same?.checkSuiteId ?? ctx.state.id();
}

function latestPerContext(statuses: StatusRecord[]): StatusRecord[] {
  const seen = new Map<string, StatusRecord>();
  for (const s of [...statuses].sort((a, b) => b.id - a.id)) {
    if (!seen.has(s.context.toLowerCase())) seen.set(s.context.toLowerCase(), s);
  }
  return [...seen.values()];
}

export const checkRoutes: Record<string, Route> = {
  'checks/create': {
    precheck: tooManyAnnotations,
    handle(ctx) {
      const body = ctx.body as CheckRunBody;
      const headSha = knownCommit(ctx, String(body.head_sha));
      if (headSha !== body.head_sha) throw new GitHubError(422, `No commit found for SHA: ${body.head_sha}`);
      const run: CheckRunRecord = {
        repo: ctx.repo.fullName,
        id: ctx.state.id(),
        name: String(body.name),
        headSha,
        status: 'queued',
        conclusion: null,
        startedAt: ctx.state.now(),
        completedAt: null,
        detailsUrl: null,
        externalId: '',
        output: { title: null, summary: null, text: null },
        annotations: [],
        appId: GITHUB_ACTIONS_APP_ID,
        checkSuiteId: checkSuiteId(ctx, headSha),
      };
      apply(ctx, run, body);
      ctx.state.checkRuns.push(run);
      return ok(renderCheckRun(run, ctx.render), {}, 201);
    },
  },

  'checks/update': {
    precheck: tooManyAnnotations,
    handle(ctx) {
      const run = checkRun(ctx);
      const before = structuredClone(run);
      try {
        apply(ctx, run, ctx.body as CheckRunBody);
      } catch (error) {
        Object.assign(run, before);
        throw error;
      }
      return ok(renderCheckRun(run, ctx.render));
    },
  },

  'checks/get': { handle: (ctx) => ok(renderCheckRun(checkRun(ctx), ctx.render)) },

  'checks/list-annotations': {
    handle(ctx) {
      const run = checkRun(ctx);
      const { page, headers } = paginate(run.annotations, ctx);
      return ok(
        page.map((a) => renderAnnotation(a, run, ctx.render)),
        headers,
      );
    },
  },

  'checks/list-for-ref': {
    handle(ctx) {
      const sha = knownCommit(ctx, String(ctx.params['ref']));
      const { check_name: name, status, app_id: appId, filter } = ctx.query;
      let runs = ctx.state.checkRuns
        .filter((r) => r.repo === ctx.repo.fullName && r.headSha === sha)
        .filter((r) => name === undefined || r.name === name)
        .filter((r) => status === undefined || r.status === status)
        .filter((r) => appId === undefined || r.appId === appId)
        .sort((a, b) => b.id - a.id);
      if (filter !== 'all') runs = runs.filter((r, i) => runs.findIndex((o) => o.name === r.name) === i);
      const { page, headers } = paginate(runs, ctx);
      return ok(
        { total_count: runs.length, check_runs: page.map((r) => renderCheckRun(r, ctx.render)) },
        headers,
      );
    },
  },

  'repos/create-commit-status': {
    handle(ctx) {
      const sha = String(ctx.params['sha']);
      if (!ctx.repo.commits.has(sha)) throw new GitHubError(422, `No commit found for SHA: ${sha}`);
      const body = ctx.body as {
        state: StatusRecord['state'];
        target_url?: string | null;
        description?: string | null;
        context?: string;
      };
      const record: StatusRecord = {
        repo: ctx.repo.fullName,
        id: ctx.state.id(),
        sha,
        state: body.state,
        context: body.context ?? 'default',
        description: body.description ?? null,
        targetUrl: body.target_url ?? null,
        creator: ctx.identity,
        createdAt: ctx.state.now(),
      };
      ctx.state.statuses.push(record);
      return ok(renderStatus(record, ctx.render), {}, 201);
    },
  },

  'repos/get-combined-status-for-ref': {
    handle(ctx) {
      const ref = String(ctx.params['ref']);
      const sha = ctx.state.resolveRef(ctx.repo, ref);
      if (!sha) throw new GitHubError(404, `No commit found for SHA: ${ref}`);
      const latest = latestPerContext(
        ctx.state.statuses.filter((s) => s.repo === ctx.repo.fullName && s.sha === sha),
      );
      const combined = renderCombined(ctx.repo, sha, latest, ctx.render);
      const { page, headers } = paginate(combined['statuses'] as unknown[], ctx);
      return ok({ ...combined, statuses: page }, headers);
    },
  },

  'repos/list-commit-statuses-for-ref': {
    handle(ctx) {
      const sha = knownCommit(ctx, String(ctx.params['ref']));
      const all = ctx.state.statuses
        .filter((s) => s.repo === ctx.repo.fullName && s.sha === sha)
        .sort((a, b) => b.id - a.id);
      const { page, headers } = paginate(all, ctx);
      return ok(
        page.map((s) => renderStatus(s, ctx.render)),
        headers,
      );
    },
  },
};
