// The planner's figures for `npm run bench` (bench/run.js calls planBench; `node bench/plan.js` runs them alone):
//   - replay throughput on PGlite: each corpus history's files replayed from empty on a fresh PGlite (cold),
//     as migrations/s and statements/s; a history that fails is measured over the prefix that replayed and
//     the failing file:line is shown. Then the same history through the replay cache (a temporary folder
//     under os.tmpdir(), removed after): a first openHistory that replays and writes the cache, a second one
//     that should load the stored data directory instead of replaying, and historyCatalog (schema only).
//   - time to plan and prove one migration: examples/split-name and examples/rename-column, the last file
//     against the ones before it: analyze, plan, prove (runOriginal + proveAgainst = verifyPlan) and peak RSS.
//
//   node bench/plan.js [--only NAME,NAME] [--corpus DIR] [--no-build] [--no-replay] [--no-examples]
//                      [--timeout SECONDS]
//
// Runs `npm run build` first (the library is imported from build/, tsc's output). Each history and each
// example runs in its own child process (`node bench/plan.js --child ...`), one at a time: every PGlite costs
// ~2 s and ~760 MB, a crash costs one report line, and the peak RSS shown is that child's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { REPO, corpusRoot, fromRepo, presentHistories, table } from './lib.js';
import {
  PLAN_OPTIONS,
  buildLibrary,
  emitResult,
  errorLine,
  excerpt,
  historyFiles,
  loadLibrary,
  peakRssMb,
  runChild,
  since,
} from './plan-lib.js';

const SELF = fileURLToPath(import.meta.url);
export const EXAMPLES = ['split-name', 'rename-column'];

/** Statements replayHistory sends that are not the history's own (transaction control, stubs it adds). */
const BOOKKEEPING =
  /^(BEGIN|COMMIT|ROLLBACK|CREATE SCHEMA IF NOT EXISTS sqitch|CREATE ROLE "(?:[^"]|"")*" NOLOGIN)$/;

/**
 * Measures and prints the planner's figures; returns them as data (for --out). Never throws for a
 * history or an example: a failure is a line of the report.
 */
export async function planBench({
  only,
  corpus,
  build = true,
  replay = true,
  examples = true,
  timeoutMs = 1_200_000,
} = {}) {
  const out = { replay: [], examples: [], build: undefined };
  console.log('\nplanner: replay on PGlite, and plan + proof of one migration (library from build/)');
  const built = buildLibrary({ skip: !build });
  if (built) {
    out.build = built;
    console.log(`  left out: ${built}`);
    return out;
  }
  const childBuild = ['--no-build'];

  if (replay) {
    let histories = [];
    try {
      histories = presentHistories(corpusRoot(corpus), only);
    } catch (e) {
      console.log(`  replay left out: ${errorLine(e)}`);
    }
    for (const h of histories) {
      const args = [
        '--child',
        'replay',
        '--history',
        h.name,
        ...h.paths.flatMap((p) => ['--path', p]),
        ...childBuild,
      ];
      const { result, error, ms } = await runChild(SELF, args, { timeoutMs });
      const row = error ? { history: h.name, error, ms } : result;
      out.replay.push(row);
      console.log(`  ${replayLine(row)}`);
    }
    if (out.replay.length > 0) printReplay(out.replay);
  }

  if (examples) {
    for (const name of EXAMPLES) {
      const { result, error, ms } = await runChild(
        SELF,
        ['--child', 'example', '--example', name, ...childBuild],
        {
          timeoutMs,
        },
      );
      const row = error ? { example: name, error, ms } : result;
      out.examples.push(row);
      console.log(`  ${exampleLine(row)}`);
    }
    printExamples(out.examples);
  }
  return out;
}

function replayLine(r) {
  if (r.error) return `${r.history}: the replay crashed: ${r.error}`;
  const cold = r.cold;
  const head = `${r.history}: ${r.files} files, cold replay ${cold.ok ? 'ok' : 'FAILED'} in ${fmtS(cold.replayMs)} s`;
  if (cold.ok) return `${head} (${cold.statements} statements)`;
  return (
    `${head} after ${cold.filesReplayed} of ${r.files} files and ${cold.statements} statements: ` +
    `${cold.failure.file}:${cold.failure.line}: ${cold.failure.message} (${excerpt(cold.failure.statement, 60)})`
  );
}

function printReplay(rows) {
  const body = rows.map((r) => {
    if (r.error) return [r.history, '-', 'crashed', '-', '-', '-', '-', '-', '-', '-', '-'];
    const c = r.cold;
    const k = r.cached;
    return [
      r.history,
      c.ok ? `${r.files}` : `${c.filesReplayed} of ${r.files}`,
      c.ok ? 'ok' : `fails at file ${c.filesReplayed + 1}`,
      fmtS(c.openMs),
      fmtS(c.replayMs),
      c.filesReplayed > 0 ? rate(c.filesReplayed, c.replayMs) : '-',
      c.statements > 0 ? rate(c.statements, c.replayMs) : '-',
      k?.error ? 'failed' : k ? `${fmtS(k.first.ms)} (${k.first.source})` : '-',
      k?.error ? 'failed' : k ? `${fmtS(k.second.ms)} (${k.second.source})` : '-',
      k?.error ? 'failed' : k ? `${fmtS(k.catalog.ms)} (${k.catalog.source})` : '-',
      `${Math.round(r.peakRssMb)}`,
    ];
  });
  console.log(
    `\n${table(
      [
        'history',
        'files replayed',
        'cold replay',
        'PGlite start s',
        'replay s',
        'migrations/s',
        'statements/s',
        'cache: 1st openHistory s',
        '2nd openHistory s',
        'historyCatalog s',
        'peak RSS MB',
      ],
      body,
      1,
    )}`,
  );
  console.log(
    '(cold: replayHistory on a fresh PGlite, parse included, PGlite start apart; a failing history is measured over\n' +
      ' the files before the failure; cache: openHistory with a cache folder, the 1st replays and writes it, the 2nd\n' +
      ' should load it ("cache"), historyCatalog reads the stored schema without starting a database)',
  );
  for (const r of rows) {
    if (r.error) console.log(`${r.history}: the replay crashed: ${r.error}`);
    else if (!r.cold.ok) {
      const f = r.cold.failure;
      console.log(
        `${r.history}: replay fails at ${f.file}:${f.line}: ${f.message}${f.hint ? ` (${f.hint})` : ''}`,
      );
    }
    if (r.cached?.error) console.log(`${r.history}: the cached replay failed: ${r.cached.error}`);
    else if (r.cached && r.cached.second.source !== 'cache')
      console.log(`${r.history}: the second openHistory replayed instead of loading the cache`);
    if (r.missingExtensions?.length)
      console.log(`${r.history}: extensions PGlite lacks: ${r.missingExtensions.join(', ')}`);
  }
}

function exampleLine(r) {
  if (r.error) return `examples/${r.example}: crashed: ${r.error}`;
  return (
    `examples/${r.example}: plan ${r.recipes.join(', ') || 'without recipes'}, proof ${r.proof.ok ? 'ok' : 'FAILED'}` +
    (r.proof.ok ? '' : `: ${r.proof.differences[0] ?? '?'}`)
  );
}

function printExamples(rows) {
  const body = rows.map((r) =>
    r.error
      ? [r.example, 'crashed', '-', '-', '-', '-', '-', '-', '-']
      : [
          r.example,
          fmtMs(r.parserMs),
          fmtMs(r.analyzeMs),
          fmtMs(r.planMs),
          fmtMs(r.originalMs),
          fmtMs(r.proveAgainstMs),
          fmtMs(r.proveMs),
          r.proof.ok ? 'ok' : 'FAILED',
          `${Math.round(r.rssBeforeProveMb)} / ${Math.round(r.peakRssMb)}`,
        ],
  );
  console.log(
    `\n${table(
      [
        'example',
        'load library + parser ms',
        'analyze ms',
        'plan ms',
        'runOriginal ms',
        'proveAgainst ms',
        'prove ms',
        'proof',
        'peak RSS MB (before prove / end)',
      ],
      body,
    )}`,
  );
  console.log(
    '(one child process per example; the last file planned against the files before it; prove = runOriginal +\n' +
      ' proveAgainst = verifyPlan, two fresh PGlites each replaying the history; wall time)',
  );
  for (const r of rows) {
    if (r.error) console.log(`examples/${r.example}: crashed: ${r.error}`);
    else if (!r.proof.ok) for (const d of r.proof.differences) console.log(`examples/${r.example}: ${d}`);
  }
}

const fmtS = (ms) => (ms === undefined ? '-' : (ms / 1000).toFixed(3));
const fmtMs = (ms) => (ms === undefined ? '-' : ms.toFixed(1));
const rate = (n, ms) => Math.round((n * 1000) / ms).toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------------------
// Child side.

/** One history: a cold replay on a fresh PGlite, then twice through a temporary replay cache. */
async function childReplay(name, paths) {
  const lib = await loadLibrary();
  await lib.loadParser();
  const files = await historyFiles(lib, paths);
  const wanted = lib.historyExtensions(files);
  const extensions = wanted.filter(lib.pgliteHasExtension);
  const result = {
    history: name,
    files: files.length,
    missingExtensions: wanted.filter((e) => !lib.pgliteHasExtension(e)),
  };

  // Parsing alone, to tell how much of the replay time is ours.
  let start = process.hrtime.bigint();
  const statementsInFiles = files.reduce(
    (n, f) => n + lib.parseFile(f).statements.filter((s) => !s.plpgsql).length,
    0,
  );
  result.parseMs = since(start);
  result.statementsInFiles = statementsInFiles;

  start = process.hrtime.bigint();
  const db = await lib.openPglite({ extensions });
  const openMs = since(start);
  let ran = 0;
  const counted = {
    kind: db.kind,
    description: db.description,
    extensions: db.extensions,
    exec: async (sql) => {
      await db.exec(sql);
      if (!BOOKKEEPING.test(sql.trim())) ran++;
    },
    query: (sql, params) => db.query(sql, params),
    transaction: (fn) => db.transaction(fn),
    close: () => db.close(),
  };
  try {
    start = process.hrtime.bigint();
    const replay = await lib.replayHistory(files, counted);
    const replayMs = since(start);
    result.cold = replay.ok
      ? {
          ok: true,
          openMs,
          replayMs,
          filesReplayed: replay.replayed,
          statements: replay.statements,
          skipped: replay.skipped.length,
        }
      : {
          ok: false,
          openMs,
          replayMs,
          filesReplayed: replay.replayed,
          statements: ran,
          failure: {
            file: fromRepo(replay.file),
            line: replay.line,
            message: replay.message,
            statement: replay.statement,
            ...(replay.hint ? { hint: replay.hint } : {}),
          },
        };
  } finally {
    await db.close();
  }

  // Through the replay cache: the first call replays and writes, the second should load.
  const cacheDir = mkdtempSync(join(tmpdir(), 'expand-contract-bench-cache-'));
  try {
    const timed = async (fn) => {
      const t = process.hrtime.bigint();
      const outcome = await fn();
      const ms = since(t);
      if (outcome.ok && outcome.db) await outcome.db.close();
      return { ms, source: outcome.source, ok: outcome.ok, notices: outcome.notices };
    };
    const first = await timed(() => lib.openHistory(files, { cacheDir }));
    const second = await timed(() => lib.openHistory(files, { cacheDir }));
    const catalog = await timed(() => lib.historyCatalog(files, { cacheDir }));
    result.cached = { first, second, catalog };
  } catch (e) {
    result.cached = { error: errorLine(e) };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  result.peakRssMb = peakRssMb();
  return result;
}

/** One example: its last file planned and proven against the files before it. */
async function childExample(name) {
  let start = process.hrtime.bigint();
  const lib = await loadLibrary();
  await lib.loadParser();
  const parserMs = since(start);
  const files = await historyFiles(lib, [join(REPO, 'examples', name, 'migrations')]);
  const history = files.slice(0, -1);
  const migration = files[files.length - 1];

  start = process.hrtime.bigint();
  const analysis = await lib.analyzeDetailed({ history, releases: [[migration]] }, lib.DEFAULT_OPTIONS);
  const analyzeMs = since(start);

  start = process.hrtime.bigint();
  const plan = lib.planMigration(analysis, migration.path, PLAN_OPTIONS);
  const planMs = since(start);
  const rssBeforeProveMb = peakRssMb();

  start = process.hrtime.bigint();
  const original = await lib.runOriginal({ history, migration });
  const originalMs = since(start);
  start = process.hrtime.bigint();
  const proof = await lib.proveAgainst(original, { history, migration, plan });
  const proveAgainstMs = since(start);

  return {
    example: name,
    migration: fromRepo(migration.path),
    findings: analysis.report.findings.filter((f) => f.severity === 'error').length,
    recipes: plan.recipes.map((r) => r.recipe),
    unplanned: plan.unplanned.length,
    parserMs,
    analyzeMs,
    planMs,
    originalMs,
    proveAgainstMs,
    proveMs: originalMs + proveAgainstMs,
    proof,
    rssBeforeProveMb,
    peakRssMb: peakRssMb(),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Command line.

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values: opts } = parseArgs({
    options: {
      child: { type: 'string' },
      history: { type: 'string' },
      path: { type: 'string', multiple: true },
      example: { type: 'string' },
      only: { type: 'string' },
      corpus: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'no-replay': { type: 'boolean', default: false },
      'no-examples': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '1200' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (opts.help) {
    process.stdout.write(
      'Usage: node bench/plan.js [--only NAME,NAME] [--corpus DIR] [--no-build] [--no-replay] [--no-examples]\n' +
        '                          [--timeout SECONDS]\n',
    );
    process.exit(0);
  }
  if (opts.child === 'replay') {
    emitResult(await childReplay(opts.history, opts.path ?? []));
  } else if (opts.child === 'example') {
    emitResult(await childExample(opts.example));
  } else if (opts.child) {
    console.error(`unknown --child ${opts.child}`);
    process.exit(2);
  } else {
    await planBench({
      only: opts.only,
      corpus: opts.corpus,
      build: !opts['no-build'],
      replay: !opts['no-replay'],
      examples: !opts['no-examples'],
      timeoutMs: Number(opts.timeout) * 1000,
    });
  }
}
