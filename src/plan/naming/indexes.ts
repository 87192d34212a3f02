// The index files a framework keeps beside its migrations, updated for the split's later migrations:
// drizzle's `meta/_journal.json` and sqitch's `sqitch.plan` (plus sqitch's revert and verify scripts
// of each new change). Other frameworks find their migrations by file name and need nothing.
// Pure: the caller's `readIndex` gives the current text of an index file (null when it has none).
import type { FrameworkName } from '../../types.js';
import type { LaterStep } from '../types.js';
import { addToJournal, journalPath, tagOf } from './drizzle-journal.js';
import { addToPlan, PLAN, projectOf, sqitchSource } from './sqitch-plan.js';
import { sqitchScripts } from './sqitch-scripts.js';

export interface IndexInput {
  framework: FrameworkName;
  planId: string;
  /** Path of the source (expand) migration. */
  source: string;
  /** The later steps with the path of the migration each one gets. */
  later: ReadonlyArray<LaterStep & { path: string }>;
  readIndex?: ((path: string) => string | null) | undefined;
}

export interface IndexOutput {
  /** True when the index file lists the later migrations (no "add this" comment needed). */
  indexed: boolean;
  /** The updated index file, when there is one. */
  index: { path: string; content: string } | null;
  /** Files to add beside each later migration (sqitch's revert and verify scripts), by step. */
  extra: Array<Array<{ path: string; content: string }>>;
  notes: string[];
}

export function updateIndex(input: IndexInput): IndexOutput {
  const none: IndexOutput = { indexed: false, index: null, extra: input.later.map(() => []), notes: [] };
  if (input.later.length === 0) return none;
  if (input.framework === 'drizzle') return drizzle(input, none);
  if (input.framework === 'sqitch') return sqitch(input, none);
  return none;
}

function drizzle(input: IndexInput, none: IndexOutput): IndexOutput {
  const path = journalPath(input.source);
  const text = read(input, path);
  if (text === null)
    return { ...none, notes: [unread(input, path, 'add each later migration to it by hand')] };
  const update = addToJournal(
    text,
    tagOf(input.source),
    input.later.map((l) => tagOf(l.path)),
  );
  if ('refused' in update) {
    return { ...none, notes: [refused(path, update.refused, 'add each later migration to it by hand')] };
  }
  return { ...none, indexed: true, index: { path, content: update.content } };
}

function sqitch(input: IndexInput, none: IndexOutput): IndexOutput {
  const src = sqitchSource(input.source);
  const changes = input.later.map((l) => sqitchSource(l.path));
  if (src === null || changes.some((c) => c === null)) {
    return {
      ...none,
      notes: [`${input.source} is not a sqitch deploy script; add the later changes with \`sqitch add\``],
    };
  }
  const path = `${src.root}${PLAN}`;
  const text = read(input, path);
  const project = text === null ? null : projectOf(text);
  const extra = input.later.map((step, i) => {
    const name = (changes[i] as { change: string }).change;
    const scripts = sqitchScripts(step.sql, name, project);
    return [
      { path: `${src.root}revert/${name}.sql`, content: scripts.revert },
      { path: `${src.root}verify/${name}.sql`, content: scripts.verify },
    ];
  });
  const how = 'add each later change to it after the source (`sqitch add <name> --requires <source>`)';
  if (text === null) return { ...none, extra, notes: [unread(input, path, how)] };
  const update = addToPlan(
    text,
    src.change,
    input.later.map((l, i) => ({
      name: (changes[i] as { change: string }).change,
      note: `expand-contract ${input.planId}: runs after ${src.change}`,
    })),
  );
  if ('refused' in update) return { ...none, extra, notes: [refused(path, update.refused, how)] };
  return { indexed: true, index: { path, content: update.content }, extra, notes: [] };
}

function read(input: IndexInput, path: string): string | null {
  try {
    return input.readIndex?.(path) ?? null;
  } catch {
    return null;
  }
}

function unread(input: IndexInput, path: string, how: string): string {
  const why = input.readIndex === undefined ? 'was not read (no readIndex given)' : 'could not be read';
  return `${path} ${why}, so it was not updated: ${how}.`;
}

function refused(path: string, why: string, how: string): string {
  return `${path} was not updated: it ${why}; ${how}.`;
}
