// `expand-contract trace <migration>`: the locks each statement of the original migration and of each
// phase of its plan takes on the embedded database, after the replayed history and sample rows.
import { planChanges } from '../pipeline/plan-changes.js';
import { renderTrace } from '../report/trace.js';
import type { CliArgs } from './args.js';
import { UsageError, type CliIO } from './io.js';
import { progress } from './plan.js';
import {
  discover,
  engineOptions,
  fromRoot,
  historyOptions,
  oneMigration,
  oneOf,
  settingsOf,
} from './settings.js';
import { usage } from './usage.js';

export async function runTrace(args: CliArgs, io: CliIO): Promise<number> {
  if (args.help) {
    io.stdout(usage('trace'));
    return 0;
  }
  const format = oneOf('--format', args.format ?? 'text', ['text', 'markdown', 'json']);
  const source = await oneMigration(args, io);
  const settings = await settingsOf(args, io);
  const history = historyOptions(args, io);
  const input = fromRoot(await discover(args, settings, io), io.cwd);
  const migration = input.releases.flat()[0];
  if (!migration) throw new UsageError(`${source}: no migration file found to trace.`);
  const run = await planChanges(input, {
    engine: engineOptions(settings),
    contractAfterDays: settings.contractAfterDays,
    history,
    only: [migration.path],
    trace: true,
    proveUnplanned: true,
    progress: progress(io),
  });
  io.stdout(renderTrace(format, migration.path, run));
  const entry = run.plans[0];
  return entry?.proof && !entry.proof.ok && entry.proof.differences.some((d) => /fails/.test(d)) ? 1 : 0;
}
