// The Action's entry: @actions/core as the ActionIO of src/action/run.ts, which does the work.
import * as core from '@actions/core';
import { runAction } from './action/run.js';
import type { ActionIO } from './action/io.js';

export function coreIO(): ActionIO {
  return {
    getInput: (name) => core.getInput(name),
    setSecret: (value) => core.setSecret(value),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(message),
    debug: (message) => core.debug(message),
    info: (message) => core.info(message),
    notice: (message, place) => core.notice(message, place ?? {}),
    warning: (message, place) => core.warning(message, place ?? {}),
    error: (message, place) => core.error(message, place ?? {}),
    // A job summary that cannot be written (a runner without GITHUB_STEP_SUMMARY, e.g. a local run) is
    // a warning: the comment, the check and the outputs still carry the report.
    summary: async (markdown) => {
      try {
        await core.summary.addRaw(markdown).write();
      } catch (e: unknown) {
        core.summary.emptyBuffer();
        core.warning(`expand-contract: no job summary: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    env: process.env,
    cwd: process.cwd(),
    onSignal: (handler) => {
      // A cancelled job gets SIGINT, then SIGTERM 7.5 s later, then SIGKILL: the first one asks the work
      // to stop at a safe point, a later one stops now (the server rolls an open transaction back).
      let seen = false;
      const on = (signal: 'SIGINT' | 'SIGTERM'): void => {
        if (seen) {
          core.info(`expand-contract: ${signal} again: stopping now`);
          process.exit(1);
        }
        seen = true;
        handler(signal);
      };
      const int = (): void => on('SIGINT');
      const term = (): void => on('SIGTERM');
      process.on('SIGINT', int);
      process.on('SIGTERM', term);
      return () => {
        process.off('SIGINT', int);
        process.off('SIGTERM', term);
      };
    },
  };
}

export async function run(): Promise<void> {
  await runAction(coreIO());
}
