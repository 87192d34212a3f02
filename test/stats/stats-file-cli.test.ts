// `check` and `plan` refusing production statistics they cannot use: a stats file that is not JSON, has a
// field of the wrong type or is missing, and both sources at once: exit 2 and one line naming the file, the
// line and the field. All of it before any database is started.
import { describe, expect, it } from 'vitest';
import { formatStats } from '../../src/stats/file.js';
import type { StatsSnapshot } from '../../src/stats/types.js';
import { cli, expectOneLine, repoDir, type Result } from './helpers.js';

const SNAPSHOT: StatsSnapshot = {
  format: 'expand-contract-stats',
  version: 1,
  generatedAt: new Date().toISOString(),
  server: { version: '16.4', versionNum: 160004 },
  ratesSince: '2026-11-01T00:00:00.000Z',
  tables: ['t', 'u'].map((name) => ({
    schema: 'public',
    name,
    kind: 'table' as const,
    estimatedRows: 5000,
    liveRows: 5000,
    heapBytes: 409_600,
    indexBytes: 114_688,
    toastBytes: 0,
    insertsPerSecond: 0.5,
    updatesPerSecond: 0,
    deletesPerSecond: 0,
    indexes: [
      { name: `${name}_pkey`, columns: ['id'], unique: true, primary: true, valid: true, bytes: 114_688 },
    ],
    constraints: [{ name: `${name}_pkey`, type: 'p', validated: true }],
  })),
};
const GOOD = formatStats(SNAPSHOT);
const ADVICE = 'export it again with expand-contract stats --database-url URL > stats.json.';

async function check(stats: string | null, ...args: string[]): Promise<Result> {
  const dir = await repoDir({
    'db/001_t.sql': 'CREATE TABLE t (id bigint PRIMARY KEY, email text);\n',
    'db/002_idx.sql': 'CREATE INDEX t_email ON t (email);\n',
    ...(stats === null ? {} : { 'stats.json': stats }),
  });
  return cli(['check', 'db/002_idx.sql', '--no-cache', ...args], dir);
}

/** The 1-based line of the first line of `text` holding `needle`. */
const lineOf = (text: string, needle: string): number =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('--stats-file that cannot be used', () => {
  it('not JSON: exit 2, one line with the file, the line and the parser’s reason', async () => {
    const text = GOOD.replace('"liveRows": 5000,', '"liveRows": 5000,,');
    const line = expectOneLine(await check(text, '--stats-file', 'stats.json'));
    expect(line).toMatch(
      new RegExp(
        `^expand-contract: --stats-file: stats\\.json:${lineOf(text, ',,')}: not valid JSON \\(.+\\); export it again with expand-contract stats --database-url URL > stats\\.json\\.$`,
      ),
    );
  });

  it('not JSON where the parser names no position (a comment, a bare word): still the line, still one line', async () => {
    for (const [text, needle] of [
      [GOOD.replace('"tables": [', '// edited by hand\n  "tables": ['), '// edited'],
      [GOOD.replace('"heapBytes": 409600,', '"heapBytes": lots,'), 'lots'],
    ] as const) {
      const line = expectOneLine(await check(text, '--stats-file', 'stats.json'));
      expect(line).toMatch(
        new RegExp(
          `^expand-contract: --stats-file: stats\\.json:${lineOf(text, needle)}: not valid JSON \\(`,
        ),
      );
      expect(line.endsWith(ADVICE)).toBe(true);
    }
  });

  it('a truncated file: the last line', async () => {
    const text = GOOD.slice(0, GOOD.indexOf('"indexes"'));
    const line = expectOneLine(await check(text, '--stats-file', 'stats.json'));
    expect(line).toContain(`--stats-file: stats.json:${text.split('\n').length}: not valid JSON (`);
  });

  it('a field of the wrong type: its path in the file and its line, in the right table', async () => {
    // the second table's heapBytes, not the first's
    const at = GOOD.lastIndexOf('"heapBytes": 409600');
    const text = `${GOOD.slice(0, at)}"heapBytes": "400 kB"${GOOD.slice(at + '"heapBytes": 409600'.length)}`;
    const line = expectOneLine(await check(text, '--stats-file', 'stats.json'));
    expect(line).toBe(
      `expand-contract: --stats-file: stats.json:${lineOf(text, '"400 kB"')}: tables[1].heapBytes is not a number of at least 0; ${ADVICE}`,
    );
  });

  it('another format or version, and a file that is not an object', async () => {
    expect(
      expectOneLine(await check(GOOD.replace('"version": 1', '"version": 7'), '--stats-file', 'stats.json')),
    ).toBe(
      `expand-contract: --stats-file: stats.json:3: "version" is 7; this expand-contract reads version 1; ${ADVICE}`,
    );
    expect(expectOneLine(await check('[]\n', '--stats-file', 'stats.json'))).toContain(
      '--stats-file: stats.json: the file is not a JSON object;',
    );
  });

  it('a missing file: exit 2, no such file', async () => {
    expect(expectOneLine(await check(null, '--stats-file', 'stats.json'))).toBe(
      'expand-contract: --stats-file: stats.json: no such file; export it with expand-contract stats --database-url URL > stats.json.',
    );
  });

  it('both a file and a database URL: exit 2, naming where each came from', async () => {
    const url = 'postgres://reader:Pa55word@127.0.0.1:1/prod';
    const both = await check(GOOD, '--stats-file', 'stats.json', '--stats-database-url', url);
    expect(expectOneLine(both, ['Pa55word', url])).toBe(
      'expand-contract: --stats-database-url and --stats-file: give production statistics once: a database URL or a file, not both.',
    );
    const dir = await repoDir({
      'db/001_t.sql': 'CREATE TABLE t (id bigint PRIMARY KEY, email text);\n',
      'db/002_idx.sql': 'CREATE INDEX t_email ON t (email);\n',
      'stats.json': GOOD,
    });
    const fromEnv = await cli(
      ['plan', 'db/002_idx.sql', '--no-cache', '--no-prove', '--stats-file', 'stats.json'],
      dir,
      { EXPAND_CONTRACT_STATS_DATABASE_URL: url },
    );
    expect(expectOneLine(fromEnv, ['Pa55word', url])).toBe(
      'expand-contract: $EXPAND_CONTRACT_STATS_DATABASE_URL and --stats-file: give production statistics once: a database URL or a file, not both.',
    );
  });
});
