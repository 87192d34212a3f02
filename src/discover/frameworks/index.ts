// The framework registry, in tie-break order (earlier wins when two detect a folder equally well).
import type { FrameworkName } from '../../types.js';
import * as dbmate from './dbmate.js';
import * as drizzle from './drizzle.js';
import * as flyway from './flyway.js';
import * as golangMigrate from './golang-migrate.js';
import * as goose from './goose.js';
import * as prisma from './prisma.js';
import * as sql from './sql.js';
import * as sqitch from './sqitch.js';
import * as supabase from './supabase.js';
import type { Folder, FrameworkModule } from './types.js';

export const FRAMEWORKS: readonly FrameworkModule[] = [
  sqitch,
  drizzle,
  prisma,
  flyway,
  golangMigrate,
  goose,
  dbmate,
  supabase,
  sql,
];

export function frameworkNamed(name: FrameworkName): FrameworkModule {
  return FRAMEWORKS.find((f) => f.name === name) ?? sql;
}

/** The framework that explains the folder best (plain `sql` when none does). */
export function detectFramework(folder: Folder): FrameworkModule {
  let best: FrameworkModule = sql;
  let score = 0;
  for (const f of FRAMEWORKS) {
    const s = f.detect(folder);
    if (s > score) [best, score] = [f, s];
  }
  return best;
}

/** Every auxiliary file any framework wants to see for these candidates. */
export function auxFilesFor(files: string[]): string[] {
  return [...new Set(FRAMEWORKS.flatMap((f) => f.auxFiles?.(files) ?? []))];
}
