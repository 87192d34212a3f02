// The `exposure:` section of the configuration: the thresholds by which production statistics turn a
// blocking finding into a notice (tiny table) or an error (long lock, many writes held back).
import { isMap, isScalar } from 'yaml';
import { suggest } from './suggest.js';
import { parseSize, type ExposureConfig } from './types.js';

/** What of the validator this section uses. */
export interface SectionChecker {
  fail(at: unknown, key: string, problem: string, advice: string): void;
  show(node: unknown): string;
  keyName(key: unknown): string;
  resolve(node: unknown): unknown;
}

const KEYS = {
  'tiny-rows': { field: 'tinyRows', advice: 'write a whole number of rows, such as 1000', whole: true },
  'tiny-size': { field: 'tinyBytes', advice: "write a size such as '8MB' or a number of bytes", whole: true },
  'max-lock-seconds': {
    field: 'maxLockSeconds',
    advice: 'write a number of seconds, such as 2',
    whole: false,
  },
  'max-blocked-writes': {
    field: 'maxBlockedWrites',
    advice: 'write a whole number of writes, such as 1000',
    whole: true,
  },
  'stats-max-age': { field: 'statsMaxAgeDays', advice: 'write a number of days, such as 7', whole: false },
} as const satisfies Record<string, { field: keyof ExposureConfig; advice: string; whole: boolean }>;

/** Reads the section over `current`; problems are reported through `checker` (a line each). */
export function readExposure(
  checker: SectionChecker,
  at: unknown,
  value: unknown,
  current: ExposureConfig,
): ExposureConfig {
  const out = { ...current };
  if (!isMap(value)) {
    checker.fail(
      at,
      'exposure',
      `expected a mapping, got ${checker.show(value)}`,
      `use the keys ${Object.keys(KEYS).join(', ')}`,
    );
    return out;
  }
  for (const pair of value.items) {
    const key = checker.keyName(pair.key);
    const v = checker.resolve(pair.value);
    const spec = KEYS[key as keyof typeof KEYS];
    if (!spec) {
      const hint = suggest(key, Object.keys(KEYS));
      checker.fail(
        pair.key,
        `exposure.${key}`,
        'unknown key',
        hint ? `did you mean ${hint}?` : `accepted keys are ${Object.keys(KEYS).join(', ')}`,
      );
      continue;
    }
    const vAt = isScalar(v) && v.value === null ? pair.key : v;
    const n =
      key === 'tiny-size' ? size(v) : isScalar(v) && typeof v.value === 'number' ? v.value : undefined;
    if (n === undefined || !Number.isFinite(n) || n < 0 || (spec.whole && !Number.isInteger(n))) {
      checker.fail(vAt, `exposure.${key}`, `${checker.show(v)} is not valid`, spec.advice);
      continue;
    }
    out[spec.field] = n;
  }
  return out;
}

function size(v: unknown): number | undefined {
  if (!isScalar(v)) return undefined;
  if (typeof v.value === 'number') return v.value;
  if (typeof v.value !== 'string') return undefined;
  return parseSize(v.value);
}
