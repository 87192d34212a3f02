// Supabase CLI: `supabase/migrations/<timestamp>_<name>.sql`, in file name order; each file runs in
// a transaction.
import { numericKey } from '../text.js';
import { baseName, type ExtractContext, type Extracted, type Folder, type OrderResult } from './types.js';

export const name = 'supabase';

const MIGRATION = /^(\d+)_(.*)\.sql$/;

export function detect(folder: Folder): number {
  return /(^|[\\/])supabase[\\/]migrations$/.test(folder.root) && folder.files.length > 0 ? 0.8 : 0;
}

export function order(folder: Folder): OrderResult {
  const result: OrderResult = { entries: [], skipped: [], diagnostics: [] };
  for (const rel of folder.files) {
    if (MIGRATION.test(baseName(rel))) result.entries.push({ rel, orderKey: numericKey(baseName(rel)) });
    else {
      result.skipped.push({
        rel,
        reason: 'not named <timestamp>_<name>.sql, so the Supabase CLI skips it',
        notice: true,
      });
    }
  }
  return result;
}

export function extract(text: string, _ctx: ExtractContext): Extracted {
  return { sql: text, transactional: true, diagnostics: [] };
}
