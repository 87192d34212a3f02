import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { escapeText, renderMarkdown } from '../../src/report/markdown.js';
import type { Finding, Report } from '../../src/types.js';
import {
  dropFinding,
  emptyReport,
  indexFinding,
  noticeFinding,
  reportOf,
  sampleReport,
  WEIRD_PATH,
} from './fixture.js';

const LINKS = { linkBase: 'https://github.com/o/r/blob/abc/' };

/** Renders Markdown as GitHub would (GFM, inline HTML kept). */
function html(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** The text of each cell of each body row of every table, as rendered. */
function tableCells(markdown: string): string[][][] {
  return [...html(markdown).matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1] ?? ''),
    ),
  );
}

function text(cellHtml: string): string {
  return cellHtml
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('renderMarkdown', () => {
  it('renders the sample report', async () => {
    await expect(renderMarkdown(sampleReport(), { title: 'expand-contract', ...LINKS })).toMatchFileSnapshot(
      '__snapshots__/sample.md',
    );
  });

  it('renders the sample report without links', async () => {
    await expect(renderMarkdown(sampleReport())).toMatchFileSnapshot('__snapshots__/sample-no-links.md');
  });

  it('keeps every table whole: one row per finding, four cells each', () => {
    for (const options of [{}, LINKS]) {
      const [findings, ignored] = tableCells(renderMarkdown(sampleReport(), options));
      expect(findings).toHaveLength(3);
      for (const row of findings ?? []) expect(row).toHaveLength(4);
      expect(ignored).toHaveLength(1);
      expect(ignored?.[0]).toHaveLength(3);
    }
  });

  it('shows file names with pipes and backticks as they are', () => {
    const [findings, ignored] = tableCells(renderMarkdown(sampleReport()));
    expect(text(findings?.[1]?.[0] ?? '')).toBe(`${WEIRD_PATH}:2`);
    expect(text(ignored?.[0]?.[0] ?? '')).toBe(`${WEIRD_PATH}:1`);
  });

  it('escapes markup in messages and mentions no one', () => {
    const md = renderMarkdown(sampleReport());
    expect(md).not.toContain('<b>');
    expect(md).not.toMatch(/@(?!\u200d)/);
    expect(md).not.toContain('`');
    const rendered = html(md);
    expect(rendered).not.toContain('<b>');
    expect(rendered).toContain('&lt;b&gt;bold&lt;/b&gt;');
    const [findings] = tableCells(md);
    expect(text(findings?.[2]?.[3] ?? '')).toBe(
      'Ask @\u200dteam before <b>bold</b> changes | see notessecond line',
    );
    expect(findings?.[2]?.[3]).toContain('<code>notes</code>');
    expect(findings?.[2]?.[3]).toContain('<br>second line');
  });

  it('turns code spans of messages into <code>, escaping their content', () => {
    const md = renderMarkdown(reportOf({ message: 'Column `a|b*c_<d>` and a lone ` tick', help: undefined }));
    const [findings] = tableCells(md);
    const cell = findings?.[0]?.[3] ?? '';
    expect(cell).toContain('<code>a|b*c_&lt;d&gt;</code>');
    expect(text(cell)).toBe('Column a|b*c_<d> and a lone ` tick');
  });

  it('neutralises Markdown, HTML, links, math and emoji in input', () => {
    const nasty =
      'x **bold** _it_ [link](http://evil) ![img](x) ~~s~~ $x^2$ :smile: # h &amp; <!-- c --> </details> \\';
    const [findings] = tableCells(renderMarkdown(reportOf({ message: nasty, help: undefined })));
    const cell = findings?.[0]?.[3] ?? '';
    expect(cell).not.toMatch(/<(strong|em|a|img|del|h1)\b/);
    expect(text(cell)).toBe(nasty);
  });

  it('never lets a file name open a code fence, a list or a heading', () => {
    const findings: Finding[] = ['```sql', '- item', '# heading', '1. one', '> quote'].map((path) => ({
      ...dropFinding,
      path,
    }));
    const md = renderMarkdown({ ...emptyReport(1), findings }, LINKS);
    const rendered = html(md);
    expect(rendered).not.toMatch(/<(pre|ul|ol|h\d|blockquote)\b/);
    expect(tableCells(md)[0]?.map((r) => text(r[0] ?? ''))).toEqual([
      '```sql:4',
      '- item:4',
      '# heading:4',
      '1. one:4',
      '> quote:4',
    ]);
  });

  it('links files and rules under linkBase, percent-encoding paths', () => {
    const md = renderMarkdown(sampleReport(), LINKS);
    expect(md).toContain(
      '[db/migrations/0003 idx&#124;by&#96;name&#96;.sql:2](https://github.com/o/r/blob/abc/db/migrations/0003%20idx%7Cby%60name%60.sql#L2)',
    );
    expect(md).toContain('[ban-drop-column](https://github.com/o/r/blob/abc/docs/rules/ban-drop-column.md)');
    expect(html(md)).toContain(
      'href="https://github.com/o/r/blob/abc/db/migrations/0003%20idx%7Cby%60name%60.sql#L2"',
    );
  });

  it('links docs under docsBase when given, and absolute docs URLs as they are', () => {
    const md = renderMarkdown(sampleReport(), { ...LINKS, docsBase: 'https://example.org/ec/' });
    expect(md).toContain('[ban-drop-column](https://example.org/ec/docs/rules/ban-drop-column.md)');
    expect(md).toContain('(https://github.com/o/r/blob/abc/migrations/0002_drop_note.sql#L4)');
    const absolute = renderMarkdown(reportOf({ docs: 'https://example.org/rules/x (y).md' }));
    expect(absolute).toContain('[ban-drop-column](https://example.org/rules/x%20%28y%29.md)');
  });

  it('links nothing without a base', () => {
    expect(renderMarkdown(sampleReport())).not.toContain('](');
  });

  it('states the verdict', () => {
    const verdict = (r: Report) => renderMarkdown(r).split('\n')[0];
    expect(verdict(sampleReport())).toBe(
      '**1 breaking change**, 1 blocking lock, 1 notice in 3 files (1 ignored).',
    );
    expect(verdict({ ...emptyReport(2), findings: [dropFinding, dropFinding] })).toBe(
      '**2 breaking changes** in 2 files.',
    );
    expect(verdict({ ...emptyReport(1), findings: [indexFinding, noticeFinding] })).toBe(
      'No breaking changes, 1 blocking lock, 1 notice in 1 file.',
    );
    expect(verdict({ ...emptyReport(1), findings: [{ ...noticeFinding, severity: 'error' }] })).toBe(
      'No breaking changes, 1 other error in 1 file.',
    );
    expect(verdict(emptyReport(3))).toBe('No breaking changes or blocking locks in 3 files.');
  });

  it('renders an empty report as the verdict alone', () => {
    expect(renderMarkdown(emptyReport())).toBe('No breaking changes or blocking locks in 0 files.\n');
    expect(renderMarkdown(emptyReport(), { title: 'expand-contract' })).toBe(
      '### expand-contract\n\nNo breaking changes or blocking locks in 0 files.\n',
    );
  });

  it('puts ignored findings in a collapsed block with their reason', () => {
    const md = renderMarkdown(sampleReport());
    expect(md).toContain('<details><summary>1 ignored finding</summary>\n\n| File | Rule | Reason |');
    expect(md.trimEnd().endsWith('</details>')).toBe(true);
    const [, ignored] = tableCells(md);
    expect(text(ignored?.[0]?.[2] ?? '')).toBe(
      'unused since 2023 | ask @\u200ddba, see <ops> (until 2030-01-01)',
    );
  });

  it('escapes the title', () => {
    expect(renderMarkdown(emptyReport(), { title: 'a | <b>\n@x' }).split('\n')[0]).toBe(
      '### a &#124; &lt;b&gt; @\u200dx',
    );
  });
});

describe('escapeText', () => {
  it('escapes each special character once', () => {
    expect(escapeText('a|b`c<d>&e@f*g_h[i]~j#k!l$m:n\\o')).toBe(
      'a&#124;b&#96;c&lt;d&gt;&amp;e@\u200df\\*g\\_h\\[i\\]\\~j\\#k\\!l\\$m\\:n\\\\o',
    );
    expect(escapeText('plain text, 1-2 (ok).')).toBe('plain text, 1-2 (ok).');
  });
});
