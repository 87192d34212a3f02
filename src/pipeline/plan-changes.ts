// `plan` as one call: the schema before the change (replayed on PGlite or a shadow server, else the
// static model), the analysis, the phase plan of every migration with findings, and each plan's proof
// and lock trace. Shared by the CLI (`plan`, `split`, `trace`) and the Action. Reads no environment.
import { historyCatalog, openHistory, type HistoryOptions } from '../catalog/replay-history.js';
import { historyModel } from '../catalog/replay-seed.js';
import { historyExtensions, replayNotice } from '../catalog/replay.js';
import { DatabaseError, type Database } from '../db/database.js';
import type { PgliteDatabase } from '../db/pglite.js';
import { openShadow } from '../db/shadow.js';
import { analyzeDetailed, type AnalysisInput, type DetailedAnalysis, type EngineOptions } from '../engine.js';
import { loadParser } from '../parse/index.js';
import { planMigration } from '../plan/planner.js';
import type { MigrationPlan } from '../plan/types.js';
import type { MigrationFile, Report } from '../types.js';
import { verifyPlan, type VerifyResult } from '../verify/verify.js';
import { addDocumentedLocks } from './documented-locks.js';

export interface PlanChangesOptions {
  engine: Omit<EngineOptions, 'seed'>;
  contractAfterDays: number;
  /** Where the history is replayed and cached (shadow server, cache directory, working tree). */
  history: HistoryOptions;
  /** Run each plan's proof (default true). */
  prove?: boolean;
  /** Record the locks each statement takes during the proof (default true). */
  trace?: boolean;
  /** Prove (and trace) a plan even when no recipe applies: `trace` shows the original's locks. */
  proveUnplanned?: boolean;
  /** Plan only these files (paths); default: every changed file with a warning or an error. */
  only?: readonly string[];
  batchSize?: number;
  lockTimeout?: string | null;
  /** Prove at most this many plans; the others are reported as not proven, saying why. */
  maxProofs?: number;
  /** Told when a slow step starts (`replaying 12 migrations`, `proving plan ...`), for progress lines. */
  progress?: (message: string) => void;
}

/** Where the schema before the change came from. */
export interface SchemaSource {
  kind: 'replay' | 'cache' | 'static' | 'none';
  /** `PGlite`, or the shadow database's description. */
  backend: string | null;
  /** Migrations in the history. */
  migrations: number;
}

export type ProofStatus = 'proven' | 'failed' | 'not-run';

export interface PlannedMigration {
  file: MigrationFile;
  plan: MigrationPlan;
  status: ProofStatus;
  /** The proof's result; null when it did not run (`reason` says why). */
  proof: VerifyResult | null;
  reason?: string;
}

export interface PlanRun {
  analysis: DetailedAnalysis;
  report: Report;
  schema: SchemaSource;
  /** Sentences for the user: a fallback to the static model, a cache that could not be written... */
  notices: string[];
  plans: PlannedMigration[];
}

export async function planChanges(input: AnalysisInput, options: PlanChangesOptions): Promise<PlanRun> {
  // The replay reads the history's CREATE EXTENSION statements with the parser: load it first.
  await loadParser();
  const notices: string[] = [];
  const schema: SchemaSource = { kind: 'none', backend: null, migrations: input.history.length };
  // When plans will be proven on PGlite, the database that replayed the history stays open: each proof
  // starts from a copy of it instead of starting and replaying again.
  let base: PgliteDatabase | undefined;
  try {
    let seed: EngineOptions['seed'];
    if (input.history.length > 0) {
      options.progress?.(`replaying ${input.history.length} earlier migration(s)`);
      const keep = options.prove !== false && !options.history.shadowDatabaseUrl;
      const outcome = keep
        ? await openHistory(input.history, options.history)
        : await historyCatalog(input.history, options.history);
      notices.push(...outcome.notices);
      if (outcome.ok) {
        if ('db' in outcome) base = outcome.db as PgliteDatabase;
        seed = outcome.catalog.snapshot;
        schema.kind = outcome.source;
        schema.backend = options.history.shadowDatabaseUrl ? 'shadow database' : 'PGlite';
      } else {
        schema.kind = 'static';
        schema.backend = outcome.backend;
        notices.push(replayNotice(outcome.failure, outcome.backend));
      }
    }

    const analysis = await analyzeDetailed(input, { ...options.engine, ...(seed ? { seed } : {}) });
    const model = historyModel(analysis.history, analysis.seed);
    const plans: PlannedMigration[] = [];
    const before: MigrationFile[] = [...input.history];
    let proofs = 0;
    const last = input.releases
      .flat()
      .filter((f) => wanted(f, analysis.report, options.only))
      .pop();
    for (const release of input.releases) {
      for (const file of release) {
        if (wanted(file, analysis.report, options.only)) {
          const plan = planMigration(analysis, file, {
            postgresVersion: options.engine.postgresVersion,
            contractAfterDays: options.contractAfterDays,
            ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
            ...(options.lockTimeout !== undefined ? { lockTimeout: options.lockTimeout } : {}),
          });
          // The last proof may use the replayed database itself for the original's side: nothing needs it after.
          const start = { base, after: input.history.length, last: file === last };
          const spent = options.maxProofs !== undefined && proofs >= options.maxProofs;
          const planned = spent
            ? {
                file,
                plan,
                status: 'not-run' as const,
                proof: null,
                reason: `only ${options.maxProofs} plans are proven per run; prove this one with expand-contract plan ${file.path}`,
              }
            : await prove(file, [...before], plan, schema, start, options);
          if (planned.proof) proofs++;
          if (planned.proof?.trace)
            addDocumentedLocks(planned.proof.trace, model, options.engine.postgresVersion);
          plans.push(planned);
        }
        before.push(file);
      }
    }
    return { analysis, report: analysis.report, schema, notices, plans };
  } finally {
    await base?.close();
  }
}

function wanted(file: MigrationFile, report: Report, only: readonly string[] | undefined): boolean {
  if (only) return only.includes(file.path);
  return report.findings.some(
    (f) => f.path === file.path && (f.severity === 'error' || f.severity === 'warning'),
  );
}

/** Where a proof's databases come from: a copy of the replayed history, a shadow server, or a fresh PGlite. */
function proofDatabases(
  file: MigrationFile,
  before: MigrationFile[],
  start: { base: PgliteDatabase | undefined; after: number; last: boolean },
  options: PlanChangesOptions,
): { history: MigrationFile[]; open?: () => Promise<Database> } {
  const shadow = options.history.shadowDatabaseUrl;
  if (shadow) return { history: before, open: () => openShadow(shadow) };
  const { base } = start;
  const rest = before.slice(start.after);
  // A copy carries the extensions loaded at start: usable unless the later files need another one.
  if (base && historyExtensions([...rest, file]).every((e) => base.extensions.includes(e)))
    return { history: rest, open: start.last ? () => Promise.resolve(base) : () => base.clone() };
  return { history: before };
}

async function prove(
  file: MigrationFile,
  before: MigrationFile[],
  plan: MigrationPlan,
  schema: SchemaSource,
  start: { base: PgliteDatabase | undefined; after: number; last: boolean },
  options: PlanChangesOptions,
): Promise<PlannedMigration> {
  const base = { file, plan };
  const notRun = (reason: string, proof: VerifyResult | null = null): PlannedMigration => ({
    ...base,
    status: 'not-run',
    proof,
    reason,
  });
  if (options.prove === false) return notRun('the proof was turned off');
  if (plan.recipes.length === 0 && plan.alternatives.length === 0 && !options.proveUnplanned)
    return notRun('no recipe applies: nothing to prove');
  if (schema.kind === 'static')
    return notRun(
      `the history does not replay on ${schema.backend ?? 'the database'}, so the plan cannot be run`,
    );
  if (plan.placeholders.length > 0)
    return notRun(
      `the plan has ${plan.placeholders.length} placeholder(s) to fill in first; run \`expand-contract plan\` again after filling them`,
    );
  options.progress?.(`proving the plan of ${file.path}`);
  try {
    const proof = await verifyPlan({
      ...proofDatabases(file, before, start, options),
      migration: file,
      plan,
      trace: options.trace ?? true,
    });
    if (proof.inconclusive !== undefined) return notRun(proof.inconclusive, proof);
    return { ...base, status: proof.ok ? 'proven' : 'failed', proof };
  } catch (e: unknown) {
    if (!(e instanceof DatabaseError)) throw e;
    return notRun(`the database could not run the proof: ${e.message}`);
  }
}
