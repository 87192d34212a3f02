// Puts the planned pieces of one file together: phase texts in the file's order, placeholders,
// the application's steps, and the stable plan id.
import { createHash } from 'node:crypto';
import { lockTimeoutStatement, takesBlockingLock } from './recipes/lock-timeout.js';
import { findPlaceholders, script } from './sql.js';
import type { BackfillStep } from './batch.js';
import type {
  AppliedRecipe,
  LaterStep,
  OrmNote,
  Passthrough,
  Phase,
  Placeholder,
  RecipeOutput,
} from './types.js';

/** One item of the expand phase, in file order. */
export type Entry = { passthrough: Passthrough } | { recipe: AppliedRecipe };

export function planId(source: string, statements: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(source);
  for (const s of statements) hash.update(`\0${s}`);
  return `ec-${hash.digest('hex').slice(0, 16)}`;
}

export function placeholdersOf(recipe: string, statementLine: number, out: RecipeOutput): Placeholder[] {
  const phases: Array<[Phase, string[]]> = [
    ['expand', out.sql.expand],
    ['dual-write', out.sql.dualWrite],
    ['backfill', out.sql.backfill],
    ['later', out.sql.later.map((l) => l.sql)],
    ['contract', out.sql.contract],
  ];
  return phases.flatMap(([phase, sql]) =>
    sql.flatMap((s) =>
      findPlaceholders(s).map((p) => ({
        recipe,
        phase,
        statementLine,
        description: p.description,
        marker: p.marker,
      })),
    ),
  );
}

export interface Assembled {
  expand: string;
  backfill: string | null;
  backfillSteps: BackfillStep[];
  later: LaterStep[];
  contract: string | null;
}

const SEARCH_PATH = /^SET\s+(?:(SESSION|LOCAL)\s+)?search_path\b/i;

/** The statement of a passthrough, without the comments above it. */
const bare = (sql: string): string => sql.replace(/^(\s*--[^\n]*\n)*/, '').trim();

/**
 * `SET [LOCAL] search_path ...` as a later phase must repeat it: as written in a migration the framework
 * wraps in a transaction, else at session level (SET LOCAL outside a transaction block does nothing).
 */
function carried(setting: string, inTransaction: boolean): string {
  return inTransaction ? setting : setting.replace(/^SET\s+LOCAL\s+/i, 'SET ');
}

/**
 * The phase texts. `lockTimeout` (or null) opens expand when the file asked for it (a require-lock-timeout
 * finding) or a recipe adds a blocking statement to it, and opens a contract that takes blocking locks.
 */
export function assemble(
  entries: readonly Entry[],
  lockTimeout: string | null,
  lockFindings: boolean,
  transactional = true,
): Assembled {
  const expand: string[] = [];
  const generated: string[] = [];
  const backfill: string[] = [];
  const backfillSteps: BackfillStep[] = [];
  const contract: string[] = [];
  const later: LaterStep[] = [];
  let userSetsTimeout = false;
  // The search_path the file set before each moved statement, and what each later phase last repeated.
  let searchPath: string | null = null;
  const repeated = { backfill: null as string | null, contract: null as string | null };
  for (const e of entries) {
    if ('passthrough' in e) {
      expand.push(e.passthrough.sql);
      if (/\bSET\s+(LOCAL\s+)?lock_timeout\b/i.test(e.passthrough.sql)) userSetsTimeout = true;
      const statement = bare(e.passthrough.sql);
      if (SEARCH_PATH.test(statement)) searchPath = statement.replace(/;$/, '');
      continue;
    }
    const r = e.recipe;
    if (r.recipe === 'lock-timeout') continue;
    expand.push(...r.sql.expand, ...r.sql.dualWrite);
    generated.push(...r.sql.expand, ...r.sql.dualWrite);
    if (searchPath !== null && r.sql.backfill.length > 0 && repeated.backfill !== searchPath) {
      backfill.push(carried(searchPath, false));
      repeated.backfill = searchPath;
    }
    backfill.push(...r.sql.backfill);
    const path = searchPath === null ? null : carried(searchPath, false);
    backfillSteps.push(...r.backfillSteps.map((step) => ({ ...step, searchPath: path })));
    if (searchPath !== null && r.sql.contract.length > 0 && repeated.contract !== searchPath) {
      contract.push(carried(searchPath, transactional));
      repeated.contract = searchPath;
    }
    contract.push(...r.sql.contract);
    for (const step of r.sql.later)
      later.push(
        searchPath === null
          ? step
          : {
              ...step,
              sql: `${carried(searchPath, transactional && !step.outsideTransaction)};\n${step.sql}`,
            },
      );
  }
  const expandNeeds = lockFindings || (!userSetsTimeout && generated.some(takesBlockingLock));
  if (lockTimeout !== null && expandNeeds && expand.length) expand.unshift(lockTimeoutStatement(lockTimeout));
  if (lockTimeout !== null && contract.some(takesBlockingLock))
    contract.unshift(lockTimeoutStatement(lockTimeout));
  return {
    expand: script(expand),
    backfill: backfill.length ? script(backfill) : null,
    backfillSteps,
    later,
    contract: contract.length ? script(contract) : null,
  };
}

/** The application's steps of every recipe, each line once. */
export function appSteps(recipes: readonly AppliedRecipe[]): {
  dualWrite: string[];
  switchReads: string[];
  ignore: OrmNote[];
} {
  const unique = <T>(items: T[], key: (t: T) => string): T[] => {
    const seen = new Set<string>();
    return items.filter((i) => !seen.has(key(i)) && Boolean(seen.add(key(i))));
  };
  return {
    dualWrite: unique(
      recipes.flatMap((r) => r.app.dualWrite),
      (s) => s,
    ),
    switchReads: unique(
      recipes.flatMap((r) => r.app.switchReads),
      (s) => s,
    ),
    ignore: unique(
      recipes.flatMap((r) => r.app.ignore),
      (n) => `${n.orm}\0${n.how}`,
    ),
  };
}
