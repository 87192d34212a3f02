// Types for bench/generate.js, so TypeScript tests can import it without allowJs.

/** The statement kinds the generator emits, with their relative weights. */
export declare const KIND_WEIGHTS: Readonly<Record<string, number>>;
export declare const KINDS: readonly string[];

export interface GeneratedMigration {
  /** The migration text: `statements` top-level statements, with comments between some of them. */
  sql: string;
  statements: number;
  /** How many statements of each kind were emitted. */
  kinds: Record<string, number>;
}

export declare function generateMigration(count: number, options?: { seed?: number }): GeneratedMigration;

/** Writes a generated migration to `file`, or to a new temporary folder; returns the path written. */
export declare function writeMigration(count: number, options?: { seed?: number; file?: string }): string;
