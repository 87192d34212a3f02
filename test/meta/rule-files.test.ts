// Source, test, doc and registry agree, for every rule and every id the engine reports itself.
//
// Doc examples: in docs/rules/<id>.md, a ```sql block whose nearest non-blank line above reads
// `Instead of:` must produce a finding of <id>; one under `Use:` must produce none (and parse).
// Both labels may be bold (`**Use:**`). A ```sql block under a line `<!-- history -->` is the
// schema that earlier migrations built; it applies to the examples after it, up to the next one.
// Words after `sql` on the opening fence set how the example runs (renderers ignore them):
// `transactional` (the framework wraps the file in a transaction) and `postgres-version=N`,
// e.g. ```sql transactional postgres-version=10
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { RULES } from '../../src/rules/index.js';
import { BUILTIN_RULE_IDS } from '../../src/rules/meta.js';
import type { Rule } from '../../src/rules/types.js';
import { findings, type RunOptions } from '../helpers/rule-tester.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RULES_DIR = join(ROOT, 'src/rules');
const NOT_RULES = new Set(['index.ts', 'types.ts', 'meta.ts', 'suppress.ts']);
const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const HEADINGS = [
  'Problem',
  'Why it breaks a rolling deploy',
  'Lock',
  'Safe alternative',
  'Framework notes',
  'Options',
];

/** The order src/rules/index.ts sorts by. */
const byId = (a: string, b: string): number => a.localeCompare(b);
const registryIds = RULES.map((r) => r.meta.id);
const builtinIds: readonly string[] = BUILTIN_RULE_IDS;

interface DocExample {
  kind: 'instead-of' | 'use';
  sql: string;
  /** 1-based line of the opening fence. */
  line: number;
  history: string | undefined;
  /** From the fence's info string. */
  run: { transactional?: boolean; postgresVersion?: number };
  /** Words on the fence that are not options. */
  unknown: string[];
}

function fenceOptions(words: string[]): Pick<DocExample, 'run' | 'unknown'> {
  const run: DocExample['run'] = {};
  const unknown: string[] = [];
  for (const w of words) {
    const version = /^postgres-version=(\d+)$/.exec(w);
    if (w === 'transactional') run.transactional = true;
    else if (version) run.postgresVersion = Number(version[1]);
    else unknown.push(w);
  }
  return { run, unknown };
}

/** Lines of a Markdown file outside fenced code blocks, with their 1-based numbers. */
function proseLines(md: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let fence: string | undefined;
  md.split('\n').forEach((text, i) => {
    const open = /^\s*(`{3,}|~{3,})/.exec(text);
    if (fence) {
      if (open && (open[1] as string).startsWith(fence) && text.trim() === (open[1] as string))
        fence = undefined;
    } else if (open) fence = (open[1] as string)[0]?.repeat((open[1] as string).length);
    else out.push({ text, line: i + 1 });
  });
  return out;
}

/** The `Instead of` and `Use` SQL examples of a rule doc, each with the history in force. */
function docExamples(md: string): DocExample[] {
  const lines = md.split('\n');
  const out: DocExample[] = [];
  let history: string | undefined;
  let previous = '';
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] as string;
    const open = /^\s*(`{3,}|~{3,})\s*(\S*)(.*)$/.exec(text);
    if (!open) {
      if (text.trim() !== '') previous = text.trim();
      continue;
    }
    const fence = open[1] as string;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] as string).trim().startsWith(fence))
      body.push(lines[j++] as string);
    const isSql = (open[2] ?? '').toLowerCase() === 'sql';
    if (isSql) {
      const sql = body.join('\n');
      const label = previous.replace(/[*_]/g, '').trim().toLowerCase();
      const options = fenceOptions((open[3] ?? '').trim().split(/\s+/).filter(Boolean));
      if (previous === '<!-- history -->') history = sql;
      else if (/^instead of:?$/.test(label))
        out.push({ kind: 'instead-of', sql, line: i + 1, history, ...options });
      else if (/^use:?$/.test(label)) out.push({ kind: 'use', sql, line: i + 1, history, ...options });
    }
    previous = '';
    i = j;
  }
  return out;
}

function read(path: string): string | undefined {
  return existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), 'utf8') : undefined;
}

describe('docExamples', () => {
  it('reads labelled sql blocks and the history in force for each', () => {
    const md = [
      '<!-- history -->',
      '',
      '```sql',
      'CREATE TABLE t (a int);',
      '```',
      '',
      'Instead of:',
      '',
      '```sql',
      'ALTER TABLE t DROP COLUMN a;',
      '```',
      '',
      '```sql',
      'SELECT "unlabelled, not run";',
      '```',
      '',
      '**Use:**',
      '```SQL',
      'SELECT 1;',
      '```',
      '',
      'Use goose annotations like this:',
      '```sql',
      'SELECT "a sentence, not a label";',
      '```',
      '<!-- history -->',
      '````sql',
      'CREATE TABLE u (b int);',
      '```',
      '````',
      'Instead of',
      '```sql transactional postgres-version=10 colour',
      'DROP TABLE u;',
      '```',
      '```ts',
      '# not a heading',
      '```',
    ].join('\n');
    const none = { run: {}, unknown: [] };
    expect(docExamples(md)).toEqual([
      {
        kind: 'instead-of',
        sql: 'ALTER TABLE t DROP COLUMN a;',
        line: 9,
        history: 'CREATE TABLE t (a int);',
        ...none,
      },
      { kind: 'use', sql: 'SELECT 1;', line: 18, history: 'CREATE TABLE t (a int);', ...none },
      {
        kind: 'instead-of',
        sql: 'DROP TABLE u;',
        line: 32,
        history: 'CREATE TABLE u (b int);\n```',
        run: { transactional: true, postgresVersion: 10 },
        unknown: ['colour'],
      },
    ]);
    expect(proseLines(md).map((l) => l.text)).not.toContain('# not a heading');
  });
});

describe('registry', () => {
  it('is sorted by id with no duplicates', () => {
    expect(registryIds).toEqual([...new Set(registryIds)].sort(byId));
  });

  it('lists imports and entries in src/rules/index.ts in id order', () => {
    const source = read('src/rules/index.ts') ?? '';
    const imports = [...source.matchAll(/^import \{ (\w+) \} from '\.\/([a-z0-9-]+)\.js';$/gm)].map((m) => ({
      name: m[1] as string,
      id: m[2] as string,
    }));
    const fileOf = new Map(imports.map((x) => [x.name, x.id]));
    const list = /RULES[^=]*=\s*\[([\s\S]*?)\]/.exec(source)?.[1] ?? '';
    const entries = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((name) => fileOf.get(name) ?? `<${name} is not imported>`);
    expect(imports.map((x) => x.id)).toEqual([...imports.map((x) => x.id)].sort(byId));
    expect(entries).toEqual([...entries].sort(byId));
    expect([...entries].sort(byId)).toEqual(registryIds);
  });

  it('has no id that is also a built-in id', () => {
    expect(registryIds.filter((id) => builtinIds.includes(id))).toEqual([]);
  });

  it('registers every rule file in src/rules/', async () => {
    const entries = readdirSync(RULES_DIR);
    const dirs = entries.filter((e) => statSync(join(RULES_DIR, e)).isDirectory());
    expect(
      dirs.filter((d) => d !== 'util'),
      'folders in src/rules/ other than util/',
    ).toEqual([]);
    const files = entries.filter((e) => e.endsWith('.ts') && !NOT_RULES.has(e));
    const unregistered = files.filter((f) => !registryIds.includes(f.slice(0, -'.ts'.length)));
    expect(unregistered, 'rule files missing from src/rules/index.ts').toEqual([]);
    for (const file of files) {
      const id = file.slice(0, -'.ts'.length);
      const mod = (await import(pathToFileURL(join(RULES_DIR, file)).href)) as Record<string, unknown>;
      const exported = Object.values(mod).filter(
        (v): v is Rule => typeof (v as Rule | undefined)?.check === 'function',
      );
      expect(
        exported.map((r) => r.meta.id),
        `the rule exported by src/rules/${file}`,
      ).toEqual([id]);
      expect(RULES, `the registry holds the object exported by src/rules/${file}`).toContain(exported[0]);
    }
  });

  it('has a doc page for every file in docs/rules/', () => {
    const dir = join(ROOT, 'docs/rules');
    const pages = existsSync(dir)
      ? readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md')
      : [];
    const known = new Set([...registryIds, ...builtinIds]);
    expect(pages.filter((p) => !known.has(p.slice(0, -'.md'.length)))).toEqual([]);
  });
});

describe.each(RULES.map((r) => [r.meta.id, r] as const))('rule %s', (id, rule) => {
  it('has a kebab-case id', () => {
    expect(id).toMatch(KEBAB);
  });

  it('has its source in src/rules/<id>.ts and its tests in test/rules/<id>.test.ts', () => {
    expect(existsSync(join(ROOT, `src/rules/${id}.ts`)), `src/rules/${id}.ts`).toBe(true);
    expect(existsSync(join(ROOT, `test/rules/${id}.test.ts`)), `test/rules/${id}.test.ts`).toBe(true);
  });

  it('has one-line message templates with well-formed placeholders', () => {
    const messages = Object.entries(rule.meta.messages);
    expect(messages.length).toBeGreaterThan(0);
    for (const [messageId, template] of messages) {
      const where = `${id}.messages.${messageId}`;
      expect(template, where).not.toBe('');
      expect(template, `${where} has surrounding whitespace`).toBe(template.trim());
      expect(template, `${where} spans lines`).not.toMatch(/\n/);
      expect(template.replace(/\{\{\s*\w+\s*\}\}/g, ''), `${where} has a stray brace`).not.toMatch(
        /\{\{|\}\}/,
      );
    }
    const texts = [rule.meta.description, rule.meta.help, ...messages.map(([, t]) => t)];
    expect(
      texts.filter((t) => /\bTODO\b/.test(t)),
      `${id}: TODO left from npm run new-rule`,
    ).toEqual([]);
    for (const field of ['description', 'help'] as const) {
      expect(rule.meta[field].trim(), `${id}.${field}`).not.toBe('');
      expect(rule.meta[field], `${id}.${field} has surrounding whitespace`).toBe(rule.meta[field].trim());
    }
  });

  docChecks(id, { needsExamples: true });
});

describe.each(builtinIds.map((id) => [id] as const))('built-in %s', (id) => {
  it('has a kebab-case id', () => {
    expect(id).toMatch(KEBAB);
  });

  docChecks(id, { needsExamples: false });
});

function docChecks(id: string, opts: { needsExamples: boolean }): void {
  const path = `docs/rules/${id}.md`;
  const md = read(path);

  it(`has ${path} with front matter id and the headings in order`, () => {
    expect(md, `${path} is missing`).toBeDefined();
    const text = md ?? '';
    const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
    expect(front, `${path} starts with front matter between --- lines`).not.toBeNull();
    expect((parseYaml(front?.[1] ?? '') as { id?: unknown } | null)?.id, `${path} front matter id`).toBe(id);
    const headings = proseLines(text)
      .map((l) => /^(#{1,2})\s+(.+?)\s*$/.exec(l.text))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => `${m[1] as string} ${m[2] as string}`);
    expect(headings, `${path}: # and ## headings`).toEqual([`# ${id}`, ...HEADINGS.map((h) => `## ${h}`)]);
    const todos = text.split('\n').flatMap((l, i) => (/\bTODO\b/.test(l) ? [`${path}:${i + 1}`] : []));
    expect(todos, 'TODO left from npm run new-rule').toEqual([]);
  });

  const examples = md ? docExamples(md) : [];
  if (opts.needsExamples) {
    it(`has at least one "Instead of:" and one "Use:" sql example in ${path}`, () => {
      expect(examples.filter((e) => e.kind === 'instead-of').length, 'Instead of: examples').toBeGreaterThan(
        0,
      );
      expect(examples.filter((e) => e.kind === 'use').length, 'Use: examples').toBeGreaterThan(0);
    });
  }

  const histories = new Set<string>();
  for (const example of examples) {
    const place = `${path}:${example.line}`;
    const runOptions: RunOptions = {
      ...example.run,
      ...(example.history !== undefined ? { history: example.history } : {}),
    };
    if (example.unknown.length > 0) {
      it(`uses only known fence options at ${place}`, () => {
        expect(example.unknown, 'accepted: transactional, postgres-version=N').toEqual([]);
      });
    }
    if (example.kind === 'instead-of') {
      it(`reports ${id} on the "Instead of" example at ${place}`, async () => {
        const got = await findings(example.sql, runOptions);
        expect(
          got.filter((f) => f.rule === id),
          `findings: ${JSON.stringify(
            got.map((f) => `${f.rule}@${f.line}: ${f.message}`),
            null,
            1,
          )}`,
        ).not.toEqual([]);
      });
    } else {
      it(`does not report ${id} on the "Use" example at ${place}`, async () => {
        const got = await findings(example.sql, runOptions);
        expect(got.filter((f) => f.rule === id || f.rule === 'syntax-error')).toEqual([]);
      });
    }
    if (example.history !== undefined && !histories.has(example.history)) {
      const history = example.history;
      histories.add(history);
      it(`parses the history used by the example at ${place}`, async () => {
        const got = await findings(history);
        expect(got.filter((f) => f.rule === 'syntax-error')).toEqual([]);
      });
    }
  }
}
