import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/index.js';
import { renderText } from '../../src/report/text.js';
import {
  DROP_PATH,
  DROP_SQL,
  dropFinding,
  emptyReport,
  reportOf,
  sampleReport,
  sources,
  WEIRD_PATH,
} from './fixture.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[/;

/** The frame rows of a rendered one-finding report (the lines with a `|` gutter). */
function frame(text: string): string[] {
  return text.split('\n').filter((l) => / \d* \|/.test(l));
}

/** Display column of the caret within the source part of the frame (after `| `). */
function caretColumn(text: string): number {
  const row = frame(text).find((l) => l.trimEnd().endsWith('^')) ?? '';
  return row.indexOf('^') - (row.indexOf('|') + 2);
}

describe('renderText', () => {
  it('renders the sample report', async () => {
    await expect(renderText(sampleReport(), { sources: sources() })).toMatchFileSnapshot(
      '__snapshots__/sample.txt',
    );
  });

  it('renders the sample report in colour', async () => {
    const out = renderText(sampleReport(), { sources: sources(), color: true });
    expect(out).toMatch(ANSI);
    expect(out).toContain('\x1b[31merror\x1b[39m');
    expect(out).toContain('\x1b[33mwarning\x1b[39m');
    expect(out).toContain('\x1b[36mnotice\x1b[39m');
    expect(out).toContain('\x1b[1m\x1b[35mBREAKING\x1b[39m\x1b[22m');
    // Without the escapes it is the plain rendering.
    // eslint-disable-next-line no-control-regex
    expect(out.replace(/\x1b\[\d+m/g, '')).toBe(renderText(sampleReport(), { sources: sources() }));
  });

  it('uses no colour unless asked', () => {
    expect(renderText(sampleReport(), { sources: sources() })).not.toMatch(ANSI);
    expect(renderText(sampleReport())).not.toMatch(ANSI);
    expect(render('text', sampleReport(), { sources: sources() })).not.toMatch(ANSI);
    expect(renderText(sampleReport(), { color: false })).not.toMatch(ANSI);
  });

  it('puts the header, BREAKING, help, lock and docs of a finding in order', () => {
    const out = renderText(sampleReport(), { sources: sources() });
    const block = out.slice(0, out.indexOf(`${WEIRD_PATH}:2:1`));
    expect(block.split('\n')[0]).toBe(`${DROP_PATH}:4:19  error  ban-drop-column  BREAKING`);
    expect(block.indexOf('  help: Stop using')).toBeLessThan(block.indexOf('  lock: ACCESS EXCLUSIVE'));
    expect(block.indexOf('  lock: ACCESS EXCLUSIVE')).toBeLessThan(
      block.indexOf('  docs: docs/rules/ban-drop-column.md'),
    );
    expect(out).toContain(`${WEIRD_PATH}:2:1  warning  require-concurrent-index-creation\n`);
  });

  it('leaves out lock and help when there are none', () => {
    const out = renderText(reportOf({ lock: null, help: undefined }), { sources: sources() });
    expect(out).not.toContain('lock:');
    expect(out).not.toContain('help:');
    expect(out).toContain('  docs: docs/rules/ban-drop-column.md');
  });

  it('puts the caret under the column after a tab and a multibyte character', () => {
    const out = renderText(reportOf({}), { sources: sources() });
    const rows = frame(out);
    expect(rows).toContain('  > 4 |     DROP COLUMN "é", DROP COLUMN note;');
    expect(caretColumn(out)).toBe('    DROP COLUMN "é", '.length);
    expect(rows.join('\n')).not.toContain('\t');
  });

  it('expands a tab to the next tab stop, not to a fixed width', () => {
    const src = 'ab\tDROP x;\n';
    const out = renderText(reportOf({ line: 1, statementLine: 1, column: 4 }), {
      sources: new Map([[DROP_PATH, src]]),
    });
    expect(frame(out)[0]).toBe('  > 1 | ab  DROP x;');
    expect(caretColumn(out)).toBe(4);
  });

  it('counts wide characters as two columns and astral characters as one column of UTF-16 pairs', () => {
    const src = "SELECT '表🙂', x;\n";
    // `x` is at UTF-16 index 14: S E L E C T ␠ ' 表 🙂(2 units) ' , ␠ x
    const out = renderText(reportOf({ line: 1, statementLine: 1, column: 15 }), {
      sources: new Map([[DROP_PATH, src]]),
    });
    expect(caretColumn(out)).toBe("SELECT '".length + 2 + 2 + "', ".length);
  });

  it('shows 2 lines of context and numbers the gutter to the widest line number', () => {
    const src = Array.from({ length: 120 }, (_, i) => `line ${i + 1};`).join('\n');
    const out = renderText(reportOf({ line: 100, statementLine: 100, column: 1 }), {
      sources: new Map([[DROP_PATH, src]]),
    });
    expect(frame(out)).toEqual([
      '     98 | line 98;',
      '     99 | line 99;',
      '  > 100 | line 100;',
      '        | ^',
      '    101 | line 101;',
      '    102 | line 102;',
    ]);
  });

  it('shows the first line of a long statement and elides the middle', () => {
    const src = [
      'CREATE TABLE t (',
      ...Array.from({ length: 10 }, (_, i) => `  c${i} int,`),
      '  z int);',
    ].join('\n');
    const out = renderText(reportOf({ line: 11, statementLine: 1, column: 3 }), {
      sources: new Map([[DROP_PATH, src]]),
    });
    expect(out).toContain(
      [
        '     1 | CREATE TABLE t (',
        '     ...',
        '     9 |   c7 int,',
        '    10 |   c8 int,',
        '  > 11 |   c9 int,',
        '       |   ^',
        '    12 |   z int);',
      ].join('\n'),
    );
  });

  it('does not elide when only one line would be left out', () => {
    const src = ['ALTER TABLE t', '  ADD a int,', '  ADD b int,', '  DROP c;'].join('\n');
    const out = renderText(reportOf({ line: 4, statementLine: 1, column: 3 }), {
      sources: new Map([[DROP_PATH, src]]),
    });
    expect(frame(out).map((r) => r.slice(0, 7))).toEqual([
      '    1 |',
      '    2 |',
      '    3 |',
      '  > 4 |',
      '      |',
    ]);
  });

  it('renders CRLF sources like LF ones', () => {
    const crlf = new Map([[DROP_PATH, DROP_SQL.replace(/\n/g, '\r\n')]]);
    const out = renderText(reportOf({}), { sources: crlf });
    expect(out).not.toContain('\r');
    expect(out).toBe(renderText(reportOf({}), { sources: sources() }));
  });

  it('renders no frame when the source is missing or the line is outside it', () => {
    const missing = renderText(reportOf({}), {});
    expect(frame(missing)).toEqual([]);
    expect(missing).toContain('  help: Stop using');
    const outside = renderText(reportOf({ line: 99, statementLine: 99 }), { sources: sources() });
    expect(frame(outside)).toEqual([]);
  });

  it('clips long lines around the caret with ellipses', () => {
    const long = `UPDATE t SET ${'a'.repeat(200)} = 1, b = 2 WHERE ${'x'.repeat(200)};`;
    const column = long.indexOf('b = 2') + 1;
    const out = renderText(reportOf({ line: 1, statementLine: 1, column }), {
      sources: new Map([[DROP_PATH, long]]),
    });
    const [code, caret] = frame(out);
    const shown = (code ?? '').slice((code ?? '').indexOf('|') + 2);
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect([...shown].length).toBeLessThanOrEqual(101);
    expect(shown.slice(caretColumn(out), caretColumn(out) + 5)).toBe('b = 2');
    expect(caret).toBeDefined();
  });

  it('clips the end of a long line when the caret is near its start', () => {
    const long = `DROP TABLE ${'t'.repeat(300)};`;
    const out = renderText(reportOf({ line: 1, statementLine: 1, column: 1 }), {
      sources: new Map([[DROP_PATH, long]]),
    });
    const shown = (frame(out)[0] ?? '').split('| ')[1] ?? '';
    expect(shown.startsWith('DROP TABLE ttt')).toBe(true);
    expect(shown.endsWith('t…')).toBe(true);
    expect(caretColumn(out)).toBe(0);
  });

  it('puts the caret after the last character when the column is past the end of the line', () => {
    const out = renderText(reportOf({ line: 1, statementLine: 1, column: 50 }), {
      sources: new Map([[DROP_PATH, 'DROP x\n']]),
    });
    expect(caretColumn(out)).toBe(6);
  });

  it('shows control characters from the input as symbols', () => {
    const out = renderText(
      reportOf({ message: 'bad \x1b[31mred\x1b[0m name', path: 'a\x07b.sql', help: 'x\ny' }),
      { sources: new Map([['a\x07b.sql', 'SELECT 1; -- \x1b]0;title\x07\n']]) },
    );
    expect(out).not.toMatch(ANSI);
    expect(out).not.toContain('\x07');
    expect(out).toContain('bad ␛[31mred␛[0m name');
    expect(out).toContain('a␇b.sql:4:19');
    expect(out).toContain('  help: x y');
  });

  it('lists ignored findings with their reason and date', () => {
    const out = renderText(sampleReport(), { sources: sources() });
    expect(out).toContain(
      `Ignored (1):\n  ${WEIRD_PATH}:1:1  error  ban-drop-column  ignored until 2030-01-01: unused since 2023 | ask @dba, see <ops>\n`,
    );
    const noReason = {
      ...emptyReport(1),
      suppressed: [{ ...dropFinding, suppressed: { reason: ' ' } }],
    };
    expect(renderText(noReason)).toContain('ignored: (no reason given)');
  });

  it('counts errors, warnings, notices and breaking findings, not ignored ones', () => {
    const out = renderText(sampleReport(), { sources: sources() });
    expect(out.endsWith('\n1 error, 1 warning, 1 notice in 3 files (1 breaking)\n')).toBe(true);
    const two = {
      ...reportOf({}),
      findings: [dropFinding, { ...dropFinding, breaking: false, severity: 'warning' as const }],
    };
    expect(renderText(two).split('\n').at(-2)).toBe('1 error, 1 warning, 0 notices in 1 file (1 breaking)');
  });

  it('says so when there is nothing to report', () => {
    expect(renderText(emptyReport())).toBe('No problems found in 0 files.\n');
    expect(renderText(emptyReport(1))).toBe('No problems found in 1 file.\n');
    expect(renderText(emptyReport(3), { color: true })).toBe(
      '\x1b[32mNo problems found in 3 files.\x1b[39m\n',
    );
    const onlyIgnored = { ...emptyReport(2), suppressed: [{ ...dropFinding, suppressed: { reason: 'ok' } }] };
    expect(renderText(onlyIgnored)).toBe(
      `Ignored (1):\n  ${DROP_PATH}:4:19  error  ban-drop-column  ignored: ok\n\nNo problems found in 2 files.\n`,
    );
  });
});
