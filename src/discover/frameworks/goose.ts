// goose: `-- +goose Up` then `-- +goose Down`; only the up section runs, in a transaction unless the
// file says `-- +goose NO TRANSACTION`. StatementBegin/End lines are comments and stay; ENVSUB
// `${VAR}` text is left alone. Files `<version>_<name>.sql`, by version.
import type { Diagnostic } from '../../types.js';
import { blank, isCommentOrBlank, keepLines, lines, padNumber } from '../text.js';
import {
  baseName,
  inputDiagnostic,
  type ExtractContext,
  type Extracted,
  type Folder,
  type OrderResult,
} from './types.js';

export const name = 'goose';

const FILE = /^(\d+)_.*\.sql$/;
const HAS_UP = /^\s*--\s*\+goose\s+up\s*$/im;
const KNOWN = new Set([
  'up',
  'down',
  'statementbegin',
  'statementend',
  'no transaction',
  'envsub on',
  'envsub off',
]);

export function detect(folder: Folder): number {
  if (folder.files.length === 0) return 0;
  const marked = folder.files.filter((f) => HAS_UP.test(folder.text(f) ?? '')).length;
  return marked === 0 ? 0 : 0.95 * (marked / folder.files.length);
}

export function order(folder: Folder): OrderResult {
  const result: OrderResult = { entries: [], skipped: [], diagnostics: [] };
  for (const rel of folder.files) {
    const m = FILE.exec(baseName(rel));
    if (m && BigInt(m[1] as string) > 0n) {
      result.entries.push({ rel, orderKey: `${padNumber(m[1] as string)}_${baseName(rel)}` });
    } else {
      result.skipped.push({
        rel,
        reason: 'not named <version>_<name>.sql with a version above 0, so goose does not run it',
        notice: true,
      });
    }
  }
  return result;
}

export function extract(text: string, ctx: ExtractContext): Extracted {
  const diagnostics: Diagnostic[] = [];
  const error = (line: number, column: number, message: string): void => {
    diagnostics.push(inputDiagnostic('error', line, column, message));
  };
  let section: 'start' | 'up' | 'down' = 'start';
  let transactional = true;
  let sawUp = false;
  let openBegin: number | undefined;
  let stray: number | undefined;
  const sectionOf = new Map<number, 'start' | 'up' | 'down'>();

  for (const line of lines(text)) {
    const trimmed = line.text.trim();
    if (trimmed.startsWith('--') && line.text.includes('+goose')) {
      const indent = line.text.length - line.text.trimStart().length;
      if (indent > 0 && !(ctx.bom && line.number === 1 && indent === 1)) {
        error(
          line.number,
          1,
          'goose refuses an annotation with leading white space; start the line with `-- +goose`',
        );
      }
      const command = trimmed
        .replace(/--/g, '')
        .replace('+goose', '')
        .trim()
        .replace(/\s+/g, ' ')
        .toLowerCase();
      if (!KNOWN.has(command)) {
        error(
          line.number,
          indent + 1,
          `goose does not know the annotation \`${trimmed}\` and refuses this file`,
        );
      } else if (command === 'up') {
        if (section !== 'start')
          error(line.number, indent + 1, 'a second `-- +goose Up`; goose refuses this file');
        else {
          section = 'up';
          sawUp = true;
        }
      } else if (command === 'down') {
        if (section === 'start') {
          error(line.number, indent + 1, '`-- +goose Down` before `-- +goose Up`; goose refuses this file');
        }
        section = 'down';
      } else if (command === 'no transaction') transactional = false;
      else if (command === 'statementbegin') openBegin = line.number;
      else if (command === 'statementend') openBegin = undefined;
      sectionOf.set(line.number, 'start');
      continue;
    }
    if (section === 'start' && !isCommentOrBlank(line.text)) stray ??= line.number;
    sectionOf.set(line.number, section);
  }

  if (!sawUp) {
    error(
      1,
      1,
      'goose needs a `-- +goose Up` line before the up SQL and refuses this file; add one at the top',
    );
    return { sql: blank(text), transactional, diagnostics };
  }
  if (stray !== undefined) {
    error(stray, 1, 'goose refuses SQL before `-- +goose Up`; move it into the up section');
  }
  if (openBegin !== undefined) {
    error(
      openBegin,
      1,
      '`-- +goose StatementBegin` is never closed by `-- +goose StatementEnd`; goose refuses this file',
    );
  }
  const sql = keepLines(text, (l) => {
    const s = sectionOf.get(l.number);
    return s === 'up' || (s === 'start' && isCommentOrBlank(l.text));
  });
  return { sql, transactional, diagnostics };
}
