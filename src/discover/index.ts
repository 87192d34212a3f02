// discover: paths or changed files -> migration files, grouped into releases, with their history.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnalysisInput } from '../engine.js';
import type { FrameworkName, MigrationFile } from '../types.js';

export interface DiscoverConfig {
  /** Forces one framework instead of detecting it. */
  framework?: FrameworkName;
  /** Flyway `${name}` placeholders. */
  placeholders?: Record<string, string>;
  /** Files larger than this are reported, not read. */
  maxFileBytes?: number;
}

/** A path the user named that cannot be used at all (exit code 2). */
export class InputError extends Error {}

export interface Discovery extends AnalysisInput {}

/** Every migration file under the given paths; each file is its own release. */
export async function discoverPaths(paths: string[], config: DiscoverConfig = {}): Promise<Discovery> {
  const files: MigrationFile[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info) throw new InputError(`${p}: no such file or directory; pass a migration file or a folder of migrations.`);
    const list = info.isDirectory() ? await sqlFilesUnder(p) : [p];
    for (const f of list) {
      const sql = await readFile(f, 'utf8');
      files.push({ path: f, framework: config.framework ?? 'sql', orderKey: f, transactional: false, sql, diagnostics: [] });
    }
  }
  files.sort((a, b) => a.orderKey.localeCompare(b.orderKey, 'en', { numeric: true }));
  return { history: [], releases: files.map((f) => [f]) };
}

async function sqlFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sqlFilesUnder(full)));
    else if (entry.name.endsWith('.sql')) out.push(full);
  }
  return out;
}
