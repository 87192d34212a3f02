import { describe, expect, it } from 'vitest';
import { ageInDays, formatStats, parseStats, StatsFileError } from '../../src/stats/file.js';
import type { StatsSnapshot } from '../../src/stats/types.js';

const SNAPSHOT: StatsSnapshot = {
  format: 'expand-contract-stats',
  version: 1,
  generatedAt: '2026-11-20T10:00:00.000Z',
  server: { version: '16.4', versionNum: 160004 },
  ratesSince: '2026-11-01T00:00:00.000Z',
  tables: [
    {
      schema: 'public',
      name: 'users',
      kind: 'table',
      estimatedRows: 1000,
      liveRows: 990,
      heapBytes: 81920,
      indexBytes: 16384,
      toastBytes: 0,
      insertsPerSecond: 1.5,
      updatesPerSecond: 0.25,
      deletesPerSecond: 0,
      indexes: [
        { name: 'users_pkey', columns: ['id'], unique: true, primary: true, valid: true, bytes: 16384 },
      ],
      constraints: [{ name: 'users_pkey', type: 'p', validated: true }],
    },
    {
      schema: 'public',
      name: 'events',
      kind: 'partitioned table',
      estimatedRows: -1,
      liveRows: 0,
      heapBytes: 0,
      indexBytes: 0,
      toastBytes: 0,
      insertsPerSecond: 0,
      updatesPerSecond: 0,
      deletesPerSecond: 0,
      indexes: [],
      constraints: [],
    },
  ],
};

const failure = (text: string): string => {
  try {
    parseStats(text, 'stats.json');
  } catch (e: unknown) {
    expect(e).toBeInstanceOf(StatsFileError);
    return (e as Error).message;
  }
  throw new Error('expected a StatsFileError');
};

describe('statistics files', () => {
  it('reads back what stats writes', () => {
    expect(parseStats(formatStats(SNAPSHOT), 'stats.json')).toEqual(SNAPSHOT);
  });

  it('names the line of a JSON syntax error', () => {
    const text = formatStats(SNAPSHOT).replace('"liveRows": 990,', '"liveRows": 990,,');
    expect(failure(text)).toMatch(
      /^stats\.json:16: not valid JSON \(.*\); export it again with expand-contract stats/,
    );
  });

  it('names the line and the field of a value of the wrong type, in the right table', () => {
    const text = formatStats(SNAPSHOT).replace('"heapBytes": 0,', '"heapBytes": "lots",');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"lots"')) + 1;
    expect(failure(text)).toBe(
      `stats.json:${line}: tables[1].heapBytes is not a number of at least 0; export it again with expand-contract stats --database-url URL > stats.json`,
    );
  });

  it('refuses another file, or another version of the format', () => {
    expect(failure('{"tables": []}')).toContain('"format" is not "expand-contract-stats"');
    expect(failure(formatStats(SNAPSHOT).replace('"version": 1', '"version": 2'))).toContain(
      '"version" is 2; this expand-contract reads version 1',
    );
  });

  it('dates the snapshot for the staleness check', () => {
    expect(ageInDays(SNAPSHOT, new Date('2026-11-27T10:00:00.000Z'))).toBe(7);
  });
});
