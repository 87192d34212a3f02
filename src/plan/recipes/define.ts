// Erases a recipe's spec type behind one `plan` call, for the registry.
import type { PlanTarget, Recipe, RecipeContext, RecipeOutput, Refusal, RegisteredRecipe } from '../types.js';

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

export function register<S>(recipe: Recipe<S>): RegisteredRecipe {
  return {
    id: recipe.id,
    rules: recipe.rules,
    kind: recipe.kind,
    appliesTo: (finding, statement, ctx) => recipe.appliesTo(finding, statement, ctx),
    plan: (target: PlanTarget, ctx: RecipeContext): (RecipeOutput & { covers: PlanTarget[] }) | Refusal => {
      const spec = recipe.validate(target, ctx);
      if (isRefusal(spec)) return spec;
      const backfill = recipe.backfill?.(spec) ?? [];
      return {
        object: recipe.object(spec),
        summary: recipe.summary(spec),
        sql: {
          expand: recipe.expand(spec),
          dualWrite: recipe.dualWrite?.(spec) ?? [],
          backfill: backfill.map((b) => b.sql),
          later: recipe.later?.(spec) ?? [],
          contract: recipe.contract(spec),
        },
        backfillSteps: backfill.map((b) => b.step),
        rollback: recipe.rollback(spec),
        app: recipe.app(spec),
        drops: recipe.drops(spec),
        followUp: recipe.followUp?.(spec) ?? [],
        covers: recipe.covers?.(spec) ?? [],
      };
    },
  };
}

/** No application change needed. */
export const NO_APP = { dualWrite: [], switchReads: [], ignore: [] };
