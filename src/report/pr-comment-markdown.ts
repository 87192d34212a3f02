// The pieces of the pull-request comment: inert text, links, the findings table and one migration's
// plan. Everything taken from the pull request (paths, SQL, messages, rule ids, names) goes through
// `prose`, `rich`, `htmlText`, `codeSpan` or `fenced`, so it can add no markup, mention no one and
// link no issue; link targets are percent-encoded per path segment.
import type { Finding } from '../types.js';
import { escapeText } from './markdown.js';
import { encodePath } from './url.js';
import { fenced } from './plan-markdown.js';
import { phaseViews, proofLine, type PlanEntry, type PlanReport } from './plan-model.js';
import { traceTable } from './trace.js';

/** Where the links of the comment point. */
export interface CommentLinks {
  /** `https://github.com` (no trailing slash). */
  serverUrl: string;
  repository: string;
  headSha: string;
  /** Prefix of relative docs paths; rules are not linked without it (unless their docs is a URL). */
  docsBase?: string;
}

/** How much of a plan is shown. */
export interface PlanDetail {
  /** Inside a collapsed `<details>` block. */
  collapsed: boolean;
  /** The lock trace table. */
  trace: boolean;
  /** SQL per phase: all of it (null), or at most so many lines and characters (0 lines: none). */
  sql: { lines: number; chars: number } | null;
}

export function oneLine(s: string): string {
  return s.replace(/\s*(?:\r\n|[\r\n\u2028\u2029])+\s*/g, ' ').trim();
}

/**
 * Text from the input as inert Markdown (also in table cells): `escapeText` on one line, and a
 * zero-width joiner between `#` and a digit so `#123` does not link an issue.
 */
export function prose(s: string): string {
  return noIssueLinks(escapeText(oneLine(s)));
}

/** Like `prose`, with `code` spans kept as <code> elements (their content escaped too). */
export function rich(s: string): string {
  return oneLine(s)
    .split(/`([^`]+)`/)
    .map((part, i) => {
      const text = noIssueLinks(escapeText(part));
      return i % 2 === 1 ? `<code>${text}</code>` : text;
    })
    .join('');
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text inside an HTML block (a `<summary>`), where Markdown is not read: entities, no mentions. */
export function htmlText(s: string): string {
  return (
    oneLine(s)
      // eslint-disable-next-line no-control-regex
      .replace(/[&<>"@\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) =>
        c === '@' ? '@\u200d' : (HTML[c] ?? '\ufffd'),
      )
      .replace(/#(?=\d)/g, '#\u200d')
  );
}

/** A code span that no backtick inside can close (not for table cells: a `|` would split them). */
export function codeSpan(s: string): string {
  const text = oneLine(s);
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** After `escapeText`, whose `#` is always `\#` (a bare `#` is part of an entity like `&#124;`). */
function noIssueLinks(s: string): string {
  return s.replace(/\\#(?=\d)/g, '\\#\u200d');
}

/** An absolute URL made safe inside `( )`, or null when it is not http(s). */
export function safeUrl(url: string): string | null {
  if (!/^https?:\/\/[^\s]/i.test(url)) return null;
  return url.replace(
    /[\s()<>`|"\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** `https://github.com/o/r/blob/<sha>/<path>#L<line>`. */
export function blobUrl(links: CommentLinks, path: string, line?: number): string {
  const base = `${links.serverUrl}/${encodePath(links.repository)}/blob/${encodePath(links.headSha)}`;
  return `${base}/${encodePath(path)}${line !== undefined && line > 0 ? `#L${line}` : ''}`;
}

export function commitUrl(links: CommentLinks): string {
  return `${links.serverUrl}/${encodePath(links.repository)}/commit/${encodePath(links.headSha)}`;
}

/** The rule's docs page: a URL as it is, or a relative path under `docsBase`; null without one. */
export function docsUrl(f: Pick<Finding, 'docs'>, links: CommentLinks): string | null {
  if (/^https?:\/\//i.test(f.docs)) return safeUrl(f.docs);
  if (!links.docsBase || f.docs === '') return null;
  return safeUrl(`${links.docsBase}${encodePath(f.docs)}`);
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export const TABLE_HEAD = [row(['File', 'Rule', 'Lock', 'Why']), row(['---', '---', '---', '---'])];

/** One row of the findings table. */
export function findingRow(f: Finding, links: CommentLinks, help: boolean): string {
  const place = `[${prose(f.path)}:${f.line}](${blobUrl(links, f.path, f.line)})`;
  const docs = docsUrl(f, links);
  const rule = docs ? `[${prose(f.rule)}](${docs})` : prose(f.rule);
  const tags = f.breaking ? `${f.severity}, **breaking**` : f.severity;
  const why = [rich(f.message), ...(help && f.help ? [`Help: ${rich(f.help)}`] : [])].join('<br>');
  return row([place, `${rule} (${tags})`, f.lock ? prose(f.lock) : '\u2014', why]);
}

/** Breaking first, then errors, warnings, notices; the report's order otherwise. */
export function byWeight(findings: readonly Finding[]): Finding[] {
  const weight = (f: Finding): number =>
    f.breaking ? 0 : f.severity === 'error' ? 1 : f.severity === 'warning' ? 2 : 3;
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => weight(a.f) - weight(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

/** `7 days after the expand phase is deployed, no earlier than 2026-12-02`. */
export function eligible(days: number, today: Date): string {
  const earliest = new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return `eligible ${plural(days, 'day')} after the expand phase is deployed, no earlier than ${earliest}`;
}

const STATUS_ICON = { proven: '✅', failed: '❌', 'not-run': '⚠️' } as const;
const STATUS_WORD = { proven: 'proven', failed: 'FAILED its proof', 'not-run': 'not proven' } as const;

/** One migration's plan: proof, recipes, the phases with SQL and app steps, the contract date, the trace. */
export function planSection(
  entry: PlanEntry,
  run: PlanReport,
  today: Date,
  links: CommentLinks,
  detail: PlanDetail,
): string {
  const { plan } = entry;
  const backend = run.schema.backend === 'shadow database' ? 'the shadow database' : 'PGlite';
  const file = `[${prose(plan.source)}](${blobUrl(links, plan.source)})`;
  const out: string[] = [];
  if (!detail.collapsed) out.push(`#### ${STATUS_ICON[entry.status]} Plan for ${file}`, '');
  else out.push(`Plan ${codeSpan(plan.planId)} for ${file}`, '');
  out.push(`${STATUS_ICON[entry.status]} ${rich(proofLine(entry, backend))}`);
  for (const d of entry.proof?.differences ?? []) out.push(`- ${rich(d)}`);
  const lines: string[] = [];
  for (const r of plan.recipes)
    lines.push(`- line ${r.statementLine}: **${prose(r.recipe)}**: ${rich(r.summary)}`);
  for (const u of plan.unplanned)
    lines.push(`- line ${u.line}: <code>${prose(u.rule)}</code> not planned: ${rich(u.reason)}`);
  if (lines.length) out.push('', ...lines);
  if (plan.recipes.length > 0) {
    for (const view of phaseViews(plan, today)) {
      const contract = view.title.startsWith('5.') && plan.contract;
      const when = contract ? eligible(plan.contractAfterDays, today) : view.when;
      out.push('', `**${prose(view.title)}**: ${rich(when)}`);
      if (view.sql) out.push(...sqlBlock(view.sql, detail.sql));
      if (view.steps.length) out.push('', ...view.steps.map((s) => `- ${rich(s)}`));
    }
  }
  const trace = entry.proof?.trace ?? [];
  if (detail.trace && trace.length)
    out.push(
      '',
      '<details><summary>Locks traced while the proof ran, beside the documented ones</summary>',
      '',
      ...traceTable(trace).map(noIssueLinks),
      '',
      '</details>',
    );
  if (!detail.collapsed) return out.join('\n');
  const summary = `${STATUS_ICON[entry.status]} Plan for <code>${htmlText(plan.source)}</code>: ${STATUS_WORD[entry.status]}`;
  return [`<details><summary>${summary}</summary>`, '', ...out, '', '</details>'].join('\n');
}

/** Control characters but tab and newline, which GitHub would not show. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The SQL of a phase in a fence, cut at a line end to the limits, with a note on what was left out. */
function sqlBlock(sql: string, limit: PlanDetail['sql']): string[] {
  const text = sql.replace(/\r\n?/g, '\n').replace(CONTROL, '\ufffd');
  const all = text.split('\n');
  if (limit === null) return ['', fenced(text, 'sql')];
  if (limit.lines <= 0) return ['', `_${plural(all.length, 'line')} of SQL, not shown here._`];
  const kept: string[] = [];
  let chars = 0;
  for (const line of all) {
    if (kept.length >= limit.lines || chars + line.length + 1 > limit.chars) break;
    kept.push(line);
    chars += line.length + 1;
  }
  if (kept.length === all.length) return ['', fenced(text, 'sql')];
  if (kept.length === 0) kept.push(`${(all[0] ?? '').slice(0, Math.max(0, limit.chars - 4))} ...`);
  const note = `_SQL shortened to ${plural(kept.length, 'line')} of ${all.length}: the split files hold all of it._`;
  return ['', fenced(kept.join('\n'), 'sql'), '', note];
}
