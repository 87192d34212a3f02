// The Markdown format of `plan` (and the PR comment's plan section): per migration a heading, the proof,
// the phases with their SQL in fenced blocks, what the application must do, and the traced locks.
// Text from the input is escaped; SQL sits in fences longer than any backtick run inside it.
import { escapeText, renderMarkdown, type MarkdownOptions } from './markdown.js';
import { phaseViews, proofLine, type PlanEntry, type PlanReport } from './plan-model.js';
import { traceTable } from './trace.js';

export function renderPlanMarkdown(
  input: PlanReport,
  options: MarkdownOptions & { today?: Date } = {},
): string {
  const blocks = [renderMarkdown(input.report, options).trimEnd()];
  for (const notice of input.notices) blocks.push(`> ${escapeText(oneLine(notice))}`);
  for (const entry of input.plans) blocks.push(planSection(entry, input, options.today));
  return `${blocks.join('\n\n')}\n`;
}

function planSection(entry: PlanEntry, input: PlanReport, today?: Date): string {
  const { plan } = entry;
  const backend = input.schema.backend === 'shadow database' ? 'the shadow database' : 'PGlite';
  const out = [
    `#### Plan \`${plan.planId}\` for ${escapeText(plan.source)}`,
    '',
    `${entry.status === 'proven' ? '✅' : entry.status === 'failed' ? '❌' : '⚠️'} ${escapeText(proofLine(entry, backend))}`,
  ];
  for (const d of entry.proof?.differences ?? []) out.push(`- ${escapeText(oneLine(d))}`);
  const lines: string[] = [];
  for (const r of plan.recipes)
    lines.push(`- line ${r.statementLine}: **${escapeText(r.recipe)}**: ${escapeText(oneLine(r.summary))}`);
  for (const u of plan.unplanned)
    lines.push(`- line ${u.line}: \`${escapeText(u.rule)}\` not planned: ${escapeText(oneLine(u.reason))}`);
  if (lines.length) out.push('', ...lines);
  for (const view of phaseViews(plan, today)) {
    out.push('', `**${view.title}**: ${escapeText(view.when)}`);
    if (view.sql) out.push('', fenced(view.sql, 'sql'));
    for (const step of view.steps) out.push(`- ${escapeText(oneLine(step))}`);
  }
  const trace = entry.proof?.trace ?? [];
  if (trace.length)
    out.push('', '<details><summary>Traced locks</summary>', '', ...traceTable(trace), '', '</details>');
  return out.join('\n');
}

/** A fenced code block whose fence is longer than any run of backticks in the text. */
export function fenced(text: string, lang: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text}\n${fence}`;
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
