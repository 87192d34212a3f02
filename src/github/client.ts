// The Action's GitHub client: @octokit/rest with the retry and throttling plugins, and request counters.
//
// - 5xx (and other retryable) answers are retried by plugin-retry with a growing wait ((n + 1)² seconds).
// - A secondary rate limit (403/429 "secondary rate limit", with `retry-after`) is retried up to 3 times.
// - The primary rate limit is retried (up to 2 times) only when it resets within 60 seconds; otherwise the
//   request fails and `describeGitHubError` explains it.
// - Writes are spaced as GitHub asks (1 s between writes, 3 s between notifying ones) unless `spaceWrites`
//   is false (tests); every wait is scaled by `retryAfterBaseValue` (ms per second, default 1000).
//
// `requestCount` counts every HTTP request sent, retries included; `retryCount` counts the retries alone
// (so `requestCount - retryCount` is the number of API calls made).

import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { VERSION } from '../version.js';

export const DEFAULT_API_URL = 'https://api.github.com';
/** Secondary rate limits are retried this many times. */
export const SECONDARY_RATE_LIMIT_RETRIES = 3;
/** The primary rate limit is retried this many times, and only when it resets within the wait below. */
export const PRIMARY_RATE_LIMIT_RETRIES = 2;
export const PRIMARY_RATE_LIMIT_MAX_WAIT_SECONDS = 60;
/** Retries of 5xx answers and network failures. */
export const SERVER_ERROR_RETRIES = 3;

export interface GitHubLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface GitHubClientOptions {
  token: string;
  /** `GITHUB_API_URL` in the Action; default https://api.github.com. */
  baseUrl?: string;
  userAgent?: string;
  log?: GitHubLogger;
  /** Milliseconds per second of any retry wait (default 1000); tests pass a small value. */
  retryAfterBaseValue?: number;
  /** Space writes as GitHub asks (default true); tests turn it off to stay fast. */
  spaceWrites?: boolean;
  /** Retries of 5xx answers (default 3). */
  retries?: number;
}

const ThrottledOctokit = Octokit.plugin(retry, throttling);
export type GitHubOctokit = InstanceType<typeof ThrottledOctokit>;

export interface GitHubClient {
  readonly octokit: GitHubOctokit;
  readonly baseUrl: string;
  /** HTTP requests sent so far, retries included. */
  readonly requestCount: number;
  /** Of `requestCount`, the requests that repeated an earlier attempt (rate limits, 5xx). */
  readonly retryCount: number;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

/** `owner/name` → `{ owner, repo }` (GITHUB_REPOSITORY). */
export function parseRepository(fullName: string): RepoRef {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(fullName.trim());
  if (!match)
    throw new Error(`expand-contract: "${fullName}" is not a repository name of the form owner/name`);
  return { owner: match[1]!, repo: match[2]! };
}

type WriteGroup = NonNullable<ThrottlingOptions['write']>;

/** A stand-in for plugin-throttling's Bottleneck groups that runs jobs at once: no spacing of writes. */
const unspaced = {
  key: () => ({
    schedule: (...args: unknown[]) => {
      const job = args.find((a): a is (...rest: unknown[]) => unknown => typeof a === 'function');
      return Promise.resolve(job ? job() : undefined);
    },
  }),
} as unknown as WriteGroup;

const silent: GitHubLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const log = options.log ?? silent;
  const baseUrl = (options.baseUrl || DEFAULT_API_URL).replace(/\/+$/, '');
  const base = options.retryAfterBaseValue ?? 1000;
  const counters = { requests: 0, calls: 0 };

  const countingFetch: typeof fetch = (input, init) => {
    counters.requests++;
    return fetch(input, init);
  };

  const octokit = new ThrottledOctokit({
    auth: options.token,
    baseUrl,
    userAgent: options.userAgent ?? `expand-contract/${VERSION}`,
    // Octokit logs each request at info and each failed one at error; failures reach the caller as errors
    // (described once by describeGitHubError), so both go to debug. Its debug lines carry request options
    // (headers with the token): dropped.
    log: {
      debug: () => {},
      info: (message: string) => log.debug(message),
      warn: (message: string) => log.warn(message),
      error: (message: string) => log.debug(message),
    },
    request: { fetch: countingFetch },
    retry: {
      retries: options.retries ?? SERVER_ERROR_RETRIES,
      retryAfterBaseValue: base,
      // 403/429 are the throttling plugin's to retry (rate limits) or to give up on (permissions).
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: {
      retryAfterBaseValue: base,
      ...(options.spaceWrites === false ? { write: unspaced, notifications: unspaced } : {}),
      onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
        const what = `${request.method} ${request.url}`;
        if (retryCount < SECONDARY_RATE_LIMIT_RETRIES) {
          log.warn(`GitHub secondary rate limit on ${what}; retrying in ${retryAfter} s`);
          return true;
        }
        log.warn(`GitHub secondary rate limit on ${what}; giving up after ${retryCount} retries`);
        return false;
      },
      onRateLimit: (retryAfter, request, _octokit, retryCount) => {
        const what = `${request.method} ${request.url}`;
        if (retryAfter <= PRIMARY_RATE_LIMIT_MAX_WAIT_SECONDS && retryCount < PRIMARY_RATE_LIMIT_RETRIES) {
          log.warn(`GitHub API rate limit exhausted on ${what}; retrying in ${retryAfter} s`);
          return true;
        }
        log.warn(
          `GitHub API rate limit exhausted on ${what}; it resets in ${retryAfter} s, too long to wait`,
        );
        return false;
      },
    },
  });

  // Registered after the plugins, so it wraps them: it sees each call once, however often it is retried.
  octokit.hook.wrap('request', (request, opts) => {
    counters.calls++;
    return request(opts);
  });

  return {
    octokit,
    baseUrl,
    get requestCount() {
      return counters.requests;
    },
    get retryCount() {
      return Math.max(0, counters.requests - counters.calls);
    },
  };
}
