// lock-timeout: a phase that takes a lock blocking traffic (ACCESS EXCLUSIVE for most ALTER TABLE forms,
// SHARE ROW EXCLUSIVE for CREATE TRIGGER) starts with SET lock_timeout, so a statement stuck behind a
// long transaction gives up instead of queueing every query of the table behind it.
import { literal } from '../sql.js';
import type { Recipe } from '../types.js';
import { NO_APP } from './define.js';

interface Spec {
  value: string;
}

export const DEFAULT_LOCK_TIMEOUT = '5s';

/** True when a generated or kept statement takes a table lock that blocks reads or writes. */
export function takesBlockingLock(sql: string): boolean {
  const s = sql.replace(/^(\s*--[^\n]*\n)*/, '').trimStart();
  if (/^ALTER\s+TABLE\b/i.test(s)) return !/\bVALIDATE\s+CONSTRAINT\b/i.test(s);
  return /^(DROP\s+TABLE|DROP\s+INDEX(?!\s+CONCURRENTLY)|ALTER\s+INDEX|CREATE\s+TRIGGER|DROP\s+TRIGGER|CREATE\s+(OR\s+REPLACE\s+)?VIEW|DROP\s+VIEW|ALTER\s+VIEW)\b/i.test(
    s,
  );
}

export function lockTimeoutStatement(value: string): string {
  return `SET lock_timeout = ${literal(value)}`;
}

export const lockTimeout = {
  id: 'lock-timeout',
  rules: ['require-lock-timeout'],
  kind: 'setting',
  appliesTo: (finding) => finding.rule === 'require-lock-timeout',
  validate: (_target, ctx) => ({ value: ctx.lockTimeout }),
  object: () => '',
  summary: (s) =>
    `Start the phases that take blocking locks with SET lock_timeout = '${s.value}': a lock that cannot be had at once fails the migration (retry it) instead of blocking the table's traffic.`,
  expand: (s) => [lockTimeoutStatement(s.value)],
  contract: () => [],
  rollback: () => [],
  app: () => NO_APP,
  drops: () => [],
} satisfies Recipe<Spec>;
