// Maps UTF-8 byte offsets (what libpg-query reports) to 1-based lines and columns.

export class SourceText {
  readonly text: string;
  readonly bytes: Buffer;
  /** Byte offset at which each line starts. */
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.text = text;
    this.bytes = Buffer.from(text, 'utf8');
    const starts = [0];
    for (let i = 0; i < this.bytes.length; i++) if (this.bytes[i] === 10) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get byteLength(): number {
    return this.bytes.length;
  }

  /** 1-based line and column (in characters) of a byte offset. */
  position(byteOffset: number): { line: number; column: number } {
    const offset = Math.max(0, Math.min(byteOffset, this.bytes.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = this.lineStarts[lo] as number;
    const column = this.bytes.subarray(start, offset).toString('utf8').length + 1;
    return { line: lo + 1, column };
  }

  /** Text between two byte offsets. */
  slice(byteStart: number, byteEnd: number): string {
    return this.bytes.subarray(byteStart, byteEnd).toString('utf8');
  }

  /** Byte offset of a character index in `text`. */
  byteOffsetOfChar(charIndex: number): number {
    return Buffer.byteLength(this.text.slice(0, charIndex), 'utf8');
  }

  /** Byte offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))] as number;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/**
 * Skips white space and SQL comments (`--` to end of line, nested `/* *\/`) from a byte
 * offset; returns the offset of the first token and the comment lines passed over.
 */
export function skipTrivia(
  src: SourceText,
  from: number,
  to: number,
): { offset: number; comments: Array<{ text: string; line: number }> } {
  const b = src.bytes;
  const comments: Array<{ text: string; line: number }> = [];
  let i = from;
  while (i < to) {
    const c = b[i] as number;
    // White space, and the semicolon that ended the previous statement.
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 59) {
      i++;
    } else if (c === 45 && b[i + 1] === 45) {
      let j = i;
      while (j < to && b[j] !== 10) j++;
      comments.push({ text: src.slice(i, j).replace(/\r$/, ''), line: src.position(i).line });
      i = j;
    } else if (c === 47 && b[i + 1] === 42) {
      let depth = 0;
      let j = i;
      while (j < to) {
        if (b[j] === 47 && b[j + 1] === 42) {
          depth++;
          j += 2;
        } else if (b[j] === 42 && b[j + 1] === 47) {
          depth--;
          j += 2;
          if (depth === 0) break;
        } else j++;
      }
      comments.push({ text: src.slice(i, j), line: src.position(i).line });
      i = j;
    } else break;
  }
  return { offset: i, comments };
}
