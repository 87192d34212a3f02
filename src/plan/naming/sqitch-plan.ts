// sqitch's `sqitch.plan` with the split's later changes entered right after the source's change:
// `name [source] <timestamp> <planner> # note`, timestamp and planner taken from the source's line.
//
// sqitch identifies a deployed change by an ID hashed from its plan entry, which includes the ID of
// the change before it (its parent), and a deploy stops with "Cannot find change ... in sqitch.plan"
// when the registry's last change is no longer in the plan. So the new changes go only where no
// existing change follows the source: inserting them before another change would give that change
// (and every one after it) a new ID, and a database that deployed them could no longer deploy. Tags
// right after the source stay on it (a tag names the change it follows; moving it would clash with
// the tag a database recorded), so the new changes come after them.
// Lines already naming a later change (a previous split) are taken out and put back as they were, so
// splitting twice gives the same plan.

export const PLAN = 'sqitch.plan';

export type Update = { content: string } | { refused: string };

export interface SqitchSource {
  /** The folder holding `sqitch.plan` and `deploy/`, with a trailing `/` (or ''). */
  root: string;
  /** The change's name: its deploy script's path under `deploy/`, without `.sql`. */
  change: string;
}

/** Where a deploy script sits in its sqitch project; null when the path is not a deploy script. */
export function sqitchSource(path: string): SqitchSource | null {
  const m = /^(?:(.*)\/)?deploy\/(.+)\.sql$/.exec(path);
  if (!m) return null;
  return { root: m[1] === undefined ? '' : `${m[1]}/`, change: m[2] as string };
}

/** The `%project=` pragma of a plan, or null. */
export function projectOf(plan: string): string | null {
  return /^%project=(\S+)/m.exec(plan)?.[1] ?? null;
}

type Line = { kind: 'change'; name: string } | { kind: 'tag' } | { kind: 'other' };

function classify(raw: string): Line {
  const line = raw.trim();
  if (line === '' || line.startsWith('#') || line.startsWith('%')) return { kind: 'other' };
  if (line.startsWith('@')) return { kind: 'tag' };
  const m = /^[+-]?([^\s[#@]+)/.exec(line);
  return m ? { kind: 'change', name: m[1] as string } : { kind: 'other' };
}

export interface NewChange {
  name: string;
  note: string;
}

/** The plan with `changes` entered right after `source`, or why it cannot be. */
export function addToPlan(text: string, source: string, changes: readonly NewChange[]): Update {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const ours = new Set(changes.map((c) => c.name));
  const previous = new Map<string, string>();
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = classify(raw);
    if (line.kind === 'change' && ours.has(line.name)) previous.set(line.name, raw);
    else lines.push(raw);
  }
  let at = -1;
  lines.forEach((raw, i) => {
    const line = classify(raw);
    if (line.kind === 'change' && line.name === source) at = i;
  });
  if (at < 0) return { refused: `has no change "${source}"` };
  const stamp = /\s(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\s+([^#]*?<[^>]*>)/.exec(lines[at] as string);
  if (!stamp) return { refused: `has no timestamp and planner on the line of "${source}"` };
  let insertAfter = at;
  for (let i = at + 1; i < lines.length; i++) {
    const line = classify(lines[i] as string);
    if (line.kind === 'tag') insertAfter = i;
    if (line.kind === 'change') {
      return {
        refused:
          `lists change "${line.name}" after "${source}"; sqitch hashes each change's ID from the change ` +
          'before it, so a change inserted there would give every following change a new ID and a ' +
          'database that deployed them could not deploy again',
      };
    }
  }
  const added = changes.map(
    (c) =>
      previous.get(c.name) ??
      `${c.name} [${source}] ${stamp[1] as string} ${(stamp[2] as string).trim()} # ${oneLine(c.note)}`,
  );
  lines.splice(insertAfter + 1, 0, ...added);
  return { content: lines.join(eol) };
}

function oneLine(note: string): string {
  return note.replace(/\s+/g, ' ').trim();
}
