// GitHub Actions workflow commands: one annotation per finding on the exact migration line.
// Ignored findings get none. Escaping follows the runner's rules for command data and properties.
import type { Finding, Report, Severity } from '../types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'notice' };

export function renderGithub(report: Report): string {
  return report.findings.map((f) => `${annotation(f)}\n`).join('');
}

function annotation(f: Finding): string {
  const props = [
    `file=${escapeProperty(f.path)}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `title=${escapeProperty(f.rule)}`,
  ].join(',');
  return `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}`;
}

/** The message part of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command: as data, plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
