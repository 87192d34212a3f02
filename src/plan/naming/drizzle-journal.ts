// Drizzle's `meta/_journal.json` with the split's later migrations entered right after the source's
// entry, in drizzle-kit's own shape and formatting (indent and trailing newline as found).
//
// How drizzle-orm's migrator decides what to run (pg-core dialect `migrate`): it reads the journal's
// entries in array order, takes the newest row of `drizzle.__drizzle_migrations` (ORDER BY created_at
// DESC LIMIT 1) and runs every entry whose `when` is greater than that row's `created_at`, storing
// (hash, when). `idx` is never read at run time and the stored hash is never compared; drizzle-kit
// only uses the last entry's `idx + 1` to number the next generated migration.
//
// So what keeps a deployed database correct is `when`, not `idx`:
// - each later entry gets `when` = the source's `when` + 1, + 2 ...: a database whose newest applied
//   migration is the source (the original, unsplit one) runs them next, and a fresh one runs them
//   right after the expand migration;
// - when the source is followed by other entries, the later ones are still inserted right after it
//   (their statements must run before what follows, which may drop the index or the constraint) and
//   the `idx` of the following entries is moved up only as far as needed to stay increasing. A
//   database that already applied a following entry skips the later ones, which is right: it ran the
//   original source, which did their work already (built the index, validated the constraint). Giving
//   them a `when` newer than the following entries instead would run them after those on such a
//   database, where the object may be gone;
// - when there is no room (a following entry's `when` is not above the last new `when`), inserting
//   would break that tracking, so the journal is left alone and the reason is given.
// Entries already carrying the later tags (a previous split) are taken out first, so splitting twice
// gives the same journal.

export const JOURNAL = 'meta/_journal.json';

export type Update = { content: string } | { refused: string };

/** The journal beside a drizzle migration (`drizzle/0002_x.sql` -> `drizzle/meta/_journal.json`). */
export function journalPath(source: string): string {
  return `${source.slice(0, source.lastIndexOf('/') + 1)}${JOURNAL}`;
}

/** A migration's journal tag: its file name without `.sql`. */
export function tagOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.sql$/, '');
}

type Entry = Record<string, unknown>;

const isEntry = (e: unknown): e is Entry => typeof e === 'object' && e !== null && !Array.isArray(e);

/** The journal with `tags` entered right after `source`'s entry, or why it cannot be. */
export function addToJournal(text: string, source: string, tags: readonly string[]): Update {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e: unknown) {
    return { refused: `is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!isEntry(data) || !Array.isArray(data.entries)) return { refused: 'has no `entries` list' };
  const ours = new Set(tags);
  const kept = (data.entries as unknown[]).filter((e) => !(isEntry(e) && ours.has(e.tag as string)));
  let at = -1;
  kept.forEach((e, i) => {
    if (isEntry(e) && e.tag === source) at = i;
  });
  const src = kept[at];
  if (!isEntry(src)) return { refused: `has no entry with tag "${source}"` };
  const when = src.when;
  if (typeof when !== 'number' || !Number.isSafeInteger(when)) {
    return { refused: `has no numeric \`when\` in the entry of "${source}"` };
  }
  const following = kept.slice(at + 1);
  const last = when + tags.length;
  const blocking = following.find((e) => !isEntry(e) || typeof e.when !== 'number' || e.when <= last);
  if (blocking !== undefined) {
    const name = isEntry(blocking) ? String(blocking.tag) : 'an entry';
    return {
      refused:
        `lists ${name} after ${source} with a \`when\` not above ${last}, so no \`when\` fits between them; ` +
        'drizzle runs only migrations newer than the last one applied, so an entry placed there would be ' +
        'skipped or run out of order',
    };
  }
  const firstIdx = typeof src.idx === 'number' ? src.idx : at;
  const version = src.version ?? data.version;
  const added: Entry[] = tags.map((tag, i) => ({
    idx: firstIdx + i + 1,
    ...(version === undefined ? {} : { version }),
    when: when + i + 1,
    tag,
    breakpoints: src.breakpoints ?? true,
  }));
  let prev = firstIdx + tags.length;
  const moved = following.map((e) => {
    if (!isEntry(e) || typeof e.idx !== 'number') return e;
    prev = Math.max(e.idx, prev + 1);
    return { ...e, idx: prev };
  });
  const entries = [...kept.slice(0, at + 1), ...added, ...moved];
  return { content: formatLike(text, { ...data, entries }) };
}

/** JSON written the way `text` was: its indent (or none), line ends, trailing newline or none. */
export function formatLike(text: string, value: unknown): string {
  const compact = !text.trim().includes('\n');
  const indent = compact ? undefined : (/\n([ \t]+)\S/.exec(text)?.[1] ?? '  ');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = JSON.stringify(value, null, indent).replace(/\n/g, eol);
  return /\r?\n$/.test(text) ? body + eol : body;
}
