// What the Action needs from the runner, as an interface: @actions/core in production (src/main.ts),
// a recorder in tests.
export interface AnnotationPlace {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
}

export interface ActionIO {
  getInput(name: string): string;
  setSecret(value: string): void;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  notice(message: string, place?: AnnotationPlace): void;
  warning(message: string, place?: AnnotationPlace): void;
  error(message: string, place?: AnnotationPlace): void;
  /** Appends Markdown to the job summary. */
  summary(markdown: string): Promise<void>;
  env: Record<string, string | undefined>;
  /** The working directory when GITHUB_WORKSPACE is not set. */
  cwd: string;
  /**
   * Calls `handler` on the first SIGINT or SIGTERM (the runner cancelling the job); a second signal ends
   * the process at once. Returns a function that removes the handler. Absent: signals are not caught.
   */
  onSignal?: (handler: (signal: 'SIGINT' | 'SIGTERM') => void) => () => void;
}
