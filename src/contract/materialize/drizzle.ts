// drizzle: `<idx>_<name>.sql` entered last in `meta/_journal.json`, with a `when` newer than every entry's.
import { formatLike, JOURNAL } from '../../plan/naming/drizzle-journal.js';
import { lines, why } from './body.js';
import { MaterializeError, STEM, type Context, type Made } from './context.js';
import { join2 } from './folder.js';

export function drizzleMigration(ctx: Context): Made {
  const journalPath = join2(ctx.dir, JOURNAL);
  const text = ctx.input.readIndex(journalPath);
  const fail = (why: string): MaterializeError =>
    new MaterializeError(
      `${ctx.input.pendingPath}: ${journalPath} ${why}, and drizzle runs only the migrations its journal lists; fix the journal (drizzle-kit generate writes it) and run again`,
    );
  if (text === null) throw fail('could not be read');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e: unknown) {
    throw fail(`is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const journal = data as { entries?: unknown; version?: unknown } | null;
  if (typeof journal !== 'object' || journal === null || !Array.isArray(journal.entries)) {
    throw fail('has no `entries` list');
  }
  const entries = journal.entries as Array<Record<string, unknown> | null>;
  const num = (v: unknown): number | undefined =>
    typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
  const idx = Math.max(-1, ...entries.map((e, i) => num(e?.idx) ?? i)) + 1;
  const newest = Math.max(0, ...entries.map((e) => num(e?.when) ?? 0));
  const when = Math.max(ctx.input.today.getTime(), newest + 1);
  const last = entries[entries.length - 1];
  const version = last?.version ?? journal.version;
  const tag = `${String(idx).padStart(4, '0')}_${STEM}${ctx.slug}`;
  const entry = {
    idx,
    ...(version === undefined ? {} : { version }),
    when,
    tag,
    breakpoints: last?.breakpoints ?? true,
  };
  const updated = formatLike(text, { ...journal, entries: [...entries, entry] });
  const rel = `${tag}.sql`;
  const path = join2(ctx.dir, rel);
  return {
    files: [
      { path, content: drizzleSql(ctx, entry.breakpoints === true), role: 'migration' },
      { path: journalPath, content: updated, role: 'index' },
    ],
    migrationPath: path,
    folder: ctx.dir,
    rel,
    aux: { [JOURNAL]: updated },
  };
}

/** drizzle-kit's form: statements separated by `--> statement-breakpoint` when the journal uses them. */
export function drizzleSql(ctx: Context, breakpoints: boolean): string {
  const statements = ctx.statements.map((s) => `${s.text};`);
  return lines([
    `-- expand-contract ${ctx.header.planId}: runs after ${ctx.header.source}`,
    `-- ${why(ctx)}`,
    breakpoints ? statements.join('--> statement-breakpoint\n') : statements.join('\n'),
  ]);
}
