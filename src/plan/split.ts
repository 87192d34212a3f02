// A plan as the files that go into the repository: the expand migration in place of the source
// (in the framework's own form), one migration per `later` step right after it, the backfill script,
// and the pending contract file whose header says what it drops and how long to wait. Drizzle's
// journal and sqitch's plan come back updated to list the later migrations (role 'index'), given
// their current text through `readIndex`.
// Pure: returns paths and texts; writing them is the caller's job. Generated SQL is re-read with
// PostgreSQL's parser, so `loadParser()` must have been awaited first (planning needs it anyway).
import type { BackfillStep } from './batch.js';
import type { MigrationFile } from '../types.js';
import { updateIndex } from './naming/indexes.js';
import { laterPaths, migrationsDir } from './naming/paths.js';
import { renderExpand, renderLater } from './naming/render.js';
import type { MigrationPlan } from './types.js';

/** `index`: drizzle's meta/_journal.json or sqitch.plan, updated to list the later migrations. */
export type SplitRole = 'expand' | 'later' | 'index' | 'backfill' | 'contract';

export interface SplitFile {
  path: string;
  content: string;
  role: SplitRole;
}

export interface SplitOptions {
  contractAfterDays: number;
  /** Paths already in the repository (the migrations directory at least), to pick free versions. */
  existing?: readonly string[];
  /**
   * Current text of an index file the framework keeps (`<dir>/meta/_journal.json` for drizzle,
   * `<root>/sqitch.plan` for sqitch), by repository path; null when it cannot be read. Without it
   * (or when the file cannot be read or parsed) the later migrations say to add them by hand.
   */
  readIndex?: (path: string) => string | null;
}

export interface SplitResult {
  planId: string;
  files: SplitFile[];
  /** Path of the rewritten expand migration (the source's own path). */
  expand: string | null;
  backfill: string | null;
  contract: string | null;
  /** Why an index file was not updated (each later migration then says to add it by hand). */
  notes: string[];
}

export const STATE_DIR = '.expand-contract';

export function backfillPath(planId: string): string {
  return `${STATE_DIR}/backfill/${planId}.sql`;
}

export function pendingPath(planId: string): string {
  return `${STATE_DIR}/pending/${planId}.sql`;
}

export function splitFiles(
  plan: MigrationPlan,
  migration: MigrationFile,
  options: SplitOptions,
): SplitResult {
  const framework = migration.framework;
  const contract = plan.contract === null ? null : pendingPath(plan.planId);
  const files: SplitFile[] = [];

  const rollback = [...plan.recipes].reverse().flatMap((r) => r.rollback);
  for (const f of renderExpand({
    framework,
    planId: plan.planId,
    sql: plan.expand,
    rollback,
    transactional: migration.transactional,
    pending: contract ?? 'no contract phase',
  })) {
    files.push({ path: withSuffix(migration.path, f.suffix), content: f.content, role: 'expand' });
  }

  const paths = laterPaths(framework, migration.path, plan.later.length, options.existing ?? []);
  const index = updateIndex({
    framework,
    planId: plan.planId,
    source: migration.path,
    later: plan.later.map((step, i) => ({ ...step, path: paths[i] as string })),
    readIndex: options.readIndex,
  });
  plan.later.forEach((step, i) => {
    const path = paths[i] as string;
    const input = { framework, planId: plan.planId, source: migration.path, indexed: index.indexed, ...step };
    for (const f of renderLater(input)) {
      files.push({ path: withSuffix(path, f.suffix), content: f.content, role: 'later' });
    }
    for (const f of index.extra[i] ?? []) files.push({ ...f, role: 'later' });
  });
  if (index.index !== null) files.push({ ...index.index, role: 'index' });

  const backfill = plan.backfill === null ? null : backfillPath(plan.planId);
  if (backfill !== null && plan.backfill !== null) {
    const header = backfillHeader(plan.planId, migration.path, plan.backfillSteps);
    files.push({ path: backfill, content: text([...header, semicolon(plan.backfill)]), role: 'backfill' });
  }

  if (contract !== null && plan.contract !== null) {
    const header = pendingHeader({
      planId: plan.planId,
      source: migration.path,
      framework,
      migrationsDir: migrationsDir(framework, migration.path),
      contractAfterDays: options.contractAfterDays,
      drops: plan.recipes.flatMap((r) => r.drops),
    });
    files.push({ path: contract, content: text([...header, semicolon(plan.contract)]), role: 'contract' });
  }

  return { planId: plan.planId, files, expand: migration.path, backfill, contract, notes: index.notes };
}

/** What the header of a pending contract file records. */
export interface PendingHeader {
  planId: string;
  source: string;
  framework: MigrationFile['framework'];
  migrationsDir: string;
  contractAfterDays: number;
  drops: string[];
}

const FIELDS = ['plan', 'source', 'framework', 'migrations-dir', 'contract-after-days'] as const;

export function pendingHeader(h: PendingHeader): string[] {
  return [
    '-- expand-contract: pending contract migration (do not apply before it is due)',
    `-- plan: ${h.planId}`,
    `-- source: ${h.source}`,
    `-- framework: ${h.framework}`,
    `-- migrations-dir: ${h.migrationsDir}`,
    `-- contract-after-days: ${h.contractAfterDays}`,
    ...h.drops.map((d) => `-- drops: ${d}`),
  ];
}

/** Reads back the header of a pending contract file; null when it is not one. */
export function readPendingHeader(content: string): PendingHeader | null {
  const values = new Map<string, string>();
  const drops: string[] = [];
  for (const line of content.split(/\r?\n/)) {
    const m = /^--\s*([a-z-]+):\s*(.*?)\s*$/.exec(line);
    if (!m) {
      if (line.startsWith('--')) continue;
      break;
    }
    const [key, value] = [m[1] as string, m[2] as string];
    if (key === 'drops') drops.push(value);
    else if (!values.has(key)) values.set(key, value);
  }
  if (!FIELDS.every((f) => values.has(f))) return null;
  const days = Number(values.get('contract-after-days'));
  if (!Number.isFinite(days)) return null;
  return {
    planId: values.get('plan') as string,
    source: values.get('source') as string,
    framework: values.get('framework') as PendingHeader['framework'],
    migrationsDir: values.get('migrations-dir') as string,
    contractAfterDays: days,
    drops,
  };
}

/**
 * True when the plan's migration was split already: the plan has nothing left to move out of the
 * expand migration (no later step, backfill or contract), and a pending contract file names it.
 */
export function isAlreadySplit(
  plan: MigrationPlan,
  pending: ReadonlyArray<{ path: string; content: string }>,
): boolean {
  if (plan.contract !== null || plan.backfill !== null || plan.later.length > 0) return false;
  return pending.some(
    (p) => p.path.startsWith(`${STATE_DIR}/pending/`) && readPendingHeader(p.content)?.source === plan.source,
  );
}

function withSuffix(path: string, suffix: string): string {
  if (suffix === '.down.sql') return path.replace(/\.up\.sql$/, '.down.sql');
  return path + suffix;
}

function semicolon(sql: string): string {
  return `${sql.trimEnd().replace(/;$/, '')};`;
}

function text(list: readonly string[]): string {
  return `${list.join('\n')}\n`;
}

/** The line that opens a backfill script: `-- expand-contract <plan>: backfill for <source>`. */
export const BACKFILL_TITLE = /^-- expand-contract (ec-[0-9a-f]+): backfill for (.+)$/;
/** A step of the runner, one JSON object per line. */
export const BACKFILL_STEP = '-- step: ';

/**
 * The header of a backfill script: the plan, how to run it, and each step as the runner reads it (table,
 * key, SET, FROM, WHERE and the condition of rows that still need it), one JSON object per comment line.
 */
export function backfillHeader(planId: string, source: string, steps: readonly BackfillStep[]): string[] {
  return [
    `-- expand-contract ${planId}: backfill for ${source}`,
    `-- Run with \`expand-contract backfill ${backfillPath(planId)}\` (batched, throttled, resumable, checked at`,
    '-- the end), or with psql outside a transaction block: the DO blocks below commit per batch.',
    ...steps.map((step) => `${BACKFILL_STEP}${JSON.stringify(step)}`),
  ];
}
