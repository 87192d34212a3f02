// Removes what psql understands but the server does not: meta-commands (`\connect`, `\set`, ...)
// and the data of `COPY ... FROM stdin`. Each removed character becomes a space (newlines are
// kept), so every remaining offset keeps its line and column.
import type { Diagnostic } from '../types.js';
import type { Token } from './libpg.js';

export function stripPsqlOnly(text: string): { text: string; diagnostics: Diagnostic[] } {
  // Only a line that starts with a backslash, or a COPY from stdin, needs the line-by-line pass.
  if (!/^[ \t]*\\/m.test(text) && !/from\s+stdin/i.test(text)) return { text, diagnostics: [] };
  const lines = text.split('\n');
  const diagnostics: Diagnostic[] = [];
  let inCopy = false;
  let copyStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (inCopy) {
      if (/^\\\.\r?$/.test(line)) {
        inCopy = false;
        diagnostics.push({
          rule: 'input-error',
          severity: 'notice',
          line: copyStart,
          column: 1,
          message: `COPY ... FROM stdin data (lines ${copyStart + 1}-${i + 1}) is psql input, not SQL; it was skipped.`,
        });
      }
      lines[i] = blank(line);
      continue;
    }
    const meta = /^(\s*)\\([a-zA-Z!?][\w!?]*)/.exec(line);
    if (meta) {
      diagnostics.push({
        rule: 'input-error',
        severity: 'warning',
        line: i + 1,
        column: (meta[1] as string).length + 1,
        message: `psql meta-command \\${meta[2] as string} is not SQL and was not analysed; migration tools other than psql reject it, so move it out of the migration.`,
      });
      lines[i] = blank(line);
      continue;
    }
    if (/\bfrom\s+stdin\b/i.test(line) && /^\s*copy\b/i.test(line)) {
      inCopy = true;
      copyStart = i + 1;
    }
  }
  if (inCopy) {
    diagnostics.push({
      rule: 'input-error',
      severity: 'error',
      line: copyStart,
      column: 1,
      message:
        'COPY ... FROM stdin data is not terminated by a line holding only \\. ; end the data with \\. or load it outside the migration.',
    });
  }
  return { text: lines.join('\n'), diagnostics };
}

function blank(line: string): string {
  return line.replace(/[^\r]/g, ' ');
}

/**
 * psql interpolates `:name`, `:'name'` and `:"name"` before the server sees the text. For files that
 * psql runs (sqitch, plain SQL), the colon becomes a space so the variable reads as the identifier or
 * string psql would put there; offsets and lengths are unchanged.
 */
export function blankPsqlVariables(text: string, tokens: Token[] | undefined): string {
  if (!tokens || !text.includes(':')) return text;
  const bytes = Buffer.from(text, 'utf8');
  let changed = false;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const colon = tokens[i] as Token;
    const next = tokens[i + 1] as Token;
    if (colon.text !== ':' || next.start !== colon.end) continue;
    if (next.tokenName !== 'IDENT' && next.tokenName !== 'SCONST' && !/^[A-Za-z_]/.test(next.text)) continue;
    const before = tokens[i - 1];
    // `a[1:n]` is an array slice, not a variable.
    if (before && (before.text === '[' || before.text === ':')) continue;
    bytes[colon.start] = 32;
    changed = true;
  }
  return changed ? bytes.toString('utf8') : text;
}
