// What a command may touch of the outside world, passed in so tests can capture it.
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  isTTY: boolean;
  env: Record<string, string | undefined>;
  /** Calls `handler` on SIGINT and SIGTERM until the returned function is called (absent in tests). */
  onSignal?: (handler: (signal: 'SIGINT' | 'SIGTERM') => void) => () => void;
}

/** A usage or input problem: printed as one line, exit code 2. */
export class UsageError extends Error {}
