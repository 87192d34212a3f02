// Bin entry: only starts things. The work is in main.ts.
import { run } from './main.js';

run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  onSignal: (handler) => {
    const int = (): void => handler('SIGINT');
    const term = (): void => handler('SIGTERM');
    process.on('SIGINT', int);
    process.on('SIGTERM', term);
    return () => {
      process.off('SIGINT', int);
      process.off('SIGTERM', term);
    };
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `expand-contract: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
