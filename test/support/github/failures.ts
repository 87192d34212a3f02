// Failures on demand: `server.failNext({...})` queues a response that replaces the real one for the next
// matching request(s). Presets build GitHub's own bodies and headers for the primary and secondary rate
// limits; spread them into a failure: `server.failNext({ route: 'checks/create', ...secondaryRateLimit() })`.

export interface FailureMatchInfo {
  method: string;
  path: string;
  route: string;
  operationId: string;
  query: Record<string, unknown>;
  body: unknown;
}

export interface FailureSpec {
  /** HTTP method (any when omitted). */
  method?: string;
  /** A path template (`/repos/{owner}/{repo}/check-runs`), an operationId (`checks/create`) or a predicate. */
  route?: string | ((req: FailureMatchInfo) => boolean);
  /** Default 500. */
  status?: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  headers?: Record<string, string>;
  /** JSON body; default `{ message, documentation_url, status }` for the status. */
  body?: unknown;
}

export interface InjectedFailure {
  readonly spec: FailureSpec;
  /** Requests this failure has answered so far. */
  readonly hits: number;
  /** Requests it will still answer. */
  readonly remaining: number;
}

const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';

export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. ' +
  'Please retry your request again later. If you reach out to GitHub Support for help, please include ' +
  'the request ID ';

/** GitHub's secondary ("abuse") rate limit: 403, `retry-after`, and its message. */
export function secondaryRateLimit(opts: { retryAfter?: number } = {}): Partial<FailureSpec> {
  return {
    status: 403,
    headers: { 'retry-after': String(opts.retryAfter ?? 1) },
    body: {
      message: `${SECONDARY_RATE_LIMIT_MESSAGE}0000:0000:0000000:0000000:00000000.`,
      documentation_url: `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`,
      status: '403',
    },
  };
}

/** GitHub's primary rate limit: 403 (or 429) with `x-ratelimit-remaining: 0` and a reset time. */
export function primaryRateLimit(
  opts: { resetInSeconds?: number; status?: 403 | 429 } = {},
): Partial<FailureSpec> {
  const status = opts.status ?? 403;
  const reset = Math.ceil(Date.now() / 1000) + (opts.resetInSeconds ?? 1);
  return {
    status,
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-resource': 'core',
    },
    body: {
      message:
        'API rate limit exceeded for installation ID 1. If you reach out to GitHub Support for help, ...',
      documentation_url: `${RATE_LIMIT_DOCS}#about-primary-rate-limits`,
      status: String(status),
    },
  };
}

const MESSAGES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Bad credentials',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Validation Failed',
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function errorBody(
  status: number,
  message = MESSAGES[status] ?? 'Error',
  docs = '',
): Record<string, string> {
  return { message, documentation_url: docs || 'https://docs.github.com/rest', status: String(status) };
}

class Failure implements InjectedFailure {
  hits = 0;
  constructor(
    readonly spec: FailureSpec,
    public remaining: number,
  ) {}
}

export class FailureQueue {
  private readonly queue: Failure[] = [];

  add(spec: FailureSpec): InjectedFailure {
    const failure = new Failure(spec, spec.times ?? 1);
    this.queue.push(failure);
    return failure;
  }

  /** The response for a request if a queued failure matches it (and uses one of its `times`). */
  take(
    req: FailureMatchInfo,
  ): { status: number; headers: Record<string, string>; body: unknown } | undefined {
    const failure = this.queue.find((f) => f.remaining > 0 && matches(f.spec, req));
    if (!failure) return undefined;
    failure.remaining--;
    failure.hits++;
    const status = failure.spec.status ?? 500;
    return { status, headers: failure.spec.headers ?? {}, body: failure.spec.body ?? errorBody(status) };
  }

  pending(): InjectedFailure[] {
    return this.queue.filter((f) => f.remaining > 0);
  }

  clear(): void {
    this.queue.length = 0;
  }
}

function matches(spec: FailureSpec, req: FailureMatchInfo): boolean {
  if (spec.method && spec.method.toUpperCase() !== req.method) return false;
  if (spec.route === undefined) return true;
  if (typeof spec.route === 'function') return spec.route(req);
  return spec.route === req.route || spec.route === req.operationId;
}
