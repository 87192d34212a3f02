// `expand-contract check`: discover -> analyze -> render, with the exit code of --fail-on.
import type { FailOn } from '../config/types.js';
import { analyze } from '../engine.js';
import { applyExposure } from '../stats/exposure.js';
import { exposureOf } from './exposure.js';
import { FORMATS, render, type Format, type RenderContext } from '../report/index.js';
import { RULES } from '../rules/index.js';
import type { Report } from '../types.js';
import { VERSION } from '../version.js';
import type { CliArgs } from './args.js';
import type { CliIO } from './io.js';
import { discover, engineOptions, oneOf, settingsOf } from './settings.js';
import { usage } from './usage.js';

export async function runCheck(args: CliArgs, io: CliIO): Promise<number> {
  if (args.help) {
    io.stdout(usage('check'));
    return 0;
  }
  const format = oneOf('--format', args.format ?? 'text', FORMATS) as Format;
  const settings = await settingsOf(args, io);
  const input = await discover(args, settings, io);
  const exposure = await exposureOf(args, io, settings);
  const analysed = await analyze(input, engineOptions(settings));
  const report = exposure ? applyExposure(analysed, exposure) : analysed;
  const sources = new Map<string, string>();
  for (const release of input.releases) for (const f of release) sources.set(f.path, f.sql);
  io.stdout(render(format, report, renderContext(args, io, format, sources)));
  return exitCode(report, settings.failOn);
}

export function renderContext(
  args: CliArgs,
  io: CliIO,
  format: string,
  sources: Map<string, string>,
): RenderContext {
  return {
    color: args.color ?? (io.isTTY && !io.env.NO_COLOR && format === 'text'),
    sources,
    toolVersion: VERSION,
    rules: RULES.map((r) => ({
      id: r.meta.id,
      description: r.meta.description,
      help: r.meta.help,
      docs: `docs/rules/${r.meta.id}.md`,
      severity: r.meta.severity,
    })),
  };
}

/** 1 when any finding is at or above the --fail-on level. */
export function exitCode(report: Report, failOn: FailOn): number {
  if (failOn === 'never') return 0;
  const failing = report.findings.some(
    (f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'),
  );
  return failing ? 1 : 0;
}
