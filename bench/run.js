// npm run bench: whole-process wall time of expand-contract, squawk and pgfence on the same inputs (each corpus
// history, the whole corpus, one generated file of 10,000 statements), then expand-contract alone on generated
// files of growing size to show the cost per statement stays flat.
//
//   node bench/run.js [--runs 5] [--warmup 1] [--statements 10000] [--sizes 100,1000,10000]
//                     [--only NAME,NAME] [--tools expand-contract,squawk,...] [--no-corpus]
//                     [--timeout SECONDS] [--corpus DIR] [--out FILE] [--no-plan] [--no-build] [--no-action]
//                     [--no-backfill] [--backfill-rows 1000000] [--no-estimate]
//
// Every figure is the median of --runs runs after --warmup runs, each a fresh process started with spawnSync
// and its output read through a pipe, so process start, module loading and printing the report all count.
// The tools run in rounds (each once per round) so a change in the machine's load hits them alike; the CPU
// time of each run (user + system, all threads) is shown beside the wall time, as it is steadier on a busy
// machine. The competitors get the files expand-contract analysed for that input (its report's `files`), so a
// history's down or revert scripts, which we leave out, are left out for them too. A tool that stops at the
// first file it cannot parse (pgfence) is timed without the files it rejects, and its row says so.
//
// Then the planner's figures (bench/plan.js, the library compiled by `npm run build` into build/): replay
// throughput on PGlite per history, cold and through the replay cache, and the time and memory to plan and
// prove examples/split-name and examples/rename-column. --no-plan leaves them out; --no-build uses build/ as is.
// Then the Action on a pull request (bench/action.ts) and the scheduled contract run (bench/schedule.ts):
// wall time and API requests; --no-action leaves them out.
// Then the backfill on the real server (bench/backfill.ts: $TEST_DATABASE_URL, $DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/test; skipped with a note when none is reachable): the single UPDATE
// and the batched runner on --backfill-rows rows while concurrent writers update the same table, with
// their total times and the writers' latencies; --no-backfill leaves it out.
// Then the lock-duration estimate beside the measured time on the same server (bench/estimate.ts: a table
// rewrite, an index build and SET NOT NULL on 1,000,000 rows; goal within 2x either way); --no-estimate
// leaves it out.
//
// $EXPAND_CONTRACT_BIN measures another build of the CLI; $EXPAND_CONTRACT_CORPUS (or --corpus) another corpus.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, platform, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { loadModule, parseSync } from 'libpg-query';
import { writeMigration } from './generate.js';
import { planBench } from './plan.js';
import {
  BIN,
  REPO,
  checkArgv,
  corpusRoot,
  failure,
  fromRepo,
  median,
  presentHistories,
  requireBundle,
  run,
  sqlFilesUnder,
  table,
} from './lib.js';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    statements: { type: 'string', default: '10000' },
    sizes: { type: 'string', default: '100,1000,10000' },
    only: { type: 'string' },
    tools: { type: 'string' },
    'no-corpus': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '300' },
    corpus: { type: 'string' },
    out: { type: 'string' },
    'no-plan': { type: 'boolean', default: false },
    'no-action': { type: 'boolean', default: false },
    'no-backfill': { type: 'boolean', default: false },
    'backfill-rows': { type: 'string', default: '1000000' },
    'no-estimate': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  process.stdout.write(
    'Usage: node bench/run.js [--runs 5] [--warmup 1] [--statements 10000] [--sizes 100,1000,10000]\n' +
      '                         [--only NAME,NAME] [--tools expand-contract,squawk,squawk-shim,pgfence] [--no-corpus]\n' +
      '                         [--timeout SECONDS] [--corpus DIR] [--out FILE] [--no-plan] [--no-build]\n' +
      '                         [--no-action] [--no-backfill] [--backfill-rows 1000000] [--no-estimate]\n',
  );
  process.exit(0);
}
requireBundle();
await loadModule();

const RUNS = positive('--runs', opts.runs);
const WARMUP = Number(opts.warmup);
const TIMEOUT_MS = positive('--timeout', opts.timeout) * 1000;
const require = createRequire(import.meta.url);

/**
 * The tools. `argv(input)` gets { paths: what a user would name, files: the analysed .sql files }.
 * squawk is timed twice: its Rust binary itself (the fair floor), and through the Node launcher npm installs
 * as node_modules/.bin/squawk (what `npx squawk` and package scripts run).
 */
const TOOLS = [
  {
    name: 'expand-contract',
    resolve: () => BIN,
    argv: (input) => checkArgv(input.paths),
    version: () => run([process.execPath, BIN, '--version']).stdout.trim(),
  },
  {
    name: 'squawk',
    resolve: () => require('squawk-cli/js/index.js').getBinaryPath(),
    argv: (input, bin) => [bin, '--reporter', 'json', ...input.files],
    version: (bin) => run([bin, '--version']).stdout.trim(),
  },
  {
    name: 'squawk-shim',
    label: 'squawk (npm .bin shim)',
    resolve: () => {
      const shim = join(dirname(require.resolve('squawk-cli/package.json')), 'js', 'bin', 'squawk');
      require('squawk-cli/js/index.js').getBinaryPath();
      return shim;
    },
    argv: (input, shim) => [process.execPath, shim, '--reporter', 'json', ...input.files],
  },
  {
    name: 'pgfence',
    resolve: () => {
      const pkg = require.resolve('@flvmnt/pgfence/package.json');
      const main = join(dirname(pkg), require(pkg).bin.pgfence);
      if (!existsSync(main)) throw new Error(`${main} not found`);
      return main;
    },
    argv: (input, main) => [process.execPath, main, 'analyze', '--output', 'json', ...input.files],
    version: (main) => run([process.execPath, main, '--version']).stdout.trim(),
  },
];

const wanted = opts.tools ? new Set(opts.tools.split(',').map((s) => s.trim())) : undefined;
const tools = [];
for (const tool of TOOLS) {
  if (wanted && !wanted.has(tool.name) && tool.name !== 'expand-contract') continue;
  try {
    const path = tool.resolve();
    const version = tool.version ? tool.version(path) : '';
    tools.push({ ...tool, path, label: tool.label ?? tool.name, version });
  } catch (error) {
    console.log(
      `${tool.name}: not available, left out (${error instanceof Error ? error.message.split('\n')[0] : error})`,
    );
  }
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `node ${process.version}, ${platform()} ${release()}, ${cpus().length} x ${cpus()[0]?.model ?? '?'}; ` +
    `median of ${RUNS} after ${WARMUP} warm-up; load average ${load()}`,
);
if (loadavg()[0] > cpus().length / 2) {
  console.log('note: the machine is busy (load average above half the cores): figures will be noisy.');
}
console.log(
  `tools: ${tools.map((t) => `${t.label}${t.version ? ` ${t.version.replace(/^\S+\s/, '')}` : ''}`).join(', ')}\n`,
);

const temp = [];
const reported = new Set();
const results = [];
const baselines = [];
const linearity = [];
try {
  // Inputs: each history, the whole corpus, one large generated file.
  const inputs = [];
  const root = corpusRoot(opts.corpus);
  if (opts['no-corpus']) {
    console.log('corpus left out (--no-corpus)');
  } else if (!existsSync(root)) {
    console.log(`corpus left out: ${root} not found (it lives in ../shared/corpus beside the repository)`);
  } else {
    const histories = presentHistories(root, opts.only);
    for (const h of histories) inputs.push({ name: h.name, paths: h.paths.map(fromRepo), dirs: h.paths });
    if (histories.length > 1) {
      inputs.push({
        name: 'whole corpus',
        paths: inputs.flatMap((i) => i.paths),
        dirs: histories.flatMap((h) => h.paths),
      });
    }
  }
  const big = Number(opts.statements);
  if (big > 0) {
    const file = writeMigration(big);
    temp.push(dirname(file));
    inputs.push({ name: `generated ${big}`, paths: [file], dirs: [file], statements: big });
  }

  for (const input of inputs) {
    // Ours first: its report says which files it analysed and how many statements it found.
    const ours = tools.find((t) => t.name === 'expand-contract');
    const first = run(ours.argv(input), { timeoutMs: TIMEOUT_MS });
    const why = failure(first);
    let report;
    if (!why) {
      try {
        report = JSON.parse(first.stdout);
      } catch {
        report = undefined;
      }
    }
    input.files = report?.files?.length
      ? report.files.map((f) => f.path)
      : sqlFilesUnder(input.dirs).map(fromRepo);
    const counted = report?.files?.reduce((n, f) => n + f.statements, 0);
    input.statements ??= counted;
    input.counted = counted;
    if (counted !== undefined && counted !== input.statements) {
      console.log(`  note: expand-contract counted ${counted} statements in ${input.name}`);
    }
    if (why) console.log(`expand-contract failed on ${input.name}, competitors get every .sql file: ${why}`);

    // Each tool once untimed: a tool that stops at the first file it cannot parse (pgfence) is retried
    // without the files it rejects, found by bisection, and its row says how many were left out.
    const entries = [];
    for (const tool of tools) {
      const entry = { tool, files: input.files, argv: tool.argv(input, tool.path) };
      const probe = run(entry.argv, { timeoutMs: TIMEOUT_MS });
      const problem = failure(probe);
      if (problem && tool.name !== 'expand-contract' && input.files.length > 1) {
        const bad = rejectedFiles(tool, input);
        if (bad) {
          entry.files = input.files.filter((f) => !bad.includes(f));
          entry.argv = tool.argv({ ...input, files: entry.files }, tool.path);
          entry.leftOut = bad;
          const known = bad.every((f) => reported.has(f));
          console.log(
            `  ${tool.label} fails on ${input.name} (${oneLine(problem)}); timed without ${bad.length} file(s)` +
              (known ? ', listed above' : ':'),
          );
          for (const f of bad) if (!known) console.log(`      ${f}`);
          for (const f of bad) reported.add(f);
        } else {
          entry.error = oneLine(problem);
        }
      } else if (problem) {
        entry.error = oneLine(problem);
      }
      entries.push(entry);
    }
    // Rounds: every tool once per round, so a change in the machine's load hits all of them alike.
    const timed = timeInRounds(entries.filter((e) => !e.error));
    for (const entry of entries) {
      const timing = entry.error ? { error: entry.error } : timed.find((t) => t.tool === entry.tool);
      const { error, median, min, max, cpu, times } = timing;
      results.push({
        tool: entry.tool.label,
        input: input.name,
        files: entry.files.length,
        statements: input.statements,
        ...(entry.leftOut ? { leftOut: entry.leftOut } : {}),
        ...(error ? { error } : { median, min, max, cpu, times }),
      });
      const line = timing.error
        ? `failed: ${timing.error}`
        : `${fmt(timing.median)} s (min ${fmt(timing.min)}, max ${fmt(timing.max)})` +
          (timing.cpu === undefined ? '' : `, cpu ${fmt(timing.cpu)} s`);
      console.log(`  ${input.name.padEnd(18)} ${entry.tool.label.padEnd(24)} ${line}`);
    }
  }

  // Fixed costs (an empty Node process; our CLI printing its version: start + bundle load) and linearity
  // (expand-contract on 100, 1,000, 10,000 ... generated statements), timed in rounds like the tools above.
  const sizes = opts.sizes.split(',').map((s) => positive('--sizes', s));
  const group = [
    { kind: 'baseline', name: 'node -e ""', argv: [process.execPath, '-e', ''] },
    { kind: 'baseline', name: 'expand-contract --version', argv: [process.execPath, BIN, '--version'] },
    ...sizes.map((size) => {
      const file = writeMigration(size);
      temp.push(dirname(file));
      return { kind: 'size', statements: size, argv: checkArgv([file]) };
    }),
  ];
  for (const entry of timeInRounds(group)) {
    const { kind, argv: _argv, ...rest } = entry;
    if (kind === 'baseline') baselines.push(rest);
    else linearity.push(rest);
  }
} finally {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
}

// The comparison table.
const ourTime = new Map(
  results.filter((r) => r.tool === 'expand-contract' && !r.error).map((r) => [r.input, r.median]),
);
const rows = results.map((r) => [
  r.tool,
  r.input,
  r.leftOut ? `${r.files} of ${r.files + r.leftOut.length}` : r.files,
  r.statements ?? '?',
  r.error ? 'failed' : fmt(r.median),
  r.error || r.cpu === undefined ? '-' : fmt(r.cpu),
  r.error || !r.statements || r.leftOut ? '-' : Math.round(r.statements / r.median).toLocaleString('en-US'),
  r.error || !ourTime.has(r.input) ? '-' : `${(r.median / ourTime.get(r.input)).toFixed(2)}x`,
]);
console.log(
  `\n${table(['tool', 'input', 'files', 'statements', 'median s', 'cpu s', 'statements/s', 'time vs ours'], rows, 2)}`,
);
console.log(
  '(statements: as counted by expand-contract, or generated; time vs ours > 1.00x means slower than expand-contract;\n' +
    ' "N of M" files: the tool stopped at files it could not parse and was timed without them;\n' +
    ' cpu s: user + system time of the process and its threads, less disturbed by a busy machine than wall time)',
);
for (const r of results.filter((x) => x.error)) console.log(`${r.tool} on ${r.input} failed: ${r.error}`);

console.log(
  `\n${table(
    ['fixed cost', 'median s', 'cpu s'],
    baselines.map((b) => [
      b.name,
      b.error ? 'failed' : fmt(b.median),
      b.cpu === undefined ? '-' : fmt(b.cpu),
    ]),
  )}`,
);

const start = baselines.find((b) => b.name.startsWith('expand-contract'))?.median;
const linRows = linearity.map((l, i) => {
  if (l.error) return [l.statements.toLocaleString('en-US'), 'failed', '-', '-', '-', '-'];
  const prev = linearity[i - 1];
  const marginal =
    prev && !prev.error ? ((l.median - prev.median) * 1e6) / (l.statements - prev.statements) : undefined;
  return [
    l.statements.toLocaleString('en-US'),
    fmt(l.median),
    l.cpu === undefined ? '-' : fmt(l.cpu),
    ((l.median * 1e6) / l.statements).toFixed(1),
    start !== undefined ? (((l.median - start) * 1e6) / l.statements).toFixed(1) : '-',
    marginal !== undefined ? marginal.toFixed(1) : '-',
  ];
});
console.log(
  `\n${table(['generated statements', 'median s', 'cpu s', 'µs/statement', 'µs/statement past start', 'µs/added statement'], linRows)}`,
);
console.log(
  '(past start: minus `expand-contract --version`; added: the extra time over the previous size, per extra statement)',
);
for (const l of linearity.filter((x) => x.error))
  console.log(`${l.statements} statements failed: ${l.error}`);

// The planner: replay on PGlite and plan + proof (bench/plan.js); a failure there is a line, never a crash.
let planner;
if (!opts['no-plan']) {
  try {
    planner = await planBench({
      only: opts.only,
      corpus: opts.corpus,
      build: !opts['no-build'],
      replay: !opts['no-corpus'],
      timeoutMs: TIMEOUT_MS * 4,
    });
  } catch (error) {
    console.log(`planner figures failed: ${error instanceof Error ? error.message : error}`);
  }
}

// The Action on a pull request (bench/action.ts) and the scheduled contract run (bench/schedule.ts), through
// tsx: wall time and API requests per run.
if (!opts['no-action']) {
  for (const script of ['action.ts', 'schedule.ts']) {
    const action = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'bench', script)], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: TIMEOUT_MS * 60,
    });
    process.stdout.write(action.stdout ?? '');
    if (action.status !== 0)
      console.log(`bench/${script} failed: ${(action.stderr ?? '').trim().split('\n').pop()}`);
  }
}

// The backfill on the real server (bench/backfill.ts), through tsx, its report printed as it goes; no
// reachable server: it prints a note and exits 0.
if (!opts['no-backfill']) {
  const rows = String(positive('--backfill-rows', opts['backfill-rows']));
  const backfill = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO, 'bench', 'backfill.ts'), '--rows', rows],
    { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'], timeout: TIMEOUT_MS * 60 },
  );
  if (backfill.status !== 0)
    console.log(
      `bench/backfill.ts failed: ${(backfill.stderr ?? '').trim().split('\n').pop() || backfill.signal || backfill.status}`,
    );
}

// The lock-duration estimate beside the measured time (bench/estimate.ts), through tsx, printed as it goes; no
// reachable server: it prints a note and exits 0.
if (!opts['no-estimate']) {
  const estimate = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'bench', 'estimate.ts')], {
    cwd: REPO,
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: TIMEOUT_MS * 60,
  });
  if (estimate.status !== 0)
    console.log(
      `bench/estimate.ts failed: ${(estimate.stderr ?? '').trim().split('\n').pop() || estimate.signal || estimate.status}`,
    );
}

console.log(`\nload average at the end: ${load()}`);

if (opts.out) {
  const out = resolve(process.cwd(), opts.out);
  const data = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${platform()} ${release()}`,
    cpu: `${cpus().length} x ${cpus()[0]?.model ?? '?'}`,
    loadAverageAtEnd: loadavg(),
    runs: RUNS,
    warmup: WARMUP,
    tools: tools.map((t) => ({ name: t.label, version: t.version })),
    results,
    baselines,
    linearity,
    ...(planner ? { planner } : {}),
  };
  writeFileSync(out, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
}
if (existsSync(join(REPO, 'bench', 'results.json')) && !opts.out) {
  console.log(
    '\nnote: bench/results.json exists in the repository; results are only written with --out FILE.',
  );
}

/**
 * Times each entry's argv: WARMUP rounds, then RUNS rounds, each round running every entry once (so a change
 * in the machine's load hits all entries alike). An entry that fails once is dropped with its error.
 */
function timeInRounds(entries) {
  const state = entries.map(() => ({ times: [], cpu: [], error: undefined }));
  for (let round = 0; round < WARMUP + RUNS; round++) {
    entries.forEach((entry, k) => {
      if (state[k].error) return;
      const result = run(entry.argv, { timeoutMs: TIMEOUT_MS });
      const why = failure(result);
      if (why) state[k].error = oneLine(why);
      else if (round >= WARMUP) {
        state[k].times.push(result.ms);
        state[k].cpu.push(result.cpuMs);
      }
    });
  }
  return entries.map((entry, k) => ({
    ...entry,
    ...(state[k].error ? { error: state[k].error } : summarize(state[k].times, state[k].cpu)),
  }));
}

/** Seconds: median, min and max wall time, and median CPU time (undefined where /proc is not there). */
function summarize(times, cpu) {
  return {
    median: median(times) / 1000,
    min: Math.min(...times) / 1000,
    max: Math.max(...times) / 1000,
    cpu: cpu.every((c) => c !== undefined) ? median(cpu) / 1000 : undefined,
    times,
  };
}

/**
 * The files a tool fails on, found by bisection (a handful of runs for a few bad files among hundreds), or
 * undefined when the failure does not come from single files or the search would take too many runs.
 */
function rejectedFiles(tool, input) {
  let probes = 0;
  const fails = (files) => {
    probes += 1;
    return failure(run(tool.argv({ ...input, files }, tool.path), { timeoutMs: TIMEOUT_MS })) !== undefined;
  };
  const search = (files) => {
    if (probes > 200) return undefined;
    if (files.length === 1) return files;
    const half = Math.ceil(files.length / 2);
    const out = [];
    for (const part of [files.slice(0, half), files.slice(half)]) {
      if (!fails(part)) continue;
      const found = search(part);
      if (!found) return undefined;
      out.push(...found);
    }
    return out;
  };
  // Files it rejected in an earlier input (the whole corpus repeats the histories) are tried first, then
  // the files PostgreSQL's parser rejects as a whole (down sections, psql variables), then bisection.
  tool.rejected ??= new Set();
  const known = input.files.filter((f) => tool.rejected.has(f));
  if (known.length > 0 && !fails(input.files.filter((f) => !tool.rejected.has(f)))) return known;
  const unparsable = input.files.filter((f) => !parses(readFileSync(resolve(REPO, f), 'utf8')));
  if (unparsable.length > 0 && unparsable.length < input.files.length) {
    if (!fails(input.files.filter((f) => !unparsable.includes(f)))) {
      for (const f of unparsable) tool.rejected.add(f);
      return unparsable;
    }
  }
  const bad = search(input.files);
  if (!bad || bad.length === 0 || bad.length === input.files.length) return undefined;
  const rest = input.files.filter((f) => !bad.includes(f));
  if (fails(rest)) return undefined;
  for (const f of bad) tool.rejected.add(f);
  return bad;
}

/** True when libpg-query (loaded at start) parses the text as a whole. */
function parses(sql) {
  try {
    parseSync(sql);
    return true;
  } catch {
    return false;
  }
}

function oneLine(why) {
  return why
    .split('\n')
    .slice(0, 2)
    .map((l) => l.trim())
    .join(' ');
}

function fmt(seconds) {
  return seconds.toFixed(3);
}

function positive(name, value) {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`${name} ${value} must be a positive number`);
    process.exit(2);
  }
  return n;
}
