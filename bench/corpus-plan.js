// npm run corpus -- --plan (bench/corpus.js hands over to corpusPlan): for every history of the corpus, every
// file with at least one unsuppressed finding of severity 'error' is planned with planMigration against the
// files before it (history = the earlier files, release = that file), and the plan is proven like verifyPlan
// does (the original migration on one database, the plan's phases on another, same history and sample rows).
//
//   node bench/corpus.js --plan [--only NAME,NAME] [--limit N] [--jobs N] [--budget MINUTES] [--no-prove]
//                               [--no-build] [--corpus DIR] [--verbose]
//
// Prints per history: files with error findings, those findings (and how many are `breaking`), the ones a
// recipe of the plan answers vs the unplanned ones (by plan.unplanned[].reason), plans proven, plans failing
// their proof (file and first difference: planner bugs), proofs not possible because the history does not
// replay on PGlite; then the totals. Exit 1 when planMigration throws (the file is named), or a history's
// child process crashes; a failing proof is reported, not a failure of the run.
//
// Cost: every PGlite takes ~2-4 s and ~760 MB. Instead of replaying the earlier files from empty twice per
// file (runOriginal and proveAgainst each replay their history), one database per history replays the files
// in order up to the file planned, its data directory is dumped, and both sides of the proof start from that
// dump (verify's `open` with an empty `history`): two PGlite starts per file, no replay. A history the
// incremental replay cannot take further is replayed once from empty to confirm before it is declared not
// to replay. --limit N plans the first N files of each history only (--skip N leaves out the first N, to
// resume a run); --jobs N runs N histories at once (each
// in its own child process, smallest first; default 1); --budget MINUTES stops starting proofs after that long
// (the files left are still planned, counted as "not proven: out of time", and the full run's time is
// projected); --no-prove plans without proving (a minute or two for the whole corpus).
import { existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corpusRoot, fromRepo, presentHistories, sqlFilesUnder, table } from './lib.js';
import {
  PLAN_OPTIONS,
  buildLibrary,
  emitResult,
  errorLine,
  historyFiles,
  loadLibrary,
  peakRssMb,
  runChild,
  since,
} from './plan-lib.js';

const SELF = fileURLToPath(import.meta.url);

/** Runs the plan pass over the corpus and prints it; returns the exit code. */
export async function corpusPlan(opts) {
  const root = corpusRoot(opts.corpus);
  if (!existsSync(root)) {
    console.log(
      `corpus plans skipped: ${root} not found (the corpus lives in ../shared/corpus beside the repository).`,
    );
    return 0;
  }
  const built = buildLibrary({ skip: Boolean(opts['no-build']) });
  if (built) {
    console.log(`cannot plan: ${built}`);
    return 1;
  }
  const limit = opts.limit === undefined ? undefined : Number(opts.limit);
  const jobs = Math.max(1, Number(opts.jobs ?? 1) || 1);
  const prove = !opts['no-prove'];
  const budgetMs = opts.budget === undefined ? undefined : Number(opts.budget) * 60_000;
  // Smallest first (by .sql files): with --jobs and --budget the small histories finish, the large ones are cut.
  const histories = presentHistories(root, opts.only)
    .map((h) => ({ ...h, size: sqlFilesUnder(h.paths).length }))
    .sort((a, b) => a.size - b.size);
  console.log(
    `plans${prove ? ' and proofs' : ''} over ${histories.length} histories` +
      `${limit !== undefined ? `, the first ${limit} planned files of each` : ''}, ${jobs} at a time` +
      `${budgetMs !== undefined ? `, no proof started after ${opts.budget} min` : ''} ` +
      '(library from build/; progress on stderr)',
  );

  const start = process.hrtime.bigint();
  const deadline = budgetMs !== undefined ? Date.now() + budgetMs : undefined;
  const results = new Array(histories.length);
  let next = 0;
  const worker = async () => {
    while (next < histories.length) {
      const k = next++;
      const h = histories[k];
      const args = [
        '--child',
        '--history',
        h.name,
        ...h.paths.flatMap((p) => ['--path', p]),
        ...(limit !== undefined ? ['--limit', String(limit)] : []),
        ...(opts.skip !== undefined ? ['--skip', String(opts.skip)] : []),
        ...(prove ? [] : ['--no-prove']),
        ...(deadline !== undefined ? ['--deadline', String(deadline)] : []),
      ];
      const { result, error, ms } = await runChild(SELF, args, { timeoutMs: 3 * 3_600_000, echo: true });
      results[k] = error ? { history: h.name, crashed: error, ms } : result;
      printHistory(results[k], Boolean(opts.verbose));
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, histories.length) }, worker));
  const wallMs = since(start);
  return printTotals(results, wallMs, prove, limit);
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function printHistory(r, verbose) {
  if (r.crashed) {
    console.log(`\n${r.history}: the run crashed after ${(r.ms / 1000).toFixed(1)} s: ${r.crashed}`);
    return;
  }
  const t = tally([r]);
  console.log(
    `\n${r.history}: ${r.files} files, ${r.candidates} with error findings` +
      `${r.limited ? ` (${r.records.length} planned${r.skipped ? `, the first ${r.skipped} skipped (--skip)` : ''}${r.records.length < r.candidates - r.skipped ? ' (--limit)' : ''})` : ''}; ` +
      `${t.findings} error findings (${t.breaking} breaking): ${t.answered} with a recipe, ${t.unplanned} unplanned` +
      `${t.unaccounted ? `, ${t.unaccounted} neither (not in recipes nor unplanned)` : ''}; ` +
      `${plural(t.plans, 'plan')}, ${t.proven} proven, ${t.failed} failed proof, ${t.notProven} not proven, ${t.notProvable} not provable` +
      `${t.outOfTime ? `, ${t.outOfTime} not proven (out of time)` : ''}; ` +
      `${(r.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(r.peakRssMb)} MB`,
  );
  if (t.reasons.size > 0) {
    const top = [...t.reasons].sort((a, b) => b[1] - a[1]);
    const shown = verbose ? top : top.slice(0, 8);
    console.log(`  unplanned by reason:`);
    for (const [reason, n] of shown) console.log(`    ${String(n).padStart(4)}  ${reason}`);
    if (shown.length < top.length)
      console.log(`    (${top.length - shown.length} more reasons; --verbose shows all)`);
  }
  for (const rec of r.records) {
    if (rec.crash) console.log(`  PLANNER CRASH ${rec.file}: ${rec.crash}`);
    if (rec.status === 'failed')
      console.log(`  FAILED PROOF ${rec.file} [${rec.failKind}]: ${rec.differences[0]}`);
    if (verbose && rec.status === 'proven')
      console.log(`  proven ${rec.file} (${rec.recipes.join(', ') || 'no recipe'})`);
  }
  if (r.broken) {
    const n = r.records.filter((x) => x.status === 'not-provable' && !x.selfFails).length;
    console.log(
      `  not provable: the history does not replay on PGlite from ${r.broken} (${plural(n, 'plan')} after it)`,
    );
  }
  for (const rec of r.records.filter((x) => x.selfFails))
    console.log(`  not provable: ${rec.file} itself does not run on PGlite: ${rec.selfFails}`);
}

/** Counts over histories' records. */
function tally(results) {
  const t = {
    files: 0,
    candidates: 0,
    findings: 0,
    breaking: 0,
    answered: 0,
    unplanned: 0,
    unaccounted: 0,
    plans: 0,
    crashes: 0,
    proven: 0,
    failed: 0,
    notProvable: 0,
    notProven: 0,
    notProvenKinds: new Map(),
    outOfTime: 0,
    proofMs: 0,
    proofs: 0,
    failKinds: new Map(),
    reasons: new Map(),
    rules: new Map(),
  };
  for (const r of results) {
    if (!r || r.crashed) continue;
    t.files += r.files;
    t.candidates += r.candidates;
    for (const rec of r.records) {
      t.findings += rec.findings;
      t.breaking += rec.breaking;
      if (rec.crash) {
        t.crashes++;
        continue;
      }
      t.plans++;
      t.answered += rec.answered;
      t.unplanned += rec.unplanned.length;
      t.unaccounted += rec.unaccounted;
      for (const u of rec.unplanned) {
        t.reasons.set(u.reason, (t.reasons.get(u.reason) ?? 0) + 1);
        t.rules.set(u.rule, (t.rules.get(u.rule) ?? 0) + 1);
      }
      if (rec.status === 'proven') t.proven++;
      else if (rec.status === 'failed') {
        t.failed++;
        t.failKinds.set(rec.failKind, (t.failKinds.get(rec.failKind) ?? 0) + 1);
      } else if (rec.status === 'not-provable') t.notProvable++;
      else if (rec.status === 'not-proven') {
        t.notProven++;
        t.notProvenKinds.set(rec.reason, (t.notProvenKinds.get(rec.reason) ?? 0) + 1);
      } else if (rec.status === 'out-of-time') t.outOfTime++;
      if (rec.ms !== undefined && (rec.status === 'proven' || rec.status === 'failed')) {
        t.proofMs += rec.ms;
        t.proofs++;
      }
    }
  }
  return t;
}

function printTotals(results, wallMs, prove, limit) {
  const t = tally(results);
  const crashedRuns = results.filter((r) => r?.crashed);
  console.log(
    `\n${table(
      [
        'history',
        'files',
        'planned',
        'error findings',
        'breaking',
        'with recipe',
        'unplanned',
        'proven',
        'failed proof',
        'not provable',
        'seconds',
      ],
      results.map((r) => {
        if (r.crashed)
          return [r.history, '-', 'crashed', '-', '-', '-', '-', '-', '-', '-', (r.ms / 1000).toFixed(1)];
        const x = tally([r]);
        return [
          r.history,
          r.files,
          x.plans,
          x.findings,
          x.breaking,
          x.answered,
          x.unplanned,
          x.proven,
          x.failed,
          x.notProvable,
          (r.ms / 1000).toFixed(1),
        ];
      }),
    )}`,
  );
  if (t.reasons.size > 0) {
    console.log('\nunplanned error findings by rule:');
    for (const [rule, n] of [...t.rules].sort((a, b) => b[1] - a[1]))
      console.log(`  ${String(n).padStart(4)}  ${rule}`);
    console.log('unplanned error findings by reason (top 20):');
    for (const [reason, n] of [...t.reasons].sort((a, b) => b[1] - a[1]).slice(0, 20))
      console.log(`  ${String(n).padStart(4)}  ${reason}`);
  }
  const failing = results.flatMap((r) => (r?.records ?? []).filter((x) => x.status === 'failed'));
  if (failing.length > 0) {
    console.log(`\nfailing proofs (${failing.length}):`);
    for (const rec of failing) console.log(`  ${rec.file} [${rec.failKind}]\n    ${rec.differences[0]}`);
  }
  const crashes = results.flatMap((r) => (r?.records ?? []).filter((x) => x.crash));
  if (crashes.length > 0) {
    console.log(`\nplanner crashes (${crashes.length}):`);
    for (const rec of crashes) console.log(`  ${rec.file}\n    ${rec.crash}`);
  }
  for (const r of crashedRuns) console.log(`\n${r.history}: the child process crashed: ${r.crashed}`);

  console.log(
    `\n${t.plans} plans, ${t.proven} proven, ${t.failed} failed proof, ${t.notProven} not proven, ${t.notProvable} not provable (history does not replay)` +
      `${t.outOfTime ? `, ${t.outOfTime} not proven (out of time)` : ''}${prove ? '' : ' (--no-prove: nothing proven)'}`,
  );
  if (t.notProven > 0)
    console.log(`not proven, by reason: ${[...t.notProvenKinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  if (t.failed > 0)
    console.log(`failed proofs by kind: ${[...t.failKinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(
    `${t.candidates} files with error findings in ${t.files} files; ${t.findings} error findings (${t.breaking} breaking), ` +
      `${t.answered} with a recipe, ${t.unplanned} unplanned${t.unaccounted ? `, ${t.unaccounted} neither` : ''}; ` +
      `${t.crashes} planner crash${t.crashes === 1 ? '' : 'es'}; wall time ${(wallMs / 1000).toFixed(1)} s` +
      `${limit !== undefined ? ` (--limit ${limit})` : ''}`,
  );
  if (t.proofs > 0) {
    const per = t.proofMs / t.proofs / 1000;
    // Proofs left out of time, and with --limit the files not even planned.
    const left = t.outOfTime + (t.candidates - t.plans - t.crashes);
    console.log(
      `a proof took ${per.toFixed(1)} s on average (plan, two PGlite starts from the dumped state, both sides, the shared ` +
        `replay moved on)${t.outOfTime ? `; ${t.outOfTime} proofs left out of time` : ''}` +
        `${left > 0 ? `: the ${left} plans not proven here would take about ${((left * per) / 60).toFixed(0)} min more at one at a time` : ''}`,
    );
  }
  if (t.crashes > 0 || crashedRuns.length > 0) {
    console.log(`\nFAIL: ${t.crashes} planner crash(es), ${crashedRuns.length} crashed history run(s)`);
    return 1;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------------
// Child side: one history.

async function childHistory(name, paths, { limit, skip = 0, prove, deadline }) {
  const start = process.hrtime.bigint();
  const lib = await loadLibrary();
  await lib.loadParser();
  const files = await historyFiles(lib, paths);
  const progress = (line) => process.stderr.write(`  [${name}] ${line}\n`);

  // Which files have unsuppressed error findings: one pass over the whole history (each file its own release).
  const whole = await lib.analyzeDetailed(
    { history: [], releases: files.map((f) => [f]) },
    lib.DEFAULT_OPTIONS,
  );
  const withErrors = new Set(
    whole.statements.filter((s) => s.findings.some((f) => isError(f))).map((s) => s.file.path),
  );
  const candidates = files.map((f, i) => (withErrors.has(f.path) ? i : -1)).filter((i) => i >= 0);
  const first = candidates.slice(skip);
  const chosen = limit !== undefined ? first.slice(0, limit) : first;
  const extensions = lib.historyExtensions(files).filter(lib.pgliteHasExtension);

  const records = [];
  let base; // a database at the state after files[0..at)
  let at = 0;
  let broken; // where the history stops replaying
  try {
    for (const [n, i] of chosen.entries()) {
      const migration = files[i];
      const history = files.slice(0, i);
      const rec = { file: fromRepo(migration.path) };
      records.push(rec);
      const t0 = process.hrtime.bigint();

      // The file against the ones before it.
      const analysis = await lib.analyzeDetailed({ history, releases: [[migration]] }, lib.DEFAULT_OPTIONS);
      const errors = analysis.statements.flatMap((s) => s.findings).filter(isError);
      rec.findings = errors.length;
      rec.breaking = errors.filter((f) => f.breaking).length;
      let plan;
      try {
        plan = lib.planMigration(analysis, migration.path, PLAN_OPTIONS);
      } catch (e) {
        rec.crash = (e instanceof Error ? (e.stack ?? e.message) : String(e))
          .split('\n')
          .slice(0, 4)
          .join(' | ');
        progress(`${n + 1}/${chosen.length} ${rec.file}: PLANNER CRASH ${errorLine(e)}`);
        continue;
      }
      rec.recipes = plan.recipes.map((r) => r.recipe);
      rec.unplanned = [];
      rec.answered = 0;
      rec.unaccounted = 0;
      for (const f of errors) {
        const u = plan.unplanned.find(
          (x) => x.rule === f.rule && x.line === f.line && x.statementLine === f.statementLine,
        );
        if (u) rec.unplanned.push({ rule: u.rule, reason: u.reason });
        else if (plan.recipes.some((r) => r.rules.includes(f.rule))) rec.answered++;
        else rec.unaccounted++;
      }
      if (!prove) continue;

      if (broken) {
        rec.status = 'not-provable';
        continue;
      }
      if (deadline !== undefined && Date.now() > deadline) {
        rec.status = 'out-of-time';
        continue;
      }
      // Bring the shared database up to the file: replay what lies between, confirming a failure from empty.
      try {
        if (!base) {
          base = await lib.openPglite({ extensions });
          at = 0;
        }
        if (at < i) {
          const replay = await lib.replayHistory(files.slice(at, i), base);
          if (!replay.ok) {
            await base.close();
            base = await lib.openPglite({ extensions });
            const again = await lib.replayHistory(history, base);
            if (!again.ok) {
              broken = `${fromRepo(again.file)}:${again.line}: ${again.message}`;
              await base.close();
              base = undefined;
              rec.status = 'not-provable';
              progress(`${n + 1}/${chosen.length} ${rec.file}: not provable, the history fails at ${broken}`);
              continue;
            }
          }
          at = i;
        }
        const state = await base.dumpState();
        const open = () => lib.openPglite({ extensions, state });
        const original = await lib.runOriginal({ history: [], migration, open });
        const proof = await lib.proveAgainst(original, { history: [], migration, plan, open });
        // Move the shared database past this file; when the file itself does not run there, nothing can be proven.
        const own = await lib.replayHistory([migration], base);
        at = i + 1;
        if (proof.ok) rec.status = 'proven';
        else if (!original.state && !own.ok) {
          rec.status = 'not-provable';
          rec.selfFails = `${fromRepo(own.file)}:${own.line}: ${own.message}`;
        } else if (!original.state || plan.placeholders.length > 0) {
          // As `plan` reports them: not proven, neither right nor wrong (the harness's sample rows break the
          // original migration itself, or a person must fill a placeholder before the plan can run).
          rec.status = 'not-proven';
          rec.reason = !original.state
            ? 'the original fails on the sample rows'
            : 'a placeholder left to fill';
          rec.differences = proof.differences;
        } else {
          rec.status = 'failed';
          rec.differences = proof.differences.length ? proof.differences : ['(no difference given)'];
          rec.failKind = /^the .* phase fails/.test(rec.differences[0])
            ? 'a plan phase fails'
            : /^the sample rows/.test(rec.differences[0])
              ? 'sample rows fail'
              : 'states differ';
          rec.notes = proof.notes;
        }
        if (!own.ok && base) {
          // The database is mid-file; start again from empty at the next file.
          await base.close();
          base = undefined;
        }
      } catch (e) {
        rec.status = 'failed';
        rec.failKind = 'the proof threw';
        rec.differences = [`the proof threw: ${errorLine(e)}`];
        await base?.close().catch(() => undefined);
        base = undefined;
      }
      rec.ms = since(t0);
      progress(
        `${n + 1}/${chosen.length} ${rec.file}: ${rec.status}${rec.status === 'failed' ? ` [${rec.failKind}] ${rec.differences[0]} --` : ''} ` +
          `${(since(t0) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await base?.close().catch(() => undefined);
  }
  return {
    history: name,
    files: files.length,
    candidates: candidates.length,
    limited: chosen.length < candidates.length,
    skipped: candidates.length - first.length,
    broken,
    records,
    ms: since(start),
    peakRssMb: peakRssMb(),
  };
}

/** An unsuppressed finding of severity 'error' reported by a rule on a statement. */
function isError(f) {
  return f.severity === 'error' && !f.suppressed;
}

// ---------------------------------------------------------------------------------------------------------
// Command line: `node bench/corpus-plan.js ...` works too (the same options as `corpus.js --plan`).

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values: opts } = parseArgs({
    options: {
      child: { type: 'boolean', default: false },
      history: { type: 'string' },
      path: { type: 'string', multiple: true },
      limit: { type: 'string' },
      skip: { type: 'string' },
      jobs: { type: 'string' },
      only: { type: 'string' },
      corpus: { type: 'string' },
      'no-prove': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      budget: { type: 'string' },
      deadline: { type: 'string' },
      verbose: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (opts.child) {
    emitResult(
      await childHistory(opts.history, opts.path ?? [], {
        limit: opts.limit === undefined ? undefined : Number(opts.limit),
        skip: opts.skip === undefined ? 0 : Number(opts.skip),
        prove: !opts['no-prove'],
        deadline: opts.deadline === undefined ? undefined : Number(opts.deadline),
      }),
    );
  } else {
    process.exit(await corpusPlan(opts));
  }
}
