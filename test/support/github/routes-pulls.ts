// Listing, opening and editing pull requests. Branches are known from `setRef`, seeded pull requests and
// `state.lookupBranch` (a test's bare repository). As on GitHub:
// - `GET /pulls?head=` filters only in the `owner:branch` form; a bare branch name is silently ignored;
// - `POST /pulls` is 422 for an unknown head or base branch, for a second open pull request with the same
//   head and base ("A pull request already exists for owner:branch."), and (with `state.isAncestor`) when
//   the head has no commits the base lacks; 403 for github-actions[bot] when the repository does not allow
//   GitHub Actions to create pull requests;
// - `PATCH` edits title, body, base and state (reopening is refused like a second pull request).

import { renderPull, renderPullSimple } from './render.js';
import { GitHubError, notFound, ok, paginate, type Route, type RouteContext } from './routes.js';
import { GITHUB_ACTIONS_BOT, type PullRecord, type RepoRecord } from './state.js';

export const ACTIONS_CANNOT_CREATE_PULL_REQUESTS =
  'GitHub Actions is not permitted to create or approve pull requests.';

function invalid(field: string): GitHubError {
  return new GitHubError(422, 'Validation Failed', [{ resource: 'PullRequest', field, code: 'invalid' }]);
}

function custom(message: string): GitHubError {
  return new GitHubError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message }]);
}

function pull(ctx: RouteContext): PullRecord {
  const pr = ctx.state.pull(ctx.repo.fullName, Number(ctx.params['pull_number']));
  if (!pr) throw notFound();
  return pr;
}

/** `owner:branch` or `branch` → the head repository (the base one, or a fork in its network) and branch. */
function headOf(ctx: RouteContext, head: string, headRepo?: string): { repo: RepoRecord; branch: string } {
  const colon = head.indexOf(':');
  const owner = colon < 0 ? undefined : head.slice(0, colon);
  const branch = colon < 0 ? head : head.slice(colon + 1);
  let repo: RepoRecord | undefined = ctx.repo;
  if (headRepo) repo = ctx.state.repo(headRepo);
  else if (owner && owner.toLowerCase() !== ctx.repo.owner.login.toLowerCase()) {
    repo = ctx.state.repo(`${owner}/${ctx.repo.name}`);
  }
  if (!repo || (repo !== ctx.repo && repo.parent?.toLowerCase() !== ctx.repo.fullName.toLowerCase())) {
    throw invalid('head');
  }
  return { repo, branch };
}

function label(ctx: RouteContext, pr: PullRecord): string {
  return `${ctx.state.mustRepo(pr.head.repo).owner.login}:${pr.head.ref}`;
}

function assertNoOpenTwin(ctx: RouteContext, pr: Pick<PullRecord, 'head' | 'base'>, self?: PullRecord): void {
  const twin = ctx.state.pulls.find(
    (p) =>
      p !== self &&
      p.repo === ctx.repo.fullName &&
      p.state === 'open' &&
      p.head.repo.toLowerCase() === pr.head.repo.toLowerCase() &&
      p.head.ref === pr.head.ref &&
      p.base.ref === pr.base.ref,
  );
  if (twin) throw custom(`A pull request already exists for ${label(ctx, twin)}.`);
}

function baseSha(ctx: RouteContext, base: string): string {
  const sha = ctx.state.refSha(ctx.repo, `refs/heads/${base}`);
  if (!sha) throw invalid('base');
  return sha;
}

interface PullBody {
  title?: string;
  head: string;
  head_repo?: string;
  base: string;
  body?: string;
  draft?: boolean;
  issue?: number;
  state?: 'open' | 'closed';
}

export const pullRoutes: Record<string, Route> = {
  'pulls/list': {
    handle(ctx) {
      const { state, base, sort } = ctx.query as { state: string; base?: string; sort: string };
      const head = ctx.query['head'] as string | undefined;
      const [headOwner, headBranch] = head?.includes(':')
        ? [head.slice(0, head.indexOf(':')).toLowerCase(), head.slice(head.indexOf(':') + 1)]
        : [undefined, undefined];
      const direction = ctx.query['direction'] ?? (sort === 'created' ? 'desc' : 'asc');
      const key = sort === 'updated' ? 'updatedAt' : 'createdAt';
      const all = ctx.state.pulls
        .filter((p) => p.repo === ctx.repo.fullName)
        .filter((p) => state === 'all' || p.state === state)
        .filter((p) => base === undefined || p.base.ref === base)
        .filter(
          (p) =>
            headOwner === undefined ||
            (ctx.state.mustRepo(p.head.repo).owner.login.toLowerCase() === headOwner &&
              p.head.ref === headBranch),
        )
        .sort((a, b) => a[key].localeCompare(b[key]) || a.number - b.number);
      if (direction === 'desc') all.reverse();
      const { page, headers } = paginate(all, ctx);
      return ok(
        page.map((p) => renderPullSimple(p, ctx.render)),
        headers,
      );
    },
  },

  'pulls/create': {
    handle(ctx) {
      const body = ctx.body as PullBody;
      if (!ctx.repo.actionsCanCreatePullRequests && ctx.identity.login === GITHUB_ACTIONS_BOT.login) {
        throw new GitHubError(403, ACTIONS_CANNOT_CREATE_PULL_REQUESTS);
      }
      if (body.issue !== undefined) {
        throw new GitHubError(422, 'fake GitHub: converting an issue into a pull request is not modelled');
      }
      if (body.title === undefined || body.title.trim() === '') {
        throw new GitHubError(422, 'Validation Failed', [
          { resource: 'Issue', code: 'missing_field', field: 'title' },
        ]);
      }
      const head = headOf(ctx, body.head, body.head_repo);
      const headSha = ctx.state.refSha(head.repo, `refs/heads/${head.branch}`);
      if (!headSha) throw invalid('head');
      const base = baseSha(ctx, body.base);
      assertNoOpenTwin(ctx, {
        head: { sha: headSha, ref: head.branch, repo: head.repo.fullName },
        base: { sha: base, ref: body.base },
      });
      if (ctx.state.isAncestor?.(headSha, base)) {
        const name = head.repo === ctx.repo ? head.branch : `${head.repo.owner.login}:${head.branch}`;
        throw custom(`No commits between ${body.base} and ${name}`);
      }
      const pr = ctx.state.seedPullRequest(ctx.repo.fullName, {
        number: ctx.state.nextPullNumber(ctx.repo.fullName),
        title: body.title,
        body: body.body ?? null,
        draft: body.draft ?? false,
        user: ctx.identity,
        head: { sha: headSha, ref: head.branch, repo: head.repo.fullName, fork: head.repo !== ctx.repo },
        base: { sha: base, ref: body.base },
      });
      const json = renderPull(pr, ctx.render);
      return ok(json, { location: String(json['url']) }, 201);
    },
  },

  'pulls/update': {
    handle(ctx) {
      const pr = pull(ctx);
      const body = ctx.body as Partial<PullBody>;
      if (body.state !== undefined && body.state !== pr.state && pr.merged) {
        throw custom('fake GitHub: a merged pull request cannot be reopened');
      }
      const base = body.base === undefined ? pr.base : { ref: body.base, sha: baseSha(ctx, body.base) };
      if ((body.state ?? pr.state) === 'open') assertNoOpenTwin(ctx, { head: pr.head, base }, pr);
      const now = ctx.state.now();
      if (body.title !== undefined) pr.title = body.title;
      if (body.body !== undefined) pr.body = body.body;
      pr.base = base;
      if (body.state !== undefined && body.state !== pr.state) {
        pr.state = body.state;
        pr.closedAt = body.state === 'closed' ? now : null;
      }
      pr.updatedAt = now;
      return ok(renderPull(pr, ctx.render));
    },
  },
};
