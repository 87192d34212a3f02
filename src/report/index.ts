// One entry for every output format: the CLI's --format and the Action pick a renderer by name.
import type { Report } from '../types.js';
import { VERSION } from '../version.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderMarkdown, type MarkdownOptions } from './markdown.js';
import { renderSarif, type SarifOptions } from './sarif.js';
import { renderText, type TextOptions } from './text.js';

export type Format = 'text' | 'markdown' | 'json' | 'sarif' | 'github';

export const FORMATS: readonly Format[] = ['text', 'markdown', 'json', 'sarif', 'github'];

/** What the formats need beyond the report; each format reads its own fields and ignores the rest. */
export interface RenderContext extends TextOptions, MarkdownOptions, Partial<SarifOptions> {}

export function render(format: Format, report: Report, context: RenderContext = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, context);
    case 'markdown':
      return renderMarkdown(report, context);
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, {
        ...context,
        toolVersion: context.toolVersion ?? VERSION,
        rules: context.rules ?? [],
      });
    case 'github':
      return renderGithub(report);
  }
}
