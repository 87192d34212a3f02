// The pull-request comment: a hidden marker (so the Action finds and updates its own comment), the
// verdict, the findings table, each migration's phase plan, when the contract may ship and the next
// step. It stays under GitHub's size limit by folding: plans collapsed, traces dropped, SQL shortened,
// and at last only the verdict and the first rows of the table, pointing to the job summary.
import type { Finding } from '../types.js';
import { fenced } from './plan-markdown.js';
import type { PlanEntry, PlanReport } from './plan-model.js';
import {
  byWeight,
  codeSpan,
  commitUrl,
  eligible,
  findingRow,
  plural,
  planSection,
  prose,
  rich,
  safeUrl,
  TABLE_HEAD,
  type CommentLinks,
  type PlanDetail,
} from './pr-comment-markdown.js';

export type SplitMode = 'off' | 'label' | 'commit';

export interface PrCommentContext {
  /** The configured name; one comment per name (default `expand-contract`). */
  name?: string;
  /** `owner/repo`. */
  repository: string;
  /** Default `https://github.com`. */
  serverUrl?: string;
  /** The pull request's head commit: file links point at it. */
  headSha: string;
  /** Default: now. */
  today?: Date;
  /** The configured days between the expand deploy and the contract (each plan's phase 5 shows its own). */
  contractAfterDays: number;
  splitMode: SplitMode;
  /** The label that asks for a split (default `expand-contract:split`). */
  splitLabel?: string;
  /** With splitMode 'commit': the commit the Action pushed with the split files, when it did. */
  splitCommit?: string;
  /** Why the Action did not commit the split it was asked for (a fork, a token that cannot push...). */
  splitRefused?: string;
  /** The job summary or run page, for the full report when the comment is folded. */
  summaryUrl?: string;
  /** Prefix of the rules' relative docs paths (e.g. the Action's own repository at its ref). */
  docsBase?: string;
  /** Characters at most (default 65536, GitHub's limit). */
  maxLength?: number;
}

export const DEFAULT_NAME = 'expand-contract';
export const DEFAULT_SPLIT_LABEL = 'expand-contract:split';
export const MAX_COMMENT_LENGTH = 65_536;
/** A comment with one plan shown open stays under this; a longer plan is collapsed to keep the page short. */
export const OPEN_PLAN_LENGTH = 20_000;

/** The first line of every comment: `<!-- expand-contract:comment name="..." -->`, the name encoded. */
export function commentMarker(name: string = DEFAULT_NAME): string {
  return `<!-- expand-contract:comment name="${encodeName(name || DEFAULT_NAME)}" -->`;
}

/** True when `body` is the comment of exactly this name (its first line is the marker). */
export function hasMarker(body: string, name: string = DEFAULT_NAME): boolean {
  const first = body.replace(/^\ufeff/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  return first.trim() === commentMarker(name);
}

/** Percent-encodes all but plain characters (and a `-` after a `-`): nothing can end the comment or the value. */
function encodeName(name: string): string {
  return [...name]
    .map((c, i, all) =>
      /[A-Za-z0-9 ._~:/@+=,()]/.test(c) || (c === '-' && all[i - 1] !== '-')
        ? c
        : [...new TextEncoder().encode(c)]
            .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
            .join(''),
    )
    .join('');
}

/** The comment once the pull request no longer changes a migration. */
export function renderNoMigrationsComment(ctx: PrCommentContext): string {
  const c = settle(ctx);
  const lines = [
    commentMarker(c.name),
    `${namePrefix(c.name)}✅ This pull request no longer changes any migration: nothing to check. Earlier results in this comment no longer apply.`,
    '',
    footer(c),
  ];
  return fit(`${lines.join('\n')}\n`, c.maxLength);
}

export function renderPrComment(run: PlanReport, ctx: PrCommentContext): string {
  const c = settle(ctx);
  const findings = byWeight(run.report.findings);
  const plans = shownPlans(run);
  const levels: Array<PlanDetail & { auto: boolean; help: boolean }> = [
    { auto: true, collapsed: false, trace: true, sql: null, help: true },
    { auto: false, collapsed: true, trace: true, sql: null, help: true },
    { auto: false, collapsed: true, trace: false, sql: null, help: true },
    { auto: false, collapsed: true, trace: false, sql: { lines: 40, chars: 3000 }, help: true },
    { auto: false, collapsed: true, trace: false, sql: { lines: 10, chars: 800 }, help: false },
    { auto: false, collapsed: true, trace: false, sql: { lines: 0, chars: 0 }, help: false },
  ];
  // When the table alone is too long, only the last fold can fit.
  const least = [...head(run, c), ...notices(run), table(findings, findings.length, c, false)];
  if (least.join('\n\n').length > c.maxLength) return compact(run, findings, plans, c);
  for (const level of levels) {
    const blocks = [...head(run, c), ...notices(run)];
    if (findings.length) blocks.push(table(findings, findings.length, c, level.help));
    if (run.report.suppressed.length) blocks.push(suppressedLine(run.report.suppressed.length));
    const open = level.auto && plans.length === 1 && isBreakingPlan(plans[0] as PlanEntry, run);
    for (const entry of plans) {
      const detail = { ...level, collapsed: level.collapsed || !open };
      blocks.push(planSection(entry, run, c.today, c.links, detail));
    }
    blocks.push(...tail(run, plans, c), footer(c));
    const body = `${blocks.join('\n\n')}\n`;
    if (body.length <= (open ? Math.min(c.maxLength, OPEN_PLAN_LENGTH) : c.maxLength)) return body;
  }
  return compact(run, findings, plans, c);
}

/** The last fold: the verdict, as many table rows as fit, the contract date and next step, the summary link. */
function compact(run: PlanReport, findings: Finding[], plans: PlanEntry[], c: Settled): string {
  const build = (rows: number): string => {
    const blocks = [...head(run, c)];
    if (rows > 0) blocks.push(table(findings, rows, c, false));
    const more = findings.length - rows;
    const where = summaryLink(c, 'the job summary');
    if (more > 0 && rows > 0)
      blocks.push(`…and ${plural(more, 'more finding')}: every finding is in ${where}.`);
    else if (more > 0)
      blocks.push(more === 1 ? `The finding is in ${where}.` : `The ${more} findings are in ${where}.`);
    if (plans.length)
      blocks.push(
        `The phase plans of ${plural(plans.length, 'migration')} are too long for a comment: see ${where}.`,
      );
    blocks.push(...tail(run, plans, c), footer(c));
    return `${blocks.join('\n\n')}\n`;
  };
  let lo = 0;
  let hi = findings.length;
  if (build(hi).length <= c.maxLength) return build(hi);
  // The largest row count that fits (build(lo) fits, or lo is 0 and nothing does).
  while (lo < hi - 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (build(mid).length <= c.maxLength) lo = mid;
    else hi = mid;
  }
  return fit(build(lo), c.maxLength);
}

/** Last resort when even the shortest comment is too long (a tiny maxLength): whole lines while they fit. */
function fit(body: string, max: number): string {
  if (body.length <= max) return body;
  let out = '';
  for (const line of body.split('\n')) {
    if (/^(`{3,}|<\/?details|\|)/.test(line)) break;
    if (out.length + line.length + 1 > max) break;
    out += `${line}\n`;
  }
  return out;
}

interface Settled {
  name: string;
  today: Date;
  splitMode: SplitMode;
  splitLabel: string;
  splitCommit?: string;
  splitRefused?: string;
  summaryUrl: string | null;
  maxLength: number;
  contractAfterDays: number;
  links: CommentLinks;
}

function settle(ctx: PrCommentContext): Settled {
  const serverUrl = (safeUrl(ctx.serverUrl || 'https://github.com') ?? 'https://github.com').replace(
    /\/+$/,
    '',
  );
  return {
    name: ctx.name || DEFAULT_NAME,
    today: ctx.today ?? new Date(),
    splitMode: ctx.splitMode,
    splitLabel: ctx.splitLabel || DEFAULT_SPLIT_LABEL,
    ...(ctx.splitCommit ? { splitCommit: ctx.splitCommit } : {}),
    ...(ctx.splitRefused ? { splitRefused: ctx.splitRefused } : {}),
    summaryUrl: ctx.summaryUrl ? safeUrl(ctx.summaryUrl) : null,
    maxLength: ctx.maxLength ?? MAX_COMMENT_LENGTH,
    contractAfterDays: ctx.contractAfterDays,
    links: {
      serverUrl,
      repository: ctx.repository,
      headSha: ctx.headSha,
      ...(ctx.docsBase ? { docsBase: ctx.docsBase } : {}),
    },
  };
}

function namePrefix(name: string): string {
  return name === DEFAULT_NAME ? '' : `**${prose(name)}**: `;
}

/** The marker and the verdict (and a line for plans that failed their proof). */
function head(run: PlanReport, c: Settled): string[] {
  const { findings, files } = run.report;
  const breaking = findings.filter((f) => f.breaking).length;
  const errors = findings.filter((f) => !f.breaking && f.severity === 'error').length;
  const warnings = findings.filter((f) => !f.breaking && f.severity === 'warning').length;
  const also = [
    ...(errors ? [plural(errors, breaking ? 'other error' : 'error')] : []),
    ...(warnings ? [plural(warnings, 'warning')] : []),
  ].join(' and ');
  let verdict: string;
  if (breaking)
    verdict = `❌ **${plural(breaking, 'breaking change')}** in migrations that ship now — split them before merging${also ? ` (also ${also})` : ''}`;
  else if (errors) verdict = `❌ **${also}**, nothing breaking`;
  else if (warnings) verdict = `⚠️ ${also}, nothing breaking`;
  else verdict = `✅ No breaking change in ${plural(files.length, 'migration')}`;
  const lines = [`${commentMarker(c.name)}\n${namePrefix(c.name)}${verdict}`];
  const failed = run.plans.filter((p) => p.status === 'failed').length;
  if (failed)
    lines.push(
      `❌ **${plural(failed, 'plan')} failed ${failed === 1 ? 'its' : 'their'} proof**: the phases do not end where the migration ends; do not ship ${failed === 1 ? 'it' : 'them'} as planned.`,
    );
  return lines;
}

function notices(run: PlanReport): string[] {
  return run.notices.length ? [run.notices.map((n) => `> ${rich(n)}`).join('\n>\n')] : [];
}

function table(findings: Finding[], rows: number, c: Settled, help: boolean): string {
  return [...TABLE_HEAD, ...findings.slice(0, rows).map((f) => findingRow(f, c.links, help))].join('\n');
}

function suppressedLine(n: number): string {
  return `${plural(n, 'finding')} ignored by an ignore directive ${n === 1 ? 'is' : 'are'} not shown.`;
}

/** The plans worth showing: those with a recipe or a failed proof, the breaking migrations first. */
function shownPlans(run: PlanReport): PlanEntry[] {
  const shown = run.plans.filter((p) => p.plan.recipes.length > 0 || p.status === 'failed');
  return [...shown.filter((p) => isBreakingPlan(p, run)), ...shown.filter((p) => !isBreakingPlan(p, run))];
}

function isBreakingPlan(entry: PlanEntry, run: PlanReport): boolean {
  return run.report.findings.some((f) => f.breaking && f.path === entry.plan.source);
}

/** The contract date and the next step. */
function tail(run: PlanReport, plans: PlanEntry[], c: Settled): string[] {
  const out: string[] = [];
  // The configured delay; each plan's phase 5 shows the one it was planned with (the same, unless stale).
  if (plans.some((p) => p.plan.contract && p.status !== 'failed'))
    out.push(`📅 **Contract**: ${eligible(c.contractAfterDays, c.today)}.`);
  const splittable = plans.filter((p) => p.status !== 'failed' && p.plan.recipes.length > 0);
  const failed = plans.some((p) => p.status === 'failed');
  const breaking = run.report.findings.some((f) => f.breaking);
  const notWritten = failed ? ' Plans that fail their proof are not split.' : '';
  if (splittable.length === 0) {
    const why = failed ? 'a plan that fails its proof is never split' : 'no recipe applies';
    if (breaking)
      out.push(
        `**Next step**: nothing can be split automatically (${why}); change the migrations by hand, following the rules’ advice above.`,
      );
    return out;
  }
  const commands = (): string =>
    fenced(
      splittable.map((p) => `npx expand-contract split ${shellWord(p.plan.source)} --write`).join('\n'),
      'sh',
    );
  if (c.splitRefused) {
    out.push(
      `**Split not committed**: ${prose(c.splitRefused)}. Split locally and push the files instead:`,
      commands(),
    );
    return out;
  }
  switch (c.splitMode) {
    case 'label':
      out.push(
        `**Next step**: add the label ${codeSpan(c.splitLabel)} and the Action commits the split files to this branch.${notWritten}`,
      );
      break;
    case 'commit':
      out.push(
        c.splitCommit
          ? `**Split**: the Action committed the split files to this branch in [${prose(c.splitCommit.slice(0, 7))}](${commitUrl({ ...c.links, headSha: c.splitCommit })}); pull before you push again.${notWritten}`
          : `**Next step**: the Action commits the split files to this branch; pull before you push again.${notWritten}`,
      );
      break;
    case 'off':
      out.push(
        `**Next step**: split ${splittable.length === 1 ? 'the migration' : 'each migration'} and commit the files${failed ? ' (plans that fail their proof are not split)' : ''}:`,
        commands(),
      );
      break;
  }
  return out;
}

function shellWord(s: string): string {
  const word = s.replace(/[\r\n]+/g, ' ');
  return /^[\w./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function summaryLink(c: Settled, text: string): string {
  return c.summaryUrl ? `[${text}](${c.summaryUrl})` : `${text} of this workflow run`;
}

function footer(c: Settled): string {
  const sha = `[${prose(c.links.headSha.slice(0, 7))}](${commitUrl(c.links)})`;
  const summary = c.summaryUrl ? ` · [job summary](${c.summaryUrl})` : '';
  return `<sub>${prose(c.name)} · checked at ${sha}${summary}</sub>`;
}
