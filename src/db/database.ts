// One small interface over the two databases the catalog replays migrations on: PGlite (embedded,
// in-process) and a shadow database on a real server (pg). Both run SQL text as the simple protocol
// would, so a migration's multi-statement text behaves as it does under psql or a framework.

/** What runs SQL: a database, or a transaction opened on one. */
export interface Queryable {
  /** Runs one or more statements (simple query protocol); results are discarded. */
  exec(sql: string): Promise<void>;
  /** Runs one statement with `$1`-style parameters (extended protocol) and returns its rows. */
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export type DatabaseKind = 'pglite' | 'shadow';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** How to name it to a person: `PGlite` or `shadow database expand_contract_… on host:5432`. */
  readonly description: string;
  /** Runs `fn` inside BEGIN ... COMMIT; rolls back and rethrows when `fn` throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Releases everything the database holds (the WASM instance, the scratch database). Idempotent. */
  close(): Promise<void>;
  /**
   * The whole database state as bytes, for the replay cache; only backends that can restore it
   * offer it (PGlite: a tarball of its data directory).
   */
  dumpState?(): Promise<Uint8Array>;
  /**
   * An independent copy at the current state, open; the caller closes it. Only backends that copy
   * faster than they start and replay offer it (PGlite: `clone()`, about half the cost of a start).
   */
  clone?(): Promise<Database>;
}

/** A failure of the database layer itself: it could not start, connect, or was used after close. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

/** The server refused a statement. Carries PostgreSQL's fields, with `position` as a number (1-based). */
export class SqlError extends DatabaseError {
  override name = 'SqlError';
  constructor(
    message: string,
    readonly code: string | undefined,
    /** 1-based character position in the statement text, when PostgreSQL reported one. */
    readonly position: number | undefined,
    readonly detail: string | undefined,
    readonly hint: string | undefined,
  ) {
    super(message);
  }
}

/** The shadow-database URL is not one we will use (wrong scheme, no host, a scratch name...). */
export class ShadowUrlError extends DatabaseError {
  override name = 'ShadowUrlError';
}

/** Turns an error thrown by PGlite or pg into a SqlError when it carries a SQLSTATE, else a DatabaseError. */
export function toDatabaseError(e: unknown, context: string): DatabaseError {
  if (e instanceof DatabaseError) return e;
  const fields = (e && typeof e === 'object' ? e : {}) as Record<string, unknown>;
  const message = e instanceof Error ? e.message : String(e);
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    const position = Number(fields.position);
    return new SqlError(
      message,
      code,
      Number.isInteger(position) && position > 0 ? position : undefined,
      typeof fields.detail === 'string' ? fields.detail : undefined,
      typeof fields.hint === 'string' ? fields.hint : undefined,
    );
  }
  return new DatabaseError(`${context}: ${message}`, { cause: e });
}
