// Comparing two commits (`GET /compare/{base}...{head}`) and reading a branch. The server keeps no git
// objects: ancestry comes from `state.isAncestor` and the commit lists from `state.revList` (a test
// implements them with git against its bare repository, or over a made-up history); commits it cannot
// resolve are 404. Comparing two different commits without either hook is a `fake-server-error`, so a test
// that needs ancestry says so at once. Commit objects carry made-up messages, authors and trees.

import { renderUser, type RenderContext } from './render.js';
import { GitHubError, notFound, ok, paginate, type Route, type RouteContext } from './routes.js';
import { specExample } from './spec.js';
import type { RepoRecord } from './state.js';

type Json = Record<string, unknown>;

/** Without `per_page` / `page`, GitHub's comparison lists at most this many commits. */
export const MAX_COMPARE_COMMITS = 250;

export function renderCommit(repo: RepoRecord, sha: string, parents: string[], ctx: RenderContext): Json {
  const api = `${ctx.apiUrl}/repos/${repo.fullName}`;
  const web = `${ctx.serverUrl}/${repo.fullName}`;
  const template = specExample<{ commits: Json[] }>('commit-comparison').commits[0]!;
  const person = { name: 'Fake Author', email: 'author@example.com', date: ctx.state.now() };
  const tree = Buffer.from(`tree:${sha}`).toString('hex').slice(0, 40);
  const user = renderUser({ login: 'octocat', id: 1, type: 'User' }, ctx);
  return Object.assign(template, {
    url: `${api}/commits/${sha}`,
    sha,
    node_id: Buffer.from(`0:Commit${sha}`).toString('base64'),
    html_url: `${web}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: person,
      committer: person,
      message: `Commit ${sha.slice(0, 7)}`,
      tree: { url: `${api}/git/trees/${tree}`, sha: tree },
      comment_count: 0,
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    author: user,
    committer: user,
    parents: parents.map((p) => ({ url: `${api}/commits/${p}`, sha: p, html_url: `${web}/commit/${p}` })),
  });
}

/** `base...head`, each side `ref` or `owner:ref` (a repository in the network with the same name). */
function side(ctx: RouteContext, text: string): { repo: RepoRecord; sha: string } {
  const colon = text.indexOf(':');
  let repo: RepoRecord | undefined = ctx.repo;
  if (colon >= 0) {
    const owner = text.slice(0, colon);
    if (owner.toLowerCase() !== ctx.repo.owner.login.toLowerCase()) {
      repo = ctx.state.repo(`${owner}/${ctx.repo.name}`);
    }
  }
  const sha = repo && ctx.state.resolveRef(repo, colon >= 0 ? text.slice(colon + 1) : text);
  if (!repo || !sha) throw notFound();
  return { repo, sha };
}

interface Comparison {
  status: 'ahead' | 'behind' | 'identical' | 'diverged';
  ahead: string[];
  behindBy: number;
  mergeBase: string;
}

function compare(ctx: RouteContext, base: string, head: string): Comparison {
  if (base === head) return { status: 'identical', ahead: [], behindBy: 0, mergeBase: base };
  const { revList, isAncestor } = ctx.state;
  if (revList) {
    const ahead = revList(base, head);
    const behind = revList(head, base);
    const status =
      ahead.length && behind.length
        ? 'diverged'
        : ahead.length
          ? 'ahead'
          : behind.length
            ? 'behind'
            : 'identical';
    const mergeBase = status === 'behind' ? head : base;
    return { status, ahead, behindBy: behind.length, mergeBase };
  }
  if (!isAncestor) {
    throw new Error('comparing two different commits needs github.state.isAncestor (or state.revList)');
  }
  if (isAncestor(base, head)) return { status: 'ahead', ahead: [head], behindBy: 0, mergeBase: base };
  if (isAncestor(head, base)) return { status: 'behind', ahead: [], behindBy: 1, mergeBase: head };
  return { status: 'diverged', ahead: [head], behindBy: 1, mergeBase: base };
}

export const compareRoutes: Record<string, Route> = {
  'repos/compare-commits-with-basehead': {
    handle(ctx) {
      const basehead = String(ctx.params['basehead']);
      const parts = basehead.split('...');
      if (parts.length !== 2 || !parts[0] || !parts[1]) throw notFound();
      const base = side(ctx, parts[0]);
      const head = side(ctx, parts[1]);
      const result = compare(ctx, base.sha, head.sha);
      const paged = ctx.url.searchParams.has('per_page') || ctx.url.searchParams.has('page');
      const listed = paged
        ? paginate(result.ahead, ctx)
        : { page: result.ahead.slice(0, MAX_COMPARE_COMMITS), headers: {} };
      const offset = result.ahead.indexOf(listed.page[0] ?? '');
      const commits = listed.page.map((sha, i) =>
        renderCommit(head.repo, sha, [result.ahead[offset + i - 1] ?? result.mergeBase], ctx.render),
      );
      const api = `${ctx.render.apiUrl}/repos/${ctx.repo.fullName}`;
      const web = `${ctx.render.serverUrl}/${ctx.repo.fullName}`;
      const owner = ctx.repo.owner.login;
      return ok(
        {
          url: `${api}/compare/${basehead}`,
          html_url: `${web}/compare/${basehead}`,
          permalink_url: `${web}/compare/${owner}:${base.sha}...${head.repo.owner.login}:${head.sha}`,
          diff_url: `${web}/compare/${basehead}.diff`,
          patch_url: `${web}/compare/${basehead}.patch`,
          base_commit: renderCommit(base.repo, base.sha, [], ctx.render),
          merge_base_commit: renderCommit(ctx.repo, result.mergeBase, [], ctx.render),
          status: result.status,
          ahead_by: result.ahead.length,
          behind_by: result.behindBy,
          total_commits: result.ahead.length,
          commits,
          files: [],
        },
        listed.headers,
      );
    },
  },

  'repos/get-branch': {
    handle(ctx) {
      const name = String(ctx.params['branch']);
      const sha = ctx.state.refSha(ctx.repo, `refs/heads/${name}`);
      if (!sha) throw new GitHubError(404, 'Branch not found');
      const api = `${ctx.render.apiUrl}/repos/${ctx.repo.fullName}/branches/${name}`;
      return ok({
        name,
        commit: renderCommit(ctx.repo, sha, [], ctx.render),
        _links: { self: api, html: `${ctx.render.serverUrl}/${ctx.repo.fullName}/tree/${name}` },
        protected: false,
        protection: {
          enabled: false,
          required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] },
        },
        protection_url: `${api}/protection`,
      });
    },
  },
};
