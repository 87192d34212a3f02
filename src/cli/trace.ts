// `expand-contract trace <migration>`: the locks each statement of the original migration and of each
// phase of its plan takes on the embedded database, after the replayed history and sample rows.
import { planChanges } from '../pipeline/plan-changes.js';
import { escapeText } from '../report/markdown.js';
import { fenced } from '../report/plan-markdown.js';
import { firstLine, schemaLine, traceLines } from '../report/plan-text.js';
import type { CliArgs } from './args.js';
import { UsageError, type CliIO } from './io.js';
import { progress } from './plan.js';
import { discover, engineOptions, historyOptions, oneOf, repositoryRoot, settingsOf } from './settings.js';
import { fromRoot } from './split.js';
import { usage } from './usage.js';

export async function runTrace(args: CliArgs, io: CliIO): Promise<number> {
  if (args.help) {
    io.stdout(usage('trace'));
    return 0;
  }
  const format = oneOf('--format', args.format ?? 'text', ['text', 'markdown', 'json']);
  if (args.base !== undefined || args.paths.length !== 1)
    throw new UsageError(
      'trace takes one migration file, as in: expand-contract trace db/migrations/0042_change.sql',
    );
  const settings = await settingsOf(args, io);
  const history = historyOptions(args, io);
  const input = fromRoot(await discover(args, settings, io), io.cwd, repositoryRoot(io.cwd));
  const migration = input.releases.flat()[0];
  if (!migration) throw new UsageError(`${args.paths[0]}: no migration file found to trace.`);
  const run = await planChanges(input, {
    engine: engineOptions(settings),
    contractAfterDays: settings.contractAfterDays,
    history,
    only: [migration.path],
    trace: true,
    proveUnplanned: true,
    progress: progress(io),
  });
  const entry = run.plans[0];
  const trace = entry?.proof?.trace ?? [];
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify({ source: migration.path, planId: entry?.plan.planId ?? null, schema: run.schema, notices: run.notices, status: entry?.status ?? 'not-run', reason: entry?.reason ?? null, differences: entry?.proof?.differences ?? [], trace }, null, 2)}\n`,
    );
  } else if (format === 'markdown') {
    const out = [`### Lock trace of ${escapeText(migration.path)}`, '', escapeText(schemaLine(run))];
    for (const phase of trace) {
      out.push(
        '',
        `**${escapeText(phase.phase)}**`,
        '',
        '| statement | locks (traced) | rewrite | ms |',
        '|---|---|---|---|',
      );
      for (const s of phase.statements)
        out.push(
          `| ${escapeText(firstLine(s.sql))} | ${escapeText(s.traced ? s.locks.map((l) => `${l.mode} on ${l.relation}`).join(', ') || 'none' : (s.note ?? 'not traced'))} | ${escapeText(s.rewritten.join(', '))} | ${s.traced ? s.ms.toFixed(1) : ''} |`,
        );
    }
    if (!trace.length) out.push('', fenced(entry?.reason ?? 'nothing was traced', 'text'));
    io.stdout(`${out.join('\n')}\n`);
  } else {
    const out = [`Lock trace of ${migration.path}`, schemaLine(run), ...run.notices.map((n) => `note: ${n}`)];
    if (trace.length) out.push('', ...traceLines(trace, 2));
    else out.push('', `Nothing traced: ${entry?.reason ?? 'the migration has nothing to trace'}.`);
    for (const d of entry?.proof?.differences ?? []) out.push(`  - ${d}`);
    io.stdout(`${out.join('\n')}\n`);
  }
  return entry && entry.proof && !entry.proof.ok && entry.proof.differences.some((d) => /fails/.test(d))
    ? 1
    : 0;
}
