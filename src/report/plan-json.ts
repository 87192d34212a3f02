// `plan --format json`: the check report's JSON (version 1) plus where the schema came from, the notices,
// and per planned migration its plan, its proof status and its trace.
import { jsonReport } from './json.js';
import type { PlanReport } from './plan-model.js';

export function planJson(input: PlanReport): Record<string, unknown> {
  return {
    ...jsonReport(input.report),
    schema: input.schema,
    notices: input.notices,
    plans: input.plans.map((e) => ({
      planId: e.plan.planId,
      source: e.plan.source,
      proof: {
        status: e.status,
        ...(e.reason !== undefined ? { reason: e.reason } : {}),
        differences: e.proof?.differences ?? [],
        notes: e.proof?.notes ?? [],
        trace: e.proof?.trace ?? [],
      },
      plan: e.plan,
    })),
  };
}

export function renderPlanJson(input: PlanReport): string {
  return `${JSON.stringify(planJson(input), null, 2)}\n`;
}
