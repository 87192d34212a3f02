// scripts/new-rule.js, run as a process against a temporary copy of the files it reads and writes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { format, resolveConfig } from 'prettier';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const INDEX = `// The registry: every rule, sorted by id. The only list of rules.
import { addingEnumValue } from './adding-enum-value.js';
import { banDropColumn } from './ban-drop-column.js';
import { renamingColumn } from './renaming-column.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  addingEnumValue,
  banDropColumn,
  renamingColumn,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
`;

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ec-new-rule-'));
  for (const d of ['scripts', 'src/rules', 'test/rules', 'docs/rules'])
    mkdirSync(join(dir, d), { recursive: true });
  cpSync(join(ROOT, 'scripts/new-rule.js'), join(dir, 'scripts/new-rule.js'));
  cpSync(join(ROOT, 'src/rules/meta.ts'), join(dir, 'src/rules/meta.ts'));
  writeFileSync(join(dir, 'src/rules/index.ts'), INDEX);
  writeFileSync(join(dir, 'src/rules/ban-drop-column.ts'), '// stands for an existing rule\n');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(dir, 'scripts/new-rule.js'), ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function read(path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

function exists(path: string): boolean {
  return existsSync(join(dir, path));
}

describe('new-rule: writing a rule', () => {
  it('writes the source, test and doc, and registers the rule in sorted position', () => {
    const r = run('--', 'ban-drop-trigger');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('src/rules/ban-drop-trigger.ts');
    expect(exists('src/rules/ban-drop-trigger.ts')).toBe(true);
    expect(exists('test/rules/ban-drop-trigger.test.ts')).toBe(true);
    expect(exists('docs/rules/ban-drop-trigger.md')).toBe(true);
    expect(read('src/rules/index.ts'))
      .toBe(`// The registry: every rule, sorted by id. The only list of rules.
import { addingEnumValue } from './adding-enum-value.js';
import { banDropColumn } from './ban-drop-column.js';
import { banDropTrigger } from './ban-drop-trigger.js';
import { renamingColumn } from './renaming-column.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  addingEnumValue,
  banDropColumn,
  banDropTrigger,
  renamingColumn,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
`);
  });

  it('registers an id that sorts first or last at the ends', () => {
    expect(run('add-check').status).toBe(0);
    expect(run('zero-downtime-check').status).toBe(0);
    const index = read('src/rules/index.ts');
    const imports = index.split('\n').filter((l) => l.startsWith('import {'));
    expect(imports[0]).toBe("import { addCheck } from './add-check.js';");
    expect(imports.at(-1)).toBe("import { zeroDowntimeCheck } from './zero-downtime-check.js';");
    expect(index).toContain(
      '= [\n  addCheck,\n  addingEnumValue,\n  banDropColumn,\n  renamingColumn,\n  zeroDowntimeCheck,\n]',
    );
  });

  it('rewrites a registry written on one line as one entry per line', () => {
    writeFileSync(
      join(dir, 'src/rules/index.ts'),
      "import { banDropColumn } from './ban-drop-column.js';\nimport type { Rule } from './types.js';\n\n" +
        'export const RULES: readonly Rule[] = [banDropColumn];\n',
    );
    expect(run('ban-drop-index').status).toBe(0);
    expect(read('src/rules/index.ts')).toBe(
      "import { banDropColumn } from './ban-drop-column.js';\nimport { banDropIndex } from './ban-drop-index.js';\n" +
        "import type { Rule } from './types.js';\n\nexport const RULES: readonly Rule[] = [\n  banDropColumn,\n  banDropIndex,\n];\n",
    );
  });

  it('writes a rule shaped like ban-drop-column', () => {
    run('ban-drop-trigger');
    const source = read('src/rules/ban-drop-trigger.ts');
    expect(source).toContain("import type { Rule } from './types.js';");
    expect(source).toContain('export const banDropTrigger = {');
    expect(source).toContain("id: 'ban-drop-trigger',");
    expect(source).toContain('} satisfies Rule;');
    const test = read('test/rules/ban-drop-trigger.test.ts');
    expect(test).toContain("from '../helpers/rule-tester.js';");
    expect(test).toContain("describe('ban-drop-trigger', () => {");
  });

  it('writes a doc with the front matter and the headings rule-files.test.ts expects', () => {
    run('ban-drop-trigger');
    const doc = read('docs/rules/ban-drop-trigger.md');
    expect(doc.startsWith('---\nid: ban-drop-trigger\n')).toBe(true);
    const headings = doc.split('\n').filter((l) => /^#{1,2} /.test(l));
    expect(headings).toEqual([
      '# ban-drop-trigger',
      '## Problem',
      '## Why it breaks a rolling deploy',
      '## Lock',
      '## Safe alternative',
      '## Framework notes',
      '## Options',
    ]);
    expect(doc).toMatch(/<!-- history -->\n\n```sql\n/);
    expect(doc).toMatch(/\nInstead of:\n\n```sql\n/);
    expect(doc).toMatch(/\nUse:\n\n```sql\n/);
  });

  it('writes TypeScript that compiles, passes lint and is formatted', async () => {
    run('ban-drop-trigger');
    // Compile the new rule against the real types, as if it were in the tree.
    cpSync(join(ROOT, 'src'), join(dir, 'real-src'), { recursive: true });
    const target = join(dir, 'real-src/rules/ban-drop-trigger.ts');
    writeFileSync(target, read('src/rules/ban-drop-trigger.ts'));
    const tsconfig = ts.getParsedCommandLineOfConfigFile(
      join(ROOT, 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => undefined,
      },
    );
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    const program = ts.createProgram([target], { ...tsconfig?.options, rootDir: dir, noEmit: true });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);

    const eslint = new ESLint({ cwd: ROOT });
    for (const [path, generated] of [
      ['src/rules/ban-drop-trigger.ts', 'src/rules/ban-drop-trigger.ts'],
      ['test/rules/ban-drop-trigger.test.ts', 'test/rules/ban-drop-trigger.test.ts'],
    ] as const) {
      const text = read(generated);
      const [result] = await eslint.lintText(text, { filePath: join(ROOT, path) });
      expect(
        result?.messages.map((m) => `${m.line}: ${m.message}`),
        path,
      ).toEqual([]);
      const options = (await resolveConfig(join(ROOT, path))) ?? {};
      expect(await format(text, { ...options, filepath: join(ROOT, path) }), path).toBe(text);
    }
  }, 60_000);
});

describe('new-rule: refusing bad ids', () => {
  function refuses(id: string, message: string): void {
    const paths = [
      'src/rules/index.ts',
      `src/rules/${id}.ts`,
      `test/rules/${id}.test.ts`,
      `docs/rules/${id}.md`,
    ];
    const snapshot = (): Array<string | null> => paths.map((p) => (exists(p) ? read(p) : null));
    const before = snapshot();
    const r = run(id);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`new-rule: ${message}\n`);
    expect(snapshot(), 'nothing written').toEqual(before);
  }

  it('refuses an id that is not kebab-case', () => {
    refuses(
      'Ban_Drop',
      "'Ban_Drop' is not a kebab-case id; use lower-case words joined by hyphens, e.g. ban-drop-trigger.",
    );
    refuses(
      'ban--drop',
      "'ban--drop' is not a kebab-case id; use lower-case words joined by hyphens, e.g. ban-drop-trigger.",
    );
    refuses(
      '9-lives',
      "'9-lives' is not a kebab-case id; use lower-case words joined by hyphens, e.g. ban-drop-trigger.",
    );
  });

  it('refuses an id whose source file exists', () => {
    refuses('ban-drop-column', "src/rules/ban-drop-column.ts already exists; 'ban-drop-column' is taken.");
  });

  it('refuses an id whose doc exists', () => {
    writeFileSync(join(dir, 'docs/rules/ban-drop-role.md'), '# draft\n');
    refuses('ban-drop-role', "docs/rules/ban-drop-role.md already exists; 'ban-drop-role' is taken.");
  });

  it('refuses an id the registry already imports', () => {
    refuses(
      'renaming-column',
      "src/rules/index.ts already imports './renaming-column.js'; 'renaming-column' is taken.",
    );
  });

  it('refuses the ids the engine reports itself and reserved names', () => {
    refuses(
      'syntax-error',
      "'syntax-error' is a finding the engine reports itself (src/rules/meta.ts); choose another id.",
    );
    refuses('all', "'all' is a reserved name; choose another id.");
    refuses('suppress', "'suppress' is a reserved name; choose another id.");
  });

  it('prints the usage without an id', () => {
    const r = run();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^new-rule: give exactly one rule id\.\n\nUsage: npm run new-rule -- <rule-id>/);
  });

  it('refuses to guess when the registry has no RULES array', () => {
    writeFileSync(join(dir, 'src/rules/index.ts'), "import { banDropColumn } from './ban-drop-column.js';\n");
    refuses(
      'ban-drop-index',
      'cannot find `export const RULES = [` in src/rules/index.ts; add the rule by hand.',
    );
    expect(exists('src/rules/ban-drop-index.ts')).toBe(false);
  });
});
