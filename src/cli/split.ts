// `expand-contract split <migration> [--write]`: the plan of one migration as the files that go into the
// repository. Prints them, or writes them (the migration is rewritten in place, each file atomically).
// A plan that fails its proof is never written; an already split migration is left alone.
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { slashes } from '../discover/text.js';
import { planChanges } from '../pipeline/plan-changes.js';
import { isAlreadySplit, splitFiles, STATE_DIR, type SplitResult } from '../plan/split.js';
import type { MigrationFile } from '../types.js';
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
  repositoryRoot,
  settingsOf,
} from './settings.js';
import { usage } from './usage.js';

export async function runSplit(args: CliArgs, io: CliIO): Promise<number> {
  if (args.help) {
    io.stdout(usage('split'));
    return 0;
  }
  const format = oneOf('--format', args.format ?? 'text', ['text', 'json']);
  const settings = await settingsOf(args, io);
  const history = historyOptions(args, io);
  const source = await oneMigration(args, io);
  const root = repositoryRoot(io.cwd);
  const found = await discover(args, settings, io);
  const input = fromRoot(found, io.cwd);
  const migration = input.releases.flat()[0] as MigrationFile;
  const show = (path: string): string => slashes(relative(io.cwd, join(root, path))) || path;

  const run = await planChanges(input, {
    engine: engineOptions(settings),
    contractAfterDays: settings.contractAfterDays,
    history,
    only: [migration.path],
    prove: args.prove,
    trace: false,
    progress: progress(io),
  });
  const entry = run.plans[0];
  const say = (result: Outcome): number => {
    if (format === 'json') io.stdout(`${JSON.stringify(result.json, null, 2)}\n`);
    else io.stdout(result.text.join('\n') + '\n');
    return result.code;
  };
  for (const notice of run.notices) io.stderr(`expand-contract: note: ${notice}\n`);
  if (!entry) throw new UsageError(`${source}: no migration file found to split.`);
  const { plan } = entry;
  const empty = {
    planId: plan.planId,
    expand: null,
    backfill: null,
    contract: null,
    later: [],
    files: [],
    written: false,
  };

  const pending = await readPending(root);
  if (isAlreadySplit(plan, pending))
    return say({
      code: 0,
      json: { ...empty, status: 'already-split' },
      text: [
        `${show(plan.source)} is already split (its pending contract is in ${STATE_DIR}/pending/); nothing to do.`,
      ],
    });
  if (plan.recipes.length === 0)
    return say({
      code: 0,
      json: { ...empty, status: 'nothing-to-split' },
      text: [
        `Nothing to split in ${show(plan.source)}: no finding has a recipe.`,
        ...plan.unplanned.map((u) => `  line ${u.line}: ${u.rule}: ${u.reason}`),
      ],
    });
  if (entry.status === 'failed')
    return say({
      code: 1,
      json: { ...empty, status: 'proof-failed', differences: entry.proof?.differences ?? [] },
      text: [
        `Not splitting ${show(plan.source)}: the plan fails its proof, so its files would not do what the migration does.`,
        ...(entry.proof?.differences ?? []).map((d) => `  - ${d}`),
        'Please report this plan (expand-contract plan --format json) so the recipe can be fixed.',
      ],
    });

  const existing = await siblings(root, plan.source);
  const split = splitFiles(plan, migration, {
    contractAfterDays: settings.contractAfterDays,
    existing,
    readIndex: (path) => readIndexSync(join(root, path)),
  });
  for (const note of split.notes) io.stderr(`expand-contract: note: ${note}\n`);
  const json = {
    planId: split.planId,
    expand: split.expand === null ? null : show(split.expand),
    backfill: split.backfill === null ? null : show(split.backfill),
    contract: split.contract === null ? null : show(split.contract),
    later: split.files.filter((f) => f.role === 'later').map((f) => show(f.path)),
    files: split.files.map((f) => ({ path: show(f.path), role: f.role })),
    written: args.write,
    status: entry.status === 'proven' ? 'proven' : 'not-proven',
    ...(entry.reason ? { reason: entry.reason } : {}),
  };
  const proof =
    entry.status === 'proven'
      ? 'The plan is proven.'
      : `Not proven: ${entry.reason ?? 'the proof did not run'}.`;
  if (!args.write) {
    const text = split.files.flatMap((f) => [`==> ${show(f.path)} (${f.role}) <==`, f.content]);
    return say({
      code: 0,
      json,
      text: [...text, proof, `Write these files with: expand-contract split ${source} --write`],
    });
  }
  const conflicts = await conflicting(root, split, migration.path);
  if (conflicts.length)
    return say({
      code: 1,
      json: { ...json, written: false, status: 'conflict', conflicts: conflicts.map(show) },
      text: [
        'Not writing: these files exist with other content, and split never overwrites what it did not write:',
        ...conflicts.map((c) => `  ${show(c)}`),
        'Move or remove them, then run split again.',
      ],
    });
  for (const f of split.files) await writeAtomically(join(root, f.path), f.content);
  return say({
    code: 0,
    json,
    text: [
      ...split.files.map((f) => `wrote ${show(f.path)} (${f.role})`),
      proof,
      ...nextSteps(split, settings.contractAfterDays),
    ],
  });
}

interface Outcome {
  code: number;
  json: Record<string, unknown>;
  text: string[];
}

async function readPending(root: string): Promise<Array<{ path: string; content: string }>> {
  const dir = join(root, STATE_DIR, 'pending');
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: Array<{ path: string; content: string }> = [];
  for (const name of names.filter((n) => n.endsWith('.sql')))
    out.push({ path: `${STATE_DIR}/pending/${name}`, content: await readFile(join(dir, name), 'utf8') });
  return out;
}

async function siblings(root: string, path: string): Promise<string[]> {
  const dir = dirname(path);
  const names = await readdir(join(root, dir)).catch(() => [] as string[]);
  return names.map((n) => (dir === '.' ? n : `${dir}/${n}`));
}

/** Files split would write over that hold something else (the migration itself excepted). */
async function conflicting(root: string, split: SplitResult, source: string): Promise<string[]> {
  const out: string[] = [];
  for (const f of split.files) {
    if (f.path === source || f.role === 'index') continue;
    const current = await readFile(join(root, f.path), 'utf8').catch(() => null);
    if (current !== null && current !== f.content) out.push(f.path);
  }
  return out;
}

async function writeAtomically(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.expand-contract-${process.pid}.tmp`;
  await writeFile(temp, content, 'utf8');
  await rename(temp, path);
}

function nextSteps(split: SplitResult, days: number): string[] {
  const out = [
    '',
    'Next:',
    '  1. Commit these files and ship the expand migration with the application release that writes both.',
  ];
  if (split.backfill)
    out.push(
      `  2. After the deploy, run the backfill: expand-contract backfill ${split.backfill} (or psql -f).`,
    );
  if (split.contract)
    out.push(
      `  3. ${days} days after the expand phase reached production, the contract in ${split.contract} becomes a migration.`,
    );
  return out;
}

function readIndexSync(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
