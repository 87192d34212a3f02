// What the plan reports read (the pipeline's PlanRun, narrowed), and the views they share: the phases
// in order with when each ships, and the proof in one line.
import type { PlannedMigration, PlanRun } from '../pipeline/plan-changes.js';
import type { BackfillEstimate, MigrationPlan } from '../plan/types.js';

/** One planned migration, as the reports read it. */
export type PlanEntry = Pick<PlannedMigration, 'plan' | 'status' | 'proof' | 'reason'>;

/** The check report plus the plans, as the reports read them. */
export type PlanReport = Pick<PlanRun, 'report' | 'schema' | 'notices'> & { plans: readonly PlanEntry[] };

/** One of the five phases (and the later migrations), as the reports show it. */
export interface PhaseView {
  title: string;
  /** When it ships or runs. */
  when: string;
  /** SQL, for the database phases. */
  sql: string | null;
  /** What the application must do, for the code phases. */
  steps: string[];
}

export function phaseViews(plan: MigrationPlan, today: Date = new Date()): PhaseView[] {
  const views: PhaseView[] = [
    { title: '1. Expand', when: 'ships now, in this migration', sql: plan.expand.trim() || null, steps: [] },
  ];
  plan.later.forEach((l, i) =>
    views.push({
      title: `1${String.fromCharCode(97 + (i % 26))}. Later migration`,
      when: `right after the expand one${l.outsideTransaction ? ', outside a transaction' : ''}: ${l.why}`,
      sql: l.sql.trim(),
      steps: [],
    }),
  );
  views.push({
    title: '2. Dual write',
    when: 'application release that ships with the expand phase',
    sql: null,
    steps: plan.app.dualWrite.length
      ? plan.app.dualWrite
      : ['Nothing to change: no structure is duplicated.'],
  });
  views.push({
    title: '3. Backfill',
    when: 'after the expand deploy; commits per batch, run outside a transaction block',
    sql: plan.backfill?.trim() || null,
    steps: plan.backfill ? (plan.backfillEstimates ?? []).map(estimateLine) : ['Nothing to backfill.'],
  });
  views.push({
    title: '4. Switch reads',
    when: 'application release after the backfill',
    sql: null,
    steps: plan.app.switchReads.length ? plan.app.switchReads : ['Nothing to change.'],
  });
  views.push({
    title: '5. Contract',
    when: contractWhen(plan, today),
    sql: plan.contract?.trim() || null,
    steps: [
      ...(plan.contract ? [] : ['Nothing to contract.']),
      ...plan.app.ignore.map((n) => `${n.orm}: ${n.how}`),
    ],
  });
  return views;
}

/** When the contract may ship: N days after the expand phase reached production. */
export function contractWhen(plan: MigrationPlan, today: Date = new Date()): string {
  if (!plan.contract) return 'nothing to contract';
  const days = plan.contractAfterDays;
  const earliest = new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return `${days} day${days === 1 ? '' : 's'} after the expand phase reached production (${earliest} at the earliest, if it deploys today)`;
}

export function proofLine(entry: PlanEntry, backend: string): string {
  switch (entry.status) {
    case 'proven':
      return `proven on ${backend}: expand, later migrations, backfill and contract end at the schema and data of the original migration, on sample rows`;
    case 'failed':
      return `FAILED on ${backend}: the phases do not end where the original migration ends; do not ship this plan`;
    case 'not-run':
      return `not proven: ${entry.reason ?? 'the proof did not run'}`;
  }
}

/** A backfill step weighed by production, as one line under the phase. */
export function estimateLine(e: BackfillEstimate): string {
  const rows = e.rows.toLocaleString('en-US');
  if (e.seconds === null || e.batchSize === null)
    return `In production: ${e.table} has ${rows} rows (${e.basis}).`;
  const time =
    e.seconds < 120
      ? `${e.seconds.toFixed(1)} s`
      : e.seconds < 7200
        ? `${Math.round(e.seconds / 60)} min`
        : `${(e.seconds / 3600).toFixed(1)} h`;
  return `In production: ${e.table}, ${rows} rows: about ${time} with expand-contract backfill --batch-size ${e.batchSize} (${e.basis}).`;
}
