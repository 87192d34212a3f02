// Ignore directives: `-- expand-contract-ignore <rule>[,<rule>] [until=YYYY-MM-DD] <reason>` before a
// statement, `-- expand-contract-ignore-file <rules> [until=...] <reason>` anywhere in a file.
import type { Finding } from '../types.js';

export interface Directive {
  scope: 'statement' | 'file';
  rules: string[];
  until?: string;
  reason: string;
  line: number;
  /** Set once the directive silenced a finding. */
  used: boolean;
}

const DIRECTIVE = /--\s*expand-contract-ignore(-file)?\b(.*)$/;

/** Reads a directive from one comment line; returns an error message when it is malformed. */
export function readDirective(
  comment: string,
  line: number,
): Directive | { error: string; line: number } | undefined {
  const m = DIRECTIVE.exec(comment);
  if (!m) return undefined;
  const scope = m[1] ? 'file' : 'statement';
  const words = (m[2] ?? '').trim().split(/\s+/).filter(Boolean);
  const rules = (words.shift() ?? '').split(',').filter(Boolean);
  let until: string | undefined;
  if (words[0]?.startsWith('until=')) {
    until = (words.shift() as string).slice('until='.length);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until))) {
      return { error: `until=${until} is not a date; write until=YYYY-MM-DD.`, line };
    }
  }
  const reason = words.join(' ');
  const name = scope === 'file' ? 'expand-contract-ignore-file' : 'expand-contract-ignore';
  if (rules.length === 0) return { error: `${name} names no rule; write -- ${name} <rule> <reason>.`, line };
  if (!reason)
    return { error: `${name} ${rules.join(',')} gives no reason; add one after the rule ids.`, line };
  return { scope, rules, ...(until ? { until } : {}), reason, line, used: false };
}

export function matches(d: Directive, f: Finding): boolean {
  return d.rules.includes(f.rule) || d.rules.includes('all');
}

export function isExpired(d: Directive, today: string): boolean {
  return d.until !== undefined && d.until < today;
}
