// The pending file read for materializing: its migrations directory (checked to be in the repository
// and on disk), the statements below its header, and the name the new migration carries.
import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseSource } from '../../plan/naming/paths.js';
import { sqitchSource } from '../../plan/naming/sqitch-plan.js';
import { statementsOf, type SqlStatement } from '../../plan/naming/statements.js';
import { STATE_DIR, type PendingHeader } from '../../plan/split.js';
import { MaterializeError, STEM, type MaterializeInput } from './context.js';

export function checkDir(input: MaterializeInput, header: PendingHeader): string {
  const raw = header.migrationsDir.replace(/\\/g, '/');
  const dir = raw
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '')
    .replace(/^\.$/, '');
  const fix = `fix the \`-- migrations-dir:\` line of ${input.pendingPath}`;
  if (isAbsolute(raw) || dir.split('/').includes('..')) {
    throw new MaterializeError(
      `${input.pendingPath}: its migrations directory ${raw} is outside the repository; ${fix}`,
    );
  }
  if (dir === STATE_DIR || dir.startsWith(`${STATE_DIR}/`)) {
    throw new MaterializeError(
      `${input.pendingPath}: its migrations directory ${raw} is expand-contract's own state folder; ${fix}`,
    );
  }
  if (!isDirectory(join(input.root, dir))) {
    throw new MaterializeError(
      `${input.pendingPath}: its migrations directory ${raw} does not exist; restore it, or ${fix} if the migrations moved`,
    );
  }
  return dir;
}

export const HEADER_LINE = /^--\s*(plan|source|framework|migrations-dir|contract-after-days|drops):/;

/** The statements below the pending header. */
export function bodyStatements(input: MaterializeInput, header: PendingHeader): SqlStatement[] {
  const all = input.content.split(/\r?\n/);
  let start = 0;
  while (start < all.length) {
    const line = all[start] as string;
    if (HEADER_LINE.test(line) || (start === 0 && /^--\s*expand-contract:/.test(line))) start++;
    else break;
  }
  const body = all.slice(start).join('\n');
  let statements: SqlStatement[];
  try {
    statements = statementsOf(body);
  } catch (e: unknown) {
    const why = (e instanceof Error ? e.message : String(e)).replace(
      /^generated SQL does not parse \((.*)\).*$/,
      '$1',
    );
    throw new MaterializeError(
      `${input.pendingPath}: the SQL below its header does not parse (${why}); fix it (the contract of ${header.planId} must be valid PostgreSQL)`,
    );
  }
  if (statements.length === 0) {
    throw new MaterializeError(
      `${input.pendingPath}: there is no SQL below its header, so there is nothing to contract; delete the file if the contract of ${header.planId} was done by hand`,
    );
  }
  return statements;
}

/** The name the new migration carries after `expand_contract_contract_`: the source migration's. */
export function slugOf(header: PendingHeader): string {
  const fromSource =
    header.framework === 'sqitch'
      ? (sqitchSource(header.source)?.change ?? header.source).split('/').pop()
      : parseSource(header.framework, header.source).rest;
  const clean = (text: string): string =>
    text
      .toLowerCase()
      .replace(/\.(up\.)?sql$/, '')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(new RegExp(`^${STEM}`), '')
      .slice(0, 60)
      .replace(/_+$/, '');
  return clean(fromSource ?? '') || clean(header.planId) || 'plan';
}

function isDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}
