// What route handlers share: their context and result types, GitHub-shaped errors, and GitHub's pagination
// (`per_page` up to 100, `page`, a `Link` header with prev/next/last/first). The handlers themselves live
// in routes-repo.ts, routes-issues.ts, routes-checks.ts, routes-pulls.ts, routes-compare.ts and
// routes-deployments.ts; server.ts puts them together by operationId.

import { errorBody } from './failures.js';
import type { RenderContext } from './render.js';
import type { Operation } from './spec.js';
import type { GitHubState, Identity, RepoRecord } from './state.js';

export interface RateLimitInfo {
  limit: number;
  used: number;
  remaining: number;
  reset: number;
}

export interface RouteContext {
  state: GitHubState;
  render: RenderContext;
  op: Operation;
  /** Path parameters, coerced to the documented types (`pull_number` is a number). */
  params: Record<string, unknown>;
  /** Query parameters, coerced, with documented defaults filled in. */
  query: Record<string, unknown>;
  body: unknown;
  identity: Identity;
  /** The repository named by `{owner}/{repo}`, when the route has them (404 before the handler if unknown). */
  repo: RepoRecord;
  /** The request URL on the fake server, for Link headers. */
  url: URL;
  rate: RateLimitInfo;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  handle(ctx: RouteContext): RouteResult;
  /** Checks GitHub makes before schema validation (so they answer as GitHub does, not as a violation). */
  precheck?(body: unknown): RouteResult | undefined;
}

/** An error response as GitHub sends it: `{ message, documentation_url, status, errors? }`. */
export class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, unknown>[],
  ) {
    super(message);
  }

  toResult(op: Operation | undefined): RouteResult {
    const body: Record<string, unknown> = errorBody(this.status, this.message, op?.docsUrl);
    if (this.errors) body['errors'] = this.errors;
    return { status: this.status, body };
  }
}

export function notFound(): GitHubError {
  return new GitHubError(404, 'Not Found');
}

/** One page of `items` (at most `cap` of them, as GitHub caps PR files at 3000) and its Link header. */
export function paginate<T>(
  items: T[],
  ctx: RouteContext,
  cap = Infinity,
): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(ctx.query['per_page'] ?? 30) || 30, 1), 100);
  const page = Math.max(Number(ctx.query['page'] ?? 1) || 1, 1);
  const total = Math.min(items.length, cap);
  const last = Math.max(1, Math.ceil(total / perPage));
  const pageItems = items.slice(0, total).slice((page - 1) * perPage, page * perPage);
  const link = (n: number, rel: string): string => {
    const url = new URL(ctx.url);
    url.searchParams.set('page', String(n));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { page: pageItems, headers: links.length ? { link: links.join(', ') } : {} };
}

export function ok(body: unknown, headers: Record<string, string> = {}, status = 200): RouteResult {
  return { status, body, headers };
}
