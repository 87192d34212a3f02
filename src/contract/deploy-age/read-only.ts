// The read-only query runner for the production database: `BEGIN TRANSACTION READ ONLY` with short
// statement and lock timeouts, then ROLLBACK, so it cannot write and cannot queue behind a migration
// for long. The URL is a secret: messages name `host:port/database` at most, and any text the driver
// returns is scrubbed of the URL and its password before it is shown.
import type { Client } from 'pg';
import { DatabaseError } from '../../db/database.js';

/** Reading the history table failed. `code` is PostgreSQL's SQLSTATE when the server refused a statement. */
export class DeployAgeError extends DatabaseError {
  override name = 'DeployAgeError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface DatabaseTimeouts {
  /** Connection timeout (default 10 000 ms). */
  connectMs?: number;
  /** `SET LOCAL statement_timeout` (default 5 s). */
  statementMs?: number;
  /** `SET LOCAL lock_timeout` (default 1 s). */
  lockMs?: number;
}

export interface ReadOnlySession {
  /** Runs one statement with `$1` parameters in the read-only transaction. */
  query<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** The session's TimeZone setting (the database's, as no other is set). */
  readonly timeZone: string;
}

/**
 * Runs `fn` in a read-only transaction on the database at `url`: `BEGIN TRANSACTION READ ONLY`,
 * `SET LOCAL statement_timeout` and `lock_timeout`, a check that the transaction is read only (which also
 * takes its snapshot, so no later `SET TRANSACTION READ WRITE` can change it), `fn`, then ROLLBACK. Any
 * write `fn` tries is refused by PostgreSQL. Errors name the server as host:port/database only.
 */
export async function readOnly<T>(
  url: string,
  fn: (session: ReadOnlySession) => Promise<T>,
  timeouts: DatabaseTimeouts = {},
): Promise<T> {
  const target = checkUrl(url);
  const connectMs = positive(timeouts.connectMs, 10_000, 'connectMs');
  const statementMs = positive(timeouts.statementMs, 5_000, 'statementMs');
  const lockMs = positive(timeouts.lockMs, 1_000, 'lockMs');
  const secrets = secretsOf(url, target.url);
  const scrub = (text: string): string =>
    secrets.reduce((out, secret) => out.split(secret).join('***'), text);
  const why = (e: unknown): string => {
    const err = e as { message?: unknown; code?: unknown } | null;
    const message = typeof err?.message === 'string' && err.message ? err.message : '';
    const code = typeof err?.code === 'string' ? err.code : '';
    return scrub(message || code || String(e));
  };

  const { default: pg } = await import('pg');
  const client: Client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: connectMs,
    // A client-side backstop in case the server never answers.
    query_timeout: statementMs + 5_000,
    application_name: 'expand-contract (deploy age, read only)',
  });
  // A lost connection is reported by the next query; an unhandled 'error' event would end the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e: unknown) {
    await client.end().catch(() => undefined);
    throw new DeployAgeError(
      `cannot connect to the production database ${target.display}: ${why(e)}`,
      codeOf(e),
    );
  }

  let step = 'opening a read-only transaction';
  try {
    await client.query('BEGIN TRANSACTION READ ONLY');
    await client.query(`SET LOCAL statement_timeout = '${duration(statementMs)}'`);
    await client.query(`SET LOCAL lock_timeout = '${duration(lockMs)}'`);
    const { rows } = await client.query<{ ro: string; tz: string }>(
      "SELECT current_setting('transaction_read_only') AS ro, current_setting('TimeZone') AS tz",
    );
    if (rows[0]?.ro !== 'on')
      throw new DeployAgeError(`refusing to read ${target.display}: the transaction is not read only`);
    step = 'reading the migration history';
    return await fn({
      timeZone: rows[0].tz,
      query: async <R extends object>(sql: string, params: readonly unknown[] = []): Promise<R[]> =>
        (await client.query(sql, [...params])).rows as R[],
    });
  } catch (e: unknown) {
    if (e instanceof DeployAgeError) throw e;
    const code = codeOf(e);
    const hint =
      code === '42501'
        ? '; grant the role in the URL SELECT on the history table (and USAGE on its schema)'
        : code === '57014'
          ? '; the statement timed out'
          : code === '55P03'
            ? '; the table is locked (a migration running?), try again later'
            : '';
    throw new DeployAgeError(`${step} on ${target.display} failed: ${why(e)}${hint}`, code);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
/** Checks the URL; gives `host:port/database` to name it in messages. The URL itself is never shown. */
export function checkUrl(url: string): { url: URL; display: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DeployAgeError(
      'the production database URL is not a URL; give one such as postgres://user:password@host:5432/database',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DeployAgeError(
      `the production database URL is not a PostgreSQL URL (it starts with ${parsed.protocol}//, not postgres://)`,
    );
  }
  const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
  const database =
    decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.searchParams.get('dbname') || '';
  return { url: parsed, display: `${host}:${parsed.port || '5432'}/${database}` };
}

/** Everything of the URL that must not appear in a message: the URL, its password, secret-looking parameters. */
function secretsOf(raw: string, url: URL): string[] {
  const secrets = [raw, url.href];
  if (url.password) secrets.push(url.password, safeDecode(url.password));
  for (const [key, value] of url.searchParams) {
    if (/pass|secret|key|token/i.test(key) && value) secrets.push(value, encodeURIComponent(value));
  }
  // Longest first, so a password inside the URL does not leave the rest of the URL behind.
  return [...new Set(secrets.filter((s) => s.length >= 3))].sort((a, b) => b.length - a.length);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function positive(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0)
    throw new DeployAgeError(`timeouts.${what} must be a positive whole number of milliseconds`);
  return value;
}

/** PostgreSQL duration text: `5s` for whole seconds, else `250ms`. */
function duration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
