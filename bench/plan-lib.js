// Shared by bench/plan.js and bench/corpus-plan.js: builds the library (`npm run build`, tsc into build/),
// imports it from there, and runs one measurement in a child process so a crash (a WASM abort, an
// out-of-memory kill) costs one line of the report, not the run, and each child's peak RSS is its own.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { setTimeout, clearTimeout } from 'node:timers';
import { pathToFileURL } from 'node:url';
import { REPO } from './lib.js';

export const BUILD = join(REPO, 'build');
/** What a child writes on stdout before its JSON result (anything else on stdout is ignored). */
export const RESULT_MARK = '@@bench-result ';

/**
 * Runs `npm run build` (tsc -p tsconfig.build.json -> build/). Returns undefined on success, else why it
 * failed (the first lines of tsc's output). `skip` (--no-build) uses build/ as it is.
 */
export function buildLibrary({ skip = false } = {}) {
  if (skip)
    return existsSync(join(BUILD, 'engine.js')) ? undefined : `${BUILD} is missing (run npm run build)`;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build'], { cwd: REPO, encoding: 'utf8' });
  if (result.error) return `npm run build: ${result.error.message}`;
  if (result.status !== 0) {
    const out = `${result.stdout ?? ''}\n${result.stderr ?? ''}`
      .split('\n')
      .filter((l) => l.trim() && !/^npm warn/i.test(l))
      .slice(0, 6)
      .join('\n    ');
    return `npm run build failed (exit ${result.status}):\n    ${out}`;
  }
  return undefined;
}

/** The compiled library's modules the benchmarks use (from build/, never src/). */
export async function loadLibrary() {
  const load = (path) => import(pathToFileURL(join(BUILD, path)).href);
  const [discover, engine, replay, replayHistory, pglite, planner, verify, parse, version] =
    await Promise.all([
      load('discover/index.js'),
      load('engine.js'),
      load('catalog/replay.js'),
      load('catalog/replay-history.js'),
      load('db/pglite.js'),
      load('plan/planner.js'),
      load('verify/verify.js'),
      load('parse/index.js'),
      load('version.js'),
    ]);
  return {
    discoverPaths: discover.discoverPaths,
    analyzeDetailed: engine.analyzeDetailed,
    DEFAULT_OPTIONS: engine.DEFAULT_OPTIONS,
    replayHistory: replay.replayHistory,
    historyExtensions: replay.historyExtensions,
    replayNotice: replay.replayNotice,
    openHistory: replayHistory.openHistory,
    historyCatalog: replayHistory.historyCatalog,
    openPglite: pglite.openPglite,
    pgliteHasExtension: pglite.pgliteHasExtension,
    planMigration: planner.planMigration,
    verifyPlan: verify.verifyPlan,
    runOriginal: verify.runOriginal,
    proveAgainst: verify.proveAgainst,
    loadParser: parse.loadParser,
    parseFile: parse.parseFile,
    VERSION: version.VERSION,
  };
}

/** Every migration file of a history's folders, in the order its framework runs them. */
export async function historyFiles(lib, paths) {
  const found = await lib.discoverPaths(paths, {}, REPO);
  return [...found.history, ...found.releases.flat()];
}

/** Options the planner runs with in the benchmarks (the CLI's defaults). */
export const PLAN_OPTIONS = { postgresVersion: 16, contractAfterDays: 7 };

/**
 * Runs `node <script> ...args` and collects the JSON its child side prints after RESULT_MARK. Resolves
 * { result } or { error } (exit code, signal or timeout, with the last lines of stderr); never rejects.
 * `echo` forwards the child's stderr (its progress lines) as they come.
 */
export function runChild(script, args, { timeoutMs = 1_800_000, echo = false } = {}) {
  return new Promise((resolvePromise) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [script, ...args], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr = (stderr + d).slice(-20_000);
      if (echo) process.stderr.write(d);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const finish = (code, signal, spawnError) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
      let result;
      if (line) {
        try {
          result = JSON.parse(line.slice(RESULT_MARK.length));
        } catch {
          result = undefined;
        }
      }
      const tail = stderr
        .trim()
        .split('\n')
        .filter((l) => l.trim())
        .slice(-4)
        .join(' | ');
      let error;
      if (spawnError) error = spawnError.message;
      else if (timedOut) error = `timed out after ${timeoutMs / 1000} s`;
      else if (signal) error = `killed by ${signal}${tail ? `: ${tail}` : ''}`;
      else if (code !== 0 || !result) error = `exit code ${code}${tail ? `: ${tail}` : ', no result'}`;
      resolvePromise({ result, error, ms });
    };
    child.on('error', (e) => finish(null, null, e));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** The child side: prints the result for runChild. */
export function emitResult(value) {
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(value)}\n`);
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMb() {
  return process.resourceUsage().maxRSS / 1024;
}

/** The first line of an error, for a report line. */
export function errorLine(e) {
  const text = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return text.split('\n')[0];
}

/** Milliseconds since `start` (a process.hrtime.bigint()). */
export function since(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A one-line excerpt of a statement. */
export function excerpt(sql, max = 80) {
  const first = (sql ?? '').trim().split('\n')[0] ?? '';
  return first.length > max || (sql ?? '').trim().includes('\n') ? `${first.slice(0, max)}...` : first;
}
