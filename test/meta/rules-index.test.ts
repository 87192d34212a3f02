import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderRulesIndex } from './rules-index.js';

it('docs/rules/README.md lists every rule as the registry has it (regenerate: npx tsx scripts/rules-index.ts)', () => {
  expect(readFileSync(new URL('../../docs/rules/README.md', import.meta.url), 'utf8')).toBe(
    renderRulesIndex(),
  );
});
