// A fixed report for the formatter tests: a breaking finding, a blocking lock, a notice whose file
// text is not known, an ignored finding, and input that needs escaping in every format.
import type { Finding, Report } from '../../src/types.js';

export const DROP_PATH = 'migrations/0002_drop_note.sql';
export const WEIRD_PATH = 'db/migrations/0003 idx|by`name`.sql';
export const NOTICE_PATH = 'migrations/0004_notes.sql';

/** Line 4 starts with a tab and has a multibyte character before the second DROP. */
export const DROP_SQL = [
  '-- the note column is unused since v41',
  'BEGIN;',
  'ALTER TABLE "café"',
  '\tDROP COLUMN "é", DROP COLUMN note;',
  'COMMIT;',
  '',
].join('\n');

/** CRLF line ends. */
export const WEIRD_SQL = [
  'SET lock_timeout = 0;',
  'CREATE INDEX orders_by_name',
  '  ON orders (name);',
  '',
].join('\r\n');

export const dropFinding: Finding = {
  rule: 'ban-drop-column',
  severity: 'error',
  breaking: true,
  path: DROP_PATH,
  line: 4,
  // 1-based UTF-16 column of the second DROP: tab (1) + `DROP COLUMN "é", ` (17) + 1.
  column: 19,
  statementLine: 3,
  object: 'public.café.note',
  lock: 'ACCESS EXCLUSIVE',
  message:
    'Dropping column `public.café.note` breaks the running release, which still reads or writes it; it also takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `public.café`.',
  help: 'Stop using the column in the application first, deploy, then drop it in a later (contract) migration.',
  docs: 'docs/rules/ban-drop-column.md',
};

export const indexFinding: Finding = {
  rule: 'require-concurrent-index-creation',
  severity: 'warning',
  breaking: false,
  path: WEIRD_PATH,
  line: 2,
  column: 1,
  statementLine: 2,
  object: 'public.orders',
  lock: 'SHARE',
  message:
    'Creating index `orders_by_name` takes a SHARE lock, blocking writes on `public.orders` until it is built.',
  help: 'Use CREATE INDEX CONCURRENTLY, outside a transaction.',
  docs: 'docs/rules/require-concurrent-index-creation.md',
};

export const noticeFinding: Finding = {
  rule: 'prefer-comment',
  severity: 'notice',
  breaking: false,
  path: NOTICE_PATH,
  line: 1,
  column: 1,
  statementLine: 1,
  object: null,
  lock: null,
  message: 'Ask @team before <b>bold</b> changes | see `notes`\nsecond line',
  docs: 'docs/rules/prefer-comment.md',
};

export const ignoredFinding: Finding = {
  rule: 'ban-drop-column',
  severity: 'error',
  breaking: true,
  path: WEIRD_PATH,
  line: 1,
  column: 1,
  statementLine: 1,
  object: 'public.orders.legacy',
  lock: 'ACCESS EXCLUSIVE',
  message: 'Dropping column `public.orders.legacy` breaks the running release.',
  docs: 'docs/rules/ban-drop-column.md',
  suppressed: { reason: 'unused since 2023 | ask @dba, see <ops>', until: '2030-01-01' },
};

export function sampleReport(): Report {
  return {
    version: 1,
    files: [
      { path: DROP_PATH, framework: 'sql', statements: 4 },
      { path: WEIRD_PATH, framework: 'sql', statements: 2 },
      { path: NOTICE_PATH, framework: 'sql', statements: 1 },
    ],
    findings: [dropFinding, indexFinding, noticeFinding],
    suppressed: [ignoredFinding],
  };
}

export function emptyReport(files = 0): Report {
  return {
    version: 1,
    files: Array.from({ length: files }, (_, i) => ({
      path: `m/${i}.sql`,
      framework: 'sql' as const,
      statements: 1,
    })),
    findings: [],
    suppressed: [],
  };
}

export function sources(): Map<string, string> {
  return new Map([
    [DROP_PATH, DROP_SQL],
    [WEIRD_PATH, WEIRD_SQL],
  ]);
}

/** A one-finding report, for targeted checks. */
export function reportOf(finding: Partial<Finding>): Report {
  return { ...emptyReport(1), findings: [{ ...dropFinding, ...finding }] };
}
