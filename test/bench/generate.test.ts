import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadModule, parseSync } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { KINDS, generateMigration, writeMigration } from '../../bench/generate.js';

interface ParseResult {
  stmts?: { stmt: Record<string, unknown> }[];
}

function parse(sql: string): { stmt: Record<string, unknown> }[] {
  return (parseSync(sql) as unknown as ParseResult).stmts ?? [];
}

beforeAll(async () => {
  await loadModule();
});

describe('generateMigration', () => {
  it.each([0, 1, 7, 100, 2_000])('produces exactly %i statements that parse', (count) => {
    const { sql, statements } = generateMigration(count);
    expect(statements).toBe(count);
    expect(parse(sql)).toHaveLength(count);
  });

  it('mixes every kind of statement in a large file', () => {
    const { sql, kinds } = generateMigration(2_000);
    for (const kind of KINDS) expect(kinds[kind], kind).toBeGreaterThan(0);
    const nodeKinds = new Set(parse(sql).map((s) => Object.keys(s.stmt)[0]));
    for (const node of ['CreateStmt', 'AlterTableStmt', 'IndexStmt', 'RenameStmt', 'UpdateStmt', 'DoStmt']) {
      expect(nodeKinds, node).toContain(node);
    }
    expect(sql).toMatch(/^-- /m);
    expect(sql).toMatch(/^\/\*/m);
  });

  it('is deterministic for a seed and varies between seeds', () => {
    expect(generateMigration(300, { seed: 7 }).sql).toBe(generateMigration(300, { seed: 7 }).sql);
    expect(generateMigration(300, { seed: 7 }).sql).not.toBe(generateMigration(300, { seed: 8 }).sql);
    expect(parse(generateMigration(300, { seed: 8 }).sql)).toHaveLength(300);
  });

  it('rejects a count that is not a non-negative integer', () => {
    expect(() => generateMigration(-1)).toThrow(RangeError);
    expect(() => generateMigration(1.5)).toThrow(RangeError);
  });
});

describe('writeMigration', () => {
  it('writes the generated file into a new temporary folder', () => {
    const file = writeMigration(50, { seed: 3 });
    try {
      expect(readFileSync(file, 'utf8')).toBe(generateMigration(50, { seed: 3 }).sql);
    } finally {
      rmSync(dirname(file), { recursive: true, force: true });
    }
  });
});
