// Shared result shapes of the deploy-age sources: how long ago the expand phase of a plan reached
// production, by the evidence each source has. Three sources, strongest first:
//   deployments (src/contract/deploy-age/deployments.ts): a GitHub deployment of the expand commit, or a later one;
//   database    (database.ts): the migration framework's own history table on the production database;
//   merge       (merge.ts): the time the expand commit landed on the default branch (not a deploy at all).
// Each source returns its own result type; an orchestrator maps what it gets into AgeEvidence and weighs it.
// Plain data only, and nothing here depends on the deployments source's module.

/** Where a piece of age evidence comes from. */
export type AgeSource = 'deployments' | 'database' | 'merge';

interface EvidenceBase {
  /** When the expand phase reached production by this evidence (ISO 8601, UTC). */
  at: string;
  /** Days from `at` to the moment of the check, with fractions; never negative. */
  ageDays: number;
  /** True when the evidence only bounds the deploy from below (it happened at `at` or later). */
  weak: boolean;
  /** One line for a person: what was read and what it means. */
  detail: string;
}

/** A deployment of the expand commit (or of a commit that contains it) to the production environment. */
export interface DeploymentsEvidence extends EvidenceBase {
  source: 'deployments';
}

/** The framework's history table says when the expand migration ran on the production database. */
export interface DatabaseEvidence extends EvidenceBase {
  source: 'database';
}

/** Only the time the expand commit landed on the default branch: the weakest evidence. */
export interface MergeEvidence extends EvidenceBase {
  source: 'merge';
  weak: true;
}

/** What a later orchestrator maps the three sources' results into. */
export type AgeEvidence = DeploymentsEvidence | DatabaseEvidence | MergeEvidence;

/**
 * The database source: what the framework's history table on the production database says about the
 * expand migration. `table` is the table as PostgreSQL names it (schema-qualified when it is not on the
 * search path), `row` a readable description of the row that answered.
 */
export type DatabaseDeployTime =
  | { kind: 'applied'; appliedAt: string; table: string; row: string; note?: string }
  | { kind: 'not-applied'; table: string; note?: string }
  /**
   * The framework keeps no apply time (golang-migrate, dbmate, Supabase, plain SQL, Drizzle's original table),
   * or the row has none. `applied` is set when the table was read and says whether the migration ran.
   */
  | { kind: 'no-time'; reason: string; table?: string; applied?: boolean }
  | { kind: 'no-table'; table: string };

/** The merge source: time since the expand commit landed on the default branch. */
export interface MergeAge {
  kind: 'merged';
  /** The expand commit's merge (or committer) date, ISO 8601 UTC. */
  at: string;
  ageDays: number;
  weak: true;
  note: string;
}
