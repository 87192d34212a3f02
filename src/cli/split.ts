// `expand-contract split <migration> [--write]`: the plan of one migration as the files that go into the
// repository. Prints them, or writes them (the migration is rewritten in place, each file atomically).
// A plan that fails its proof is never written; an already split migration is left alone.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { slashes } from '../discover/text.js';
import { planChanges } from '../pipeline/plan-changes.js';
import { prepareSplit } from '../pipeline/split-plan.js';
import { STATE_DIR, type SplitResult } from '../plan/split.js';
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

  const outcome = await prepareSplit(entry, migration, root, settings.contractAfterDays);
  if (outcome.status === 'already-split')
    return say({
      code: 0,
      json: { ...empty, status: 'already-split' },
      text: [
        `${show(plan.source)} is already split (its pending contract is in ${STATE_DIR}/pending/); nothing to do.`,
      ],
    });
  if (outcome.status === 'nothing-to-split')
    return say({
      code: 0,
      json: { ...empty, status: 'nothing-to-split' },
      text: [
        `Nothing to split in ${show(plan.source)}: no finding has a recipe.`,
        ...plan.unplanned.map((u) => `  line ${u.line}: ${u.rule}: ${u.reason}`),
      ],
    });
  if (outcome.status === 'proof-failed')
    return say({
      code: 1,
      json: { ...empty, status: 'proof-failed', differences: outcome.differences },
      text: [
        `Not splitting ${show(plan.source)}: the plan fails its proof, so its files would not do what the migration does.`,
        ...outcome.differences.map((d) => `  - ${d}`),
        'Please report this plan (expand-contract plan --format json) so the recipe can be fixed.',
      ],
    });
  const { split, conflicts } = outcome;
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
