// The terminal format of `plan` and `trace`: the check report, then per migration its phases with their
// SQL, what the application must do, what no recipe covers, the traced locks and the proof.
import { phaseViews, proofLine, type PlanEntry, type PlanReport } from './plan-model.js';
import { renderText, type TextOptions } from './text.js';
import { traceLines } from './trace.js';

export function renderPlanText(input: PlanReport, options: TextOptions & { today?: Date } = {}): string {
  const bold = options.color ? (s: string) => `\x1b[1m${s}\x1b[22m` : (s: string) => s;
  const out: string[] = [renderText(input.report, options).trimEnd()];
  for (const notice of input.notices) out.push('', `note: ${notice}`);
  out.push('', schemaLine(input));
  if (input.plans.length === 0) out.push('', 'Nothing to plan: no migration has a warning or an error.');
  for (const entry of input.plans) out.push('', ...planBlock(entry, input, bold, options.today));
  return `${out.join('\n')}\n`;
}

export function schemaLine(input: PlanReport): string {
  const { kind, backend, migrations } = input.schema;
  const n = `${migrations} earlier migration${migrations === 1 ? '' : 's'}`;
  switch (kind) {
    case 'replay':
      return `Schema before the change: ${n} replayed on ${backend ?? 'PGlite'}.`;
    case 'cache':
      return `Schema before the change: ${n}, loaded from the replay cache (replayed on ${backend ?? 'PGlite'} earlier).`;
    case 'static':
      return `Schema before the change: ${n} read by the static model (the replay failed; see the note above).`;
    case 'none':
      return 'Schema before the change: built from the files given, each planned against the files before it.';
  }
}

function planBlock(entry: PlanEntry, input: PlanReport, bold: (s: string) => string, today?: Date): string[] {
  const { plan } = entry;
  const backend = input.schema.backend === 'shadow database' ? 'the shadow database' : 'PGlite';
  const out = [bold(`Plan ${plan.planId} for ${plan.source}`), `  proof: ${proofLine(entry, backend)}`];
  for (const d of entry.proof?.differences ?? []) out.push(`    - ${d}`);
  for (const r of plan.recipes)
    out.push(`  line ${r.statementLine}: ${r.recipe} (${r.rules.join(', ')}): ${r.summary}`);
  for (const u of plan.unplanned) out.push(`  line ${u.line}: ${u.rule}: not planned: ${u.reason}`);
  for (const p of plan.placeholders)
    out.push(`  line ${p.statementLine}: fill in before running (${p.phase}): ${p.description}`);
  for (const view of phaseViews(plan, today)) {
    out.push('', `  ${bold(view.title)}: ${view.when}`);
    if (view.sql) out.push(...indent(view.sql, 4));
    for (const step of view.steps) out.push(`    - ${step}`);
  }
  for (const alt of plan.alternatives) {
    out.push('', `  ${bold('Alternative')}: ${alt.summary}`);
    out.push('    expand:', ...indent(alt.sql.expand.join(';\n') + ';', 6));
    if (alt.sql.contract.length) out.push('    contract:', ...indent(alt.sql.contract.join(';\n') + ';', 6));
  }
  for (const note of entry.proof?.notes ?? []) out.push(`  note: ${note}`);
  const trace = entry.proof?.trace ?? [];
  if (trace.length > 0)
    out.push('', `  ${bold(`Traced locks (${backend}, sample rows)`)}`, ...traceLines(trace, 4));
  if (plan.contract || plan.backfill || plan.later.length)
    out.push('', `  next: expand-contract split ${plan.source} --write`);
  return out;
}

function indent(text: string, n: number): string[] {
  return text.split(/\r?\n/).map((l) => (l === '' ? '' : `${' '.repeat(n)}${l}`));
}
