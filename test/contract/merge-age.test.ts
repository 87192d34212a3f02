import { describe, expect, it } from 'vitest';
import { ageDays, MERGE_NOTE, mergeAge, mergeEvidence } from '../../src/contract/deploy-age/merge.js';
import type { FoundExpandCommit } from '../../src/contract/expand-commit.js';

const NOW = new Date('2024-03-12T12:00:00Z');

function expand(extra: Partial<FoundExpandCommit> = {}): FoundExpandCommit {
  return {
    kind: 'found',
    sha: '0123456789abcdef0123456789abcdef01234567',
    committedAt: '2024-03-02T12:00:00.000Z',
    path: '.expand-contract/pending/ec-0123456789abcdef.sql',
    ref: 'origin/main',
    ...extra,
  };
}

describe('mergeAge', () => {
  it('is the time since the expand commit landed, always weak', () => {
    expect(mergeAge(expand(), NOW)).toEqual({
      kind: 'merged',
      at: '2024-03-02T12:00:00.000Z',
      ageDays: 10,
      weak: true,
      note: 'time since the expand commit landed on the default branch, not a deploy: the weakest evidence',
    });
  });

  it('counts from the merge when the expand commit is a merge, with fractions of a day', () => {
    const merged = expand({
      committedAt: '2024-03-09T18:00:00+00:00',
      mergedAt: '2024-03-09T18:00:00+00:00',
    });
    const age = mergeAge(merged, NOW);
    expect(age.at).toBe('2024-03-09T18:00:00.000Z');
    expect(age.ageDays).toBeCloseTo(2.75, 10);
    expect(age.note).toBe(MERGE_NOTE);
  });

  it('is never negative when the commit date is ahead of the clock', () => {
    expect(mergeAge(expand({ committedAt: '2024-03-13T00:00:00.000Z' }), NOW).ageDays).toBe(0);
    expect(ageDays('not a date', NOW)).toBe(0);
    expect(ageDays(new Date('2024-03-11T12:00:00Z'), NOW)).toBe(1);
  });

  it('maps to AgeEvidence naming the commit and the branch', () => {
    expect(mergeEvidence(expand({ mergedAt: '2024-03-02T12:00:00.000Z' }), NOW)).toEqual({
      source: 'merge',
      at: '2024-03-02T12:00:00.000Z',
      ageDays: 10,
      weak: true,
      detail: `expand commit 0123456789ab merged into origin/main at 2024-03-02T12:00:00.000Z: ${MERGE_NOTE}`,
    });
    expect(mergeEvidence(expand(), NOW).detail).toMatch(
      /^expand commit 0123456789ab committed to origin\/main/,
    );
  });
});
