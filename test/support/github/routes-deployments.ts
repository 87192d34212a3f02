// Deployments and deployment statuses: listed newest first (by `created_at`, then id), filtered by `sha`,
// `ref`, `task` and `environment` only when the query names them (the description's "none" defaults are
// not filters), paginated like every list. Creating a deployment resolves `ref` (422 `No ref found for`)
// and checks the commit's statuses as GitHub does (409 when a required context is not `success`;
// `required_contexts: []` skips the check); `auto_merge` is not modelled.

import { renderUser, type RenderContext } from './render.js';
import { GitHubError, notFound, ok, paginate, type Route, type RouteContext } from './routes.js';
import { specExample } from './spec.js';
import {
  addDeploymentStatus,
  type DeploymentRecord,
  type DeploymentState,
  type DeploymentStatusRecord,
} from './state-deployments.js';

type Json = Record<string, unknown>;

/** GitHub rejects deployment status descriptions longer than this with 422. */
export const MAX_DEPLOYMENT_STATUS_DESCRIPTION = 140;

function nodeId(kind: string, id: number): string {
  return Buffer.from(`0:${kind}${id}`).toString('base64');
}

function repoApi(ctx: RenderContext, repo: string): string {
  return `${ctx.apiUrl}/repos/${repo}`;
}

export function renderDeployment(d: DeploymentRecord, ctx: RenderContext): Json {
  const out = specExample('deployment');
  const url = `${repoApi(ctx, d.repo)}/deployments/${d.id}`;
  const latest = d.statuses.reduce((at, s) => (s.createdAt > at ? s.createdAt : at), d.createdAt);
  return Object.assign(out, {
    url,
    id: d.id,
    node_id: nodeId('Deployment', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    creator: renderUser(d.creator, ctx),
    created_at: d.createdAt,
    updated_at: latest,
    statuses_url: `${url}/statuses`,
    repository_url: repoApi(ctx, d.repo),
    transient_environment: d.transient,
    production_environment: d.production,
  });
}

export function renderDeploymentStatus(
  s: DeploymentStatusRecord,
  d: DeploymentRecord,
  ctx: RenderContext,
): Json {
  const deploymentUrl = `${repoApi(ctx, d.repo)}/deployments/${d.id}`;
  // GitHub sends "" for URLs never set, which the description's `format: uri` refuses: the environment's
  // page stands in for `target_url` (required) and the optional ones are left out.
  const environmentPage = `${ctx.serverUrl}/${d.repo}/deployments/${encodeURIComponent(s.environment)}`;
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DeploymentStatus', s.id),
    state: s.state,
    creator: renderUser(s.creator, ctx),
    description: s.description,
    environment: s.environment,
    target_url: s.logUrl || environmentPage,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: deploymentUrl,
    repository_url: repoApi(ctx, d.repo),
    ...(s.environmentUrl ? { environment_url: s.environmentUrl } : {}),
    ...(s.logUrl ? { log_url: s.logUrl } : {}),
  };
}

/** Newest first, as GitHub lists deployments and their statuses. */
function newestFirst<T extends { createdAt: string; id: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
}

function deployment(ctx: RouteContext): DeploymentRecord {
  const id = Number(ctx.params['deployment_id']);
  const found = ctx.state.deployments.find((d) => d.id === id && d.repo === ctx.repo.fullName);
  if (!found) throw notFound();
  return found;
}

/** A query parameter the request really sent (not a default filled in from the description). */
function sent(ctx: RouteContext, name: string): string | undefined {
  return ctx.url.searchParams.has(name) ? String(ctx.url.searchParams.get(name)) : undefined;
}

interface CreateDeploymentBody {
  ref: string;
  task?: string;
  required_contexts?: string[];
  payload?: Record<string, unknown> | string;
  environment?: string;
  description?: string | null;
  transient_environment?: boolean;
  production_environment?: boolean;
}

/** GitHub's check of the commit's statuses before it creates a deployment (409 when one is not green). */
function checkRequiredContexts(ctx: RouteContext, sha: string, body: CreateDeploymentBody): void {
  const statuses = ctx.state.statuses
    .filter((s) => s.repo === ctx.repo.fullName && s.sha === sha)
    .sort((a, b) => b.id - a.id);
  const contexts = body.required_contexts ?? [...new Set(statuses.map((s) => s.context))];
  const failing = contexts
    .map((context) => ({ context, state: statuses.find((s) => s.context === context)?.state ?? 'missing' }))
    .filter((c) => c.state !== 'success');
  if (failing.length === 0) return;
  throw new GitHubError(409, `Conflict: Commit status checks failed for ${body.ref}.`, [
    { contexts: failing, resource: 'Deployment', field: 'required_contexts', code: 'invalid' },
  ]);
}

export const deploymentRoutes: Record<string, Route> = {
  'repos/list-deployments': {
    handle(ctx) {
      const filters = {
        sha: sent(ctx, 'sha'),
        ref: sent(ctx, 'ref'),
        task: sent(ctx, 'task'),
        environment: sent(ctx, 'environment'),
      };
      const all = newestFirst(ctx.state.deployments.filter((d) => d.repo === ctx.repo.fullName)).filter(
        (d) =>
          (filters.sha === undefined || d.sha === filters.sha) &&
          (filters.ref === undefined || d.ref === filters.ref) &&
          (filters.task === undefined || d.task === filters.task) &&
          (filters.environment === undefined || d.environment === filters.environment),
      );
      const { page, headers } = paginate(all, ctx);
      return ok(
        page.map((d) => renderDeployment(d, ctx.render)),
        headers,
      );
    },
  },

  'repos/create-deployment': {
    handle(ctx) {
      const body = ctx.body as CreateDeploymentBody;
      const sha = ctx.state.resolveRef(ctx.repo, body.ref);
      if (!sha) throw new GitHubError(422, `No ref found for: ${body.ref}`);
      checkRequiredContexts(ctx, sha, body);
      const environment = body.environment ?? 'production';
      const record: DeploymentRecord = {
        repo: ctx.repo.fullName,
        id: ctx.state.id(),
        sha,
        ref: body.ref,
        task: body.task ?? 'deploy',
        environment,
        originalEnvironment: environment,
        description: body.description ?? '',
        payload: body.payload ?? {},
        transient: body.transient_environment ?? false,
        production: body.production_environment ?? environment === 'production',
        creator: ctx.identity,
        createdAt: ctx.state.now(),
        statuses: [],
      };
      ctx.state.deployments.push(record);
      return ok(renderDeployment(record, ctx.render), {}, 201);
    },
  },

  'repos/get-deployment': { handle: (ctx) => ok(renderDeployment(deployment(ctx), ctx.render)) },

  'repos/list-deployment-statuses': {
    handle(ctx) {
      const d = deployment(ctx);
      const { page, headers } = paginate(newestFirst(d.statuses), ctx);
      return ok(
        page.map((s) => renderDeploymentStatus(s, d, ctx.render)),
        headers,
      );
    },
  },

  'repos/create-deployment-status': {
    handle(ctx) {
      const d = deployment(ctx);
      const body = ctx.body as {
        state: DeploymentState;
        target_url?: string;
        log_url?: string;
        description?: string;
        environment?: string;
        environment_url?: string;
        auto_inactive?: boolean;
      };
      if ((body.description ?? '').length > MAX_DEPLOYMENT_STATUS_DESCRIPTION) {
        throw new GitHubError(422, 'Validation Failed', [
          {
            resource: 'DeploymentStatus',
            code: 'custom',
            field: 'description',
            message: `description is too long (maximum is ${MAX_DEPLOYMENT_STATUS_DESCRIPTION} characters)`,
          },
        ]);
      }
      const status = addDeploymentStatus(
        ctx.state,
        d,
        {
          state: body.state,
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.environment !== undefined ? { environment: body.environment } : {}),
        },
        ctx.identity,
      );
      status.logUrl = body.log_url ?? body.target_url ?? '';
      status.environmentUrl = body.environment_url ?? '';
      if (body.environment !== undefined) d.environment = body.environment;
      // auto_inactive (default true): earlier successful deployments to the same non-production,
      // non-transient environment get an inactive status.
      if (body.state === 'success' && body.auto_inactive !== false) {
        for (const other of ctx.state.deployments) {
          if (other === d || other.repo !== d.repo || other.environment !== d.environment) continue;
          if (other.production || other.transient || other.createdAt > d.createdAt) continue;
          const states = other.statuses.map((s) => s.state);
          if (states.includes('success') && states[states.length - 1] !== 'inactive') {
            addDeploymentStatus(ctx.state, other, { state: 'inactive' }, ctx.identity);
          }
        }
      }
      return ok(renderDeploymentStatus(status, d, ctx.render), {}, 201);
    },
  },
};
