// Shared helpers of the discovery tests: fixture paths, temporary trees, line checks.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { AnalysisInput } from '../../src/engine.js';
import type { MigrationFile } from '../../src/types.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'frameworks');

/** A fresh temporary folder holding `files` (text or bytes); returns its path. */
export async function tempTree(files: Record<string, string | Buffer> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ec-discover-'));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, rel)), { recursive: true });
    await writeFile(join(root, rel), content);
  }
  return root;
}

export async function removeTree(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

/** The files of all releases, in order. */
export function released(input: AnalysisInput): MigrationFile[] {
  return input.releases.flat();
}

/** 1-based number of the first line of `text` that contains `needle` (0 when none). */
export function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

/**
 * The blanked SQL keeps the original's shape: same length, same line breaks, and every character
 * is either the original one or a space.
 */
export function expectSameShape(original: string, sql: string): void {
  expect(sql.length).toBe(original.length);
  expect(sql.split('\n').length).toBe(original.split('\n').length);
  for (let i = 0; i < original.length; i++) {
    const o = original[i] as string;
    if (o === '\n' || o === '\r') expect(sql[i], `line break at ${i}`).toBe(o);
    else if (sql[i] !== o) expect(sql[i], `character ${i}`).toBe(' ');
  }
}
