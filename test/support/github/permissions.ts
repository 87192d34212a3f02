// Which token permissions each implemented operation accepts, written the way GitHub's
// `x-accepted-github-permissions` header shows them: `;` separates alternatives, `,` joins permissions that
// are needed together, names use underscores (`pull_requests=write`). Issue endpoints on a pull request
// accept either `issues` or `pull_requests`. Reads on public repositories need no permission.

import type { Permissions, PermissionLevel, PermissionName } from './state.js';

export const ACCEPTED_PERMISSIONS: Record<string, string> = {
  'repos/get': 'metadata=read',
  'pulls/get': 'pull_requests=read',
  'pulls/list-files': 'pull_requests=read',
  'issues/list-comments': 'issues=read; pull_requests=read',
  'issues/get-comment': 'issues=read; pull_requests=read',
  'issues/create-comment': 'issues=write; pull_requests=write',
  'issues/update-comment': 'issues=write; pull_requests=write',
  'issues/delete-comment': 'issues=write; pull_requests=write',
  'issues/list-labels-on-issue': 'issues=read; pull_requests=read',
  'issues/add-labels': 'issues=write; pull_requests=write',
  'issues/set-labels': 'issues=write; pull_requests=write',
  'issues/remove-label': 'issues=write; pull_requests=write',
  'checks/create': 'checks=write',
  'checks/update': 'checks=write',
  'checks/get': 'checks=read',
  'checks/list-annotations': 'checks=read',
  'checks/list-for-ref': 'checks=read',
  'repos/create-commit-status': 'statuses=write',
  'repos/get-combined-status-for-ref': 'statuses=read',
  'repos/list-commit-statuses-for-ref': 'statuses=read',
  'git/get-ref': 'contents=read',
  'repos/get-branch': 'contents=read',
  'repos/compare-commits-with-basehead': 'contents=read',
  'pulls/list': 'pull_requests=read',
  'pulls/create': 'pull_requests=write',
  'pulls/update': 'pull_requests=write',
  'repos/list-deployments': 'deployments=read',
  'repos/create-deployment': 'deployments=write',
  'repos/get-deployment': 'deployments=read',
  'repos/list-deployment-statuses': 'deployments=read',
  'repos/create-deployment-status': 'deployments=write',
  'rate-limit/get': '',
};

const RANK: Record<PermissionLevel, number> = { none: 0, read: 1, write: 2 };

function level(permissions: Permissions, name: string): PermissionLevel {
  if (name === 'metadata') return 'read'; // every token can read metadata
  return permissions[name.replaceAll('_', '-') as PermissionName] ?? 'none';
}

/** Whether a token with `permissions` may call the operation on a repository of this visibility. */
export function isAllowed(accepted: string, permissions: Permissions, isPrivate: boolean): boolean {
  if (accepted === '') return true;
  const alternatives = accepted.split(';').map((alt) => alt.trim().split(','));
  if (!isPrivate && alternatives.every((alt) => alt.every((p) => p.trim().endsWith('=read')))) return true;
  return alternatives.some((alt) =>
    alt.every((p) => {
      const [name, want] = p.trim().split('=') as [string, PermissionLevel];
      return RANK[level(permissions, name)] >= RANK[want];
    }),
  );
}
