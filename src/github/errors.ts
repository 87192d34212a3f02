// Octokit errors → one readable line. A missing permission names the workflow permission to add (from
// GitHub's `x-accepted-github-permissions` header, or guessed from the endpoint); rate limits, validation
// failures (422, with GitHub's own message), server errors and network failures each get their own words.

const PRODUCT = 'expand-contract';
const PERMISSIONS_HINT = '(see README: Permissions)';
const MAX_MESSAGE_LENGTH = 300;

/** The parts of an Octokit `RequestError` this module reads (duck-typed: no dependency on its class). */
interface RequestErrorLike {
  status: number;
  message: string;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

interface ErrorBody {
  message?: string;
  errors?: Array<string | { resource?: string; field?: string; code?: string; message?: string }>;
}

function asRequestError(error: unknown): RequestErrorLike | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as Partial<RequestErrorLike>;
  if (typeof e.status !== 'number' || typeof e.message !== 'string') return undefined;
  if (typeof e.request !== 'object' && typeof e.response !== 'object') return undefined;
  return e as RequestErrorLike;
}

function header(error: RequestErrorLike, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

function body(error: RequestErrorLike): ErrorBody {
  const data = error.response?.data;
  return typeof data === 'object' && data !== null ? (data as ErrorBody) : {};
}

function method(error: RequestErrorLike): string {
  return (error.request?.method ?? 'GET').toUpperCase();
}

function isWrite(error: RequestErrorLike): boolean {
  return !['GET', 'HEAD'].includes(method(error));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** GitHub's message on one line, without Octokit's ` - https://docs...` suffix or a final period, capped. */
function githubMessage(error: RequestErrorLike): string {
  const message = oneLine(body(error).message ?? error.message.replace(/ - https?:\/\/\S+$/, ''));
  // An HTML error page from a proxy or load balancer should not flood the log line.
  const short = message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message;
  return short.replace(/\.$/, '');
}

export function isSecondaryRateLimit(error: unknown): boolean {
  const e = asRequestError(error);
  return !!e && (e.status === 403 || e.status === 429) && /secondary rate limit/i.test(e.message);
}

/** The primary rate limit (403/429 with `x-ratelimit-remaining: 0`) or a secondary one. */
export function isRateLimitError(error: unknown): boolean {
  const e = asRequestError(error);
  if (!e || (e.status !== 403 && e.status !== 429)) return false;
  return (
    header(e, 'x-ratelimit-remaining') === '0' ||
    /\brate limit\b/i.test(e.message) ||
    isSecondaryRateLimit(error)
  );
}

/**
 * The token may not do this: a 403 that is not a rate limit ("Resource not accessible by integration"),
 * or a 404 answering a write (GitHub hides what a token may not change).
 */
export function isPermissionError(error: unknown): boolean {
  const e = asRequestError(error);
  if (!e || isRateLimitError(error)) return false;
  return e.status === 403 || (e.status === 404 && isWrite(e));
}

export function isNotFound(error: unknown): boolean {
  return asRequestError(error)?.status === 404;
}

/** One permission set as a workflow writes it: `pull-requests: write`. */
type PermissionSet = string[];

/** `issues=write; pull_requests=write` → alternatives, each a list of `name: level` the token needs together. */
export function parseAcceptedPermissions(value: string): PermissionSet[] {
  return value
    .split(';')
    .map((alternative) =>
      alternative
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p.includes('='))
        .map((p) => {
          const [name, level] = p.split('=') as [string, string];
          return `${name.trim().replaceAll('_', '-')}: ${level.trim()}`;
        }),
    )
    .filter((alternative) => alternative.length > 0);
}

/** The permission an endpoint needs when GitHub did not say: from the path and method. */
function guessPermission(error: RequestErrorLike): PermissionSet[] {
  const path = new URL(error.request?.url ?? '/', 'https://api.github.com').pathname;
  const level = isWrite(error) ? 'write' : 'read';
  if (/\/check-(runs|suites)\b/.test(path)) return [[`checks: ${level}`]];
  if (/\/(statuses|status)\b/.test(path)) return [[`statuses: ${level}`]];
  if (/\/issues\b/.test(path)) return [[`pull-requests: ${level}`], [`issues: ${level}`]];
  if (/\/pulls\b/.test(path)) return [[`pull-requests: ${level}`]];
  if (/\/(contents|git|commits)\b/.test(path)) return [[`contents: ${level}`]];
  return [];
}

/**
 * What the token lacks (`checks: write`, `pull-requests: write (or issues: write)`) and the permissions to
 * suggest; undefined when neither GitHub's header nor the endpoint tells.
 */
export function missingPermission(error: unknown): { lacks: string; suggest: string } | undefined {
  const e = asRequestError(error);
  if (!e) return undefined;
  const accepted = header(e, 'x-accepted-github-permissions');
  const alternatives = accepted ? parseAcceptedPermissions(accepted) : guessPermission(e);
  if (alternatives.length === 0) return undefined;
  // Comments and labels on a pull request take `issues` or `pull-requests`: suggest the latter.
  const preferred =
    alternatives.find((a) => a.some((p) => p.startsWith('pull-requests:'))) ?? alternatives[0]!;
  const others = alternatives.filter((a) => a !== preferred).map((a) => a.join(', '));
  const lacks = preferred.join(', ') + (others.length ? ` (or ${others.join(' or ')})` : '');
  return { lacks, suggest: preferred.join(', ') };
}

function describePermission(e: RequestErrorLike): string {
  const missing = missingPermission(e);
  const answered = `${e.status} ${githubMessage(e)}`;
  if (!missing) {
    return `the token is not allowed to (${answered}). Check the "permissions:" of the workflow job ${PERMISSIONS_HINT}.`;
  }
  const lacks =
    e.status === 404
      ? `GitHub answered ${answered}, which for a write means the token lacks ${missing.lacks}`
      : `the token lacks ${missing.lacks}`;
  return `${lacks}. Add "permissions: ${missing.suggest}" to the workflow job ${PERMISSIONS_HINT}.`;
}

function describeRateLimit(e: RequestErrorLike): string {
  if (isSecondaryRateLimit(e)) {
    return "GitHub's secondary rate limit blocked the request, also after retries; run the job again in a few minutes.";
  }
  const limit = header(e, 'x-ratelimit-limit');
  const reset = Number(header(e, 'x-ratelimit-reset'));
  const per = limit ? ` (${limit} requests per hour)` : '';
  if (!Number.isFinite(reset) || reset <= 0) {
    return `GitHub's API rate limit for this token is used up${per}; run the job again later.`;
  }
  const at = new Date(reset * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const minutes = Math.max(1, Math.round((reset * 1000 - Date.now()) / 60_000));
  return `GitHub's API rate limit for this token is used up${per}; it resets at ${at} (in about ${minutes} min).`;
}

function describeValidation(e: RequestErrorLike): string {
  const { errors } = body(e);
  const details = (errors ?? [])
    .map((item) =>
      typeof item === 'string'
        ? item
        : (item.message ?? [item.resource, item.field, item.code].filter(Boolean).join(' ')),
    )
    .filter((text) => text !== '');
  const message = githubMessage(e);
  const detail = details.length ? `: ${oneLine(details.join('; '))}` : '';
  return `GitHub rejected the request (${e.status} ${message}${detail}).`;
}

function describeNetwork(e: RequestErrorLike): string {
  let where = 'GitHub';
  try {
    if (e.request?.url) where = `GitHub at ${new URL(e.request.url).origin}`;
  } catch {
    // keep "GitHub"
  }
  return `could not reach ${where} (${oneLine(e.message)}).`;
}

/**
 * One line saying what failed and what to do: `expand-contract could not create a check run: the token
 * lacks checks: write. Add "permissions: checks: write" to the workflow job (see README: Permissions).`
 * `doing` completes "could not …" (`create a check run`, `update the pull request comment`).
 */
export function describeGitHubError(error: unknown, doing: string): string {
  if (error instanceof GitHubActionError) return error.message; // described already
  const prefix = `${PRODUCT} could not ${doing}: `;
  if (error instanceof Error && error.name === 'AbortError') {
    return oneLine(`${prefix}the request to GitHub was aborted or timed out.`);
  }
  const e = asRequestError(error);
  if (!e) {
    const text = error instanceof Error ? error.message : String(error);
    return oneLine(prefix + text);
  }
  let text: string;
  if (!e.response) text = describeNetwork(e);
  else if (e.status === 401) {
    text = `GitHub refused the token (401 ${githubMessage(e)}); check the token the Action is given.`;
  } else if (isRateLimitError(e)) text = describeRateLimit(e);
  else if (isPermissionError(e)) text = describePermission(e);
  else if (e.status === 404) {
    text = `GitHub answered 404 ${githubMessage(e)} for ${method(e)} ${pathOf(e)}: it does not exist, or the token cannot see it.`;
  } else if (e.status === 422) text = describeValidation(e);
  else if (e.status >= 500) {
    text = `GitHub failed (${e.status} ${githubMessage(e)}), also after retries; run the job again later.`;
  } else text = `GitHub answered ${e.status} ${githubMessage(e)}.`;
  return oneLine(prefix + text);
}

function pathOf(e: RequestErrorLike): string {
  try {
    return new URL(e.request?.url ?? '/', 'https://api.github.com').pathname;
  } catch {
    return e.request?.url ?? '';
  }
}

/** An Error whose message is `describeGitHubError`'s line, with the original as `cause`. */
export class GitHubActionError extends Error {
  readonly status: number | undefined;
  constructor(error: unknown, doing: string) {
    super(describeGitHubError(error, doing), { cause: error });
    this.name = 'GitHubActionError';
    this.status = asRequestError(error)?.status;
  }
}
