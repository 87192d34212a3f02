// The fake GitHub's in-memory state: repositories (with refs, known commits and labels), pull requests and
// their files, issue comments, check runs with accumulated annotations, commit statuses, deployments with
// their statuses, and tokens. Hooks let a test's real git repository answer for commits, branches and
// ancestry (the server keeps no git objects).
// Plain records, kept close to what the REST API shows; `render.ts` turns them into response JSON.

import type { DeploymentRecord } from './state-deployments.js';

export type PermissionLevel = 'read' | 'write' | 'none';
export type PermissionName =
  'contents' | 'pull-requests' | 'issues' | 'checks' | 'statuses' | 'deployments' | 'metadata';
export type Permissions = Partial<Record<PermissionName, PermissionLevel>>;

/** Who a token acts as: what `user.login` / `user.type` show on comments and statuses it creates. */
export interface Identity {
  login: string;
  id: number;
  type: 'Bot' | 'User' | 'Organization';
}

export interface TokenConfig {
  permissions: Permissions;
  identity: Identity;
}

export const GITHUB_ACTIONS_BOT: Identity = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
/** The GitHub Actions app that owns check runs created with a GITHUB_TOKEN. */
export const GITHUB_ACTIONS_APP_ID = 15368;

/** Preset permission sets, as a workflow's `permissions:` block (or a fork PR) gives the GITHUB_TOKEN. */
export const PERMISSIONS = {
  /** The "permissive" default, and a same-repository pull request. */
  writeAll: {
    contents: 'write',
    'pull-requests': 'write',
    issues: 'write',
    checks: 'write',
    statuses: 'write',
    deployments: 'write',
  },
  /** A pull request from a fork: GitHub downgrades the GITHUB_TOKEN to read-only. */
  readAll: {
    contents: 'read',
    'pull-requests': 'read',
    issues: 'read',
    checks: 'read',
    statuses: 'read',
    deployments: 'read',
  },
  /** The "restricted" default: `contents: read` (and metadata) only. */
  restricted: { contents: 'read' },
} satisfies Record<string, Permissions>;

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface RepoRecord {
  id: number;
  owner: Identity;
  name: string;
  fullName: string;
  private: boolean;
  fork: boolean;
  /** Full name of the repository this one is a fork of. */
  parent?: string;
  defaultBranch: string;
  /** Full ref name (`refs/heads/main`, `refs/pull/1/head`) → commit sha. */
  refs: Map<string, string>;
  commits: Set<string>;
  /** Lower-cased name → label. */
  labels: Map<string, LabelRecord>;
  createdAt: string;
  /**
   * The setting "Allow GitHub Actions to create and approve pull requests" (default true here; off by default
   * on GitHub): when false, `POST /pulls` with the github-actions[bot] identity is 403.
   */
  actionsCanCreatePullRequests: boolean;
}

export interface FileRecord {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  additions: number;
  deletions: number;
  patch?: string;
  previous_filename?: string;
  /** Blob sha; made up from the file name when not given. */
  sha?: string;
}

export interface PullRecord {
  repo: string;
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  merged: boolean;
  user: Identity;
  head: { sha: string; ref: string; repo: string };
  base: { sha: string; ref: string };
  /** The test merge commit while open; the merge commit once merged (`merge_commit_sha`). */
  mergeSha: string | null;
  /** Label names, in the order they were added. */
  labels: string[];
  files: FileRecord[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
}

export interface CommentRecord {
  repo: string;
  issueNumber: number;
  id: number;
  body: string;
  user: Identity;
  createdAt: string;
  updatedAt: string;
}

export interface AnnotationRecord {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunRecord {
  repo: string;
  id: number;
  name: string;
  headSha: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string;
  output: { title: string | null; summary: string | null; text: string | null };
  /** Every annotation sent, accumulated across create and updates. */
  annotations: AnnotationRecord[];
  appId: number;
  checkSuiteId: number;
}

export interface StatusRecord {
  repo: string;
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: Identity;
  createdAt: string;
}

export interface SeedPullRequest {
  number?: number;
  /** Defaults to the server's repository. */
  repo?: string;
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  draft?: boolean;
  user?: Identity;
  head: {
    sha: string;
    ref?: string;
    /** Full name of the head repository; with `fork: true` defaults to `contributor/<name>`. */
    repo?: string;
    fork?: boolean;
  };
  base: { sha: string; ref?: string };
  /** The test merge commit (`refs/pull/N/merge`, GITHUB_SHA of a pull_request run); made up when absent. */
  mergeSha?: string | null;
  labels?: string[];
  files?: FileRecord[];
}

export function fakeSha(seed: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 40; round++) {
    for (const ch of `${seed}:${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}

export class GitHubState {
  readonly repos = new Map<string, RepoRecord>();
  readonly pulls: PullRecord[] = [];
  readonly comments: CommentRecord[] = [];
  readonly checkRuns: CheckRunRecord[] = [];
  readonly statuses: StatusRecord[] = [];
  readonly deployments: DeploymentRecord[] = [];
  readonly tokens = new Map<string, TokenConfig>();
  /**
   * Commits pushed with git (to a test's bare repository) rather than through the API: a full sha this
   * answers true for becomes known, as a push makes it known to GitHub.
   */
  lookupCommit?: (sha: string) => boolean;
  /**
   * Branches pushed with git: the sha `name` (`main`, `feature/x`, no `refs/heads/`) points at in
   * `repository`, or undefined. It wins over `setRef`, as a push moves a branch on GitHub.
   */
  lookupBranch?: (name: string, repository: string) => string | undefined;
  /**
   * Ancestry for the compare API and `POST /pulls` (`git merge-base --is-ancestor ancestor descendant`);
   * a commit is its own ancestor. Without it (and without `revList`) only identical commits compare.
   */
  isAncestor?: (ancestor: string, descendant: string) => boolean;
  /**
   * `git rev-list --reverse <included> ^<excluded>`: the commits the compare API lists and counts in
   * `ahead_by` / `behind_by`. Without it they are estimated from `isAncestor` (1 when not identical).
   */
  revList?: (excluded: string, included: string) => string[];
  private nextId = 1_000_000;

  constructor(readonly clock: () => Date = () => new Date()) {}

  id(): number {
    return ++this.nextId;
  }

  /** GitHub's timestamp format: ISO 8601 in UTC, whole seconds. */
  now(): string {
    return this.clock()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  }

  addRepository(opts: {
    fullName: string;
    private?: boolean;
    fork?: boolean;
    parent?: string;
    defaultBranch?: string;
    ownerType?: Identity['type'];
  }): RepoRecord {
    const [owner, name] = opts.fullName.split('/');
    if (!owner || !name) throw new Error(`fake GitHub: repository "${opts.fullName}" is not owner/name`);
    const record: RepoRecord = {
      id: this.id(),
      owner: { login: owner, id: this.id(), type: opts.ownerType ?? 'Organization' },
      name,
      fullName: `${owner}/${name}`,
      private: opts.private ?? true,
      fork: opts.fork ?? false,
      ...(opts.parent ? { parent: opts.parent } : {}),
      defaultBranch: opts.defaultBranch ?? 'main',
      refs: new Map(),
      commits: new Set(),
      labels: new Map(),
      createdAt: this.now(),
      actionsCanCreatePullRequests: true,
    };
    this.repos.set(record.fullName.toLowerCase(), record);
    return record;
  }

  repo(fullName: string): RepoRecord | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  mustRepo(fullName: string): RepoRecord {
    const repo = this.repo(fullName);
    if (!repo) throw new Error(`fake GitHub: no repository ${fullName}`);
    return repo;
  }

  setRef(repo: RepoRecord, ref: string, sha: string): void {
    const full = ref.startsWith('refs/') ? ref : `refs/heads/${ref}`;
    repo.refs.set(full, sha);
    repo.commits.add(sha);
  }

  /** A full ref name (`refs/heads/main`) → sha, asking `lookupBranch` first for branches. */
  refSha(repo: RepoRecord, fullRef: string): string | undefined {
    if (fullRef.startsWith('refs/heads/')) {
      const pushed = this.lookupBranch?.(fullRef.slice('refs/heads/'.length), repo.fullName);
      if (pushed) {
        repo.commits.add(pushed);
        return pushed;
      }
    }
    return repo.refs.get(fullRef);
  }

  /** A sha, branch, tag, `heads/x` or `refs/...` name → commit sha; undefined when unknown. */
  resolveRef(repo: RepoRecord, ref: string): string | undefined {
    if (repo.commits.has(ref)) return ref;
    for (const name of [`refs/heads/${ref}`, `refs/tags/${ref}`, `refs/${ref}`, ref]) {
      const sha = this.refSha(repo, name);
      if (sha) return sha;
    }
    if (/^[0-9a-f]{7,39}$/.test(ref)) return [...repo.commits].find((sha) => sha.startsWith(ref));
    if (/^[0-9a-f]{40}$/.test(ref) && this.lookupCommit?.(ref)) {
      repo.commits.add(ref);
      return ref;
    }
    return undefined;
  }

  pull(repo: string, number: number): PullRecord | undefined {
    return this.pulls.find((p) => p.repo.toLowerCase() === repo.toLowerCase() && p.number === number);
  }

  label(repo: RepoRecord, name: string): LabelRecord {
    const key = name.toLowerCase();
    let label = repo.labels.get(key);
    if (!label) {
      label = { id: this.id(), name, color: 'ededed', description: null, default: false };
      repo.labels.set(key, label);
    }
    return label;
  }

  seedPullRequest(repoName: string, seed: SeedPullRequest): PullRecord {
    const repo = this.mustRepo(seed.repo ?? repoName);
    const number = seed.number ?? this.nextPullNumber(repo.fullName);
    if (this.pull(repo.fullName, number)) throw new Error(`fake GitHub: PR #${number} already exists`);
    const fork = seed.head.fork ?? (seed.head.repo !== undefined && seed.head.repo !== repo.fullName);
    const headRepoName = seed.head.repo ?? (fork ? `contributor/${repo.name}` : repo.fullName);
    const headRepo =
      this.repo(headRepoName) ??
      this.addRepository({ fullName: headRepoName, fork, parent: repo.fullName, ownerType: 'User' });
    const headRef = seed.head.ref ?? `feature-${number}`;
    const baseRef = seed.base.ref ?? repo.defaultBranch;
    const mergeSha =
      seed.mergeSha === undefined ? fakeSha(`merge:${number}:${seed.head.sha}`) : seed.mergeSha;
    this.setRef(repo, baseRef, seed.base.sha);
    this.setRef(headRepo, headRef, seed.head.sha);
    this.setRef(repo, `refs/pull/${number}/head`, seed.head.sha);
    if (mergeSha) this.setRef(repo, `refs/pull/${number}/merge`, mergeSha);
    const now = this.now();
    const record: PullRecord = {
      repo: repo.fullName,
      number,
      id: this.id(),
      title: seed.title ?? `Pull request #${number}`,
      body: seed.body ?? null,
      state: seed.state ?? 'open',
      draft: seed.draft ?? false,
      merged: false,
      user: seed.user ?? { login: fork ? headRepo.owner.login : 'octocat', id: this.id(), type: 'User' },
      head: { sha: seed.head.sha, ref: headRef, repo: headRepo.fullName },
      base: { sha: seed.base.sha, ref: baseRef },
      mergeSha,
      labels: [],
      files: seed.files ?? [],
      createdAt: now,
      updatedAt: now,
      closedAt: seed.state === 'closed' ? now : null,
      mergedAt: null,
    };
    for (const name of seed.labels ?? []) record.labels.push(this.label(repo, name).name);
    this.pulls.push(record);
    return record;
  }

  /** One more than the highest pull request number in the repository. */
  nextPullNumber(repoName: string): number {
    const numbers = this.pulls.filter((p) => p.repo === repoName).map((p) => p.number);
    return Math.max(0, ...numbers) + 1;
  }
}
