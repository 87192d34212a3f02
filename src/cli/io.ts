// What a command may touch of the outside world, passed in so tests can capture it.
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

/** A usage or input problem: printed as one line, exit code 2. */
export class UsageError extends Error {}
