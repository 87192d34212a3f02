// Shared by bench/corpus.js and bench/run.js: where the corpus and the CLI are, and how to run a process.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const REPO = dirname(dirname(fileURLToPath(import.meta.url)));
/** The CLI to measure: bin/expand-contract.js, or $EXPAND_CONTRACT_BIN (another build, to compare two). */
export const BIN = process.env.EXPAND_CONTRACT_BIN
  ? resolve(process.env.EXPAND_CONTRACT_BIN)
  : join(REPO, 'bin', 'expand-contract.js');
export const BUNDLE = join(REPO, 'dist', 'cli.js');

/** The migration histories of ../shared/corpus (see its README): the folders to give the CLI, relative to it. */
export const HISTORIES = [
  { name: 'upchieve-subway', framework: 'dbmate', paths: ['upchieve-subway/database/migrations'] },
  {
    name: 'dependency-track',
    framework: 'flyway',
    paths: [
      'dependency-track/migration/src/main/resources/org/dependencytrack/migration',
      'dependency-track/dex/engine-migration/src/main/resources/org/dependencytrack/dex/engine/migration',
    ],
  },
  { name: 'opentdf-platform', framework: 'goose', paths: ['opentdf-platform/service/policy/db/migrations'] },
  {
    name: 'pocket-id',
    framework: 'golang-migrate',
    paths: ['pocket-id/backend/resources/migrations/postgres'],
  },
  { name: 'simstudio-sim', framework: 'drizzle', paths: ['simstudio-sim/packages/db/migrations'] },
  { name: 'chatbot-ui', framework: 'supabase', paths: ['chatbot-ui/supabase/migrations'] },
  { name: 'id3c', framework: 'sqitch', paths: ['id3c/schema'] },
];

/** The corpus folder: --corpus, else $EXPAND_CONTRACT_CORPUS, else ../shared/corpus beside the repository. */
export function corpusRoot(option) {
  return resolve(REPO, option ?? process.env.EXPAND_CONTRACT_CORPUS ?? join('..', 'shared', 'corpus'));
}

/** Histories present under `root`, with absolute paths; prints the ones that are missing. */
export function presentHistories(root, only) {
  const wanted = only ? new Set(only.split(',').map((s) => s.trim())) : undefined;
  if (wanted) {
    const unknown = [...wanted].filter((n) => !HISTORIES.some((h) => h.name === n));
    if (unknown.length > 0) {
      throw new Error(
        `unknown history ${unknown.join(', ')}; known: ${HISTORIES.map((h) => h.name).join(', ')}`,
      );
    }
  }
  const out = [];
  for (const h of HISTORIES) {
    if (wanted && !wanted.has(h.name)) continue;
    const paths = h.paths.map((p) => join(root, p));
    const missing = paths.filter((p) => !existsSync(p));
    if (missing.length > 0) {
      console.log(`skipping ${h.name}: ${missing.map((p) => relative(REPO, p)).join(', ')} not found`);
      continue;
    }
    out.push({ ...h, paths });
  }
  return out;
}

/** Every .sql file under the given folders (or the files themselves), sorted. */
export function sqlFilesUnder(paths) {
  const out = [];
  const walk = (p) => {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p)) walk(join(p, name));
    } else if (p.endsWith('.sql')) {
      out.push(p);
    }
  };
  for (const p of paths) walk(p);
  return out.sort();
}

/** Paths as a person would type them from the repository root (shorter command lines, readable output). */
export function fromRepo(p) {
  return relative(REPO, p) || '.';
}

/**
 * CPU time (user + system, ms) used so far by this process's finished children, from /proc/self/stat
 * (Linux only; undefined elsewhere). Ticks are 10 ms on most systems, so it is coarse for short runs.
 */
let ticksPerSecond;
function childrenCpuMs() {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5), cutime and cstime; `fields` starts at field 3.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/**
 * Runs a command to completion, capturing its output; `ms` is the whole-process wall time and `cpuMs` the
 * CPU time it used (all its threads), which a busy machine disturbs less than wall time.
 */
export function run(argv, { timeoutMs = 300_000, cwd = REPO } = {}) {
  const [command, ...args] = argv;
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: timeoutMs,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuAfter = childrenCpuMs();
  const cpuMs = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
  return {
    cpuMs,
    status: result.status,
    signal: result.signal,
    error: result.error,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    ms,
  };
}

/** Why a run failed, or undefined when it exited with one of `okCodes`. */
export function failure(result, okCodes = [0, 1]) {
  if (result.error) return result.error.code === 'ETIMEDOUT' ? 'timed out' : result.error.message;
  if (result.signal) return `killed by ${result.signal}`;
  if (!okCodes.includes(result.status)) {
    const err = result.stderr.trim().split('\n').slice(0, 8).join('\n    ');
    return `exit code ${result.status}${err ? `:\n    ${err}` : ''}`;
  }
  return undefined;
}

/** The argv that runs our CLI's check. */
export function checkArgv(paths, extra = []) {
  return [process.execPath, BIN, 'check', ...paths, '--format', 'json', '--fail-on', 'never', ...extra];
}

/** Exits with a message when the committed bundle is not there yet. */
export function requireBundle() {
  if (process.env.EXPAND_CONTRACT_BIN) {
    if (!existsSync(BIN)) {
      console.error(`$EXPAND_CONTRACT_BIN: ${BIN} not found.`);
      process.exit(1);
    }
    return;
  }
  if (!existsSync(BUNDLE)) {
    console.error(`${fromRepo(BUNDLE)} is missing: build it with \`npm run bundle\` first.`);
    process.exit(1);
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A plain-text table: the first `left` columns left-aligned, the rest right-aligned. */
export function table(header, rows, left = 1) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i < left ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
