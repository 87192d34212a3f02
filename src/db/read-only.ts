// A read-only session on a production database (or a replica): `BEGIN TRANSACTION READ ONLY` with short
// statement and lock timeouts, then ROLLBACK, so it cannot write and cannot queue behind a migration for
// long. The URL is a secret: messages name `host:port/database` at most, and any text the driver returns
// is scrubbed of the URL and its password before it is shown.
import { codeOf, connect, ConnectError, parseUrl, type Connection } from './connect.js';

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

/** Who reads, for messages and for the errors thrown. */
export interface ReadOnlyPurpose {
  /** "the production database", "the statistics database". */
  what: string;
  applicationName: string;
  /** What `fn` does, for a failure's message: "reading the migration history". */
  reading: string;
  /** What to grant when the server says permission denied. */
  privilegeHint: string;
  /** The error every failure is thrown as. */
  error: (message: string, code?: string) => Error;
  /** True for an error of that kind (thrown by `fn` itself): passed on as it is. */
  owns: (e: unknown) => boolean;
}

/**
 * Runs `fn` in a read-only transaction on the database at `url`: `BEGIN TRANSACTION READ ONLY`,
 * `SET LOCAL statement_timeout` and `lock_timeout`, a check that the transaction is read only (which also
 * takes its snapshot, so no later `SET TRANSACTION READ WRITE` can change it), `fn`, then ROLLBACK. Any
 * write `fn` tries is refused by PostgreSQL. Errors name the server as host:port/database only.
 */
export async function readOnlySession<T>(
  url: string,
  purpose: ReadOnlyPurpose,
  fn: (session: ReadOnlySession) => Promise<T>,
  timeouts: DatabaseTimeouts = {},
): Promise<T> {
  const fail = purpose.error;
  const target = checkReadOnlyUrl(url, purpose);
  const connectMs = positive(timeouts.connectMs, 10_000, 'connectMs', fail);
  const statementMs = positive(timeouts.statementMs, 5_000, 'statementMs', fail);
  const lockMs = positive(timeouts.lockMs, 1_000, 'lockMs', fail);
  let conn: Connection;
  try {
    conn = await connect(url, {
      what: purpose.what,
      applicationName: purpose.applicationName,
      connectMs,
      // A client-side backstop in case the server never answers.
      queryTimeoutMs: statementMs + 5_000,
      // The whole session, too: a COMMIT inside `fn` would otherwise end the read-only transaction.
      readOnly: true,
    });
  } catch (e: unknown) {
    if (e instanceof ConnectError) throw fail(e.message, e.code);
    throw e;
  }
  const { client, why } = conn;

  let step = 'opening a read-only transaction';
  try {
    await client.query('BEGIN TRANSACTION READ ONLY');
    await client.query(`SET LOCAL statement_timeout = '${duration(statementMs)}'`);
    await client.query(`SET LOCAL lock_timeout = '${duration(lockMs)}'`);
    const { rows } = await client.query<{ ro: string; tz: string }>(
      "SELECT current_setting('transaction_read_only') AS ro, current_setting('TimeZone') AS tz",
    );
    if (rows[0]?.ro !== 'on')
      throw fail(`refusing to read ${target.display}: the transaction is not read only`);
    step = purpose.reading;
    return await fn({
      timeZone: rows[0].tz,
      query: async <R extends object>(sql: string, params: readonly unknown[] = []): Promise<R[]> =>
        (await client.query(sql, [...params])).rows as R[],
    });
  } catch (e: unknown) {
    if (purpose.owns(e)) throw e;
    const code = codeOf(e);
    const hint =
      code === '42501'
        ? `; ${purpose.privilegeHint}`
        : code === '57014'
          ? '; the statement timed out'
          : code === '55P03'
            ? '; the table is locked (a migration running?), try again later'
            : code === '25006'
              ? '; the connection is read only and the statement tried to write'
              : '';
    throw fail(`${step} on ${target.display} failed: ${why(e)}${hint}`, code);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/** Checks the URL; gives `host:port/database` to name it in messages. The URL itself is never shown. */
export function checkReadOnlyUrl(url: string, purpose: ReadOnlyPurpose): { url: URL; display: string } {
  try {
    return parseUrl(url, purpose.what);
  } catch (e: unknown) {
    if (e instanceof ConnectError) throw purpose.error(e.message);
    throw e;
  }
}

function positive(
  value: number | undefined,
  fallback: number,
  what: string,
  fail: (message: string) => Error,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0)
    throw fail(`timeouts.${what} must be a positive whole number of milliseconds`);
  return value;
}

/** PostgreSQL duration text: `5s` for whole seconds, else `250ms`. */
function duration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
