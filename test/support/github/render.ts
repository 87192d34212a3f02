// State records → response JSON. Each shape starts from the example GitHub publishes with its OpenAPI
// description (so every documented field is present), re-pointed at the fake server's URLs and repository
// and overwritten with the record's values. `test/support-github/responses.test.ts` validates the results.

import { specExample } from './spec.js';
import {
  GITHUB_ACTIONS_APP_ID,
  type AnnotationRecord,
  type CheckRunRecord,
  type CommentRecord,
  type FileRecord,
  type GitHubState,
  type Identity,
  type LabelRecord,
  type PullRecord,
  type RepoRecord,
  type StatusRecord,
} from './state.js';

type Json = Record<string, unknown>;

export interface RenderContext {
  /** The fake server's base URL, used where GitHub shows https://api.github.com. */
  apiUrl: string;
  /** The web UI base, https://github.com unless configured. */
  serverUrl: string;
  state: GitHubState;
}

function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`0:${kind}${id}`).toString('base64');
}

/** Re-points an example's URLs from octocat/Hello-World on github.com to `fullName` on the fake server. */
function repoint<T>(value: T, ctx: RenderContext, from: string, fullName: string): T {
  const text = JSON.stringify(value)
    .replaceAll('https://api.github.com', ctx.apiUrl)
    .replaceAll('https://github.com', ctx.serverUrl)
    .replaceAll(from, fullName);
  return JSON.parse(text) as T;
}

export function renderUser(user: Identity, ctx: RenderContext): Json {
  const api = `${ctx.apiUrl}/users/${encodeURIComponent(user.login)}`;
  const bot = user.type === 'Bot';
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(bot ? 'Bot' : 'User', user.id),
    avatar_url: `https://avatars.githubusercontent.com/${bot ? 'in/15368' : `u/${user.id}`}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: bot
      ? `${ctx.serverUrl}/apps/${user.login.replace(/\[bot\]$/, '')}`
      : `${ctx.serverUrl}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** `repository` (in pull requests) or, with `full`, `full-repository` (GET /repos/{owner}/{repo}). */
export function renderRepository(repo: RepoRecord, ctx: RenderContext, full = false): Json {
  const example = specExample('full-repository');
  for (const key of ['template_repository', 'organization', 'parent', 'source', 'security_and_analysis']) {
    delete example[key];
  }
  const out = repoint(example, ctx, 'octocat/Hello-World', repo.fullName);
  Object.assign(out, {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    owner: renderUser(repo.owner, ctx),
    private: repo.private,
    visibility: repo.private ? 'private' : 'public',
    fork: repo.fork,
    description: null,
    homepage: null,
    license: null,
    mirror_url: null,
    topics: [],
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    default_branch: repo.defaultBranch,
    has_discussions: false,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    pushed_at: repo.createdAt,
    git_url: `git://github.com/${repo.fullName}.git`,
    ssh_url: `git@github.com:${repo.fullName}.git`,
    clone_url: `${ctx.serverUrl}/${repo.fullName}.git`,
    svn_url: `${ctx.serverUrl}/${repo.fullName}`,
  });
  if (full) {
    out['network_count'] = 0;
    out['subscribers_count'] = 0;
    const parent = repo.parent ? ctx.state.repo(repo.parent) : undefined;
    if (parent) {
      out['parent'] = renderRepository(parent, ctx);
      out['source'] = out['parent'];
    }
  }
  return out;
}

export function renderLabel(label: LabelRecord, repo: RepoRecord, ctx: RenderContext): Json {
  return {
    id: label.id,
    node_id: nodeId('Label', label.id),
    url: `${ctx.apiUrl}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: label.default,
  };
}

export function renderPull(pr: PullRecord, ctx: RenderContext): Json {
  const repo = ctx.state.mustRepo(pr.repo);
  const headRepo = ctx.state.mustRepo(pr.head.repo);
  const out = repoint(specExample('pull-request'), ctx, 'octocat/Hello-World', pr.repo);
  const json = JSON.stringify(out).replaceAll('/1347', `/${pr.number}`);
  const pull = JSON.parse(json) as Json;
  const user = renderUser(pr.user, ctx);
  Object.assign(pull, {
    id: pr.id,
    node_id: nodeId('PullRequest', pr.id),
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    body: pr.body,
    user,
    labels: pr.labels.map((name) => renderLabel(ctx.state.label(repo, name), repo, ctx)),
    milestone: null,
    active_lock_reason: null,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
    merged_at: pr.mergedAt,
    merge_commit_sha: pr.mergeSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${headRepo.owner.login}:${pr.head.ref}`,
      ref: pr.head.ref,
      sha: pr.head.sha,
      user: renderUser(headRepo.owner, ctx),
      repo: renderRepository(headRepo, ctx),
    },
    base: {
      label: `${repo.owner.login}:${pr.base.ref}`,
      ref: pr.base.ref,
      sha: pr.base.sha,
      user: renderUser(repo.owner, ctx),
      repo: renderRepository(repo, ctx),
    },
    author_association: headRepo.fork ? 'CONTRIBUTOR' : 'MEMBER',
    auto_merge: null,
    draft: pr.draft,
    merged: pr.merged,
    mergeable: pr.mergeSha !== null,
    rebaseable: pr.mergeSha !== null,
    mergeable_state: pr.mergeSha !== null ? 'clean' : 'dirty',
    merged_by: null,
    comments: ctx.state.comments.filter((c) => c.repo === pr.repo && c.issueNumber === pr.number).length,
    review_comments: 0,
    maintainer_can_modify: headRepo.fork,
    commits: 1,
    additions: pr.files.reduce((n, f) => n + f.additions, 0),
    deletions: pr.files.reduce((n, f) => n + f.deletions, 0),
    changed_files: pr.files.length,
  });
  const links = pull['_links'] as Record<string, { href: string }>;
  links['statuses'] = { href: `${ctx.apiUrl}/repos/${pr.repo}/statuses/${pr.head.sha}` };
  pull['statuses_url'] = links['statuses'].href;
  return pull;
}

/** `pull-request-simple` (GET /pulls lists): the pull request without merge state and counts. */
export function renderPullSimple(pr: PullRecord, ctx: RenderContext): Json {
  const pull = renderPull(pr, ctx);
  for (const key of [
    'merged',
    'mergeable',
    'rebaseable',
    'mergeable_state',
    'merged_by',
    'comments',
    'review_comments',
    'maintainer_can_modify',
    'commits',
    'additions',
    'deletions',
    'changed_files',
  ]) {
    delete pull[key];
  }
  return pull;
}

export function renderFile(file: FileRecord, pr: PullRecord, ctx: RenderContext): Json {
  const path = file.filename.split('/').map(encodeURIComponent).join('/');
  const web = `${ctx.serverUrl}/${pr.head.repo}`;
  return {
    sha: file.sha ?? fileSha(file),
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `${web}/blob/${pr.head.sha}/${path}`,
    raw_url: `${web}/raw/${pr.head.sha}/${path}`,
    contents_url: `${ctx.apiUrl}/repos/${pr.head.repo}/contents/${path}?ref=${pr.head.sha}`,
    ...(file.patch !== undefined ? { patch: file.patch } : {}),
    ...(file.previous_filename !== undefined ? { previous_filename: file.previous_filename } : {}),
  };
}

function fileSha(file: FileRecord): string {
  return Buffer.from(file.filename).toString('hex').padEnd(40, '0').slice(0, 40);
}

export function renderComment(comment: CommentRecord, ctx: RenderContext): Json {
  const repo = `${ctx.apiUrl}/repos/${comment.repo}`;
  return {
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    url: `${repo}/issues/comments/${comment.id}`,
    html_url: `${ctx.serverUrl}/${comment.repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: renderUser(comment.user, ctx),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${repo}/issues/${comment.issueNumber}`,
    author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    performed_via_github_app: null,
    reactions: {
      url: `${repo}/issues/comments/${comment.id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0,
    },
  };
}

export function renderCheckRun(run: CheckRunRecord, ctx: RenderContext): Json {
  const out = specExample('check-run');
  const url = `${ctx.apiUrl}/repos/${run.repo}/check-runs/${run.id}`;
  const app = out['app'] as Json;
  Object.assign(app, {
    id: run.appId,
    slug: run.appId === GITHUB_ACTIONS_APP_ID ? 'github-actions' : 'fake-app',
    name: run.appId === GITHUB_ACTIONS_APP_ID ? 'GitHub Actions' : 'Fake App',
    node_id: nodeId('Integration', run.appId),
    owner: renderUser({ login: 'github', id: 9919, type: 'Organization' }, ctx),
    html_url: `${ctx.serverUrl}/apps/github-actions`,
  });
  const pulls = ctx.state.pulls.filter(
    (p) => p.repo === run.repo && p.head.sha === run.headSha && p.head.repo === p.repo,
  );
  const repo = ctx.state.mustRepo(run.repo);
  const mini = { id: repo.id, url: `${ctx.apiUrl}/repos/${repo.fullName}`, name: repo.name };
  return Object.assign(out, {
    id: run.id,
    head_sha: run.headSha,
    node_id: nodeId('CheckRun', run.id),
    external_id: run.externalId,
    url,
    html_url: `${ctx.serverUrl}/${run.repo}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      ...run.output,
      annotations_count: run.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.checkSuiteId },
    pull_requests: pulls.map((p) => ({
      url: `${ctx.apiUrl}/repos/${p.repo}/pulls/${p.number}`,
      id: p.id,
      number: p.number,
      head: { ref: p.head.ref, sha: p.head.sha, repo: mini },
      base: { ref: p.base.ref, sha: p.base.sha, repo: mini },
    })),
  });
}

export function renderAnnotation(a: AnnotationRecord, run: CheckRunRecord, ctx: RenderContext): Json {
  return {
    path: a.path,
    blob_href: `${ctx.serverUrl}/${run.repo}/blob/${run.headSha}/${a.path}`,
    start_line: a.start_line,
    end_line: a.end_line,
    start_column: a.start_column ?? null,
    end_column: a.end_column ?? null,
    annotation_level: a.annotation_level,
    title: a.title ?? null,
    message: a.message,
    raw_details: a.raw_details ?? null,
  };
}

export function renderStatus(status: StatusRecord, ctx: RenderContext): Json {
  return {
    url: `${ctx.apiUrl}/repos/${status.repo}/statuses/${status.sha}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${status.creator.id}?v=4`,
    id: status.id,
    node_id: nodeId('StatusContext', status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    creator: renderUser(status.creator, ctx),
  };
}

/** `combined-commit-status`; `latest` holds the newest status of each context. */
export function renderCombined(
  repo: RepoRecord,
  sha: string,
  latest: StatusRecord[],
  ctx: RenderContext,
): Json {
  const states = latest.map((s) => s.state);
  const state = states.some((s) => s === 'error' || s === 'failure')
    ? 'failure'
    : states.length === 0 || states.includes('pending')
      ? 'pending'
      : 'success';
  return {
    state,
    statuses: latest.map((s) => {
      const { creator: _creator, ...simple } = renderStatus(s, ctx);
      return { ...simple, required: false };
    }),
    sha,
    total_count: latest.length,
    repository: minimalRepository(repo, ctx),
    commit_url: `${ctx.apiUrl}/repos/${repo.fullName}/commits/${sha}`,
    url: `${ctx.apiUrl}/repos/${repo.fullName}/commits/${sha}/status`,
  };
}

/** `minimal-repository`: the repository shape without the counts and settings of `full-repository`. */
export function minimalRepository(repo: RepoRecord, ctx: RenderContext): Json {
  return renderRepository(repo, ctx);
}

export function renderGitRef(repo: RepoRecord, ref: string, sha: string, ctx: RenderContext): Json {
  return {
    ref,
    node_id: nodeId('Ref', `${repo.id}:${ref}`),
    url: `${ctx.apiUrl}/repos/${repo.fullName}/git/${ref}`,
    object: { type: 'commit', sha, url: `${ctx.apiUrl}/repos/${repo.fullName}/git/commits/${sha}` },
  };
}
