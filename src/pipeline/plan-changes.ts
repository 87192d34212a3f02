// `plan` as one call: the schema before the change (replayed on PGlite or a shadow server, else the
// static model), the analysis, the phase plan of every migration with findings, and each plan's proof
// and lock trace. Shared by the CLI (`plan`, `split`, `trace`) and the Action. Reads no environment.
import { historyCatalog, type HistoryOptions } from '../catalog/replay-history.js';
import { replayNotice } from '../catalog/replay.js';
import { DatabaseError, type Database } from '../db/database.js';
import { openShadow } from '../db/shadow.js';
import { analyzeDetailed, type AnalysisInput, type DetailedAnalysis, type EngineOptions } from '../engine.js';
import { loadParser } from '../parse/index.js';
import { planMigration } from '../plan/planner.js';
import { SeededCatalog } from '../catalog/replay-seed.js';
import { StaticCatalog } from '../catalog/static-catalog.js';
import { addDocumentedLocks } from './documented-locks.js';
import type { MigrationPlan } from '../plan/types.js';
import type { MigrationFile, Report } from '../types.js';
import { verifyPlan, type VerifyResult } from '../verify/verify.js';

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
  /** The files that run before it (the history, then earlier changes). */
  before: MigrationFile[];
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
  let seed: EngineOptions['seed'];
  if (input.history.length > 0) {
    options.progress?.(`replaying ${input.history.length} earlier migration(s)`);
    const outcome = await historyCatalog(input.history, options.history);
    notices.push(...outcome.notices);
    if (outcome.ok) {
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
  const plans: PlannedMigration[] = [];
  const before: MigrationFile[] = [...input.history];
  for (const release of input.releases) {
    for (const file of release) {
      if (wanted(file, analysis.report, options.only)) {
        const plan = planMigration(analysis, file, {
          postgresVersion: options.engine.postgresVersion,
          contractAfterDays: options.contractAfterDays,
          ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
          ...(options.lockTimeout !== undefined ? { lockTimeout: options.lockTimeout } : {}),
        });
        const planned = await prove(file, [...before], plan, schema, options);
        if (planned.proof?.trace)
          addDocumentedLocks(planned.proof.trace, catalogOf(analysis), options.engine.postgresVersion);
        plans.push(planned);
      }
      before.push(file);
    }
  }
  return { analysis, report: analysis.report, schema, notices, plans };
}

/** The schema model after the history (what the rules started from). */
function catalogOf(analysis: DetailedAnalysis): StaticCatalog {
  const catalog = analysis.seed ? SeededCatalog.seed(analysis.seed) : new StaticCatalog();
  catalog.beginRelease(0);
  if (!analysis.seed) for (const h of analysis.history) for (const s of h.statements) catalog.apply(s);
  return catalog;
}

function wanted(file: MigrationFile, report: Report, only: readonly string[] | undefined): boolean {
  if (only) return only.includes(file.path);
  return report.findings.some(
    (f) => f.path === file.path && (f.severity === 'error' || f.severity === 'warning'),
  );
}

const NOT_THE_PLAN = /^the (history does not replay|original migration fails)/;

async function prove(
  file: MigrationFile,
  before: MigrationFile[],
  plan: MigrationPlan,
  schema: SchemaSource,
  options: PlanChangesOptions,
): Promise<PlannedMigration> {
  const base = { file, before, plan };
  if (options.prove === false)
    return { ...base, status: 'not-run', proof: null, reason: 'the proof was turned off' };
  if (plan.recipes.length === 0 && plan.alternatives.length === 0 && !options.proveUnplanned)
    return { ...base, status: 'not-run', proof: null, reason: 'no recipe applies: nothing to prove' };
  if (schema.kind === 'static')
    return {
      ...base,
      status: 'not-run',
      proof: null,
      reason: `the history does not replay on ${schema.backend ?? 'the database'}, so the plan cannot be run`,
    };
  if (plan.placeholders.length > 0)
    return {
      ...base,
      status: 'not-run',
      proof: null,
      reason: `the plan has ${plan.placeholders.length} placeholder(s) to fill in first; run \`expand-contract plan\` again after filling them`,
    };
  options.progress?.(`proving the plan of ${file.path}`);
  const shadow = options.history.shadowDatabaseUrl;
  try {
    const proof = await verifyPlan({
      history: before,
      migration: file,
      plan,
      trace: options.trace ?? true,
      ...(shadow ? { open: (): Promise<Database> => openShadow(shadow) } : {}),
    });
    // The plan was never run when the history or the original migration itself failed on the database.
    const blocked = proof.differences.find((d) => NOT_THE_PLAN.test(d));
    if (!proof.ok && blocked) return { ...base, status: 'not-run', proof, reason: blocked };
    return { ...base, status: proof.ok ? 'proven' : 'failed', proof };
  } catch (e: unknown) {
    if (!(e instanceof DatabaseError)) throw e;
    return {
      ...base,
      status: 'not-run',
      proof: null,
      reason: `the database could not run the proof: ${e.message}`,
    };
  }
}
