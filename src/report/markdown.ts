// The Markdown format (job summary, PR comment body): a verdict line, a table of findings and the
// ignored findings in a collapsed block. Everything taken from the input is escaped, so a file name
// or a message can neither break the table nor add markup, links or @mentions.
import type { Finding, LockMode, Report, Severity } from '../types.js';
import { encodePath } from './url.js';

export interface MarkdownOptions {
  /** A heading above the verdict. */
  title?: string;
  /** Prefix of file links (e.g. `https://github.com/o/r/blob/<sha>/`); files are not linked without it. */
  linkBase?: string;
  /** Prefix of docs links; defaults to `linkBase`. A docs value that is already a URL is used as it is. */
  docsBase?: string;
}

/** Locks that stop ordinary reads or writes while held (weaker ones only conflict with other DDL). */
const TRAFFIC_BLOCKING: ReadonlySet<LockMode> = new Set<LockMode>([
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
]);

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const blocks: string[] = [];
  if (options.title !== undefined && options.title.trim() !== '')
    blocks.push(`### ${escapeText(oneLine(options.title))}`);
  blocks.push(verdict(report));
  if (report.findings.length > 0) blocks.push(findingsTable(report.findings, options));
  if (report.suppressed.length > 0) blocks.push(suppressedBlock(report.suppressed, options));
  return `${blocks.join('\n\n')}\n`;
}

/** A finding that is not breaking but holds a lock that stops traffic. */
function isBlocking(f: Finding): boolean {
  return !f.breaking && f.lock !== null && TRAFFIC_BLOCKING.has(f.lock);
}

function verdict(report: Report): string {
  const files = `in ${plural(report.files.length, 'file')}`;
  const breaking = report.findings.filter((f) => f.breaking).length;
  const blocking = report.findings.filter(isBlocking).length;
  const rest = report.findings.filter((f) => !f.breaking && !isBlocking(f));
  const parts = [breaking > 0 ? `**${plural(breaking, 'breaking change')}**` : 'No breaking changes'];
  if (blocking > 0) parts.push(plural(blocking, 'blocking lock'));
  for (const sev of ['error', 'warning', 'notice'] as const) {
    const n = rest.filter((f) => f.severity === sev).length;
    if (n > 0) parts.push(plural(n, SEVERITY_NOUN[sev]));
  }
  if (parts.length === 1 && breaking === 0) parts[0] = 'No breaking changes or blocking locks';
  const ignored = report.suppressed.length > 0 ? ` (${report.suppressed.length} ignored)` : '';
  return `${parts.join(', ')} ${files}${ignored}.`;
}

const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

const SEVERITY_NOUN: Record<Severity, string> = {
  error: 'other error',
  warning: 'warning',
  notice: 'notice',
};

function findingsTable(findings: Finding[], options: MarkdownOptions): string {
  const rows = findings.map((f) => {
    const tags = [f.severity, ...(f.breaking ? ['**breaking**'] : [])].join(', ');
    const message = [richText(f.message), ...(f.help ? [`Help: ${richText(f.help)}`] : [])].join('<br>');
    return row([place(f, options), `${ruleLink(f, options)} (${tags})`, f.lock ?? '\u2014', message]);
  });
  return [row(['File', 'Rule', 'Lock', 'Message']), row(['---', '---', '---', '---']), ...rows].join('\n');
}

function suppressedBlock(findings: Finding[], options: MarkdownOptions): string {
  const rows = findings.map((f) => {
    const until = f.suppressed?.until ? ` (until ${escapeText(oneLine(f.suppressed.until))})` : '';
    const reason = f.suppressed?.reason.trim() ? richText(f.suppressed.reason.trim()) : '_no reason given_';
    return row([place(f, options), ruleLink(f, options), `${reason}${until}`]);
  });
  const summary = `${plural(findings.length, 'ignored finding')}`;
  return [
    `<details><summary>${summary}</summary>`,
    '',
    row(['File', 'Rule', 'Reason']),
    row(['---', '---', '---']),
    ...rows,
    '',
    '</details>',
  ].join('\n');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function place(f: Finding, options: MarkdownOptions): string {
  const text = `${escapeText(oneLine(f.path))}:${f.line}`;
  if (options.linkBase === undefined || options.linkBase === '') return text;
  return `[${text}](${options.linkBase}${encodePath(f.path)}#L${f.line})`;
}

function ruleLink(f: Finding, options: MarkdownOptions): string {
  const text = escapeText(oneLine(f.rule));
  const base = options.docsBase ?? options.linkBase;
  if (/^https?:\/\//i.test(f.docs)) return `[${text}](${encodeUrl(f.docs)})`;
  if (base === undefined || base === '' || f.docs === '') return text;
  return `[${text}](${base}${encodePath(f.docs)})`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function oneLine(s: string): string {
  return s.replace(/\r\n|\r|\n/g, ' ');
}

/**
 * Text from the input as inert Markdown for a table cell: HTML special characters as entities,
 * pipes and backticks as numeric references, other Markdown punctuation backslash-escaped, and a
 * zero-width joiner after `@` so no one is mentioned. Newlines must be removed or replaced first.
 */
export function escapeText(s: string): string {
  // One pass, so the escapes themselves are never escaped again.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[&<>"|`\\*_[\]~#!$:@\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => {
    if (c === '@') return '@\u200d';
    const entity = HTML_ENTITY[c];
    if (entity !== undefined) return entity;
    if (c === '|' || c === '`') return `&#${c.charCodeAt(0)};`;
    if (c.charCodeAt(0) < 0x20 || c === '\u007f') return '\ufffd';
    return `\\${c}`;
  });
}

/**
 * A message or help text: escaped like `escapeText`, with `code` spans kept as <code> elements (their
 * content escaped too) and line breaks as <br>.
 */
function richText(s: string): string {
  const lines = s.split(/\r\n|\r|\n/);
  return lines
    .map((line) =>
      line
        .split(/`([^`]+)`/)
        .map((part, i) => (i % 2 === 1 ? `<code>${escapeText(part)}</code>` : escapeText(part)))
        .join(''),
    )
    .join('<br>');
}

/** An absolute URL made safe inside `( )`: spaces, parentheses and angle brackets percent-encoded. */
function encodeUrl(url: string): string {
  return url.replace(/[\s()<>`|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
