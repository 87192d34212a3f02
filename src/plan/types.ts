// The plan as data: what each recipe produces, and the MigrationPlan of one migration file.
// Recipes return SQL text per phase; nothing here runs anything (src/verify/ executes plans).
import type { SchemaCatalog } from '../catalog/model.js';
import type { BackfillStep, PlannedBackfill } from './batch.js';
import type { Finding, FrameworkName, Statement } from '../types.js';

/** The five phases, plus `later`: extra migrations that must run after the expand one. */
export type Phase = 'expand' | 'dual-write' | 'backfill' | 'later' | 'contract';

// Run order of a plan: expand (with the dual-write triggers), each `later` migration, the backfill,
// then (after the application switched reads and `contractAfterDays` passed) the contract.

/** An extra migration that runs after the expand migration (and before the contract one). */
export interface LaterStep {
  sql: string;
  /** True when the statement cannot run inside a transaction block (CREATE INDEX CONCURRENTLY). */
  outsideTransaction: boolean;
  /** One line: why it is a separate migration. */
  why: string;
}

/** What the application must do, one line each. */
export interface AppSteps {
  /** Phase 2: while both structures exist. */
  dualWrite: string[];
  /** Phase 4: reads move to the new structure. */
  switchReads: string[];
  /** How to make common ORMs stop reading a column before the contract drops it. */
  ignore: OrmNote[];
}

export type Orm = 'Rails (ActiveRecord)' | 'Django' | 'Prisma' | 'TypeORM' | 'SQLAlchemy';

export interface OrmNote {
  orm: Orm;
  how: string;
}

/** An expression or statement a person must write; it parses, and fails loudly if run unfilled. */
export interface Placeholder {
  recipe: string;
  phase: Phase;
  statementLine: number;
  /** What to write instead of the marker. */
  description: string;
  /** The marker text in the SQL: `expand_contract_todo('...')`. */
  marker: string;
}

/** One statement of the migration file (or one command of a multi-command ALTER TABLE). */
export interface PlanTarget {
  /** The statement; for one command of a split ALTER TABLE, a copy with that command's text and node. */
  statement: Statement;
  /** The original statement it comes from. */
  original: Statement;
  /** Position of the command within a split ALTER TABLE, else null. */
  cmdIndex: number | null;
  /** Unsuppressed findings on this target. */
  findings: Finding[];
}

/** What a recipe may read besides the statement. */
export interface RecipeContext {
  /** The schema just before the statement runs. */
  catalog: SchemaCatalog;
  postgresVersion: number;
  framework: FrameworkName;
  /** True when the framework runs the file inside one transaction. */
  transactional: boolean;
  /** Rows per committed batch in generated backfills. */
  batchSize: number;
  /** The `lock_timeout` value phases that take blocking locks start with. */
  lockTimeout: string;
  /** Every target of the file, in order (lost-rename looks at its neighbours). */
  targets: readonly PlanTarget[];
}

/** Why a recipe cannot plan a statement here; the findings go to `unplanned` with this reason. */
export interface Refusal {
  refused: string;
}

export type RecipeKind = 'primary' | 'alternative' | 'setting';

/**
 * One expand/contract recipe. `validate` reads the statement and the catalog into a spec `S` (or refuses);
 * every other function is pure over that spec. Files declare `satisfies Recipe<Spec>`.
 */
export interface Recipe<S> {
  /** Kebab-case id: file name, docs slug, `recipe` in plans. */
  id: string;
  /** Rule ids whose findings this recipe answers. */
  rules: readonly string[];
  /**
   * `primary` recipes replace the statement; `alternative` ones are offered beside the literal plan;
   * `setting` ones answer findings without claiming the statement, their SQL opening a phase.
   */
  kind: RecipeKind;
  appliesTo(finding: Finding, statement: Statement, ctx: RecipeContext): boolean;
  /** Can this recipe plan here (e.g. is the column's type known)? */
  validate(target: PlanTarget, ctx: RecipeContext): S | Refusal;
  /** `schema.table[.column]` the recipe changes. */
  object(spec: S): string;
  summary(spec: S): string;
  expand(spec: S): string[];
  dualWrite?(spec: S): string[];
  backfill?(spec: S): PlannedBackfill[];
  later?(spec: S): LaterStep[];
  contract(spec: S): string[];
  /** Undoes expand (and dual write), newest first. */
  rollback(spec: S): string[];
  app(spec: S): AppSteps;
  /** Objects the contract drops (`schema.table.column`, `schema.table`, `trigger on schema.table`, ...). */
  drops(spec: S): string[];
  /**
   * SQL the user may run after the contract, as its own change, to reach exactly the original statement's
   * schema (a type change leaves the new column under its temporary name). Not part of the plan; the
   * proof applies it before comparing, and says so.
   */
  followUp?(spec: S): string[];
  /**
   * Later targets of the file this plan also answers (a SET NOT NULL folded into a column swap): the
   * planner does not plan them on their own.
   */
  covers?(spec: S): PlanTarget[];
}

/** A recipe as the planner holds it: the spec type erased behind one `plan` call. */
export interface RegisteredRecipe {
  id: string;
  rules: readonly string[];
  kind: RecipeKind;
  appliesTo(finding: Finding, statement: Statement, ctx: RecipeContext): boolean;
  plan(target: PlanTarget, ctx: RecipeContext): (RecipeOutput & { covers: PlanTarget[] }) | Refusal;
}

/** The SQL and steps one recipe produces for one target. */
export interface RecipeOutput {
  object: string;
  summary: string;
  sql: {
    expand: string[];
    dualWrite: string[];
    backfill: string[];
    later: LaterStep[];
    contract: string[];
  };
  /** The backfill's data changes, as `expand-contract backfill` runs them (one per `sql.backfill`). */
  backfillSteps: BackfillStep[];
  rollback: string[];
  app: AppSteps;
  drops: string[];
  /** See Recipe.followUp; empty for most recipes. */
  followUp: string[];
}

export interface AppliedRecipe extends RecipeOutput {
  recipe: string;
  /** Line of the statement the recipe answers (1-based, in the migration file). */
  statementLine: number;
  /** Rule ids of the findings answered. */
  rules: string[];
  placeholders: Placeholder[];
}

/** A statement no recipe claims: kept in order in the expand phase, untouched. */
export interface Passthrough {
  statementLine: number;
  sql: string;
}

export interface UnplannedFinding {
  rule: string;
  statementLine: number;
  line: number;
  object: string | null;
  message: string;
  /** "no recipe for rule X", or why the recipe could not plan here. */
  reason: string;
}

/** The expand/contract plan of one migration file. */
export interface MigrationPlan {
  version: 1;
  /** Stable: a hash of the source path and the statement texts. */
  planId: string;
  source: string;
  framework: FrameworkName;
  /** True when the framework wraps the expand file in a transaction. */
  transactional: boolean;
  postgresVersion: number;
  contractAfterDays: number;
  recipes: AppliedRecipe[];
  /** Plans offered beside the literal one (a DROP + ADD that is probably a lost rename). */
  alternatives: AppliedRecipe[];
  passthrough: Passthrough[];
  unplanned: UnplannedFinding[];
  placeholders: Placeholder[];
  /** Phase 1 (with the dual-write triggers): the migration that ships now. */
  expand: string;
  /** Phase 3: a script that commits per batch; run outside a transaction block. */
  backfill: string | null;
  /** Phase 3's data changes in order, as `expand-contract backfill` runs them. */
  backfillSteps: BackfillStep[];
  /** With production statistics: how long each step's backfill would take there, and its batch size. */
  backfillEstimates?: BackfillEstimate[];
  /** Migrations that must run after the expand one, in order. */
  later: LaterStep[];
  /** Phase 5: ships `contractAfterDays` after the expand deploy. */
  contract: string | null;
  /** Phases 2 and 4: what the application must do. */
  app: { dualWrite: string[]; switchReads: string[]; ignore: OrmNote[] };
}

/** One backfill step weighed by production (src/stats/backfill-estimate.ts). */
export interface BackfillEstimate {
  /** `schema.table`. */
  table: string;
  rows: number;
  writesPerSecond: number;
  /** Estimated seconds for `expand-contract backfill`; null without a calibration. */
  seconds: number | null;
  /** The `--batch-size` suited to the table's write rate; null without a calibration. */
  batchSize: number | null;
  basis: string;
}

export interface PlanOptions {
  postgresVersion: number;
  contractAfterDays: number;
  /** Rows per batch in backfills (default 1000). */
  batchSize?: number;
  /** `SET lock_timeout` put before phases that take blocking locks; null leaves it out (default '5s'). */
  lockTimeout?: string | null;
}
