// The merge source: the time since the expand commit landed on the default branch. It says nothing
// about production (a merge may wait for a release train, or never be deployed), so it is the weakest
// evidence: a lower bound used only when deployments and the database cannot answer.
import type { FoundExpandCommit } from '../expand-commit.js';
import type { MergeAge, MergeEvidence } from './types.js';

const DAY_MS = 86_400_000;

export const MERGE_NOTE =
  'time since the expand commit landed on the default branch, not a deploy: the weakest evidence';

/** Days from `at` to `now`, with fractions; 0 when `at` is in the future (clock skew) or not a date. */
export function ageDays(at: string | Date, now: Date): number {
  const from = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const days = (now.getTime() - from) / DAY_MS;
  return Number.isFinite(days) && days > 0 ? days : 0;
}

/** The age of the expand phase by its merge: from the merge commit's date, else the commit's. */
export function mergeAge(expand: FoundExpandCommit, now: Date): MergeAge {
  const at = new Date(expand.mergedAt ?? expand.committedAt).toISOString();
  return { kind: 'merged', at, ageDays: ageDays(at, now), weak: true, note: MERGE_NOTE };
}

/** The merge age as AgeEvidence, naming the commit. */
export function mergeEvidence(expand: FoundExpandCommit, now: Date): MergeEvidence {
  const age = mergeAge(expand, now);
  const how = expand.mergedAt !== undefined ? 'merged into' : 'committed to';
  return {
    source: 'merge',
    at: age.at,
    ageDays: age.ageDays,
    weak: true,
    detail: `expand commit ${expand.sha.slice(0, 12)} ${how} ${expand.ref} at ${age.at}: ${MERGE_NOTE}`,
  };
}
