// Repository, pull request, pull request files, git ref and rate limit routes.

import { renderFile, renderGitRef, renderPull, renderRepository } from './render.js';
import { notFound, ok, paginate, type Route, type RouteContext } from './routes.js';
import { specExample } from './spec.js';
import type { PullRecord } from './state.js';

/** GitHub lists at most 3000 files of a pull request, whatever `changed_files` says. */
export const MAX_PULL_REQUEST_FILES = 3000;

function pull(ctx: RouteContext, param = 'pull_number'): PullRecord {
  const pr = ctx.state.pull(ctx.repo.fullName, Number(ctx.params[param]));
  if (!pr) throw notFound();
  return pr;
}

export const repoRoutes: Record<string, Route> = {
  'repos/get': { handle: (ctx) => ok(renderRepository(ctx.repo, ctx.render, true)) },

  'pulls/get': { handle: (ctx) => ok(renderPull(pull(ctx), ctx.render)) },

  'pulls/list-files': {
    handle(ctx) {
      const pr = pull(ctx);
      const { page, headers } = paginate(pr.files, ctx, MAX_PULL_REQUEST_FILES);
      return ok(
        page.map((f) => renderFile(f, pr, ctx.render)),
        headers,
      );
    },
  },

  'git/get-ref': {
    handle(ctx) {
      const ref = `refs/${String(ctx.params['ref'])}`;
      const sha = ctx.state.refSha(ctx.repo, ref);
      if (!sha) throw notFound();
      return ok(renderGitRef(ctx.repo, ref, sha, ctx.render));
    },
  },

  'rate-limit/get': {
    handle(ctx) {
      const overview = specExample<{ resources: Record<string, unknown>; rate: unknown }>(
        'rate-limit-overview',
      );
      overview.resources['core'] = { ...ctx.rate };
      overview.rate = { ...ctx.rate };
      return ok(overview);
    },
  },
};
