// Issue comments and issue labels, on pull requests (a pull request is an issue with the same number).

import { renderComment, renderLabel } from './render.js';
import { GitHubError, notFound, ok, paginate, type Route, type RouteContext } from './routes.js';
import type { CommentRecord, PullRecord } from './state.js';

/** GitHub rejects issue comment bodies longer than this with 422. */
export const MAX_COMMENT_LENGTH = 65536;

function issue(ctx: RouteContext): PullRecord {
  const pr = ctx.state.pull(ctx.repo.fullName, Number(ctx.params['issue_number']));
  if (!pr) throw notFound();
  return pr;
}

function comment(ctx: RouteContext): CommentRecord {
  const id = Number(ctx.params['comment_id']);
  const found = ctx.state.comments.find((c) => c.id === id && c.repo === ctx.repo.fullName);
  if (!found) throw notFound();
  return found;
}

function commentBody(ctx: RouteContext): string {
  const text = (ctx.body as { body?: unknown }).body;
  if (typeof text !== 'string' || text.trim() === '') {
    throw new GitHubError(422, 'Validation Failed', [
      { resource: 'IssueComment', code: 'missing_field', field: 'body' },
    ]);
  }
  if (text.length > MAX_COMMENT_LENGTH) {
    throw new GitHubError(422, 'Validation Failed', [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: `body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`,
      },
    ]);
  }
  return text;
}

function labelNames(body: unknown): string[] {
  const list = Array.isArray(body) ? body : ((body as { labels?: unknown } | undefined)?.labels ?? []);
  return (list as unknown[]).map((l) => (typeof l === 'string' ? l : String((l as { name: unknown }).name)));
}

function labelsOf(ctx: RouteContext, pr: PullRecord): unknown[] {
  return pr.labels.map((name) => renderLabel(ctx.state.label(ctx.repo, name), ctx.repo, ctx.render));
}

function addLabels(ctx: RouteContext, pr: PullRecord, names: string[]): void {
  for (const name of names) {
    const label = ctx.state.label(ctx.repo, name);
    if (!pr.labels.some((l) => l.toLowerCase() === label.name.toLowerCase())) pr.labels.push(label.name);
  }
  pr.updatedAt = ctx.state.now();
}

export const issueRoutes: Record<string, Route> = {
  'issues/list-comments': {
    handle(ctx) {
      const pr = issue(ctx);
      const since = ctx.query['since'] as string | undefined;
      const all = ctx.state.comments
        .filter((c) => c.repo === pr.repo && c.issueNumber === pr.number)
        .filter((c) => since === undefined || Date.parse(c.updatedAt) >= Date.parse(since))
        .sort((a, b) => a.id - b.id);
      const { page, headers } = paginate(all, ctx);
      return ok(
        page.map((c) => renderComment(c, ctx.render)),
        headers,
      );
    },
  },

  'issues/get-comment': { handle: (ctx) => ok(renderComment(comment(ctx), ctx.render)) },

  'issues/create-comment': {
    handle(ctx) {
      const pr = issue(ctx);
      const now = ctx.state.now();
      const record: CommentRecord = {
        repo: pr.repo,
        issueNumber: pr.number,
        id: ctx.state.id(),
        body: commentBody(ctx),
        user: ctx.identity,
        createdAt: now,
        updatedAt: now,
      };
      ctx.state.comments.push(record);
      const json = renderComment(record, ctx.render);
      return ok(json, { location: String(json['url']) }, 201);
    },
  },

  'issues/update-comment': {
    handle(ctx) {
      const record = comment(ctx);
      record.body = commentBody(ctx);
      record.updatedAt = ctx.state.now();
      return ok(renderComment(record, ctx.render));
    },
  },

  'issues/delete-comment': {
    handle(ctx) {
      const record = comment(ctx);
      ctx.state.comments.splice(ctx.state.comments.indexOf(record), 1);
      return { status: 204 };
    },
  },

  'issues/list-labels-on-issue': {
    handle(ctx) {
      const { page, headers } = paginate(labelsOf(ctx, issue(ctx)), ctx);
      return ok(page, headers);
    },
  },

  'issues/add-labels': {
    handle(ctx) {
      const pr = issue(ctx);
      addLabels(ctx, pr, labelNames(ctx.body));
      return ok(labelsOf(ctx, pr));
    },
  },

  'issues/set-labels': {
    handle(ctx) {
      const pr = issue(ctx);
      pr.labels = [];
      addLabels(ctx, pr, labelNames(ctx.body));
      return ok(labelsOf(ctx, pr));
    },
  },

  'issues/remove-label': {
    handle(ctx) {
      const pr = issue(ctx);
      const name = String(ctx.params['name']).toLowerCase();
      const index = pr.labels.findIndex((l) => l.toLowerCase() === name);
      if (index < 0) throw new GitHubError(404, 'Label does not exist');
      pr.labels.splice(index, 1);
      pr.updatedAt = ctx.state.now();
      return ok(labelsOf(ctx, pr));
    },
  },
};
