// Deployments and their statuses: records, seeding (tests move time with `createdAt` timestamps rather than
// by sleeping) and new statuses. The routes are in routes-deployments.ts.

import { GITHUB_ACTIONS_BOT, type GitHubState, type Identity } from './state.js';

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

export interface DeploymentStatusRecord {
  id: number;
  state: DeploymentState;
  description: string;
  environment: string;
  logUrl: string;
  environmentUrl: string;
  creator: Identity;
  createdAt: string;
}

export interface DeploymentRecord {
  repo: string;
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  payload: Record<string, unknown> | string;
  transient: boolean;
  production: boolean;
  creator: Identity;
  createdAt: string;
  /** Oldest first (the API lists them newest first). */
  statuses: DeploymentStatusRecord[];
}

export interface SeedDeployment {
  sha: string;
  /** Default: the sha. */
  ref?: string;
  /** Default `production`. */
  environment?: string;
  task?: string;
  /** Default: the first status's `createdAt`, else now. */
  createdAt?: string;
  /** Oldest first; `createdAt` is ISO 8601 (tests move time by timestamps). */
  statuses?: Array<{ state: DeploymentState; createdAt?: string; description?: string }>;
  repo?: string;
}

export function seedDeployment(state: GitHubState, repoName: string, seed: SeedDeployment): DeploymentRecord {
  const repo = state.mustRepo(seed.repo ?? repoName);
  repo.commits.add(seed.sha);
  const environment = seed.environment ?? 'production';
  const createdAt = seed.createdAt ?? seed.statuses?.[0]?.createdAt ?? state.now();
  const record: DeploymentRecord = {
    repo: repo.fullName,
    id: state.id(),
    sha: seed.sha,
    ref: seed.ref ?? seed.sha,
    task: seed.task ?? 'deploy',
    environment,
    originalEnvironment: environment,
    description: null,
    payload: {},
    transient: false,
    production: environment === 'production',
    creator: GITHUB_ACTIONS_BOT,
    createdAt: normalizeTime(createdAt),
    statuses: [],
  };
  for (const status of seed.statuses ?? []) addDeploymentStatus(state, record, status);
  state.deployments.push(record);
  return record;
}

export function addDeploymentStatus(
  state: GitHubState,
  deployment: DeploymentRecord,
  status: { state: DeploymentState; createdAt?: string; description?: string; environment?: string },
  creator: Identity = GITHUB_ACTIONS_BOT,
): DeploymentStatusRecord {
  const previous = deployment.statuses[deployment.statuses.length - 1];
  const record: DeploymentStatusRecord = {
    id: state.id(),
    state: status.state,
    description: status.description ?? '',
    environment: status.environment ?? previous?.environment ?? deployment.environment,
    logUrl: '',
    environmentUrl: '',
    creator,
    createdAt: normalizeTime(status.createdAt ?? state.now()),
  };
  deployment.statuses.push(record);
  return record;
}

/** Any ISO 8601 time → GitHub's format (UTC, whole seconds); throws on an unparsable one. */
export function normalizeTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`fake GitHub: "${iso}" is not an ISO 8601 time`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
