import { describe, expect, it } from 'vitest';
import { FORMATS, render, type Format } from '../../src/report/index.js';
import { renderGithub } from '../../src/report/github.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { VERSION } from '../../src/version.js';
import { emptyReport, sampleReport, sources } from './fixture.js';

describe('render', () => {
  it('knows the five formats', () => {
    expect(FORMATS).toEqual(['text', 'markdown', 'json', 'sarif', 'github']);
  });

  it('dispatches to each renderer with its options', () => {
    const report = sampleReport();
    const context = {
      color: true,
      sources: sources(),
      title: 'T',
      linkBase: 'https://x/',
      toolVersion: '9.9.9',
      rules: [],
    };
    expect(render('text', report, context)).toBe(renderText(report, context));
    expect(render('markdown', report, context)).toBe(renderMarkdown(report, context));
    expect(render('json', report, context)).toBe(renderJson(report));
    expect(render('sarif', report, context)).toBe(renderSarif(report, { toolVersion: '9.9.9', rules: [] }));
    expect(render('github', report, context)).toBe(renderGithub(report));
  });

  it('fills in defaults: no colour, no sources, this version, no rules', () => {
    const report = sampleReport();
    expect(render('text', report)).toBe(renderText(report, { color: false }));
    expect(render('sarif', report)).toBe(renderSarif(report, { toolVersion: VERSION, rules: [] }));
  });

  it('renders an empty report in every format, ending with a newline where there is output', () => {
    for (const format of FORMATS) {
      const out = render(format as Format, emptyReport(1));
      if (format === 'github') expect(out).toBe('');
      else expect(out.endsWith('\n')).toBe(true);
    }
  });
});
