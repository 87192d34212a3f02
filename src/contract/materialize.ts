// A due pending contract file (`.expand-contract/pending/<plan-id>.sql`, written by `split`) turned
// into a real migration of the framework its header records, in its migrations directory, named so it
// sorts after every migration there as of `today`:
// - flyway: the next version (first part of the highest version + 1, zero padding kept; a 14-digit
//   timestamp first part moves to `today`), `V<version>__<name>.sql`;
// - goose and golang-migrate: the folder's own style, judged from its highest version: a 14-digit
//   timestamp (`today`, UTC), 10-digit Unix seconds (golang-migrate's default), or a sequence (+1,
//   padding kept); an empty folder gets a timestamp. golang-migrate gets a `.up.sql`/`.down.sql` pair;
// - dbmate, supabase, plain sql and prisma: `YYYYMMDDHHMMSS` of `today` (prisma as a folder holding
//   `migration.sql`); when a version there is already at or past it, one above the highest instead;
// - drizzle: `<idx>_<name>.sql` entered last in `meta/_journal.json`, `when` = `today` in milliseconds
//   (or one above the newest entry's, since drizzle runs only entries newer than the last applied one);
// - sqitch: a change appended to `sqitch.plan` (requiring the expand change), with deploy, revert and
//   verify scripts.
// The body is the pending file's SQL without its header, in the framework's own form (goose and dbmate
// markers, flyway `.conf` when it must run outside a transaction), under a comment naming the plan and
// the expand migration it follows. Before returning, the framework's own ordering (src/discover) is run
// over the folder with the new file, and the file must come last.
// Pure apart from checking that the migrations directory exists under `root`; writing the files and
// deleting the pending one is the caller's job. Statements are read with PostgreSQL's parser, so
// `loadParser()` (src/parse/libpg.ts) must have been awaited first.
//
// This module checks the header and puts the pieces together; materialize/ holds them: pending.ts
// (the header's folder, the body, the name), versions.ts and makers.ts (each framework's name and
// files), drizzle.ts and sqitch.ts (the frameworks with an index file), body.ts (the SQL's form) and
// folder.ts (the files on disk and the check that the new migration runs last).
import { readPendingHeader } from '../plan/split.js';
import { FRAMEWORK_NAMES } from '../types.js';
import {
  MaterializeError,
  type Context,
  type Materialized,
  type MaterializeInput,
} from './materialize/context.js';
import { expectLast, onDisk, slashPath } from './materialize/folder.js';
import { MAKERS } from './materialize/makers.js';
import { bodyStatements, checkDir, slugOf } from './materialize/pending.js';

export {
  MaterializeError,
  type Materialized,
  type MaterializedFile,
  type MaterializeInput,
} from './materialize/context.js';

export function materializeContract(input: MaterializeInput): Materialized {
  const { pendingPath } = input;
  const header = readPendingHeader(input.content);
  if (header === null) {
    throw new MaterializeError(
      `${pendingPath}: the header is broken or incomplete (it needs plan, source, framework, migrations-dir and contract-after-days lines); restore it from git history or run \`expand-contract split\` on the migration again`,
    );
  }
  if (!(FRAMEWORK_NAMES as readonly string[]).includes(header.framework)) {
    throw new MaterializeError(
      `${pendingPath}: unknown framework "${header.framework}" in its header; set the \`-- framework:\` line to one of ${FRAMEWORK_NAMES.join(', ')}`,
    );
  }
  if (!/^[\w.-]+$/.test(header.planId)) {
    throw new MaterializeError(
      `${pendingPath}: the plan id "${header.planId}" in its header is not a plan id (letters, digits, \`-\`, \`_\`, \`.\`); restore the \`-- plan:\` line from git history`,
    );
  }
  const dir = checkDir(input, header);
  const statements = bodyStatements(input, header);
  const existing = [
    ...new Set([...input.existing.map(slashPath), ...onDisk(input.root, dir, header.framework)]),
  ];
  const ctx: Context = { input, header, dir, statements, slug: slugOf(header), existing };
  const made = MAKERS[header.framework](ctx);
  expectLast(ctx, made);
  return {
    files: made.files,
    deleted: [pendingPath],
    migrationPath: made.migrationPath,
    drops: header.drops,
    planId: header.planId,
  };
}

/** `expand-contract: drop users.full_name, users.user_name`, cut to `max` with `and N more`. */
export function contractTitle(drops: readonly string[], max = 72): string {
  const head = 'expand-contract: drop ';
  const names = drops.map((d) => d.replace(/(^|[\s(])public\./g, '$1'));
  if (names.length === 0) return 'expand-contract: contract phase';
  const full = head + names.join(', ');
  if (full.length <= max) return full;
  for (let k = names.length - 1; k >= 1; k--) {
    const text = `${head}${names.slice(0, k).join(', ')} and ${names.length - k} more`;
    if (text.length <= max) return text;
  }
  const rest = names.length > 1 ? ` and ${names.length - 1} more` : '';
  const room = Math.max(1, max - head.length - rest.length - 1);
  return `${head}${(names[0] as string).slice(0, room)}…${rest}`;
}

/** The branch the contract pull request comes from: `expand-contract/contract-<plan-id>`. */
export function contractBranch(planId: string): string {
  const safe = planId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'plan';
  return `expand-contract/contract-${safe}`;
}
