// What materializing a pending contract file takes and gives, and the context each framework's maker
// works from: the pending file's header, its statements and the files around the migrations directory.
import type { PendingHeader } from '../../plan/split.js';
import type { SqlStatement } from '../../plan/naming/statements.js';

/** A pending file that cannot become a migration; the message is one line naming the file and the fix. */
export class MaterializeError extends Error {
  override name = 'MaterializeError';
}

export interface MaterializeInput {
  /** The repository's root folder (absolute). */
  root: string;
  /** Repository path of the pending file (`.expand-contract/pending/<plan-id>.sql`). */
  pendingPath: string;
  /** The pending file's text. */
  content: string;
  /** The day (and time) the contract is materialized; timestamps are taken from it, in UTC. */
  today: Date;
  /**
   * Repository paths of the files in the migrations directory (more is fine: others are ignored).
   * The directory's files on disk under `root` are added to them, so a short list cannot give a name
   * that sorts before a migration already there.
   */
  existing: readonly string[];
  /**
   * Current text of an index file the framework keeps (`<dir>/meta/_journal.json` for drizzle,
   * `<root>/sqitch.plan` for sqitch), by repository path; null when it does not exist.
   */
  readIndex: (path: string) => string | null;
}

export interface MaterializedFile {
  path: string;
  content: string;
  /** `index`: drizzle's journal or sqitch's plan, updated to list the new migration. */
  role: 'migration' | 'index';
}

export interface Materialized {
  files: MaterializedFile[];
  /** The pending file, which the new migration replaces. */
  deleted: string[];
  /** The migration that runs the contract (golang-migrate: the `.up.sql`; sqitch: the deploy script). */
  migrationPath: string;
  drops: string[];
  planId: string;
}

/** What the new migration is called after its version: `expand_contract_contract_<slug>`. */
export const STEM = 'expand_contract_contract_';

export interface Context {
  input: MaterializeInput;
  header: PendingHeader;
  /** The migrations directory as a repository path without trailing `/` ('' for the root). */
  dir: string;
  statements: SqlStatement[];
  /** What the new migration is named after (the source migration's name). */
  slug: string;
  /** Repository paths of the files around: `existing` and what is on disk in the migrations directory. */
  existing: string[];
}

export interface Made {
  files: MaterializedFile[];
  migrationPath: string;
  /** The folder the framework orders (repository path, '' for the root) and the new file in it. */
  folder: string;
  rel: string;
  /** Index files of that folder as they will be (relative to the folder). */
  aux: Record<string, string>;
}
