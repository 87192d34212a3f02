// Drizzle Kit: `meta/_journal.json` lists the migrations (`entries[].tag`, in `idx` order); drizzle's
// migrator runs `<tag>.sql` for each entry and nothing else, all in one transaction.
// `--> statement-breakpoint` lines are SQL comments already.
import { numericKey, padNumber } from '../text.js';
import {
  inputDiagnostic,
  type ExtractContext,
  type Extracted,
  type Folder,
  type OrderResult,
} from './types.js';

export const name = 'drizzle';

const JOURNAL = 'meta/_journal.json';

export function detect(folder: Folder): number {
  return folder.aux(JOURNAL) !== undefined && folder.files.length > 0 ? 1 : 0;
}

export function auxFiles(): string[] {
  return [JOURNAL];
}

/** The journal's tags in run order, or an explanation of what is wrong with it. */
export function readJournal(text: string): { tags: string[] } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e: unknown) {
    return { error: `is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const entries = (data as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) return { error: 'has no `entries` list' };
  const tags: Array<{ tag: string; idx: number; at: number }> = [];
  entries.forEach((e: unknown, at) => {
    const entry = e as { tag?: unknown; idx?: unknown } | null;
    if (typeof entry?.tag === 'string') {
      tags.push({ tag: entry.tag, idx: typeof entry.idx === 'number' ? entry.idx : at, at });
    }
  });
  tags.sort((a, b) => a.idx - b.idx || a.at - b.at);
  return { tags: tags.map((t) => t.tag) };
}

export function order(folder: Folder): OrderResult {
  const result: OrderResult = { entries: [], skipped: [], diagnostics: [] };
  const text = folder.aux(JOURNAL);
  const journal = text === undefined ? { error: 'is missing' } : readJournal(text);
  if ('error' in journal) {
    folder.files.forEach((rel) => result.entries.push({ rel, orderKey: numericKey(rel) }));
    if (folder.files[0] !== undefined) {
      result.diagnostics.push({
        rel: folder.files[0],
        diagnostic: inputDiagnostic(
          'warning',
          1,
          1,
          `${JOURNAL} ${journal.error}, so which files drizzle runs is unknown; all were taken in name order`,
        ),
      });
    }
    return result;
  }
  const position = new Map<string, number>();
  journal.tags.forEach((tag, i) => position.set(`${tag}.sql`, i));
  for (const rel of folder.files) {
    const i = position.get(rel);
    if (i !== undefined) result.entries.push({ rel, orderKey: padNumber(String(i)) });
    else {
      result.skipped.push({
        rel,
        reason: `not in ${JOURNAL}, so drizzle-kit migrate does not run it; generate migrations with drizzle-kit generate, or delete the file`,
        notice: true,
      });
    }
  }
  return result;
}

export function extract(text: string, _ctx: ExtractContext): Extracted {
  return { sql: text, transactional: true, diagnostics: [] };
}
