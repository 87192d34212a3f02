// Shadow-database backend: a scratch database on a real PostgreSQL server the user names
// (`shadow-database-url`). It creates `expand_contract_<random>` from template0, works only there,
// and drops it on close. It never writes to the database in the URL, nor to any other database.
import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import {
  DatabaseError,
  ShadowUrlError,
  SqlError,
  toDatabaseError,
  type Database,
  type Queryable,
} from './database.js';

export interface ShadowOptions {
  /** Connection timeout in milliseconds (default 10 000). */
  connectTimeoutMs?: number;
}

export interface ShadowDatabase extends Database {
  readonly kind: 'shadow';
  /** The scratch database's name, `expand_contract_` and 12 hex digits. */
  readonly name: string;
  /** `SHOW server_version_num`, e.g. 160004. */
  readonly serverVersion: number;
}

export const SCRATCH_PREFIX = 'expand_contract_';
const SCRATCH_NAME = /^expand_contract_[0-9a-f]{12}$/;

/** Checks a shadow-database URL; returns it with the password hidden, for messages. */
export function checkShadowUrl(url: string): { url: URL; display: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ShadowUrlError(
      'the shadow database URL is not a URL; give a PostgreSQL server URL such as ' +
        'postgres://user:password@host:5432/postgres',
    );
  }
  const display = redact(parsed);
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ShadowUrlError(
      `the shadow database URL ${display} is not a PostgreSQL server connection (it must start with ` +
        'postgres:// or postgresql://); the embedded database needs no URL at all',
    );
  }
  if (!parsed.hostname && !parsed.searchParams.get('host')) {
    throw new ShadowUrlError(
      `the shadow database URL ${display} names no server host; give one, e.g. postgres://user@localhost:5432/postgres`,
    );
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database.startsWith(SCRATCH_PREFIX)) {
    throw new ShadowUrlError(
      `the shadow database URL ${display} points at a scratch database of this tool; point it at the ` +
        'server\'s maintenance database (usually "postgres") instead',
    );
  }
  return { url: parsed, display };
}

function redact(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  for (const key of [...copy.searchParams.keys()])
    if (/password|secret|key/i.test(key)) copy.searchParams.set(key, '***');
  return copy.href;
}

/** Creates a scratch database on the server in `url` and connects to it. Close it in `finally`. */
export async function openShadow(url: string, options: ShadowOptions = {}): Promise<ShadowDatabase> {
  const target = checkShadowUrl(url);
  const { default: pg } = await import('pg');
  const timeout = options.connectTimeoutMs ?? 10_000;
  const connect = async (href: string, what: string): Promise<Client> => {
    const client = new pg.Client({
      connectionString: href,
      connectionTimeoutMillis: timeout,
      application_name: 'expand-contract',
    });
    // A lost connection is reported by the next query; an unhandled 'error' event would end the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
      return client;
    } catch (e: unknown) {
      await client.end().catch(() => undefined);
      throw new DatabaseError(`cannot connect to ${what}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const name = `${SCRATCH_PREFIX}${randomBytes(6).toString('hex')}`;
  const admin = await connect(target.url.href, `the shadow database server ${target.display}`);
  let serverVersion = 0;
  try {
    const [row] = (await admin.query<{ v: string }>("SELECT current_setting('server_version_num') AS v"))
      .rows;
    serverVersion = Number(row?.v ?? 0);
    await admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`);
  } catch (e: unknown) {
    const err = toDatabaseError(e, 'CREATE DATABASE failed');
    const why =
      err instanceof SqlError && err.code === '42501'
        ? 'the role in the URL may not create databases; grant it CREATEDB or use another role'
        : err.message;
    throw new DatabaseError(`cannot create a scratch database on ${target.display}: ${why}`);
  } finally {
    await admin.end().catch(() => undefined);
  }

  const scratchUrl = new URL(target.url.href);
  scratchUrl.pathname = `/${name}`;
  const dropIt = (): Promise<void> =>
    dropScratch(connect, target.url.href, target.display, name, serverVersion);
  let client: Client;
  try {
    client = await connect(scratchUrl.href, `the scratch database ${name}`);
    await client.query(
      `COMMENT ON DATABASE ${quoteIdent(name)} IS 'expand-contract scratch database, created ${new Date().toISOString()}; safe to drop'`,
    );
  } catch (e: unknown) {
    await dropIt().catch(() => undefined);
    throw toDatabaseError(e, `cannot use the scratch database ${name}`);
  }
  return new ShadowBackend(
    client,
    name,
    `shadow database ${name} on ${hostOf(target.url)}`,
    serverVersion,
    dropIt,
  );
}

async function dropScratch(
  connect: (href: string, what: string) => Promise<Client>,
  href: string,
  display: string,
  name: string,
  serverVersion: number,
): Promise<void> {
  // The one DROP this module issues, and only of a name it generated.
  if (!SCRATCH_NAME.test(name)) throw new DatabaseError(`refusing to drop ${name}: not a scratch database`);
  const admin = await connect(href, `the shadow database server ${display} to drop ${name}`);
  try {
    const force = serverVersion >= 130000 ? ' WITH (FORCE)' : '';
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}${force}`);
  } catch (e: unknown) {
    throw new DatabaseError(
      `cannot drop the scratch database ${name} on ${display} (${e instanceof Error ? e.message : String(e)}); ` +
        `drop it by hand: DROP DATABASE ${quoteIdent(name)};`,
    );
  } finally {
    await admin.end().catch(() => undefined);
  }
}

function hostOf(url: URL): string {
  const host = url.hostname || url.searchParams.get('host') || 'localhost';
  return `${host}:${url.port || '5432'}`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

class ShadowBackend implements ShadowDatabase {
  readonly kind = 'shadow';
  private closed = false;

  constructor(
    private readonly client: Client,
    readonly name: string,
    readonly description: string,
    readonly serverVersion: number,
    private readonly drop: () => Promise<void>,
  ) {}

  async exec(sql: string): Promise<void> {
    try {
      await this.live().query(sql);
    } catch (e: unknown) {
      throw toDatabaseError(e, `${this.description} failed`);
    }
  }
  async query<T extends object>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    try {
      return (await this.live().query(sql, [...params])).rows as T[];
    } catch (e: unknown) {
      throw toDatabaseError(e, `${this.description} failed`);
    }
  }
  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    await this.exec('BEGIN');
    try {
      const result = await fn({
        exec: (sql) => this.exec(sql),
        query: (sql, params) => this.query(sql, params),
      });
      await this.exec('COMMIT');
      return result;
    } catch (e: unknown) {
      await this.exec('ROLLBACK').catch(() => undefined);
      throw toDatabaseError(e, 'transaction failed');
    }
  }
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.end().catch(() => undefined);
    await this.drop();
  }
  private live(): Client {
    if (this.closed) throw new DatabaseError(`the ${this.description} is closed`);
    return this.client;
  }
}
