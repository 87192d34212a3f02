// `expand-contract plan`: check, plus the phase plan of every migration with findings and its proof.
import { planChanges, type PlanRun } from '../pipeline/plan-changes.js';
import { renderPlanJson } from '../report/plan-json.js';
import { applyExposure } from '../stats/exposure.js';
import { withBackfillEstimates } from '../stats/backfill-estimate.js';
import { exposureOf } from './exposure.js';
import { renderPlanMarkdown } from '../report/plan-markdown.js';
import { renderPlanText } from '../report/plan-text.js';
import type { CliArgs } from './args.js';
import { exitCode, renderContext } from './check.js';
import type { CliIO } from './io.js';
import { discover, engineOptions, historyOptions, oneOf, settingsOf } from './settings.js';
import { usage } from './usage.js';

export const PLAN_FORMATS = ['text', 'markdown', 'json'] as const;

export async function runPlan(args: CliArgs, io: CliIO): Promise<number> {
  if (args.help) {
    io.stdout(usage('plan'));
    return 0;
  }
  const format = oneOf('--format', args.format ?? 'text', PLAN_FORMATS);
  const settings = await settingsOf(args, io);
  const history = historyOptions(args, io);
  const input = await discover(args, settings, io);
  const exposure = await exposureOf(args, io, settings);
  const planned = await planChanges(input, {
    engine: engineOptions(settings),
    contractAfterDays: settings.contractAfterDays,
    history,
    prove: args.prove,
    progress: progress(io),
  });
  const run = exposure
    ? {
        ...planned,
        report: applyExposure(planned.report, exposure),
        plans: withBackfillEstimates(planned.plans, exposure),
      }
    : planned;
  const sources = new Map<string, string>();
  for (const release of input.releases) for (const f of release) sources.set(f.path, f.sql);
  io.stdout(renderPlanRun(format, run, renderContext(args, io, format, sources)));
  const failed = run.plans.some((p) => p.status === 'failed');
  return Math.max(exitCode(run.report, settings.failOn), failed ? 1 : 0);
}

export function renderPlanRun(
  format: string,
  run: PlanRun,
  context: ReturnType<typeof renderContext>,
): string {
  if (format === 'json') return renderPlanJson(run);
  if (format === 'markdown') return renderPlanMarkdown(run, context);
  return renderPlanText(run, context);
}

/** Progress lines on stderr, for a person at a terminal only (CI logs and pipes stay clean). */
export function progress(io: CliIO): ((message: string) => void) | undefined {
  if (!io.isTTY) return undefined;
  return (message) => io.stderr(`expand-contract: ${message}...\n`);
}
