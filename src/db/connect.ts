// One connection to a real PostgreSQL server given by a URL that is a secret: messages name
// `host:port/database` at most, and any text the driver returns is scrubbed of the URL and its password.
import type { Client } from 'pg';
import { DatabaseError } from './database.js';

/** Connecting failed, or the URL is not one. `code` is PostgreSQL's SQLSTATE or the socket's error code. */
export class ConnectError extends DatabaseError {
  override name = 'ConnectError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface Connection {
  client: Client;
  /** `host:port/database`, for messages. */
  display: string;
  /** The text with the URL, its password and secret-looking parameters replaced by `***`. */
  scrub(text: string): string;
  /** A driver error as one scrubbed line. */
  why(e: unknown): string;
}

export interface ConnectOptions {
  /** What the URL is, for messages: "the database", "the production database". */
  what: string;
  applicationName: string;
  /** Connection timeout (default 10 000 ms). */
  connectMs?: number;
  /** A client-side backstop on every query, in ms (none by default). */
  queryTimeoutMs?: number;
  /** Every transaction of the session read only (`default_transaction_read_only`), not just the first. */
  readOnly?: boolean;
}

/** Connects to `url`; one clear line (host:port/database, the reason, what to do) when it cannot. */
export async function connect(url: string, options: ConnectOptions): Promise<Connection> {
  const target = parseUrl(url, options.what);
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
    connectionTimeoutMillis: options.connectMs ?? 10_000,
    ...(options.queryTimeoutMs ? { query_timeout: options.queryTimeoutMs } : {}),
    ...(options.readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
    application_name: options.applicationName,
  });
  // A lost connection is reported by the next query; an unhandled 'error' event would end the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e: unknown) {
    await client.end().catch(() => undefined);
    const code = codeOf(e);
    throw new ConnectError(
      `cannot connect to ${options.what} ${target.display}: ${why(e)}${connectHint(code)}`,
      code,
    );
  }
  return { client, display: target.display, scrub, why };
}

function connectHint(code: string | undefined): string {
  switch (code) {
    case '28P01':
    case '28000':
      return '; check the user and password in the URL';
    case '3D000':
      return '; check the database name in the URL';
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return '; check the host and port in the URL, and that the server is running';
    default:
      return '';
  }
}

/** Checks the URL; gives `host:port/database` to name it in messages. The URL itself is never shown. */
export function parseUrl(url: string, what: string): { url: URL; display: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConnectError(
      `${what} URL is not a URL; give one such as postgres://user:password@host:5432/database`,
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConnectError(
      `${what} URL is not a PostgreSQL URL (it starts with ${parsed.protocol}//, not postgres://)`,
    );
  }
  const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
  const database =
    decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.searchParams.get('dbname') || '';
  return { url: parsed, display: `${host}:${parsed.port || '5432'}/${database}` };
}

/** Everything of the URL that must not appear in a message: the URL, its password, secret-looking parameters. */
export function secretsOf(raw: string, url: URL): string[] {
  const secrets = [raw, url.href];
  if (url.password) secrets.push(url.password, safeDecode(url.password));
  for (const [key, value] of url.searchParams) {
    if (/pass|secret|key|token/i.test(key) && value) secrets.push(value, encodeURIComponent(value));
  }
  // Longest first, so a password inside the URL does not leave the rest of the URL behind.
  return [...new Set(secrets.filter((s) => s.length >= 3))].sort((a, b) => b.length - a.length);
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
