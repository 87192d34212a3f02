// Whether the database still runs statements naming what a contract drops, from pg_stat_statements:
// read in a READ ONLY transaction with statement_timeout and lock_timeout set, then rolled back; only
// this database's statements. A statement names a dropped table when the table's name appears in its
// normalized text, word-bounded, and a dropped column when both the column's and its table's names do
// (so `SELECT name FROM orgs` does not count for users.name). Names that need quoting match only as
// written; others in any case. DDL statements (ALTER, CREATE, DROP, COMMENT, GRANT, ...) are the
// migrations themselves, not the application, and are left out.
// When the extension is not installed in the database, or not loaded (shared_preload_libraries),
// the answer says so instead of guessing. The URL is a secret: no message repeats it.
import { connect as connectUrl, ConnectError, secretsOf } from '../db/connect.js';
import { quoteIdent } from '../parse/ident.js';
import { nameMatcher, targetsOf, type Target } from './references.js';

export interface UsageHit {
  /** The normalized statement, white space collapsed, at most 200 characters. */
  query: string;
  calls: number;
  /** The dropped object it names, as given in `drops`. */
  object: string;
}

export type UsageResult =
  | {
      kind: 'checked';
      hits: UsageHit[];
      /** Statements whose text this role may not see (`<insufficient privilege>`; grant pg_read_all_stats). */
      hidden: number;
    }
  | { kind: 'no-extension'; reason: string };

/** Runs one statement and returns its rows (`$1` parameters). */
export type QueryFn = (sql: string, params?: readonly unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface StatementsUsingOptions {
  /** postgres:// URL of the database the application uses. A secret: never shown. */
  url: string;
  drops: readonly string[];
  /** Runs the SQL instead of a connection to `url` (tests, or a caller holding a connection). */
  query?: QueryFn;
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
  connectTimeoutMs?: number;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

const HIDDEN = '<insufficient privilege>';
const DDL =
  /^(?:\s+|--[^\n]*\n|\/\*[\s\S]*?\*\/)*(alter|create|drop|comment|grant|revoke|security\s+label|reindex|vacuum|analyze|cluster)\b/i;
/** How many statements are read at most, most called first. */
const LIMIT = 5000;

export async function statementsUsing(options: StatementsUsingOptions): Promise<UsageResult> {
  const targets = targetsOf(options.drops);
  const own = options.query === undefined ? await connect(options) : null;
  const run: QueryFn = options.query ?? (own as Connection).query;
  let began = false;
  try {
    await run('BEGIN TRANSACTION READ ONLY');
    began = true;
    await run(
      `SET LOCAL statement_timeout = ${Math.max(1, Math.round(options.statementTimeoutMs ?? 10_000))}`,
    );
    await run(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(options.lockTimeoutMs ?? 2_000))}`);
    const installed = await run(
      "SELECT n.nspname AS schema FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements'",
    );
    const schema = installed[0]?.schema;
    if (typeof schema !== 'string') {
      return {
        kind: 'no-extension',
        reason:
          "pg_stat_statements is not installed in this database, so which statements still name the dropped objects is unknown; run CREATE EXTENSION pg_stat_statements (the server also needs shared_preload_libraries = 'pg_stat_statements')",
      };
    }
    if (targets.length === 0) return { kind: 'checked', hits: [], hidden: 0 };
    const patterns = [...new Set(targets.flatMap((t) => [t.name, t.table]))].map(
      (n) => `%${n.replace(/[\\%_]/g, '\\$&')}%`,
    );
    let rows: Array<Record<string, unknown>>;
    try {
      rows = await run(
        `SELECT query, calls FROM ${quoteIdent(schema)}.pg_stat_statements ` +
          'WHERE dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()) ' +
          `AND (query ILIKE ANY ($1::text[]) OR query = '${HIDDEN}') ORDER BY calls DESC, query LIMIT ${LIMIT}`,
        [patterns],
      );
    } catch (e: unknown) {
      if (sqlState(e) === '55000') {
        return {
          kind: 'no-extension',
          reason:
            "pg_stat_statements is installed but not loaded, so it records nothing; add it to shared_preload_libraries (shared_preload_libraries = 'pg_stat_statements') and restart the server",
        };
      }
      throw e;
    }
    return { kind: 'checked', ...matchStatements(rows, targets) };
  } catch (e: unknown) {
    if (e instanceof UsageError) throw e;
    const why =
      sqlState(e) === '57014' ? 'it took longer than the statement timeout' : scrub(message(e), options.url);
    throw new UsageError(`could not read pg_stat_statements: ${why}`);
  } finally {
    if (began) await run('ROLLBACK').catch(() => undefined);
    await own?.close();
  }
}

/** The statements of `rows` (`query`, `calls`) that name a target; `hidden` counts texts this role may not see. */
export function matchStatements(
  rows: ReadonlyArray<Record<string, unknown>>,
  targets: readonly Target[],
): { hits: UsageHit[]; hidden: number } {
  const matcher = nameMatcher(targets);
  const tables = nameMatcher(
    targets.map((t) => ({ ...t, name: t.table, caseSensitive: !/^[a-z_][a-z0-9_$]*$/.test(t.table) })),
  );
  const hits: UsageHit[] = [];
  let hidden = 0;
  for (const row of rows) {
    const query = typeof row.query === 'string' ? row.query : '';
    if (query === HIDDEN) {
      hidden++;
      continue;
    }
    if (matcher === null || DDL.test(query)) continue;
    const named = new Set<Target>();
    matcher.regex.lastIndex = 0;
    for (let m = matcher.regex.exec(query); m !== null; m = matcher.regex.exec(query)) {
      for (const t of matcher.targetsOf(m[0])) named.add(t);
    }
    const calls = Number(row.calls ?? 0);
    for (const t of named) {
      if (t.kind === 'column' && !mentions(query, tables, t)) continue;
      hits.push({ query: query.replace(/\s+/g, ' ').trim().slice(0, 200), calls, object: t.object });
    }
  }
  hits.sort((a, b) => b.calls - a.calls || (a.query < b.query ? -1 : a.query > b.query ? 1 : 0));
  return { hits, hidden };
}

/** Whether the query names the target's table too. */
function mentions(query: string, tables: ReturnType<typeof nameMatcher>, t: Target): boolean {
  if (tables === null) return false;
  tables.regex.lastIndex = 0;
  for (let m = tables.regex.exec(query); m !== null; m = tables.regex.exec(query)) {
    if (tables.targetsOf(m[0]).some((x) => x.object === t.object)) return true;
  }
  return false;
}

interface Connection {
  query: QueryFn;
  close(): Promise<void>;
}

async function connect(options: StatementsUsingOptions): Promise<Connection> {
  let conn: Awaited<ReturnType<typeof connectUrl>>;
  try {
    conn = await connectUrl(options.url, {
      what: 'the database',
      applicationName: 'expand-contract (usage check, read only)',
      connectMs: options.connectTimeoutMs ?? 10_000,
    });
  } catch (e: unknown) {
    const why =
      e instanceof ConnectError
        ? e.message.replace(/^cannot connect to the database [^:]*: /, '')
        : message(e);
    throw new UsageError(
      `cannot connect to the database to read pg_stat_statements: ${scrub(why, options.url)}; check the database URL (a secret, not shown)`,
    );
  }
  const { client } = conn;
  return {
    query: async (sql, params) => (await client.query(sql, params as unknown[] | undefined)).rows,
    close: () => client.end().catch(() => undefined),
  };
}

/** `text` without the URL or its password, in any spelling. */
function scrub(text: string, url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const secrets = parsed
    ? secretsOf(url, parsed)
    : [url, /^[a-z]+:\/\/[^:/@]*:([^@]*)@/i.exec(url)?.[1] ?? ''];
  let out = text;
  for (const s of secrets.filter((x) => x.length > 0).sort((a, b) => b.length - a.length)) {
    out = out.split(s).join('***');
  }
  return out.replace(/\s+/g, ' ').trim();
}

function sqlState(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
