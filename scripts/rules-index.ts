// Writes docs/rules/README.md from the registry: `npx tsx scripts/rules-index.ts`.
// test/meta/rules-index.test.ts fails when the page and the registry disagree.
import { writeFileSync } from 'node:fs';
import { renderRulesIndex } from '../test/meta/rules-index.js';

writeFileSync(new URL('../docs/rules/README.md', import.meta.url), renderRulesIndex());
