// Removes what psql understands but the server does not: meta-commands (`\connect`, `\set`, ...)
// and the data of `COPY ... FROM stdin`. Each removed character becomes a space (newlines are
// kept), so every remaining offset keeps its line and column.
import type { Diagnostic } from '../types.js';

export function stripPsqlOnly(text: string): { text: string; diagnostics: Diagnostic[] } {
  if (!text.includes('\\')) return { text, diagnostics: [] };
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
      message: 'COPY ... FROM stdin data is not terminated by a line holding only \\. ; end the data with \\. or load it outside the migration.',
    });
  }
  return { text: lines.join('\n'), diagnostics };
}

function blank(line: string): string {
  return line.replace(/[^\r]/g, ' ');
}
