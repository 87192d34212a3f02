// What every history-table reader shares: the expand migration as the repository holds it, the table
// as PostgreSQL describes it (found by name, with its columns), and the reader's shape.
import { DeployAgeError, type ReadOnlySession } from './read-only.js';
import type { DatabaseDeployTime } from './types.js';

/** The expand migration, as the repository holds it. */
export interface HistoryMigration {
  /** Repository path of the migration file (Prisma: `<dir>/<timestamp>_<name>/migration.sql`). */
  path: string;
  /**
   * The key the framework's table records it under, when it is not the one the path gives: Prisma's folder
   * name, Flyway's version (`1.2` for `V1_2__x.sql`), goose's version id, sqitch's change name, Drizzle's tag.
   */
  id?: string;
  /** Drizzle: the migration's journal entry `when` (ms), which drizzle stores as created_at. */
  when?: number;
  /** Drizzle: the migration file's text, whose sha256 drizzle stores as hash. */
  content?: string;
  /** sqitch: the project, when the registry holds more than one. */
  project?: string;
}

export const OTHER_SOURCES =
  'use the deployments source (a GitHub deployment of the expand commit) or, weakest, the time the expand commit was merged';

export interface TableInfo {
  /** As PostgreSQL prints it: schema-qualified unless on the search path, quoted when needed. */
  name: string;
  /** Column name → type (`format_type`). */
  columns: Map<string, string>;
}

export interface Reader {
  tool: string;
  /** The key the table records a migration under, from its path. */
  key(path: string): string;
  defaultTable(url: URL): string;
  /** Columns the tool's table always has. */
  columns: string[];
  read(
    session: ReadOnlySession,
    table: TableInfo,
    key: string,
    migration: HistoryMigration,
  ): Promise<DatabaseDeployTime>;
}

export function match(path: string, pattern: RegExp, what: string): string {
  const m = pattern.exec(path.replace(/\\/g, '/'));
  if (!m?.[1]) throw new DeployAgeError(`${path} is not ${what}; give the migration's id.`);
  return m[1];
}

/** For a `timestamp without time zone` column: says which time zone it was read in. */
export function naive(table: TableInfo, column: string, session: ReadOnlySession): string {
  const type = table.columns.get(column) ?? '';
  return /^timestamp(\(\d+\))? without time zone$/.test(type)
    ? ` (a timestamp without time zone, read in the database's time zone ${session.timeZone})`
    : '';
}

export async function findTable(session: ReadOnlySession, name: string): Promise<TableInfo | undefined> {
  const [row] = await session.query<{ name: string; columns: Record<string, string> | null }>(
    `SELECT c.oid::regclass::text AS name,
            (SELECT json_object_agg(a.attname, format_type(a.atttypid, a.atttypmod))
               FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns
       FROM pg_class c WHERE c.oid = to_regclass($1)`,
    [quoteName(name)],
  );
  if (row === undefined) return undefined;
  return { name: row.name, columns: new Map(Object.entries(row.columns ?? {})) };
}

/** `schema.table` or `table` as a quoted name for to_regclass (an unqualified name is looked up on the search path). */
function quoteName(name: string): string {
  const dot = name.indexOf('.');
  const parts = dot < 0 ? [name] : [name.slice(0, dot), name.slice(dot + 1)];
  return parts.map((p) => `"${p.replace(/"/g, '""')}"`).join('.');
}
