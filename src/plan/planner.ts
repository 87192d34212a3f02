// plan: the findings of one migration file -> the five expand/contract phases with generated SQL.
// Pure: reads the analysis, rebuilds the schema model before each statement, returns data.
import { historyModel } from '../catalog/replay-seed.js';
import type { DetailedAnalysis } from '../engine.js';
import type { Finding, MigrationFile, Statement } from '../types.js';
import { appSteps, assemble, placeholdersOf, planId, type Entry } from './assemble.js';
import { isRefusal } from './recipes/define.js';
import { RECIPES } from './recipes/index.js';
import { DEFAULT_LOCK_TIMEOUT } from './recipes/lock-timeout.js';
import { targetsOf } from './targets.js';
import type {
  AppliedRecipe,
  MigrationPlan,
  PlanOptions,
  PlanTarget,
  RecipeContext,
  RegisteredRecipe,
  UnplannedFinding,
} from './types.js';

export const DEFAULT_BATCH_SIZE = 1000;

export function planMigration(
  analysis: DetailedAnalysis,
  file: MigrationFile | string,
  options: PlanOptions,
): MigrationPlan {
  const path = typeof file === 'string' ? file : file.path;
  const own = analysis.statements.filter((s) => s.file.path === path);
  const migration = own[0]?.file ?? (typeof file === 'string' ? undefined : file);
  if (!migration) throw new Error(`planMigration: ${path} is not one of the analysed files`);
  const lockTimeout = options.lockTimeout === undefined ? DEFAULT_LOCK_TIMEOUT : options.lockTimeout;

  // Targets first (no catalog needed): recipes such as lost-rename look at their neighbours.
  const byStatement = new Map<Statement, PlanTarget[]>();
  const unplanned: UnplannedFinding[] = [];
  for (const a of own) {
    const live = a.findings.filter((f) => !f.suppressed);
    if (a.statement.plpgsql) {
      for (const f of live)
        unplanned.push(
          unplannedOf(
            f,
            'inside a DO block or function body: no recipe rewrites PL/pgSQL; the block passes through',
          ),
        );
      continue;
    }
    byStatement.set(a.statement, targetsOf(a.statement, live));
  }
  const targets = [...byStatement.values()].flat();

  const catalog = historyModel(analysis.history, analysis.seed);
  const ctx: RecipeContext = {
    catalog,
    postgresVersion: options.postgresVersion,
    framework: migration.framework,
    transactional: migration.transactional,
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    lockTimeout: lockTimeout ?? DEFAULT_LOCK_TIMEOUT,
    targets,
  };

  const entries: Entry[] = [];
  const recipes: AppliedRecipe[] = [];
  const alternatives: AppliedRecipe[] = [];
  const lockFindings: Finding[] = [];
  let lockTarget: PlanTarget | undefined;
  let release: number | undefined;
  // Targets an earlier recipe folded into its own plan, with that recipe.
  const covered = new Map<PlanTarget, AppliedRecipe>();
  for (const a of analysis.statements) {
    if (a.release !== release) {
      release = a.release;
      catalog.beginRelease(a.release + 1);
    }
    for (const [i, target] of (byStatement.get(a.statement) ?? []).entries()) {
      const setting = RECIPES.filter((r) => r.kind === 'setting');
      const locks = target.findings.filter((f) => setting.some((r) => r.appliesTo(f, target.statement, ctx)));
      lockTarget ??= locks.length ? target : undefined;
      lockFindings.push(...locks);
      const rest = target.findings.filter((f) => !lockFindings.includes(f));
      const coveredBy = covered.get(target);
      if (coveredBy) {
        for (const f of rest) if (!coveredBy.rules.includes(f.rule)) coveredBy.rules.push(f.rule);
        continue;
      }
      const planned = planTarget(target, rest, ctx, unplanned);
      if (planned) {
        recipes.push(planned.applied);
        entries.push({ recipe: planned.applied });
        for (const c of planned.covers) covered.set(c, planned.applied);
      } else
        entries.push({ passthrough: { statementLine: a.statement.line, sql: passthroughText(target, i) } });
      for (const alt of RECIPES.filter((r) => r.kind === 'alternative')) {
        const applied = tryRecipe(alt, target, rest, ctx);
        if (applied && !isRefusal(applied)) alternatives.push(withoutCovers(applied));
      }
    }
    catalog.apply(a.statement);
  }

  if (lockTarget && lockTimeout !== null) {
    for (const recipe of RECIPES.filter((r) => r.kind === 'setting')) {
      const applied = tryRecipe(recipe, { ...lockTarget, findings: lockFindings }, lockFindings, ctx);
      if (applied && !isRefusal(applied)) recipes.push(withoutCovers(applied));
    }
  } else {
    for (const f of lockFindings)
      unplanned.push(unplannedOf(f, 'the lock-timeout recipe is turned off (lockTimeout: null)'));
  }

  const phases = assemble(entries, lockTimeout, lockFindings.length > 0, migration.transactional);
  return {
    version: 1,
    planId: planId(
      path,
      own.filter((s) => !s.statement.plpgsql).map((s) => s.statement.text),
    ),
    source: path,
    framework: migration.framework,
    transactional: migration.transactional,
    postgresVersion: options.postgresVersion,
    contractAfterDays: options.contractAfterDays,
    recipes,
    alternatives,
    passthrough: entries.flatMap((e) => ('passthrough' in e ? [e.passthrough] : [])),
    unplanned: unplanned.sort((a, b) => a.line - b.line),
    placeholders: recipes.flatMap((r) => r.placeholders),
    expand: phases.expand,
    backfill: phases.backfill,
    backfillSteps: phases.backfillSteps,
    later: phases.later,
    contract: phases.contract,
    app: appSteps(recipes),
  };
}

/** The first primary recipe that plans the target, or undefined (findings then go to `unplanned`). */
function planTarget(
  target: PlanTarget,
  findings: Finding[],
  ctx: RecipeContext,
  unplanned: UnplannedFinding[],
): { applied: AppliedRecipe; covers: PlanTarget[] } | undefined {
  const refusals = new Map<Finding, string>();
  for (const recipe of RECIPES.filter((r) => r.kind === 'primary')) {
    const applied = tryRecipe(recipe, target, findings, ctx);
    if (!applied) continue;
    if (isRefusal(applied)) {
      for (const f of findings)
        if (recipe.appliesTo(f, target.statement, ctx))
          refusals.set(f, `recipe ${recipe.id}: ${applied.refused}`);
      continue;
    }
    const rest = withoutCovers(applied);
    const covers = applied.covers;
    for (const f of findings) {
      if (!rest.rules.includes(f.rule))
        unplanned.push(
          unplannedOf(
            f,
            `no recipe for rule ${f.rule} here; the statement is rewritten by recipe ${recipe.id}`,
          ),
        );
    }
    return { applied: rest, covers };
  }
  for (const f of findings) unplanned.push(unplannedOf(f, refusals.get(f) ?? `no recipe for rule ${f.rule}`));
  return undefined;
}

function withoutCovers(applied: AppliedRecipe & { covers: PlanTarget[] }): AppliedRecipe {
  const { covers: _covers, ...rest } = applied;
  return rest;
}

function tryRecipe(
  recipe: RegisteredRecipe,
  target: PlanTarget,
  findings: Finding[],
  ctx: RecipeContext,
): (AppliedRecipe & { covers: PlanTarget[] }) | { refused: string } | undefined {
  const answered = findings.filter((f) => recipe.appliesTo(f, target.statement, ctx));
  if (!answered.length) return undefined;
  const out = recipe.plan(target, ctx);
  if (isRefusal(out)) return out;
  const statementLine = target.original.line;
  return {
    recipe: recipe.id,
    statementLine,
    rules: [...new Set(answered.map((f) => f.rule))],
    ...out,
    placeholders: placeholdersOf(recipe.id, statementLine, out),
  };
}

function unplannedOf(f: Finding, reason: string): UnplannedFinding {
  return {
    rule: f.rule,
    statementLine: f.statementLine,
    line: f.line,
    object: f.object,
    message: f.message,
    reason,
  };
}

/** A statement kept as written, with the comments above it (ignore directives live there). */
function passthroughText(target: PlanTarget, index: number): string {
  const comments = index === 0 ? target.original.leadingComments.map((c) => c.text.trimEnd()) : [];
  return [...comments, target.statement.text].join('\n');
}
