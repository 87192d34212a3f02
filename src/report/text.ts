// The terminal format: one block per finding (header, message, code frame, help, lock, docs),
// then the ignored findings and a one-line summary. Pure: Report in, string out.
import type { Finding, Report, Severity } from '../types.js';

export interface TextOptions {
  /** ANSI colours; off unless asked for. */
  color?: boolean;
  /** File text by path, for the code frames; a finding whose file is missing gets no frame. */
  sources?: ReadonlyMap<string, string>;
}

/** Lines of source shown before and after the finding's line. */
const CONTEXT = 2;
const TAB_WIDTH = 4;
/** Display columns of source shown per line; longer lines are clipped around the caret. */
const MAX_WIDTH = 100;
/** A statement that starts further above the finding's line than this is elided in the middle. */
const MAX_GAP = 1;

interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  severity(sev: Severity, s: string): string;
  breaking(s: string): string;
  ok(s: string): string;
}

const PLAIN: Paint = {
  bold: (s) => s,
  dim: (s) => s,
  severity: (_sev, s) => s,
  breaking: (s) => s,
  ok: (s) => s,
};

const sgr = (open: string, close: string) => (s: string) =>
  s === '' ? s : `\x1b[${open}m${s}\x1b[${close}m`;
const SEVERITY_SGR: Record<Severity, (s: string) => string> = {
  error: sgr('31', '39'),
  warning: sgr('33', '39'),
  notice: sgr('36', '39'),
};

const ANSI: Paint = {
  bold: sgr('1', '22'),
  dim: sgr('2', '22'),
  severity: (sev, s) => SEVERITY_SGR[sev](s),
  breaking: (s) => sgr('1', '22')(sgr('35', '39')(s)),
  ok: sgr('32', '39'),
};

export function renderText(report: Report, options: TextOptions = {}): string {
  const paint = options.color === true ? ANSI : PLAIN;
  const sources = options.sources ?? new Map<string, string>();
  const out: string[] = [];
  for (const f of report.findings) out.push(...findingBlock(f, sources.get(f.path), paint), '');
  if (report.suppressed.length > 0) {
    out.push(paint.bold(`Ignored (${report.suppressed.length}):`));
    for (const f of report.suppressed) out.push(`  ${suppressedLine(f, paint)}`);
    out.push('');
  }
  out.push(summary(report, paint));
  return `${out.join('\n')}\n`;
}

function header(f: Finding, paint: Paint): string {
  const place = `${paint.bold(safe(f.path))}${paint.dim(`:${f.line}:${f.column}`)}`;
  const parts = [place, paint.severity(f.severity, f.severity), paint.dim(safe(f.rule))];
  if (f.breaking) parts.push(paint.breaking('BREAKING'));
  return parts.join('  ');
}

function findingBlock(f: Finding, source: string | undefined, paint: Paint): string[] {
  const lines = [header(f, paint)];
  for (const line of f.message.split(/\r\n|\r|\n/)) lines.push(`  ${safe(line)}`.trimEnd());
  const frame = source === undefined ? [] : codeFrame(source, f, paint);
  if (frame.length > 0) lines.push('', ...frame);
  const notes: string[] = [];
  if (f.help !== undefined && f.help !== '') notes.push(`  ${paint.bold('help:')} ${oneLine(f.help)}`);
  if (f.lock !== null) notes.push(`  ${paint.bold('lock:')} ${f.lock}`);
  notes.push(`  ${paint.bold('docs:')} ${oneLine(f.docs)}`);
  lines.push('', ...notes);
  return lines;
}

function suppressedLine(f: Finding, paint: Paint): string {
  const reason = f.suppressed?.reason.trim() ? oneLine(f.suppressed.reason.trim()) : '(no reason given)';
  const until = f.suppressed?.until ? ` until ${oneLine(f.suppressed.until)}` : '';
  return [
    `${safe(f.path)}${paint.dim(`:${f.line}:${f.column}`)}`,
    paint.dim(f.severity),
    paint.dim(safe(f.rule)),
    `ignored${until}: ${reason}`,
  ].join('  ');
}

function summary(report: Report, paint: Paint): string {
  const files = plural(report.files.length, 'file');
  if (report.findings.length === 0) return paint.ok(`No problems found in ${files}.`);
  const count = (sev: Severity) => report.findings.filter((f) => f.severity === sev).length;
  const errors = count('error');
  const warnings = count('warning');
  const breaking = report.findings.filter((f) => f.breaking).length;
  const text = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(count('notice'), 'notice')} in ${files} (${breaking} breaking)`;
  const worst: Severity = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'notice';
  return paint.bold(paint.severity(worst, text));
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

// ---- code frame -------------------------------------------------------------------------------

/** One display cell: a character (with any zero-width marks after it) and its width. */
interface Cell {
  text: string;
  width: number;
}

interface Row {
  /** 0 for the elision row. */
  line: number;
  cells: Cell[];
}

function codeFrame(source: string, f: Finding, paint: Paint): string[] {
  const lines = source.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (!Number.isInteger(f.line) || f.line < 1 || f.line > lines.length) return [];
  const text = (n: number) => lines[n - 1] ?? '';
  let from = Math.max(1, f.line - CONTEXT);
  let to = Math.min(lines.length, f.line + CONTEXT);
  while (from < f.line && text(from).trim() === '') from++;
  while (to > f.line && text(to).trim() === '') to--;
  const rows: Row[] = [];
  const start = Math.min(f.statementLine, f.line);
  if (start >= 1 && start < from) {
    rows.push({ line: start, cells: cells(text(start)).cells });
    if (from - start > MAX_GAP) rows.push({ line: 0, cells: [] });
    else for (let n = start + 1; n < from; n++) rows.push({ line: n, cells: cells(text(n)).cells });
  }
  for (let n = from; n <= to; n++) rows.push({ line: n, cells: cells(text(n)).cells });

  const caret = cells(text(f.line)).columnAt(f.column);
  const offset = caret < MAX_WIDTH - 10 ? 0 : caret - Math.floor(MAX_WIDTH / 2);
  const gutter = String(to).length;
  const out: string[] = [];
  for (const row of rows) {
    if (row.line === 0) {
      out.push(paint.dim(`  ${' '.repeat(gutter)} ...`));
      continue;
    }
    const marked = row.line === f.line;
    const mark = marked ? paint.severity(f.severity, '>') : ' ';
    const num = String(row.line).padStart(gutter);
    out.push(`  ${mark} ${paint.dim(`${num} |`)} ${clip(row.cells, offset)}`.trimEnd());
    if (marked) {
      const pad = ' '.repeat(caret - offset);
      out.push(`    ${paint.dim(`${' '.repeat(gutter)} |`)} ${pad}${paint.severity(f.severity, '^')}`);
    }
  }
  return out;
}

/** Splits a line into display cells, expanding tabs; `columnAt` maps a 1-based UTF-16 column to a display column. */
function cells(line: string): { cells: Cell[]; columnAt(column: number): number } {
  const out: Cell[] = [];
  const at: number[] = [];
  let col = 0;
  let i = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0) ?? 0;
    for (let k = 0; k < ch.length; k++) at[i + k] = col;
    i += ch.length;
    if (ch === '\t') {
      const n = TAB_WIDTH - (col % TAB_WIDTH);
      for (let k = 0; k < n; k++) out.push({ text: ' ', width: 1 });
      col += n;
      continue;
    }
    const width = charWidth(cp);
    const last = out[out.length - 1];
    if (width === 0 && last !== undefined) {
      last.text += ch;
    } else if (width > 0) {
      out.push({ text: safe(ch), width });
      col += width;
    }
  }
  return {
    cells: out,
    columnAt: (column) => (column >= 1 && column <= line.length ? (at[column - 1] ?? col) : col),
  };
}

/** The cells from display column `offset` on, at most MAX_WIDTH wide, with an ellipsis where clipped. */
function clip(row: Cell[], offset: number): string {
  const end = offset + MAX_WIDTH;
  const shown: Cell[] = [];
  let col = 0;
  let clippedEnd = false;
  for (const cell of row) {
    const next = col + cell.width;
    if (next > end) {
      clippedEnd = true;
      break;
    }
    if (col >= offset) shown.push(cell);
    else if (next > offset) shown.push({ text: ' '.repeat(next - offset), width: next - offset });
    col = next;
  }
  if (offset > 0 && shown.length > 0) {
    const first = shown[0] as Cell;
    shown[0] = { text: `\u2026${' '.repeat(first.width - 1)}`, width: first.width };
  }
  if (clippedEnd) shown.push({ text: '\u2026', width: 1 });
  return shown.map((c) => c.text).join('');
}

/** Terminal width of a code point: 0 for combining and zero-width marks, 2 for wide East Asian and emoji. */
function charWidth(cp: number): number {
  if (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    cp === 0xfeff
  ) {
    return 0;
  }
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Control characters shown as visible symbols, so input text never drives the terminal. */
function safe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\ufffd';
  });
}

function oneLine(s: string): string {
  return safe(s.replace(/\r\n|\r|\n/g, ' '));
}
