// Plain SQL files, run one after the other (psql -f, a script, a custom runner): ordered by path with
// numbers compared as numbers; no transaction unless the file opens one (the parser tracks BEGIN).
import type { ExtractContext, Extracted, Folder, OrderResult } from './types.js';
import { numericKey } from '../text.js';

export const name = 'sql';

/** The fallback: any folder of `.sql` files. */
export function detect(folder: Folder): number {
  return folder.files.length > 0 ? 0.01 : 0;
}

export function order(folder: Folder): OrderResult {
  return {
    entries: folder.files.map((rel) => ({ rel, orderKey: numericKey(rel) })),
    skipped: [],
    diagnostics: [],
  };
}

export function extract(text: string, _ctx: ExtractContext): Extracted {
  return { sql: text, transactional: false, diagnostics: [] };
}
