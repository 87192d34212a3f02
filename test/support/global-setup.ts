// vitest globalSetup of the `integration` project (vitest.config.ts): finds or starts the one PostgreSQL
// server of this run and hands its URL to the test files through `provide` / `inject`. Runs only when an
// integration test file is selected, so unit-only runs never pay for it.

import type { TestProject } from 'vitest/node';
import { dropStaleDatabases } from './databases.js';
import { redact, startServer } from './postgres-server.js';

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const server = await startServer();
  try {
    if (server.source === 'env') await dropStaleDatabases(server.url);
    project.provide('testDatabaseServer', { source: server.source, url: server.url });
  } catch (error: unknown) {
    await server.stop();
    throw error;
  }
  const ms = Math.round(performance.now() - started);
  console.log(`[test database] ${server.source}: ${redact(server.url)} (${server.note}; ready in ${ms} ms)`);
  return async () => {
    await server.stop();
  };
}
