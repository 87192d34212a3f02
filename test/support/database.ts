// The one place tests get PostgreSQL from. The server is found or started once per run by global setup
// (`global-setup.ts`, integration project only); see test/support/README.md for the three sources.
//
//   const server = await testDatabase();            // { source, url, createDatabase() }
//   const db = await server.createDatabase();       // { name, url, drop() }: fresh, random name
//
// or, for one fresh database per test: `const db = useFreshDatabase();` at the top of a describe block,
// then `db().url` inside the tests.

import { afterEach, beforeEach, inject } from 'vitest';
import { createDatabase, type ProvidedServer, type TestDatabase } from './databases.js';
import type { DatabaseSource } from './postgres-server.js';

export type { DatabaseSource } from './postgres-server.js';
export type { TestDatabase } from './databases.js';

export interface TestServer {
  readonly source: DatabaseSource;
  /** The server's maintenance database; create a database per test rather than writing here. */
  readonly url: string;
  createDatabase(): Promise<TestDatabase>;
}

export async function testDatabase(): Promise<TestServer> {
  // undefined outside the integration project, whose global setup is the only provider
  const provided: ProvidedServer | undefined = inject('testDatabaseServer');
  const envUrl = process.env['TEST_DATABASE_URL'];
  const server: ProvidedServer | undefined =
    provided ?? (envUrl ? { source: 'env', url: envUrl } : undefined);
  if (server === undefined) {
    throw new Error(
      'No test database: name the file *.int.test.ts under test/integration/ (its global setup starts ' +
        'PostgreSQL) or set TEST_DATABASE_URL.',
    );
  }
  return {
    source: server.source,
    url: server.url,
    createDatabase: () => createDatabase(server.url),
  };
}

/**
 * One fresh database per test in the enclosing describe block (or file): created in beforeEach, dropped in
 * afterEach even when the test failed with sessions still open. Returns an accessor for the current one.
 */
export function useFreshDatabase(): () => TestDatabase {
  let current: TestDatabase | undefined;
  beforeEach(async () => {
    current = await (await testDatabase()).createDatabase();
  });
  afterEach(async () => {
    const done = current;
    current = undefined;
    await done?.drop();
  });
  return () => {
    if (current === undefined) throw new Error('useFreshDatabase(): no database outside a running test');
    return current;
  };
}
