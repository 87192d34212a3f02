// SARIF 2.1.0 (code scanning upload, IDE viewers): one run, the rules that were reported, one result
// per finding; ignored findings are results with an in-source suppression.
import type { Finding, Report, Severity } from '../types.js';
import { encodePath } from './url.js';

export interface SarifRule {
  id: string;
  description: string;
  help: string;
  /** The rule's docs page: a URL, or a path resolved against `docsBase`. */
  docs: string;
  severity: Severity;
}

export interface SarifOptions {
  toolVersion: string;
  /** Every rule the tool knows; findings of rules not listed get a minimal rule entry. */
  rules: readonly SarifRule[];
  /** The tool's home page (tool.driver.informationUri); left out when not given. */
  informationUri?: string;
  /** Absolute URL that relative docs paths are resolved against for helpUri; without it a relative page has no helpUri. */
  docsBase?: string;
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', notice: 'note' };

interface ReportingDescriptor {
  id: string;
  shortDescription: { text: string };
  help?: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: Level };
  properties?: { docs: string };
}

export function renderSarif(report: Report, options: SarifOptions): string {
  const rules: ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  const add = (rule: SarifRule): number => {
    index.set(rule.id, rules.length);
    rules.push(descriptor(rule, options.docsBase));
    return rules.length - 1;
  };
  for (const rule of options.rules) if (!index.has(rule.id)) add(rule);
  const ruleIndex = (f: Finding): number => index.get(f.rule) ?? add(fallbackRule(f));
  const results = [
    ...report.findings.map((f) => result(f, ruleIndex(f))),
    ...report.suppressed.map((f) => result(f, ruleIndex(f))),
  ];
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'expand-contract',
            version: options.toolVersion,
            ...(/^\d+\.\d+\.\d+/.test(options.toolVersion) ? { semanticVersion: options.toolVersion } : {}),
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules,
          },
        },
        // Our columns count UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Every known rule is listed (in the order given), then the rules of engine findings (syntax-error, ...). */
function descriptor(rule: SarifRule, docsBase: string | undefined): ReportingDescriptor {
  const helpUri = resolveDocs(rule.docs, docsBase);
  return {
    id: rule.id,
    shortDescription: { text: rule.description || rule.id },
    ...(rule.help ? { help: { text: rule.help } } : {}),
    ...(helpUri !== undefined ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    ...(helpUri === undefined && rule.docs ? { properties: { docs: rule.docs } } : {}),
  };
}

function fallbackRule(f: Finding): SarifRule {
  return { id: f.rule, description: f.rule, help: '', docs: f.docs, severity: f.severity };
}

function resolveDocs(docs: string, base: string | undefined): string | undefined {
  if (/^https?:\/\//i.test(docs)) return docs;
  if (!docs || base === undefined || base === '') return undefined;
  return `${base}${encodePath(docs)}`;
}

function result(f: Finding, ruleIndex: number): Record<string, unknown> {
  const uri = artifactUri(f.path);
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: uri.relative ? { uri: uri.uri, uriBaseId: '%SRCROOT%' } : { uri: uri.uri },
          region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
        },
      },
    ],
    ...(f.suppressed
      ? {
          suppressions: [
            {
              kind: 'inSource',
              justification: f.suppressed.reason,
              ...(f.suppressed.until ? { properties: { until: f.suppressed.until } } : {}),
            },
          ],
        }
      : {}),
    properties: { breaking: f.breaking, lock: f.lock, object: f.object, statementLine: f.statementLine },
  };
}

/**
 * A finding's path as a URI reference: relative paths with forward slashes and each segment
 * percent-encoded; absolute paths (POSIX or Windows) as file: URIs.
 */
export function artifactUri(path: string): { uri: string; relative: boolean } {
  const slashed = path.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(slashed))
    return { uri: `file:///${slashed.slice(0, 2)}${encodePath(slashed.slice(2))}`, relative: false };
  if (slashed.startsWith('/')) return { uri: `file://${encodePath(slashed)}`, relative: false };
  return { uri: encodePath(slashed.replace(/^(\.\/)+/, '')), relative: true };
}
