// Reading one migration file: bytes -> text, with what went wrong as diagnostics, never a throw.
// The text keeps every line and column of the file: a BOM becomes one space, invalid UTF-8
// bytes become U+FFFD, NUL characters become spaces.
import { isUtf8 } from 'node:buffer';
// Synchronous reads: a command-line run gains nothing from the I/O pool and pays for its wake-ups.
import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../types.js';

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ReadResult {
  /** The file's text, or '' when it could not be read. */
  text: string;
  /** False when the file was not read at all (too large, a directory, no permission). */
  ok: boolean;
  /** True when the file started with a UTF-8 byte order mark (now a space). */
  bom: boolean;
  diagnostics: Diagnostic[];
}

/** Reads a migration file; `shownPath` names it in messages. */
export async function readMigrationFile(
  absPath: string,
  maxFileBytes: number = DEFAULT_MAX_FILE_BYTES,
  shownPath: string = absPath,
): Promise<ReadResult> {
  try {
    const info = statSync(absPath);
    if (info.isDirectory()) {
      return failed(`${shownPath} is a directory, not a migration file; name the files inside it instead.`);
    }
    if (info.size > maxFileBytes) {
      return failed(
        `file is ${sizeOver(info.size, maxFileBytes)} limit; raise max-file-size in .github/expand-contract.yml or split it`,
      );
    }
    const buffer = readFileSync(absPath);
    if (buffer.length > maxFileBytes) {
      return failed(
        `file is ${sizeOver(buffer.length, maxFileBytes)} limit; raise max-file-size in .github/expand-contract.yml or split it`,
      );
    }
    return { ...decodeMigration(buffer), ok: true };
  } catch (error: unknown) {
    return failed(`cannot read ${shownPath}: ${reason(error)}; check that it is a readable file.`);
  }
}

/** Bytes -> text, reporting encoding problems at their line and column. */
export function decodeMigration(buffer: Buffer): { text: string; bom: boolean; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  let bom = false;
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    const le = buffer[0] === 0xff;
    text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(buffer);
    diagnostics.push(
      error(1, 1, `file is UTF-16 (${le ? 'little' : 'big'}-endian); re-save the file as UTF-8`),
    );
  } else {
    text = buffer.toString('utf8');
    if (!isUtf8(buffer)) {
      const at = firstInvalidByte(buffer);
      const lineStart = buffer.lastIndexOf(0x0a, at - 1) + 1;
      const line = countNewlines(buffer, lineStart) + 1;
      const column = buffer.subarray(lineStart, at).toString('utf8').length + 1;
      const byte = (buffer[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
      diagnostics.push(
        error(line, column, `not valid UTF-8 at line ${line} (byte 0x${byte}); re-save the file as UTF-8`),
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = ' ' + text.slice(1);
    bom = true;
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    const column = nul - before.lastIndexOf('\n');
    diagnostics.push(
      error(
        line,
        column,
        `contains a NUL character at line ${line}; the file looks binary, re-save it as UTF-8 text`,
      ),
    );
    text = text.replace(/\0/g, ' ');
  }
  return { text, bom, diagnostics };
}

/** Offset of the first byte that does not begin or continue a valid UTF-8 sequence. */
export function firstInvalidByte(buffer: Buffer): number {
  let i = 0;
  while (i < buffer.length) {
    const b = buffer[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = buffer[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return buffer.length;
}

function countNewlines(buffer: Buffer, end: number): number {
  let n = 0;
  for (let i = buffer.indexOf(0x0a); i !== -1 && i < end; i = buffer.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** "6.2 MiB, over the 5 MiB" (falls back to bytes when both round to the same text). */
function sizeOver(size: number, limit: number): string {
  const a = formatSize(size);
  const b = formatSize(limit);
  if (a !== b) return `${a}, over the ${b}`;
  return `${size.toLocaleString('en')} bytes, over the ${limit.toLocaleString('en')} byte`;
}

export function formatSize(bytes: number): string {
  const round = (n: number): string => String(Math.round(n * 10) / 10);
  if (bytes >= 1024 * 1024) return `${round(bytes / (1024 * 1024))} MiB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

function reason(e: unknown): string {
  const code =
    typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'the file does not exist (a broken link, or it was removed while reading)';
    case 'EISDIR':
      return 'it is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

function failed(message: string): ReadResult {
  return { text: '', ok: false, bom: false, diagnostics: [error(1, 1, message)] };
}

function error(line: number, column: number, message: string): Diagnostic {
  return { rule: 'input-error', severity: 'error', line, column, message };
}
