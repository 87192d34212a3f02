// The lock trace as people read it: one line (text) or one table row (Markdown) per traced statement,
// with the traced locks beside the documented ones, and the `trace` command's whole report.
import type { PhaseTrace, TracedStatement } from '../verify/trace.js';
import { escapeText } from './markdown.js';
import type { PlanEntry, PlanReport } from './plan-model.js';
import { fenced } from './plan-markdown.js';
import { schemaLine } from './plan-text.js';

/** `ACCESS EXCLUSIVE on public.users, SHARE on public.orgs`, or `none`. */
export function lockList(locks: ReadonlyArray<{ mode: string; relation: string }>): string {
  return locks.length ? locks.map((l) => `${l.mode} on ${l.relation}`).join(', ') : 'none';
}

/** The first line of a statement, shortened, with `...` when more follows. */
export function firstLine(sql: string): string {
  const lines = sql.trim().split(/\r?\n/);
  const first = (lines[0] ?? '').trim();
  return first.length > 72 ? `${first.slice(0, 72)}...` : lines.length > 1 ? `${first} ...` : first;
}

const ms = (s: TracedStatement): string => (s.ms < 10 ? s.ms.toFixed(1) : String(Math.round(s.ms)));

/** One line per traced statement under its phase: statement, locks (traced, documented), rewrite, time. */
export function traceLines(trace: readonly PhaseTrace[], pad: number): string[] {
  const out: string[] = [];
  for (const phase of trace) {
    out.push(`${' '.repeat(pad)}${phase.phase}:`);
    for (const s of phase.statements) out.push(`${' '.repeat(pad + 2)}${traceLine(s)}`);
  }
  return out;
}

export function traceLine(s: TracedStatement): string {
  const head = firstLine(s.sql);
  if (!s.traced) return `${head}  (${s.note ?? 'not traced'})`;
  const parts = [head, `traced: ${s.locks.length ? lockList(s.locks) : 'no table locks'}`];
  if (s.documented?.length) parts.push(`documented: ${lockList(s.documented)}`);
  if (s.rewritten.length) parts.push(`REWRITES ${s.rewritten.join(', ')}`);
  parts.push(`${ms(s)} ms`);
  if (s.note) parts.push(s.note);
  return parts.join('  |  ');
}

/** A Markdown table of the trace, every cell escaped. */
export function traceTable(trace: readonly PhaseTrace[]): string[] {
  const out = [
    '| phase | statement | locks (traced) | documented | rewrite | ms |',
    '|---|---|---|---|---|---|',
  ];
  for (const phase of trace)
    for (const s of phase.statements) {
      const cells = [
        phase.phase,
        firstLine(s.sql),
        s.traced ? lockList(s.locks) : (s.note ?? 'not traced'),
        s.documented ? lockList(s.documented) : '',
        s.rewritten.join(', '),
        s.traced ? ms(s) : '',
      ];
      out.push(`| ${cells.map(escapeText).join(' | ')} |`);
    }
  return out;
}

/** What `trace` prints: the one planned migration's trace, in text, Markdown or JSON. */
export function renderTrace(format: string, source: string, run: PlanReport): string {
  const entry: PlanEntry | undefined = run.plans[0];
  const trace = entry?.proof?.trace ?? [];
  const nothing = `Nothing traced: ${entry?.reason ?? 'the migration has nothing to trace'}.`;
  if (format === 'json') {
    const json = {
      source,
      planId: entry?.plan.planId ?? null,
      schema: run.schema,
      notices: run.notices,
      status: entry?.status ?? 'not-run',
      reason: entry?.reason ?? null,
      differences: entry?.proof?.differences ?? [],
      trace,
    };
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  if (format === 'markdown') {
    const out = [`### Lock trace of ${escapeText(source)}`, '', escapeText(schemaLine(run))];
    out.push('', ...(trace.length ? traceTable(trace) : [fenced(nothing, 'text')]));
    return `${out.join('\n')}\n`;
  }
  const out = [`Lock trace of ${source}`, schemaLine(run), ...run.notices.map((n) => `note: ${n}`), ''];
  out.push(...(trace.length ? traceLines(trace, 2) : [nothing]));
  for (const d of entry?.proof?.differences ?? []) out.push(`  - ${d}`);
  return `${out.join('\n')}\n`;
}
