// Flyway: `V<version>__<desc>.sql` in version order, then `R__<desc>.sql` (repeatable) by description.
// `U..__` (undo), `B..__` (baseline) and callbacks (`beforeMigrate.sql`, ...) are not part of `migrate`.
// `${name}` placeholders are replaced on their own line; `<file>.sql.conf` may say
// `executeInTransaction=false`, and Flyway itself runs a script outside a transaction when it holds
// a statement PostgreSQL refuses inside one (CREATE INDEX CONCURRENTLY, VACUUM, ...).
import type { Diagnostic } from '../../types.js';
import { lines, padNumber } from '../text.js';
import {
  baseName,
  inputDiagnostic,
  nameShare,
  type ExtractContext,
  type Extracted,
  type Folder,
  type OrderResult,
} from './types.js';

export const name = 'flyway';

const VERSIONED = /^V(\d+(?:[._]\d+)*)__(.*)\.sql$/;
const REPEATABLE = /^R__(.*)\.sql$/;
const UNDO = /^U\d+(?:[._]\d+)*__.*\.sql$/;
const BASELINE = /^B\d+(?:[._]\d+)*__.*\.sql$/;
const CALLBACK = /^(before|after)[A-Z][A-Za-z]*(__.*)?\.sql$/;

/** Statements PostgreSQL will not run inside a transaction block; Flyway then runs the script without one. */
const NON_TRANSACTIONAL =
  /^\s*(create\s+(unique\s+)?index\s+concurrently|drop\s+index\s+concurrently|reindex\b[^;]*\bconcurrently|vacuum\b|alter\s+system\b|(create|drop)\s+(database|tablespace)\b|alter\s+table\b[^;]*\bdetach\s+partition\b[^;]*\bconcurrently|(create|drop|alter)\s+subscription\b)/im;

const BUILT_INS = new Map<string, (ctx: ExtractContext) => string>([
  ['flyway:defaultSchema', () => 'public'],
  ['flyway:user', () => 'current_user'],
  ['flyway:database', () => 'postgres'],
  ['flyway:table', () => 'flyway_schema_history'],
  ['flyway:timestamp', () => '2000-01-01 00:00:00'],
  ['flyway:filename', (ctx) => baseName(ctx.rel)],
  ['flyway:workingDirectory', () => '.'],
  ['flyway:environment', () => 'default'],
]);

export function detect(folder: Folder): number {
  const share = nameShare(folder.files, VERSIONED, REPEATABLE, UNDO, BASELINE, CALLBACK);
  const runnable = nameShare(folder.files, VERSIONED, REPEATABLE);
  return runnable > 0 && share >= 0.5 ? 0.9 * share : 0;
}

export function auxFiles(files: string[]): string[] {
  return files.map((f) => `${f}.conf`);
}

export function order(folder: Folder): OrderResult {
  const result: OrderResult = { entries: [], skipped: [], diagnostics: [] };
  const seen = new Map<string, string>();
  for (const rel of folder.files) {
    const file = baseName(rel);
    const v = VERSIONED.exec(file);
    const r = REPEATABLE.exec(file);
    if (v) {
      const version = normalVersion(v[1] as string);
      const key = `0/${version.map(padNumber).join('.')}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        result.diagnostics.push({
          rel,
          diagnostic: inputDiagnostic(
            'error',
            1,
            1,
            `Flyway refuses two migrations with version ${version.join('.')} (${earlier} and ${file}); renumber one of them.`,
          ),
        });
      } else seen.set(key, file);
      result.entries.push({ rel, orderKey: key });
    } else if (r) {
      result.entries.push({ rel, orderKey: `1/${r[1] as string}`, repeatable: true });
    } else if (UNDO.test(file)) {
      result.skipped.push({
        rel,
        reason: 'an undo migration (Flyway runs it only on `flyway undo`)',
        notice: false,
      });
    } else if (BASELINE.test(file)) {
      result.skipped.push({
        rel,
        reason:
          'a baseline migration (Flyway runs it only on an empty database, instead of the earlier ones)',
        notice: false,
      });
    } else if (CALLBACK.test(file)) {
      result.skipped.push({ rel, reason: 'a Flyway callback, not a migration', notice: false });
    } else {
      result.skipped.push({
        rel,
        reason:
          'not named like a Flyway migration, so Flyway does not run it; name it V<version>__<description>.sql (two underscores) or R__<description>.sql',
        notice: true,
      });
    }
  }
  return result;
}

export function extract(text: string, ctx: ExtractContext): Extracted {
  const conf = parseConf(ctx.aux(`${ctx.rel}.conf`));
  const diagnostics: Diagnostic[] = [];
  const sql = conf.get('placeholderReplacement') === 'false' ? text : substitute(text, ctx, diagnostics);
  const inTransaction = conf.get('executeInTransaction');
  const transactional =
    inTransaction !== undefined ? inTransaction !== 'false' : !NON_TRANSACTIONAL.test(sql);
  return { sql, transactional, diagnostics };
}

/** Version parts as Flyway compares them: numbers, trailing zero parts dropped (1.0 = 1). */
function normalVersion(version: string): string[] {
  const parts = version.split(/[._]/).map((p) => p.replace(/^0+(?=\d)/, ''));
  while (parts.length > 1 && parts[parts.length - 1] === '0') parts.pop();
  return parts;
}

function parseConf(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of (text ?? '').split(/\r?\n/)) {
    const m = /^\s*([\w.]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) out.set(m[1] as string, (m[2] as string).toLowerCase() === 'false' ? 'false' : (m[2] as string));
  }
  return out;
}

/** Replaces `${name}` on each line; an unknown name becomes a bare identifier and an error. */
function substitute(text: string, ctx: ExtractContext, diagnostics: Diagnostic[]): string {
  if (!text.includes('${')) return text;
  const lower = new Map(Object.entries(ctx.placeholders).map(([k, v]) => [k.toLowerCase(), v]));
  const valueOf = (key: string, line: number, column: number): string => {
    const own = Object.hasOwn(ctx.placeholders, key) ? ctx.placeholders[key] : undefined;
    const value = own ?? lower.get(key.toLowerCase()) ?? BUILT_INS.get(key)?.(ctx);
    if (value !== undefined) return value.replace(/\r?\n/g, ' ');
    diagnostics.push(
      inputDiagnostic(
        'error',
        line,
        column,
        `placeholder \${${key}} has no value; add it under placeholders: in .github/expand-contract.yml (as Flyway's configuration gives it)`,
      ),
    );
    return key.replace(/[^A-Za-z0-9_]/g, '_') || 'placeholder';
  };
  let out = '';
  let last = 0;
  for (const line of lines(text)) {
    if (!line.text.includes('${')) continue;
    const replaced = line.text.replace(/\$\{([^}\r\n]*)\}/g, (_whole: string, key: string, offset: number) =>
      valueOf(key, line.number, offset + 1),
    );
    out += text.slice(last, line.start) + replaced;
    last = line.start + line.text.length;
  }
  return out + text.slice(last);
}
