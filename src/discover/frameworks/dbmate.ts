// dbmate: `-- migrate:up [transaction:false]` then `-- migrate:down`; only the up section runs, in a
// transaction unless the marker says `transaction:false`. Files `<version>_<name>.sql`, by version.
import type { Diagnostic } from '../../types.js';
import { blank, isCommentOrBlank, keepLines, lines, numericKey } from '../text.js';
import {
  baseName,
  inputDiagnostic,
  type ExtractContext,
  type Extracted,
  type Folder,
  type OrderResult,
} from './types.js';

export const name = 'dbmate';

const FILE = /^(\d+).*\.sql$/;
const UP = /^(\s*)--\s*migrate:up(?:\s+(.*))?$/;
const DOWN = /^(\s*)--\s*migrate:down(?:\s.*)?$/;
const HAS_UP = /^\s*--\s*migrate:up\b/m;

export function detect(folder: Folder): number {
  if (folder.files.length === 0) return 0;
  const marked = folder.files.filter((f) => HAS_UP.test(folder.text(f) ?? '')).length;
  return marked === 0 ? 0 : 0.95 * (marked / folder.files.length);
}

export function order(folder: Folder): OrderResult {
  const result: OrderResult = { entries: [], skipped: [], diagnostics: [] };
  for (const rel of folder.files) {
    const m = FILE.exec(baseName(rel));
    if (m) result.entries.push({ rel, orderKey: numericKey(baseName(rel)) });
    else {
      result.skipped.push({
        rel,
        reason: 'not named <version>_<name>.sql, so dbmate does not run it',
        notice: true,
      });
    }
  }
  return result;
}

export function extract(text: string, ctx: ExtractContext): Extracted {
  const all = lines(text);
  const diagnostics: Diagnostic[] = [];
  const up = all.find((l) => UP.test(l.text));
  const down = all.find((l) => DOWN.test(l.text));
  if (!up) {
    diagnostics.push(
      inputDiagnostic(
        'error',
        1,
        1,
        'dbmate needs a `-- migrate:up` line before the up SQL and refuses this file; add one at the top',
      ),
    );
    return { sql: blank(text), transactional: true, diagnostics };
  }
  if (down && down.number < up.number) {
    diagnostics.push(
      inputDiagnostic(
        'error',
        down.number,
        1,
        '`-- migrate:down` comes before `-- migrate:up`, and dbmate refuses this file; put the up section first',
      ),
    );
    return { sql: blank(text), transactional: true, diagnostics };
  }
  for (const marker of down ? [up, down] : [up]) {
    const indent = (/^\s*/.exec(marker.text)?.[0] ?? '').length;
    if (indent === 0 || (ctx.bom && marker.number === 1 && indent === 1)) continue;
    const effect =
      marker === up
        ? '`-- migrate:up` is indented, and dbmate only sees markers at the start of a line, so it would refuse this file'
        : '`-- migrate:down` is indented, and dbmate only sees markers at the start of a line, so it would run the down SQL as part of up (or refuse the file)';
    diagnostics.push(
      inputDiagnostic('warning', marker.number, indent + 1, `${effect}; move the marker to column 1`),
    );
  }

  const stray = all.find((l) => l.number < up.number && !isCommentOrBlank(l.text));
  if (stray) {
    diagnostics.push(
      inputDiagnostic(
        'error',
        stray.number,
        1,
        'dbmate refuses SQL before `-- migrate:up`; move it into the up section',
      ),
    );
  }
  const sql = keepLines(text, (l) =>
    l.number < up.number ? isCommentOrBlank(l.text) : !(down && l.number > down.number),
  );
  const options = (UP.exec(up.text)?.[2] ?? '').split(/\s+/).filter(Boolean);
  const transactional = !options.some((o) => o.toLowerCase() === 'transaction:false');
  return { sql, transactional, diagnostics };
}
