// What a pull request drops: its changed migration files read with PostgreSQL's parser (each file's "up"
// SQL, as its framework runs it), every dropped object named the way pending plans' `drops` headers name
// them (src/plan/recipes): `schema.table.column`, `schema.table`, `view schema.v`, `index schema.i`,
// `trigger t on schema.table`, `function schema.f()`, `constraint c on schema.table`, `<kind> schema.name`.
// Also the plans a pull request carries out by itself: a deleted `.expand-contract/pending/<plan-id>.sql`
// and the `contract phase of plan <plan-id>` comment of a materialized contract migration.
import { posix } from 'node:path';
import { frameworkNamed } from '../discover/frameworks/index.js';
import { rangeVarName, type Node } from '../parse/ast.js';
import { loadParser, parseFile } from '../parse/index.js';
import { STATE_DIR } from '../plan/split.js';
import { readAlterTable } from '../rules/util/alter-table.js';
import { dropTargets } from '../rules/util/objects.js';
import type { FrameworkName, MigrationFile, Statement } from '../types.js';
import type { PendingPlan } from './expand-commit.js';

/** A file of the pull request, as the caller read it at the head commit (or at the base, for a deletion). */
export interface ChangedFile {
  /** From the repository root, `/` separators. */
  path: string;
  /** The file's text ('' is fine for a deleted pending file). */
  content: string;
  /** GitHub's file status; a pending file without one counts as deleted (callers pass only deletions). */
  status?: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  /** The framework that runs it, when the caller knows; else read from a pending plan's header or the file. */
  framework?: FrameworkName;
}

/** One object a changed migration file drops. */
export interface DroppedObject {
  /** In the `drops` header's form (see the top of this file). */
  key: string;
  /** Columns and tables hold data: dropping one with no plan fails the gate; other drops only match plans. */
  kind: 'column' | 'table' | 'other';
  path: string;
  line: number;
}

export interface PullDrops {
  drops: DroppedObject[];
  /** Plans whose pending file the pull request deletes, or whose materialized contract it adds. */
  plansCarried: Set<string>;
}

const PENDING_DIR = `${STATE_DIR}/pending/`;
const MARKER = /contract phase of plan ([A-Za-z0-9][A-Za-z0-9._-]*)/g;

/** The drops `header` names, in the form `droppedObjects` gives (prefixes `column`/`table` and quotes read). */
export function normalizeDrop(text: string): string {
  const s = text.trim().replace(/\s+/g, ' ');
  const m = /^([a-z]+) (.*)$/i.exec(s);
  if (m && /^(column|table)$/i.test(m[1] as string)) {
    const parts = unquoteName(m[2] as string);
    if (m[1]!.toLowerCase() === 'table') return parts.length === 1 ? `public.${parts[0]}` : parts.join('.');
    return parts.length === 2 ? `public.${parts.join('.')}` : parts.join('.');
  }
  if (m && /^function$/i.test(m[1] as string)) {
    const name = unquoteName((m[2] as string).replace(/\(.*$/, ''));
    return `function ${(name.length === 1 ? ['public', ...name] : name).join('.')}()`;
  }
  if (m && /^(view|index|trigger|constraint|sequence|type|materialized)$/i.test(m[1] as string)) {
    return `${m[1]!.toLowerCase()} ${(m[2] as string).replace(/"/g, '')}`;
  }
  return s.replace(/"/g, '');
}

function unquoteName(name: string): string[] {
  const parts: string[] = [];
  for (const m of name.trim().matchAll(/"((?:[^"]|"")*)"|([^."]+)/g)) {
    parts.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] as string).trim());
  }
  return parts.filter((p) => p !== '');
}

/** The plan id of a pending contract path, or undefined. */
export function pendingPlanId(path: string): string | undefined {
  const rel = path.replace(/^\.?\/+/, '');
  if (!rel.startsWith(PENDING_DIR)) return undefined;
  const m = /^([^/]+)\.sql$/.exec(rel.slice(PENDING_DIR.length));
  return m?.[1];
}

/** What the pull request's changed files drop, and the plans it carries out. Loads the parser. */
export async function pullDrops(
  changedFiles: readonly ChangedFile[],
  pending: readonly PendingPlan[] = [],
): Promise<PullDrops> {
  await loadParser();
  const plansCarried = new Set<string>();
  const drops: DroppedObject[] = [];
  /** Tables and columns the pull request creates before a statement: dropping them again is no contract. */
  const created = new Set<string>();
  const files = [...changedFiles].sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  for (const file of files) {
    const path = file.path.replace(/^\.?\/+/, '');
    const planId = pendingPlanId(path);
    if (planId !== undefined) {
      if (file.status === undefined || file.status === 'removed') plansCarried.add(planId);
      continue;
    }
    if (path.startsWith(`${STATE_DIR}/`) || file.status === 'removed') continue;
    const framework = file.framework ?? frameworkOf(path, file.content, pending);
    if (framework === undefined) continue;
    for (const m of file.content.matchAll(MARKER)) plansCarried.add(m[1] as string);
    const extracted = frameworkNamed(framework).extract(file.content, {
      rel: posix.basename(path),
      placeholders: {},
      bom: false,
      aux: () => undefined,
    });
    const migration: MigrationFile = {
      path,
      framework,
      orderKey: path,
      transactional: extracted.transactional,
      sql: extracted.sql,
      diagnostics: [],
    };
    for (const statement of parseFile(migration).statements) {
      for (const made of createdBy(statement)) created.add(made);
      for (const drop of droppedBy(statement)) {
        if (drop.kind !== 'other' && created.has(drop.key)) continue;
        drops.push({ ...drop, path, line: statement.line });
      }
    }
  }
  return { drops, plansCarried };
}

/**
 * The framework that runs `path`: a pending plan's header when the file is in that plan's migrations
 * directory, else the file's own markers; undefined for files no framework runs (down, undo, revert and
 * verify scripts).
 */
function frameworkOf(
  path: string,
  content: string,
  pending: readonly PendingPlan[],
): FrameworkName | undefined {
  const base = posix.basename(path);
  if (/\.down\.sql$/i.test(base) || /^U\d/.test(base) || /(^|\/)(revert|verify)\//.test(path)) {
    return undefined;
  }
  const owner = pending.find((p) => {
    const dir = p.header?.migrationsDir.replace(/^\.?\/+|\/+$/g, '');
    return dir !== undefined && (dir === '' || path.startsWith(`${dir}/`));
  });
  if (owner?.header) return owner.header.framework;
  if (/^\s*--\s*\+goose\s+up\s*$/im.test(content)) return 'goose';
  if (/^\s*--\s*migrate:up\b/m.test(content)) return 'dbmate';
  if (/\.up\.sql$/i.test(base)) return 'golang-migrate';
  return 'sql';
}

function createdBy(statement: Statement): string[] {
  if (statement.kind === 'CreateStmt') {
    return [rangeVarName((statement.node.CreateStmt as Node | undefined)?.relation).key];
  }
  const alter = readAlterTable(statement);
  if (!alter) return [];
  return alter.cmds.flatMap((cmd) => {
    const def = cmd.def?.ColumnDef as Node | undefined;
    const name = typeof def?.colname === 'string' ? def.colname : undefined;
    return cmd.subtype === 'AT_AddColumn' && name ? [`${alter.table.key}.${name}`] : [];
  });
}

const OTHER_KIND: Record<string, string> = {
  OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'materialized view',
  OBJECT_INDEX: 'index',
  OBJECT_SEQUENCE: 'sequence',
  OBJECT_TYPE: 'type',
  OBJECT_DOMAIN: 'type',
};

function droppedBy(statement: Statement): Array<Omit<DroppedObject, 'path' | 'line'>> {
  if (statement.kind === 'DropStmt') {
    const drop = statement.node.DropStmt as Node;
    const removeType = typeof drop.removeType === 'string' ? drop.removeType : '';
    const targets = dropTargets(drop);
    if (removeType === 'OBJECT_TABLE' || removeType === 'OBJECT_FOREIGN_TABLE') {
      return targets.map((t) => ({ key: t.key, kind: 'table' }));
    }
    if (removeType === 'OBJECT_TRIGGER') {
      // dropTargets keys a trigger `schema.table.name`; plans name it `trigger name on schema.table`.
      return targets.map((t) => {
        const table = t.key.slice(0, t.key.length - t.name.name.length - 1);
        return { key: `trigger ${t.name.name} on ${table}`, kind: 'other' };
      });
    }
    if (['OBJECT_FUNCTION', 'OBJECT_PROCEDURE', 'OBJECT_ROUTINE'].includes(removeType)) {
      return targets.map((t) => ({ key: `function ${t.key}()`, kind: 'other' }));
    }
    const word = OTHER_KIND[removeType];
    if (word !== undefined) return targets.map((t) => ({ key: `${word} ${t.key}`, kind: 'other' }));
    return [];
  }
  const alter = readAlterTable(statement);
  if (!alter) return [];
  const out: Array<Omit<DroppedObject, 'path' | 'line'>> = [];
  for (const cmd of alter.cmds) {
    if (!cmd.name) continue;
    if (cmd.subtype === 'AT_DropColumn') out.push({ key: `${alter.table.key}.${cmd.name}`, kind: 'column' });
    if (cmd.subtype === 'AT_DropConstraint') {
      out.push({ key: `constraint ${cmd.name} on ${alter.table.key}`, kind: 'other' });
    }
  }
  return out;
}
