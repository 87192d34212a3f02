// golang-migrate: `<version>_<name>.up.sql` in version order; `.down.sql` runs only on rollback.
// The postgres driver sends a whole file as one multi-statement query, which PostgreSQL runs as
// one implicit transaction: transactional.
import { padNumber } from '../text.js';
import {
  baseName,
  nameShare,
  type ExtractContext,
  type Extracted,
  type Folder,
  type OrderResult,
} from './types.js';

export const name = 'golang-migrate';

const UP = /^(\d+)_(.*)\.up\.sql$/;
const DOWN = /^(\d+)_(.*)\.down\.sql$/;

export function detect(folder: Folder): number {
  const share = nameShare(folder.files, UP, DOWN);
  return nameShare(folder.files, UP) > 0 && share >= 0.5 ? 0.9 * share : 0;
}

export function order(folder: Folder): OrderResult {
  const result: OrderResult = { entries: [], skipped: [], diagnostics: [] };
  for (const rel of folder.files) {
    const file = baseName(rel);
    const up = UP.exec(file);
    if (up) result.entries.push({ rel, orderKey: `${padNumber(up[1] as string)}_${up[2] as string}` });
    else if (DOWN.test(file)) {
      result.skipped.push({
        rel,
        reason: 'a down migration (golang-migrate runs it only on `migrate down`)',
        notice: false,
      });
    } else {
      result.skipped.push({
        rel,
        reason: 'not named <version>_<name>.up.sql, so golang-migrate does not run it',
        notice: true,
      });
    }
  }
  return result;
}

export function extract(text: string, _ctx: ExtractContext): Extracted {
  return { sql: text, transactional: true, diagnostics: [] };
}
