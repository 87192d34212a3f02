// Small text helpers shared by the framework extractors: blanking what does not run while
// keeping every line and column, splitting into lines with their offsets, sort keys.
import { sep } from 'node:path';

/** Replaces every character except `\n` and `\r` by a space (one per UTF-16 unit, so columns stay). */
export function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

/** Blanks `text` between two character offsets. */
export function blankRange(text: string, start: number, end: number): string {
  if (end <= start) return text;
  return text.slice(0, start) + blank(text.slice(start, end)) + text.slice(end);
}

export interface Line {
  /** 1-based line number. */
  number: number;
  /** Offset of the line's first character in the text. */
  start: number;
  /** Offset just past the line's last character, before `\n` (a trailing `\r` is part of the line). */
  end: number;
  /** The line's text without `\n` and without a trailing `\r`. */
  text: string;
}

export function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  let number = 1;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(start, end);
    out.push({ number, start, end, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw });
    if (nl === -1) return out;
    start = nl + 1;
    number++;
  }
}

/** 1-based line and column (in UTF-16 units, as the parser counts) of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * True when the text holds anything besides white space and SQL comments (`--` lines and
 * nested block comments). Stops at the first such character, so quoting does not matter.
 */
export function hasStatements(text: string): boolean {
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      let depth = 0;
      while (i < text.length) {
        if (text[i] === '/' && text[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else i++;
      }
    } else return true;
  }
  return false;
}

/** True when a line is empty, white space, or a `--` comment. */
export function isCommentOrBlank(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('--');
}

const PAD = 20;

/** A run of digits as a fixed-width string (leading zeros dropped, then padded), so it sorts numerically. */
export function padNumber(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  return trimmed.length >= PAD ? trimmed : trimmed.padStart(PAD, '0');
}

/** Pads every run of digits, so `2_b` sorts before `10_a` under any comparison. */
export function numericKey(text: string): string {
  return text.replace(/\d+/g, padNumber);
}

/** The one comparison of order keys (see MigrationFile.orderKey). */
export function compareOrderKeys(a: string, b: string): number {
  return ORDER.compare(a, b);
}

// One collator for every comparison: localeCompare with options builds a new one per call.
const ORDER = new Intl.Collator('en', { numeric: true });

/** Path with `/` separators (what git, globs and GitHub annotations use). */
export function slashes(path: string): string {
  return sep === '\\' ? path.split(sep).join('/') : path;
}

/** Blanks every line for which `keep` is false (its `\n` and `\r` stay). */
export function keepLines(text: string, keep: (line: Line) => boolean): string {
  let out = '';
  for (const line of lines(text)) {
    const piece = text.slice(line.start, line.end);
    out += keep(line) ? piece : blank(piece);
    if (line.end < text.length) out += '\n';
  }
  return out;
}
