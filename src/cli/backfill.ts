// `expand-contract backfill <FILE> [--database-url URL]`: runs one plan's backfill on a real database.
//   0: no row still needs it;  1: rows remain (interrupted, a lock held too long);  2: bad usage, a
//   database it cannot reach, or a table it cannot walk.
import { readFile, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { display } from '../backfill/display.js';
import { dryRun, type DryRunStep } from '../backfill/dry-run.js';
import { BackfillRunError, runBackfill, type BackfillResult } from '../backfill/runner.js';
import {
  BackfillScriptError,
  isBackfillScript,
  readBackfillScript,
  type BackfillPlan,
} from '../backfill/script.js';
import { BackfillSchemaError } from '../backfill/table.js';
import { ConnectError } from '../db/connect.js';
import { slashes } from '../discover/text.js';
import { planChanges } from '../pipeline/plan-changes.js';
import type { CliArgs } from './args.js';
import { UsageError, type CliIO } from './io.js';
import { progress } from './plan.js';
import { discover, engineOptions, fromRoot, historyOptions, settingsOf } from './settings.js';
import { usage } from './usage.js';

export async function runBackfillCommand(args: CliArgs, io: CliIO): Promise<number> {
  if (args.help) {
    io.stdout(usage('backfill'));
    return 0;
  }
  if (args.paths.length !== 1)
    throw new UsageError(
      'backfill takes one file: the backfill script split wrote (.expand-contract/backfill/<plan>.sql) or the original migration',
    );
  const url = args.databaseUrl ?? io.env.DATABASE_URL;
  if (!url) throw new UsageError('backfill needs a database: give --database-url URL or set DATABASE_URL.');
  const batchSize = whole('--batch-size', args.batchSize, 1000, 1);
  const options = {
    databaseUrl: url,
    batchSize,
    pauseMs: whole('--pause', args.pause, 0, 0),
    targetBatchMs: whole('--target-ms', args.targetMs, 100, 1),
    lockTimeoutMs: whole('--lock-timeout', args.lockTimeout, 2000, 1),
    statementTimeoutMs: whole('--statement-timeout', args.statementTimeout, 30_000, 1),
    maxRetries: whole('--max-retries', args.maxRetries, 5, 0),
  };
  try {
    const plan = await loadPlan(args, io);
    if (args.dryRun) {
      io.stdout(dryRunText(plan, await dryRun(url, plan, batchSize), batchSize));
      return 0;
    }
    const controller = new AbortController();
    let stops = 0;
    const release = io.onSignal?.((signal) => {
      stops += 1;
      if (stops === 1) {
        io.stderr(
          `\nexpand-contract: ${signal}: finishing the current batch, then stopping (again to stop at once)\n`,
        );
        controller.abort();
      } else {
        // The server rolls the open batch back when the connection goes.
        io.stderr('expand-contract: stopping now; the current batch is rolled back\n');
        process.exit(130);
      }
    });
    try {
      const result = await runBackfill({
        ...options,
        plan,
        signal: controller.signal,
        onEvent: display({ write: (s) => io.stderr(s), isTTY: io.isTTY }),
      });
      io.stdout(summary(plan, result));
      const remaining = result.steps.some((s) => (s.remaining ?? 0) > 0);
      return result.interrupted || remaining || result.steps.length < plan.steps.length ? 1 : 0;
    } finally {
      release?.();
    }
  } catch (e: unknown) {
    if (e instanceof BackfillScriptError || e instanceof BackfillSchemaError || e instanceof ConnectError) {
      io.stderr(`expand-contract: ${e.message.replace(/\.?$/, '.')}\n`);
      return 2;
    }
    if (e instanceof BackfillRunError) {
      io.stderr(`expand-contract: ${e.message.replace(/\.?$/, '.')}\n`);
      return 1;
    }
    throw e;
  }
}

function whole(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min)
    throw new UsageError(
      `${flag} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not '${value}'.`,
    );
  return n;
}

/** The steps of FILE: read from a backfill script's header, or planned again from the original migration. */
async function loadPlan(args: CliArgs, io: CliIO): Promise<BackfillPlan> {
  const given = args.paths[0] as string;
  const path = resolve(io.cwd, given);
  const info = await stat(path).catch(() => undefined);
  if (!info)
    throw new UsageError(`${given}: no such file; give the backfill script or the original migration.`);
  if (info.isDirectory()) throw new UsageError(`${given} is a folder; backfill takes one file of it.`);
  const text = await readFile(path, 'utf8');
  if (isBackfillScript(text)) return readBackfillScript(text, slashes(relative(io.cwd, path)) || given);
  if (/^-- expand-contract ec-[0-9a-f]+: (expand|pending)/m.test(text.slice(0, 300)))
    throw new UsageError(
      `${given}: this migration is already split; give its backfill script (.expand-contract/backfill/<plan>.sql) instead.`,
    );
  const settings = await settingsOf(args, io);
  const found = await discover({ ...args, paths: [given] }, settings, io);
  const input = fromRoot(found, io.cwd);
  const migration = input.releases.flat()[0];
  if (!migration)
    throw new UsageError(`${given}: not a migration file the tool recognises, nor a backfill script.`);
  const run = await planChanges(input, {
    engine: engineOptions(settings),
    contractAfterDays: settings.contractAfterDays,
    history: historyOptions(args, io),
    only: [migration.path],
    prove: false,
    trace: false,
    progress: progress(io),
  });
  const plan = run.plans[0]?.plan;
  if (!plan || plan.backfillSteps.length === 0)
    throw new UsageError(
      `${given}: nothing to backfill: its plan moves no UPDATE or DELETE out of the migration, and no recipe fills a column.`,
    );
  return { planId: plan.planId, source: plan.source, file: given, steps: plan.backfillSteps };
}

const n = (value: number): string => value.toLocaleString('en-US');

function summary(plan: BackfillPlan, result: BackfillResult): string {
  const lines = [
    `Backfill ${plan.planId} (${plan.source}): ${result.interrupted ? 'interrupted' : 'ran'} in ${result.seconds.toFixed(1)} s.`,
  ];
  for (const s of result.steps) {
    const state = s.stopped
      ? 'stopped part-way'
      : s.remaining === null
        ? 'every key visited once'
        : s.remaining === 0
          ? 'no row still needs it'
          : `${n(s.remaining)} rows still need it after ${s.passes} passes: rows written meanwhile by code that does not fill them; deploy the code that writes both, then run again`;
    lines.push(`  ${s.name}: ${n(s.rowsDone)} rows in ${n(s.batches)} batches; ${state}.`);
  }
  const left = plan.steps.slice(result.steps.length).map((s) => s.name);
  if (result.interrupted)
    lines.push(
      `  Stopped between batches; run the same command again to continue${left.length ? ` (${left.join(', ')} not started)` : ''}.`,
    );
  return `${lines.join('\n')}\n`;
}

function dryRunText(plan: BackfillPlan, steps: DryRunStep[], batchSize: number): string {
  const lines = [`Backfill ${plan.planId} (${plan.source}), dry run: nothing is written.`, ''];
  steps.forEach((s, i) => {
    lines.push(
      `Step ${i + 1}: ${s.name}, walked by its ${s.keySource} (${s.key.join(', ')})`,
      `  rows that need it: about ${n(s.estimatedRows)} of about ${n(s.tableRows)} (the planner's estimate)`,
      `  batches: about ${n(s.batches)} of up to ${n(batchSize)} rows, each its own transaction`,
    );
    if (s.resume)
      lines.push(
        s.resume.walked
          ? `  an earlier run walked every key (${n(s.resume.rowsDone)} rows); this run checks what remains`
          : `  resumes after ${n(s.resume.rowsDone)} rows done earlier, after the key (${(s.resume.cursor ?? []).join(', ')})`,
      );
    lines.push('  each batch:', `    ${s.boundSql};`, `    ${s.batchSql};`);
    if (s.checkSql) lines.push('  final check:', `    ${s.checkSql};`);
    lines.push('');
  });
  return `${lines.join('\n')}`;
}
