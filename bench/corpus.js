// npm run corpus: runs `check` over each real migration history in ../shared/corpus (one CLI process per
// history) and fails on what must never happen on real, PostgreSQL-valid SQL:
//   - a crash: an exit code other than 0 or 1, or a stack trace on stderr, or output that is not the JSON report;
//   - a finding whose line is < 1 or past the end of its file, or whose statementLine is < 1 or after its line;
//   - a file with SQL in it that yields no statement;
//   - a syntax-error finding not listed, with a reason, in bench/corpus-allow.json.
// Prints per history: files, statements, findings by rule, breaking count and wall time.
//
//   node bench/corpus.js [--only NAME,NAME] [--samples N] [--corpus DIR] [--verbose]
//   node bench/corpus.js --plan [--only NAME,NAME] [--limit N] [--skip N] [--jobs N] [--budget MINUTES] [--no-prove] [--no-build]
//
// --plan runs the planner pass instead (bench/corpus-plan.js): each file with error findings planned against
// the files before it and the plan proven on PGlite; see that file.
// --samples N prints up to N breaking findings per history (one rule after another) to judge precision.
// $EXPAND_CONTRACT_BIN checks another build of the CLI; $EXPAND_CONTRACT_CORPUS (or --corpus) another corpus.
// Without the corpus folder (a fresh clone elsewhere) it says so and exits 0.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import {
  REPO,
  checkArgv,
  corpusRoot,
  failure,
  fromRepo,
  presentHistories,
  requireBundle,
  run,
  sqlFilesUnder,
  table,
} from './lib.js';

const ALLOW_FILE = join(REPO, 'bench', 'corpus-allow.json');
const STACK = /^\s+at\s.+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

const { values: opts } = parseArgs({
  options: {
    only: { type: 'string' },
    samples: { type: 'string', default: '0' },
    corpus: { type: 'string' },
    verbose: { type: 'boolean', short: 'v', default: false },
    plan: { type: 'boolean', default: false },
    limit: { type: 'string' },
    skip: { type: 'string' },
    jobs: { type: 'string' },
    'no-prove': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    budget: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  process.stdout.write(
    'Usage: node bench/corpus.js [--only NAME,NAME] [--samples N] [--corpus DIR] [--verbose]\n' +
      '       node bench/corpus.js --plan [--only NAME,NAME] [--limit N] [--skip N] [--jobs N] [--budget MINUTES] [--no-prove]\n' +
      '                                   [--no-build] [--corpus DIR] [--verbose]\n',
  );
  process.exit(0);
}
if (opts.plan) {
  for (const [name, value] of [
    ['--limit', opts.limit],
    ['--skip', opts.skip],
    ['--jobs', opts.jobs],
    ['--budget', opts.budget],
  ]) {
    if (value !== undefined && !(Number.isInteger(Number(value)) && Number(value) > 0)) {
      console.error(`${name} ${value} must be a positive whole number`);
      process.exit(2);
    }
  }
  const { corpusPlan } = await import('./corpus-plan.js');
  process.exit(await corpusPlan(opts));
}

const root = corpusRoot(opts.corpus);
if (!existsSync(root)) {
  console.log(
    `corpus checks skipped: ${root} not found (the corpus lives in ../shared/corpus beside the repository).`,
  );
  process.exit(0);
}
requireBundle();

const allow = loadAllowList();
const usedAllow = new Set();
/** @type {{ where: string, why: string }[]} */
const problems = [];
const totals = { files: 0, sqlFiles: 0, statements: 0, findings: 0, breaking: 0, suppressed: 0, ms: 0 };
const byRuleTotal = new Map();
const samples = Number(opts.samples);

for (const history of presentHistories(root, opts.only)) {
  const result = run(checkArgv(history.paths.map(fromRepo)));
  const where = history.name;
  const crash = failure(result);
  if (crash) {
    problems.push({ where, why: `the CLI crashed: ${crash}` });
    continue;
  }
  if (STACK.test(result.stderr)) {
    problems.push({
      where,
      why: `stack trace on stderr:\n    ${result.stderr.trim().split('\n').slice(0, 12).join('\n    ')}`,
    });
  } else if (result.stderr.trim()) {
    console.log(`  (${where} wrote to stderr: ${result.stderr.trim().split('\n').slice(0, 3).join(' | ')})`);
  }
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch (error) {
    problems.push({ where, why: `stdout is not JSON (${error instanceof Error ? error.message : error})` });
    continue;
  }

  const lineCounts = new Map();
  const fileText = (path) => {
    const abs = resolve(REPO, path);
    if (!lineCounts.has(abs)) lineCounts.set(abs, existsSync(abs) ? readFileSync(abs, 'utf8') : undefined);
    return lineCounts.get(abs);
  };
  const rel = (path) => relative(root, resolve(REPO, path));

  // Statements: a file with SQL in the part its framework runs must yield statements.
  let statements = 0;
  const notes = [];
  const analysed = new Set();
  for (const file of report.files ?? []) {
    statements += file.statements;
    analysed.add(resolve(REPO, file.path));
    const text = fileText(file.path);
    if (text === undefined) {
      problems.push({
        where: `${where}: ${rel(file.path)}`,
        why: 'the report names a file that does not exist',
      });
      continue;
    }
    if (file.statements === 0 && hasSql(runnableSql(text, file.framework, file.path))) {
      // Fine when the report says why (a file the framework would not run); a silent 0 is a bug.
      const said = (report.findings ?? []).find((f) => f.rule === 'input-error' && f.path === file.path);
      if (said) {
        notes.push(`note: ${rel(file.path)} has SQL and 0 statements: ${said.message}`);
      } else {
        problems.push({
          where: `${where}: ${rel(file.path)}`,
          why: `0 statements, but the file has SQL (${file.framework})`,
        });
      }
    }
  }
  const onDisk = sqlFilesUnder(history.paths);
  const skipped = onDisk.filter((f) => !analysed.has(f));

  // Locations of findings (and of suppressed findings: they point at lines too).
  const all = [...(report.findings ?? []), ...(report.suppressed ?? [])];
  for (const f of all) {
    const text = fileText(f.path);
    const at = `${where}: ${rel(f.path)}:${f.line}`;
    if (text === undefined) {
      problems.push({ where: at, why: `finding ${f.rule} names a file that does not exist` });
      continue;
    }
    const lines = lineCount(text);
    if (!Number.isInteger(f.line) || f.line < 1 || f.line > lines) {
      problems.push({ where: at, why: `finding ${f.rule} has line ${f.line}, the file has ${lines} lines` });
    }
    if (!Number.isInteger(f.statementLine) || f.statementLine < 1 || f.statementLine > f.line) {
      problems.push({
        where: at,
        why: `finding ${f.rule} has statementLine ${f.statementLine} (line ${f.line})`,
      });
    }
  }

  // Syntax errors: real migrations that PostgreSQL ran must parse.
  for (const f of report.findings ?? []) {
    if (f.rule !== 'syntax-error') continue;
    const key = allowKey(rel(f.path), f.line);
    const entry = allow.get(key) ?? allow.get(allowKey(rel(f.path)));
    const text = `${rel(f.path)}:${f.line}:${f.column} ${f.message}`;
    if (entry) {
      usedAllow.add(entry);
      notes.push(`allowed syntax-error ${text} (${entry.reason})`);
    } else {
      problems.push({
        where: `${where}: ${rel(f.path)}:${f.line}:${f.column}`,
        why: `syntax-error: ${f.message}`,
      });
    }
  }

  // Summary.
  const findings = report.findings ?? [];
  const byRule = countBy(findings, (f) => f.rule);
  for (const [rule, n] of byRule) byRuleTotal.set(rule, (byRuleTotal.get(rule) ?? 0) + n);
  const breaking = findings.filter((f) => f.breaking);
  const frameworks = [...countBy(report.files ?? [], (f) => f.framework)]
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(
    `\n${history.name}: ${report.files?.length ?? 0} files (${frameworks || 'none'}), ${statements} statements, ` +
      `${findings.length} findings (${breaking.length} breaking), ${(report.suppressed ?? []).length} suppressed, ` +
      `${(result.ms / 1000).toFixed(2)} s`,
  );
  if (!(report.files ?? []).some((f) => f.framework === history.framework)) {
    console.log(`  note: expected framework ${history.framework}, detected ${frameworks || 'nothing'}`);
  }
  for (const note of notes) console.log(`  ${note}`);
  console.log(`  .sql files analysed: ${onDisk.length - skipped.length} of ${onDisk.length}`);
  if (skipped.length > 0 && (opts.verbose || skipped.length <= 3)) {
    for (const f of skipped) console.log(`    not analysed: ${relative(root, f)}`);
  }
  if (byRule.size > 0) {
    console.log(
      `  by rule: ${[...byRule]
        .sort((a, b) => b[1] - a[1])
        .map(([r, n]) => `${r} ${n}`)
        .join(', ')}`,
    );
  }
  if (samples > 0) {
    for (const f of sample(breaking, samples)) {
      console.log(`    ${rel(f.path)}:${f.line} ${f.rule} [${f.lock ?? 'no lock'}] ${f.message}`);
    }
  }

  totals.files += report.files?.length ?? 0;
  totals.sqlFiles += onDisk.length;
  totals.statements += statements;
  totals.findings += findings.length;
  totals.breaking += breaking.length;
  totals.suppressed += (report.suppressed ?? []).length;
  totals.ms += result.ms;
}

console.log(
  `\ntotal: ${totals.files} files, ${totals.statements} statements, ${totals.findings} findings ` +
    `(${totals.breaking} breaking), ${totals.suppressed} suppressed, ${(totals.ms / 1000).toFixed(2)} s`,
);
if (byRuleTotal.size > 0) {
  const rows = [...byRuleTotal].sort((a, b) => b[1] - a[1]).map(([rule, n]) => [rule, n]);
  console.log(`\n${table(['rule', 'findings'], rows)}`);
}
for (const entry of allow.values()) {
  if (!usedAllow.has(entry) && !opts.only) {
    console.log(
      `note: allow-list entry ${entry.path}${entry.line ? `:${entry.line}` : ''} matched nothing; remove it?`,
    );
  }
}
if (problems.length > 0) {
  console.log(`\nFAIL: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  for (const p of problems) console.log(`  ${p.where}\n    ${p.why}`);
  process.exit(1);
}
console.log('\nOK: no crash, every location in range, every file with SQL has statements, no syntax error.');

/** The allow-list: { "syntax-error": [{ path (relative to the corpus), line?, reason }] }. */
function loadAllowList() {
  const map = new Map();
  if (!existsSync(ALLOW_FILE)) return map;
  const data = JSON.parse(readFileSync(ALLOW_FILE, 'utf8'));
  for (const entry of data['syntax-error'] ?? []) {
    if (typeof entry.path !== 'string' || typeof entry.reason !== 'string' || entry.reason.trim() === '') {
      console.error(
        `${fromRepo(ALLOW_FILE)}: every entry needs a "path" and a "reason": ${JSON.stringify(entry)}`,
      );
      process.exit(1);
    }
    map.set(allowKey(entry.path, entry.line), entry);
  }
  return map;
}

function allowKey(path, line) {
  return line === undefined ? path : `${path}:${line}`;
}

/** Lines in a file: a final newline does not start another line. */
function lineCount(text) {
  if (text === '') return 1;
  const n = text.split(/\r\n|\r|\n/).length;
  return /(\r\n|\r|\n)$/.test(text) ? n - 1 : n;
}

/** The part of a file its framework runs on the way up (a rough cut, only to tell "has SQL"). */
function runnableSql(text, framework, path) {
  if (framework === 'golang-migrate' && path.endsWith('.down.sql')) return '';
  if (framework === 'sqitch' && /[\\/](revert|verify)[\\/]/.test(path)) return '';
  if (framework === 'dbmate') return between(text, /^--\s*migrate:up\b.*$/im, /^--\s*migrate:down\b/im);
  if (framework === 'goose') return between(text, /^--\s*\+goose\s+up\b.*$/im, /^--\s*\+goose\s+down\b/im);
  return text;
}

function between(text, start, end) {
  const s = start.exec(text);
  const from = s ? s.index + s[0].length : 0;
  const rest = text.slice(from);
  const e = end.exec(rest);
  return e ? rest.slice(0, e.index) : rest;
}

/** True when something other than comments, whitespace and semicolons is left. */
function hasSql(text) {
  const stripped = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--.*$/gm, ' ');
  return /[^\s;]/.test(stripped);
}

function countBy(items, key) {
  const map = new Map();
  for (const item of items) map.set(key(item), (map.get(key(item)) ?? 0) + 1);
  return map;
}

/** Up to `n` findings, taking one rule after another so every rule gets a look. */
function sample(findings, n) {
  const groups = [...countBy(findings, (f) => f.rule).keys()].map((rule) =>
    findings.filter((f) => f.rule === rule),
  );
  const out = [];
  for (let i = 0; out.length < n && groups.some((g) => g.length > i); i++) {
    for (const g of groups) if (g[i] && out.length < n) out.push(g[i]);
  }
  return out;
}
