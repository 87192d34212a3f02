// Prisma Migrate: `migrations/<timestamp>_<name>/migration.sql`, in folder name order. Each script is
// sent as one multi-statement query, so it runs as one transaction.
import { numericKey } from '../text.js';
import type { ExtractContext, Extracted, Folder, OrderResult } from './types.js';

export const name = 'prisma';

const MIGRATION = /^(\d+_[^/]*)\/migration\.sql$/;

export function detect(folder: Folder): number {
  if (folder.files.length === 0 || !folder.files.every((f) => MIGRATION.test(f))) return 0;
  return folder.aux('migration_lock.toml') !== undefined ? 1 : 0.95;
}

export function auxFiles(): string[] {
  return ['migration_lock.toml'];
}

export function order(folder: Folder): OrderResult {
  const result: OrderResult = { entries: [], skipped: [], diagnostics: [] };
  for (const rel of folder.files) {
    const m = MIGRATION.exec(rel);
    if (m) result.entries.push({ rel, orderKey: numericKey(m[1] as string) });
    else {
      result.skipped.push({
        rel,
        reason: 'not a <timestamp>_<name>/migration.sql script, so Prisma Migrate does not run it',
        notice: true,
      });
    }
  }
  return result;
}

export function extract(text: string, _ctx: ExtractContext): Extracted {
  return { sql: text, transactional: true, diagnostics: [] };
}
