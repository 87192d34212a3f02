#!/usr/bin/env node
// Scaffolds a rule: `npm run new-rule -- <id>` writes src/rules/<id>.ts, test/rules/<id>.test.ts and
// docs/rules/<id>.md from templates shaped like ban-drop-column, and registers the rule in
// src/rules/index.ts in sorted position. Plain JavaScript so that it runs on Node 20 without a build.
// The repository root is the folder above this script's folder.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const USAGE = `Usage: npm run new-rule -- <rule-id>

Writes src/rules/<rule-id>.ts, test/rules/<rule-id>.test.ts and docs/rules/<rule-id>.md, and adds the
rule to src/rules/index.ts. The id is kebab-case, e.g. ban-drop-trigger.
`;

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** File names in src/rules/ that are not rules, and `all`, which ignore directives use. */
const RESERVED = new Set(['index', 'types', 'meta', 'suppress', 'util', 'all']);
const IMPORT_LINE = /^import \{ (\w+) \} from '\.\/([a-z0-9-]+)\.js';$/;

class NewRuleError extends Error {}

/** `ban-drop-trigger` -> `banDropTrigger`. */
function camelCase(id) {
  return id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}

function builtinIds(root) {
  const path = join(root, 'src/rules/meta.ts');
  if (!existsSync(path)) return [];
  const list = /BUILTIN_RULE_IDS\s*=\s*\[([\s\S]*?)\]/.exec(readFileSync(path, 'utf8'));
  return list ? [...list[1].matchAll(/'([^']+)'/g)].map((m) => m[1]) : [];
}

function validateId(id, root, indexSource) {
  if (!id) throw new NewRuleError('give the id of the new rule, e.g. npm run new-rule -- ban-drop-trigger.');
  if (!KEBAB.test(id)) {
    throw new NewRuleError(
      `'${id}' is not a kebab-case id; use lower-case words joined by hyphens, e.g. ban-drop-trigger.`,
    );
  }
  if (RESERVED.has(id)) throw new NewRuleError(`'${id}' is a reserved name; choose another id.`);
  if (builtinIds(root).includes(id)) {
    throw new NewRuleError(
      `'${id}' is a finding the engine reports itself (src/rules/meta.ts); choose another id.`,
    );
  }
  for (const path of [`src/rules/${id}.ts`, `test/rules/${id}.test.ts`, `docs/rules/${id}.md`]) {
    if (existsSync(join(root, path))) throw new NewRuleError(`${path} already exists; '${id}' is taken.`);
  }
  const name = camelCase(id);
  const imports = indexSource
    .split('\n')
    .map((l) => IMPORT_LINE.exec(l))
    .filter(Boolean);
  if (imports.some((m) => m[2] === id)) {
    throw new NewRuleError(`src/rules/index.ts already imports './${id}.js'; '${id}' is taken.`);
  }
  if (imports.some((m) => m[1] === name)) {
    throw new NewRuleError(`src/rules/index.ts already has a rule named ${name}; choose another id.`);
  }
}

/** src/rules/index.ts with the rule's import and registry entry added in sorted position. */
function register(indexSource, id) {
  const name = camelCase(id);
  const lines = indexSource.split('\n');
  const importIndexes = lines.flatMap((l, i) => (IMPORT_LINE.test(l) ? [i] : []));
  const importLine = `import { ${name} } from './${id}.js';`;
  const before = importIndexes.find((i) => IMPORT_LINE.exec(lines[i])[2].localeCompare(id) > 0);
  if (before !== undefined) lines.splice(before, 0, importLine);
  else if (importIndexes.length > 0) lines.splice(importIndexes[importIndexes.length - 1] + 1, 0, importLine);
  else {
    const firstImport = lines.findIndex((l) => l.startsWith('import '));
    if (firstImport < 0)
      throw new NewRuleError('src/rules/index.ts has no imports; add the rule to it by hand.');
    lines.splice(firstImport, 0, importLine);
  }
  const source = lines.join('\n');

  const idOf = new Map(
    source
      .split('\n')
      .map((l) => IMPORT_LINE.exec(l))
      .filter(Boolean)
      .map((m) => [m[1], m[2]]),
  );
  const decl = /export const RULES\b[^=]*=\s*\[/.exec(source);
  if (!decl)
    throw new NewRuleError(
      'cannot find `export const RULES = [` in src/rules/index.ts; add the rule by hand.',
    );
  const open = decl.index + decl[0].length;
  const close = source.indexOf(']', open);
  if (close < 0)
    throw new NewRuleError('the RULES array in src/rules/index.ts is not closed; fix the file first.');
  const entries = source
    .slice(open, close)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const at = entries.findIndex((e) => (idOf.get(e) ?? e).localeCompare(id) > 0);
  entries.splice(at < 0 ? entries.length : at, 0, name);
  const body = `\n${entries.map((e) => `  ${e},`).join('\n')}\n`;
  return source.slice(0, open) + body + source.slice(close);
}

function ruleSource(id) {
  return `// ${id}: TODO: one line on what this rule finds.
import type { Rule } from './types.js';

export const ${camelCase(id)} = {
  meta: {
    id: '${id}',
    type: 'breaking',
    description: 'TODO: what the rule finds, in one line.',
    severity: 'error',
    breaking: true,
    messages: {
      // One sentence each; name the lock together with what it blocks and on which table.
      found: 'TODO: what breaks on \`{{table}}\`, then the lock it takes and what that lock blocks.',
    },
    help: 'TODO: start with the change to make.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'AlterTableStmt') return;
    // TODO: find what breaks the running release (see src/rules/ban-drop-column.ts) and report each.
    const broken: Array<{ object: string; table: string }> = [];
    for (const b of broken) {
      ctx.report({ messageId: 'found', data: b, object: b.object, lock: 'ACCESS EXCLUSIVE' });
    }
  },
} satisfies Rule;
`;
}

function testSource(id) {
  return `import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, full_name text, email text);';

describe('${id}', () => {
  it('reports TODO', async () => {
    await expectFindings(
      '${id}',
      '-- TODO: SQL this rule reports',
      [{ line: 1, column: 1, breaking: true, object: 'public.users.full_name', lock: 'ACCESS EXCLUSIVE' }],
      { history },
    );
  });

  it('ignores TODO', async () => {
    await expectNoFindings('${id}', '-- TODO: the safe form of the same change', { history });
  });
});
`;
}

function docSource(id) {
  return `---
id: ${id}
type: breaking
severity: error
---

# ${id}

## Problem

TODO: what the statement does, and what the rule reports.

## Why it breaks a rolling deploy

TODO: what the release that is still running does when this statement has run (or while it runs).

## Lock

TODO: the lock mode, what it blocks, on which table, and for how long.

## Safe alternative

TODO: the expand and contract steps.

<!-- history -->

\`\`\`sql
CREATE TABLE users (id bigint PRIMARY KEY, full_name text, email text);
\`\`\`

Instead of:

\`\`\`sql
-- TODO: SQL this rule reports
\`\`\`

Use:

\`\`\`sql
-- TODO: the safe form of the same change
\`\`\`

## Framework notes

TODO: anything that differs per migration framework (transactions, statement markers), or "None."

## Options

None.
`;
}

function newRule(id, root) {
  const indexPath = join(root, 'src/rules/index.ts');
  if (!existsSync(indexPath)) throw new NewRuleError(`${indexPath} not found; run this from the repository.`);
  const indexSource = readFileSync(indexPath, 'utf8');
  validateId(id, root, indexSource);
  // Everything is computed before anything is written, so a failure leaves the tree unchanged.
  const index = register(indexSource, id);
  const files = [
    [`src/rules/${id}.ts`, ruleSource(id)],
    [`test/rules/${id}.test.ts`, testSource(id)],
    [`docs/rules/${id}.md`, docSource(id)],
  ];
  for (const [path, text] of files) writeFileSync(join(root, path), text, { flag: 'wx' });
  writeFileSync(indexPath, index);
  return [...files.map(([path]) => path), 'src/rules/index.ts'];
}

function main(argv) {
  const args = argv.filter((a) => a !== '--');
  if (args.includes('-h') || args.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.length !== 1) {
    process.stderr.write(`new-rule: give exactly one rule id.\n\n${USAGE}`);
    return 2;
  }
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    const written = newRule(args[0], root);
    process.stdout.write(
      `Created rule ${args[0]}:\n${written.map((p) => `  ${p}`).join('\n')}\n` +
        'Next: write check() and its messages, replace every TODO in the three files, then run\n' +
        `  npx vitest run test/rules/${args[0]}.test.ts test/meta/rule-files.test.ts\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof NewRuleError)) throw error;
    process.stderr.write(`new-rule: ${error.message}\n`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
