// The HTTP side of the fake GitHub: a node:http server on 127.0.0.1 (random port) that matches each request
// to an OpenAPI operation, validates it, applies injected failures, authenticates the token, checks its
// permissions, runs the handler and records everything in `requests` / `violations`.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorBody, FailureQueue, type FailureSpec, type InjectedFailure } from './failures.js';
import { ACCEPTED_PERMISSIONS, isAllowed } from './permissions.js';
import type { RenderContext } from './render.js';
import { GitHubError, type RateLimitInfo, type Route, type RouteResult } from './routes.js';
import { checkRoutes } from './routes-checks.js';
import { compareRoutes } from './routes-compare.js';
import { deploymentRoutes } from './routes-deployments.js';
import { issueRoutes } from './routes-issues.js';
import { pullRoutes } from './routes-pulls.js';
import { repoRoutes } from './routes-repo.js';
import {
  matchRoute,
  pathExists,
  validateParameters,
  validateRequestBody,
  validateResponseBody,
  type Operation,
} from './spec.js';
import { GitHubState, type RepoRecord, type TokenConfig } from './state.js';

export const ROUTES: Record<string, Route> = {
  ...repoRoutes,
  ...issueRoutes,
  ...checkRoutes,
  ...pullRoutes,
  ...compareRoutes,
  ...deploymentRoutes,
};

export type ViolationKind =
  | 'unknown-route'
  | 'not-implemented'
  | 'invalid-parameters'
  | 'invalid-json'
  | 'invalid-body'
  | 'invalid-response'
  | 'fake-server-error';

/** A request the real API would not take as the client meant it, or a response that breaks the spec. */
export interface Violation {
  kind: ViolationKind;
  method: string;
  path: string;
  operationId?: string;
  message: string;
}

export interface RecordedRequest {
  /** The `x-github-request-id` the response carried. */
  id: string;
  method: string;
  /** Path without the query string, still percent-encoded. */
  path: string;
  /** Path template of the matched operation (`/repos/{owner}/{repo}/pulls/{pull_number}`). */
  route?: string;
  operationId?: string;
  /** Path parameters, decoded and coerced. */
  params: Record<string, unknown>;
  /** Query parameters as sent (strings). */
  query: Record<string, string | string[]>;
  /** Parsed JSON body, undefined when there was none. */
  body: unknown;
  token?: string;
  status: number;
  /** Answered by `failNext` instead of the handler. */
  injected: boolean;
}

export interface ServerConfig {
  rejectUnknownQueryParameters: boolean;
  validateResponses: boolean;
  rateLimit: number;
  quiet: boolean;
  serverUrl: string;
}

interface Dispatch {
  op: Operation;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  record: RecordedRequest;
  auth: TokenConfig;
  url: URL;
  rate: RateLimitInfo;
}

interface Answer extends RouteResult {
  op?: Operation;
  injected?: boolean;
}

const API_VERSION = '2022-11-28';

export class FakeGitHubServer {
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  readonly failures = new FailureQueue();
  private readonly http: Server;
  private readonly used = new Map<string, number>();
  private readonly resetAt = Math.ceil(Date.now() / 1000) + 3600;
  private counter = 0;
  url = '';

  constructor(
    readonly state: GitHubState,
    readonly config: ServerConfig,
  ) {
    this.http = createServer((req, res) => {
      this.serve(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(0, '127.0.0.1', () => resolve());
    });
    this.url = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  failNext(spec: FailureSpec): InjectedFailure {
    return this.failures.add(spec);
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(key);
      query[key] = all.length === 1 ? all[0]! : all;
    }
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const id = `FAKE:${(++this.counter).toString(16).toUpperCase().padStart(4, '0')}:${process.pid}`;
    const record: RecordedRequest = {
      id,
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      params: {},
      query,
      body: undefined,
      ...(token ? { token } : {}),
      status: 0,
      injected: false,
    };
    this.requests.push(record);
    const answer = this.answer(record, raw, url, token);
    record.status = answer.status;
    record.injected = answer.injected ?? false;
    if (this.config.validateResponses && answer.op && !answer.injected) {
      const problem = validateResponseBody(answer.op, answer.status, answer.body);
      if (problem) this.violate(record, 'invalid-response', `${answer.status}: ${problem}`, answer.op);
    }
    const headers: Record<string, string> = {
      'x-github-request-id': id,
      'x-github-api-version-selected': API_VERSION,
      'x-github-media-type': 'github.v3; format=json',
      ...this.rateHeaders(token),
    };
    const accepted = answer.op ? ACCEPTED_PERMISSIONS[answer.op.operationId] : undefined;
    if (accepted) headers['x-accepted-github-permissions'] = accepted;
    Object.assign(headers, answer.headers);
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    if (text) headers['content-type'] = 'application/json; charset=utf-8';
    res.writeHead(answer.status, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
    res.end(text);
  }

  private answer(record: RecordedRequest, raw: string, url: URL, token: string | undefined): Answer {
    const match = matchRoute(record.method, record.path);
    if (!match) {
      const why = pathExists(record.path) ? 'no operation for this method' : 'unknown path';
      return this.violate(
        record,
        'unknown-route',
        `${record.method} ${record.path} is not in the API (${why})`,
      );
    }
    const { op } = match;
    record.route = op.template;
    record.operationId = op.operationId;
    const params: Record<string, unknown> = { ...match.pathParams };
    const query: Record<string, unknown> = { ...record.query };
    const paramProblem =
      validateParameters(op, 'path', params, false) ??
      validateParameters(op, 'query', query, this.config.rejectUnknownQueryParameters);
    record.params = params;
    if (paramProblem) return this.violate(record, 'invalid-parameters', paramProblem, op);
    if (raw.trim() !== '') {
      try {
        record.body = JSON.parse(raw);
      } catch {
        this.violate(record, 'invalid-json', 'the body is not JSON', op);
        return { ...new GitHubError(400, 'Problems parsing JSON').toResult(op), op };
      }
    }
    const route = ROUTES[op.operationId];
    // GitHub's own checks on the body (answered as GitHub does, after authentication) replace the schema's.
    const early = route?.precheck?.(record.body);
    const bodyProblem = early ? undefined : validateRequestBody(op, record.body);
    if (bodyProblem) return this.violate(record, 'invalid-body', bodyProblem, op);

    const auth = token === undefined ? undefined : this.state.tokens.get(token);
    if (!auth) {
      const message = token === undefined ? 'Requires authentication' : 'Bad credentials';
      return { ...new GitHubError(401, message).toResult(op), op };
    }
    const injected = this.failures.take({
      ...record,
      route: op.template,
      operationId: op.operationId,
      query,
    });
    if (injected) return { ...injected, op, injected: true };
    const rate = this.consume(token!, op);
    if (!rate) return { ...this.rateLimited(op), op };
    if (!route)
      return this.violate(record, 'not-implemented', `${op.operationId} is not implemented`, op, 501);
    const routed = early ? { handle: () => early } : route;
    return { ...this.dispatch(routed, { op, params, query, record, auth, url, rate }), op };
  }

  /** Resolves `{owner}/{repo}` (404), checks the token's permissions (403) and runs the handler. */
  private dispatch(route: Route, req: Dispatch): RouteResult {
    const { op, params, record, auth } = req;
    try {
      let repo: RepoRecord | undefined;
      if (typeof params['owner'] === 'string' && typeof params['repo'] === 'string') {
        repo = this.state.repo(`${params['owner']}/${params['repo']}`);
        if (!repo) throw new GitHubError(404, 'Not Found');
      }
      const accepted = ACCEPTED_PERMISSIONS[op.operationId] ?? '';
      if (!isAllowed(accepted, auth.permissions, repo?.private ?? false)) {
        throw new GitHubError(403, 'Resource not accessible by integration');
      }
      const render: RenderContext = { apiUrl: this.url, serverUrl: this.config.serverUrl, state: this.state };
      return route.handle({
        state: this.state,
        render,
        op,
        params,
        query: req.query,
        body: record.body,
        identity: auth.identity,
        repo: repo!,
        url: req.url,
        rate: req.rate,
      });
    } catch (error) {
      if (error instanceof GitHubError) return error.toResult(op);
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      return this.violate(record, 'fake-server-error', message, op, 500);
    }
  }

  private violate(
    record: RecordedRequest,
    kind: ViolationKind,
    message: string,
    op?: Operation,
    status = 400,
  ): Answer {
    const violation: Violation = {
      kind,
      method: record.method,
      path: record.path,
      ...(op ? { operationId: op.operationId } : {}),
      message,
    };
    this.violations.push(violation);
    if (!this.config.quiet) {
      process.stderr.write(`[fake GitHub] ${kind}: ${record.method} ${record.path}: ${message}\n`);
    }
    return {
      status,
      body: { ...errorBody(status, `fake GitHub (${kind}): ${message}`, op?.docsUrl) },
      headers: { 'x-fake-github-violation': kind },
      ...(op ? { op } : {}),
    };
  }

  private limit(token: string | undefined): number {
    return token && this.state.tokens.has(token) ? this.config.rateLimit : 60;
  }

  /** Counts a request against the token's primary rate limit; undefined when the limit is used up. */
  private consume(token: string, op: Operation): RateLimitInfo | undefined {
    const limit = this.limit(token);
    const before = this.used.get(token) ?? 0;
    const free = op.operationId === 'rate-limit/get'; // GET /rate_limit does not count
    if (!free && before >= limit) return undefined;
    const used = before + (free ? 0 : 1);
    this.used.set(token, used);
    return { limit, used, remaining: limit - used, reset: this.resetAt };
  }

  private rateHeaders(token: string | undefined): Record<string, string> {
    const limit = this.limit(token);
    const used = Math.min(this.used.get(token ?? '') ?? 0, limit);
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(limit - used),
      'x-ratelimit-reset': String(this.resetAt),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': 'core',
    };
  }

  private rateLimited(op: Operation): RouteResult {
    return new GitHubError(403, 'API rate limit exceeded for installation ID 1.').toResult(op);
  }
}
