// `mode: backfill`: runs the batched backfill of each backfill script in the checkout (or of the one file
// `backfill-file` names) on `database-url`, logging progress as plain lines, then reports through the job
// summary, the `backfill` output (done, remaining or failed) and one failure line. A file that fails does
// not stop the others; a cancelled job stops between batches, keeping every committed batch.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { display } from '../backfill/display.js';
import { runBackfill, type BackfillEvent } from '../backfill/runner.js';
import { isBackfillScript, readBackfillScript, type BackfillPlan } from '../backfill/script.js';
import type { Config } from '../config/types.js';
import { secretsOf } from '../db/connect.js';
import { discoverPaths } from '../discover/index.js';
import { slashes } from '../discover/text.js';
import { planChanges } from '../pipeline/plan-changes.js';
import { STATE_DIR } from '../plan/split.js';
import { prose } from '../report/pr-comment-markdown.js';
import type { ActionInputs } from './inputs.js';
import type { ActionIO } from './io.js';

/** Where `split` writes backfill scripts: run in name order when `backfill-file` is empty. */
export const BACKFILL_DIR = `${STATE_DIR}/backfill`;

export type BackfillState = 'done' | 'remaining' | 'failed';

export interface BackfillContext {
  io: ActionIO;
  inputs: ActionInputs;
  config: Config;
  /** The checkout. */
  cwd: string;
}

/** One step as the summary shows it: what this run did. */
interface StepRow {
  name: string;
  /** Rows changed by this run (a resumed step's earlier rows not counted). */
  rowsDone: number;
  /** Batches of this run. */
  batches: number;
  /** Rows that still need it, or why there is no count. */
  remaining: number | 'visited' | 'earlier' | 'not started' | 'running' | 'stopped' | 'failed';
  seconds: number;
}

interface FileOutcome {
  file: string;
  plan?: BackfillPlan;
  rows: StepRow[];
  /** One line, scrubbed of the database URL. */
  error?: string;
  interrupted: boolean;
}

/** Runs every file; returns the state it also sets as the `backfill` output. */
export async function backfillStep(c: BackfillContext): Promise<BackfillState> {
  const { io, inputs } = c;
  const url = inputs.databaseUrl ?? '';
  const secrets = secretsOf(url, new URL(url));
  const scrub = (text: string): string =>
    secrets.reduce((out, secret) => out.split(secret).join('***'), text);

  const files = inputs.backfillFile ? [inputs.backfillFile] : await defaultScripts(c.cwd);
  if (files.length === 0) {
    io.notice(`expand-contract: nothing to backfill: no ${BACKFILL_DIR}/*.sql in the checkout`);
    await io.summary(
      `## expand-contract backfill\n\nNothing to backfill: no \`${BACKFILL_DIR}/*.sql\` in the checkout.\n`,
    );
    io.setOutput('backfill', 'done');
    return 'done';
  }

  const controller = new AbortController();
  const release = io.onSignal?.((signal) => {
    io.info(`expand-contract: ${signal}: finishing the current batch, then stopping`);
    controller.abort();
  });
  const outcomes: FileOutcome[] = [];
  try {
    for (const file of files) {
      if (controller.signal.aborted) {
        outcomes.push({ file, rows: [], interrupted: true });
        continue;
      }
      outcomes.push(await runFile(c, file, controller.signal, scrub));
    }
  } finally {
    release?.();
  }

  const state: BackfillState = outcomes.some((o) => o.error)
    ? 'failed'
    : outcomes.some(
          (o) => o.interrupted || o.rows.some((r) => typeof r.remaining !== 'string' && r.remaining > 0),
        )
      ? 'remaining'
      : 'done';
  await io.summary(summaryMarkdown(outcomes, state));
  io.setOutput('backfill', state);
  if (state !== 'done') io.setFailed(scrub(failureLine(outcomes)));
  return state;
}

/** Every `.sql` file of BACKFILL_DIR, by name (the plan id, so the order is stable, not meaningful). */
async function defaultScripts(cwd: string): Promise<string[]> {
  const entries = await readdir(join(cwd, BACKFILL_DIR), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.sql'))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${BACKFILL_DIR}/${name}`);
}

async function runFile(
  c: BackfillContext,
  file: string,
  signal: AbortSignal,
  scrub: (text: string) => string,
): Promise<FileOutcome> {
  const { io, inputs } = c;
  const outcome: FileOutcome = { file, rows: [], interrupted: false };
  const started = new Map<number, { at: number; rowsDone: number }>();
  try {
    const plan = await loadPlan(c, file);
    outcome.plan = plan;
    outcome.rows = plan.steps.map((s) => ({
      name: s.name,
      rowsDone: 0,
      batches: 0,
      remaining: 'not started',
      seconds: 0,
    }));
    io.info(
      `expand-contract: backfill ${file}: plan ${plan.planId} (from ${plan.source}), ${plan.steps.length} step(s), batches of up to ${inputs.backfillBatchSize} rows`,
    );
    const draw = display({ write: lines((line) => io.info(line)), isTTY: false });
    const track = (event: BackfillEvent): void => {
      draw(event);
      const row = outcome.rows[event.index];
      if (!row) return;
      const start = started.get(event.index);
      if (event.kind === 'step-start') {
        started.set(event.index, { at: performance.now(), rowsDone: event.rowsDone });
        row.remaining = 'running';
      } else if (event.kind === 'batch') {
        row.rowsDone = event.rowsDone - (start?.rowsDone ?? 0);
        row.batches += 1;
      } else if (event.kind === 'step-end') {
        if (event.skipped) row.remaining = 'earlier';
        else {
          row.rowsDone = event.rowsDone - (start?.rowsDone ?? 0);
          row.remaining = event.remaining === null ? 'visited' : event.remaining;
        }
        row.seconds = secondsSince(start?.at);
      }
    };
    const result = await runBackfill({
      databaseUrl: inputs.databaseUrl ?? '',
      plan,
      batchSize: inputs.backfillBatchSize,
      pauseMs: inputs.backfillPauseMs,
      signal,
      onEvent: track,
    });
    outcome.interrupted = result.interrupted;
  } catch (e: unknown) {
    const message = scrub(oneLine(e instanceof Error ? e.message : String(e)));
    // Every line names the file: the runner's messages name the table, the script's name the file.
    outcome.error =
      message.includes(file) || message.startsWith('backfill-file:') ? message : `${file}: ${message}`;
    io.info(`expand-contract: backfill failed: ${outcome.error}`);
  }
  // The step a cancellation stopped, or the one a failure stopped in (steps run in order; the failure
  // may come before the step's start: its table has no key).
  const index = outcome.rows.findIndex((r) => r.remaining === 'running' || r.remaining === 'not started');
  const row = outcome.rows[index];
  if (row && (outcome.error || row.remaining === 'running')) {
    row.remaining = outcome.error ? 'failed' : 'stopped';
    row.seconds = secondsSince(started.get(index)?.at);
  }
  return outcome;
}

/** The plan of a backfill script, or of an original migration planned again. */
async function loadPlan(c: BackfillContext, file: string): Promise<BackfillPlan> {
  const path = resolve(c.cwd, file);
  const shown = slashes(relative(c.cwd, path)) || file;
  const info = await stat(path).catch(() => undefined);
  if (!info || info.isDirectory())
    throw new Error(
      `backfill-file: ${shown} is not a file of the checkout; give a backfill script or the original migration`,
    );
  const text = await readFile(path, 'utf8');
  if (isBackfillScript(text) || !c.inputs.backfillFile) return readBackfillScript(text, shown);
  if (/^-- expand-contract ec-[0-9a-f]+: (expand|pending)/m.test(text.slice(0, 300)))
    throw new Error(
      `${shown}: this migration is already split; give its backfill script (${BACKFILL_DIR}/<plan>.sql) as backfill-file instead`,
    );
  const { config } = c;
  const input = await discoverPaths(
    [shown],
    {
      ...(config.framework ? { framework: config.framework } : {}),
      placeholders: config.placeholders,
      maxFileBytes: config.maxFileBytes,
      paths: config.paths,
    },
    c.cwd,
  );
  const migration = input.releases.flat()[0];
  if (!migration)
    throw new Error(`${shown}: not a migration file the tool recognises, nor a backfill script`);
  const cacheRoot = c.io.env.RUNNER_TOOL_CACHE || c.io.env.RUNNER_TEMP;
  const run = await planChanges(input, {
    engine: {
      postgresVersion: config.postgresVersion,
      rules: config.rules,
      today: new Date().toISOString().slice(0, 10),
    },
    contractAfterDays: config.contractAfterDays,
    history: cacheRoot ? { cacheDir: join(cacheRoot, 'expand-contract') } : {},
    only: [migration.path],
    prove: false,
    trace: false,
    progress: (m) => c.io.info(`expand-contract: ${m}`),
  });
  const plan = run.plans[0]?.plan;
  if (!plan || plan.backfillSteps.length === 0)
    throw new Error(
      `${shown}: nothing to backfill: its plan moves no UPDATE or DELETE out of the migration, and no recipe fills a column`,
    );
  return { planId: plan.planId, source: plan.source, file: shown, steps: plan.backfillSteps };
}

/** A writer that hands on whole lines (the display writes text ending in a newline). */
function lines(out: (line: string) => void): (text: string) => void {
  let pending = '';
  return (text) => {
    pending += text;
    const parts = pending.split(/\r?\n/);
    pending = parts.pop() ?? '';
    for (const part of parts) if (part.trim()) out(part);
  };
}

const secondsSince = (start: number | undefined): number =>
  start === undefined ? 0 : (performance.now() - start) / 1000;

const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

const n = (value: number): string => value.toLocaleString('en-US');

function remainingCell(row: StepRow): string {
  if (typeof row.remaining === 'number') return n(row.remaining);
  return {
    visited: 'not counted (every key visited once)',
    earlier: 'done in an earlier run',
    'not started': 'not started',
    running: 'stopped',
    stopped: 'stopped (cancelled)',
    failed: 'failed',
  }[row.remaining];
}

function summaryMarkdown(outcomes: FileOutcome[], state: BackfillState): string {
  const head = {
    done: 'Every step ran; no row still needs it.',
    remaining: 'Rows still need the backfill: run it again (every committed batch is kept).',
    failed: 'A backfill failed; every committed batch is kept.',
  }[state];
  const out = [
    '## expand-contract backfill',
    '',
    head,
    '',
    '| plan | file | step (table) | rows changed | batches | remaining | seconds |',
    '|---|---|---|--:|--:|---|--:|',
  ];
  for (const o of outcomes) {
    const plan = o.plan ? `\`${o.plan.planId}\`` : '';
    const file = prose(o.file);
    if (o.rows.length === 0)
      out.push(`| ${plan} | ${file} | | | | ${o.error ? 'failed' : 'not started'} | |`);
    for (const row of o.rows)
      out.push(
        `| ${plan} | ${file} | ${prose(row.name)} | ${n(row.rowsDone)} | ${n(row.batches)} | ${remainingCell(row)} | ${row.seconds.toFixed(1)} |`,
      );
  }
  const errors = outcomes.filter((o) => o.error);
  if (errors.length) {
    out.push('', ...errors.map((o) => `- ${prose(o.error ?? '')}`));
  }
  return `${out.join('\n')}\n`;
}

/** The step's failure, in one line. */
function failureLine(outcomes: FileOutcome[]): string {
  const failed = outcomes.filter((o) => o.error);
  if (failed.length > 0) {
    const message = failed[0]?.error ?? '';
    return failed.length === 1
      ? `expand-contract backfill failed: ${message}`
      : `expand-contract backfill failed for ${failed.length} of ${outcomes.length} files, the first: ${message}; see the job summary`;
  }
  if (outcomes.some((o) => o.interrupted))
    return 'expand-contract backfill was cancelled between batches; every committed batch is kept: run it again to continue';
  const left = outcomes.flatMap((o) =>
    o.rows
      .filter((r) => typeof r.remaining === 'number' && r.remaining > 0)
      .map((r) => `${r.name} (${n(r.remaining as number)} rows)`),
  );
  return `expand-contract backfill: rows still need it in ${left.join(', ')}, written meanwhile by code that does not fill them; deploy the code that writes both, then run it again`;
}
