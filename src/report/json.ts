// The machine-readable report, version 1: the shape the Action and other tools read.
import type { Finding, Report } from '../types.js';

function finding(f: Finding): Record<string, unknown> {
  return {
    rule: f.rule,
    severity: f.severity,
    breaking: f.breaking,
    path: f.path,
    line: f.line,
    column: f.column,
    statementLine: f.statementLine,
    object: f.object,
    lock: f.lock,
    message: f.message,
    docs: f.docs,
    ...(f.exposure ? { exposure: f.exposure } : {}),
  };
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(jsonReport(report), null, 2)}\n`;
}

/** The report as the JSON object `renderJson` prints (the plan formats extend it). */
export function jsonReport(report: Report): Record<string, unknown> {
  return {
    version: report.version,
    files: report.files,
    findings: report.findings.map(finding),
    suppressed: report.suppressed.map((f) => ({ ...finding(f), reason: f.suppressed?.reason ?? '' })),
  };
}
