// The user's configuration (`.github/expand-contract.yml`), after validation.
import type { FrameworkName, Severity } from '../types.js';

/** The levels of `fail-on`, lowest bar last. */
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** What code that still names a dropped object does to the contract gate: warn (listed) or fail it. */
export const REFERENCES = ['warn', 'fail'] as const;
export type References = (typeof REFERENCES)[number];

export interface RuleConfig {
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
}

/** Thresholds of severity by exposure (`exposure:` in the configuration). */
export interface ExposureConfig {
  /** A table under this many rows and `tinyBytes` is tiny: its blocking findings become notices. */
  tinyRows: number;
  tinyBytes: number;
  /** An estimated lock longer than this (seconds) makes a blocking finding an error. */
  maxLockSeconds: number;
  /** So do more writes than this held back (estimated lock seconds x the table's writes per second). */
  maxBlockedWrites: number;
  /** A statistics file older than this many days is reported as stale. */
  statsMaxAgeDays: number;
}

export interface Config {
  /** Globs (relative to the repository root) of migration files; overrides detection. */
  paths: string[];
  framework?: FrameworkName;
  postgresVersion: number;
  failOn: FailOn;
  rules: Record<string, RuleConfig>;
  /** Flyway `${name}` placeholders. */
  placeholders: Record<string, string>;
  /** Files larger than this many bytes are reported and skipped (default 5 MiB). */
  maxFileBytes: number;
  /** Days between the expand deploy and the contract phase (default 7). */
  contractAfterDays: number;
  /** Code outside the migrations that still names a dropped object: listed (warn) or fails the gate. */
  references: References;
  /** How production statistics change a finding's severity (only when stats are given). */
  exposure: ExposureConfig;
  /** Where the config came from (for messages), or null for defaults. */
  source: string | null;
}

export const DEFAULT_CONFIG: Config = {
  paths: [],
  postgresVersion: 16,
  failOn: 'error',
  rules: {},
  placeholders: {},
  maxFileBytes: 5 * 1024 * 1024,
  contractAfterDays: 7,
  references: 'warn',
  exposure: {
    tinyRows: 1000,
    tinyBytes: 8 * 1024 * 1024,
    maxLockSeconds: 2,
    maxBlockedWrites: 1000,
    statsMaxAgeDays: 7,
  },
  source: null,
};

/** A configuration file that cannot be used; the message names the file, line and key. */
export class ConfigError extends Error {}

const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** Bytes of a size as written in the configuration (`5MB`, `512 KiB`, `1.5mb`, `1000`), or undefined. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)?\s*$/i.exec(text);
  const unit = SIZE_UNITS[(m?.[2] ?? 'b').toLowerCase()];
  return m && unit !== undefined ? Math.floor(Number(m[1]) * unit) : undefined;
}
