// The proof of a plan: the same history and the same sample rows on two embedded databases; the
// original migration runs on one, expand -> each later -> backfill -> contract on the other, and the
// schemas and the touched tables' rows must end up the same. A failing proof is a result, never thrown.
import { replayHistory, historyExtensions } from '../catalog/replay.js';
import type { Database } from '../db/database.js';
import { openPglite } from '../db/pglite.js';
import { rangeVarName, walk } from '../parse/ast.js';
import { loadParser, parseFile } from '../parse/index.js';
import type { MigrationPlan } from '../plan/types.js';
import type { MigrationFile } from '../types.js';
import { compareStates, readState, type DatabaseState } from './compare.js';
import { quoteIdent } from '../parse/ident.js';
import { insertSampleRows, type SampleInsert } from './sample.js';
import { traceStatement, type PhaseTrace, type TracedStatement } from './trace.js';

export interface VerifyInput {
  history: readonly MigrationFile[];
  migration: MigrationFile;
  plan: MigrationPlan;
  /** Rows inserted into each touched table before the migration runs (default 5). */
  sampleRows?: number;
  /** Opens an empty database (default: a fresh PGlite with the history's extensions). Closed by verifyPlan. */
  open?: () => Promise<Database>;
  /** Trace each statement's locks and rewrites (in a rolled-back transaction) before running it. */
  trace?: boolean;
}

export interface VerifyResult {
  ok: boolean;
  /** Human sentences, one per difference between the original migration's result and the plan's. */
  differences: string[];
  /** What the proof did not or could not cover (tables without sample rows, placeholders...). */
  notes: string[];
  /**
   * Set when the plan could not be judged: the history or the sample rows do not load, or the original
   * migration itself fails on them. The plan's phases did not run; `ok` is false and says nothing of it.
   */
  inconclusive?: string;
  /** With `trace`: the original migration's, then each plan phase that has SQL, in run order. */
  trace?: PhaseTrace[];
}

/** The original migration's side of a proof, reusable to check several plans of the same migration. */
export interface OriginalRun {
  /** The sample rows, to insert again before the plan runs. */
  inserts: SampleInsert[];
  /** Touched tables, `schema.name`. */
  tables: string[];
  /** The state after the original migration; null when it could not run. */
  state: DatabaseState | null;
  differences: string[];
  notes: string[];
  /** The original migration's lock trace, with `trace`; else null. */
  trace: PhaseTrace | null;
  /** When the original migration started (ms since the epoch): the proof's clock window opens here. */
  startedAt: number;
}

type OriginalInput = Omit<VerifyInput, 'plan'>;

/**
 * Proves `plan` ends where the original migration ends, on two databases. When the backend can copy
 * itself (PGlite), the second is a copy of the first taken after the history and the sample rows, so the
 * history replays once; else each is opened and replayed in turn.
 */
export async function verifyPlan(input: VerifyInput): Promise<VerifyResult> {
  let copy: Database | undefined;
  try {
    const original = await runOriginal(input, async (db) => {
      copy = await db.clone?.();
    });
    return await proveAgainst(original, input, copy);
  } finally {
    await copy?.close();
  }
}

/** Runs the history, the sample rows and the original migration on one database, and reads the result. */
export async function runOriginal(
  input: OriginalInput,
  /** Called once the history and the sample rows are in, before the original migration runs. */
  prepared?: (db: Database) => Promise<void>,
): Promise<OriginalRun> {
  await loadParser();
  const notes: string[] = [];
  const db = await openFor(input);
  try {
    const replay = await replayHistory(input.history, db);
    if (!replay.ok)
      return failed(notes, `the history does not replay: ${replay.file}:${replay.line}: ${replay.message}`);
    const tables = await touchedTables(db, input.migration);
    const startedAt = Date.now();
    const sample = await insertSampleRows(db, tables.map(quoted), input.sampleRows ?? 5);
    notes.push(...sample.notes);
    await prepared?.(db);
    const trace: PhaseTrace | null = input.trace ? { phase: 'original', statements: [] } : null;
    const error = await runStatements(db, statementsOf(input.migration), trace?.statements);
    if (error)
      return {
        ...failed(notes, `the original migration fails on the sample rows: ${error}`, sample.inserts, tables),
        trace,
      };
    const state = await readState(db, tables);
    return { inserts: sample.inserts, tables, state, differences: [], notes, trace, startedAt };
  } finally {
    await db.close();
  }
}

/**
 * Runs the plan after the same history and sample rows, and compares with the original run. `ready` is a
 * database already holding the history and the sample rows (the caller closes it).
 */
export async function proveAgainst(
  original: OriginalRun,
  input: VerifyInput,
  ready?: Database,
): Promise<VerifyResult> {
  const notes = [...original.notes];
  const traces: PhaseTrace[] | undefined = input.trace ? (original.trace ? [original.trace] : []) : undefined;
  const result = (ok: boolean, differences: string[], inconclusive = false): VerifyResult => ({
    ok,
    differences,
    notes,
    ...(inconclusive && differences[0] ? { inconclusive: differences[0] } : {}),
    ...(traces ? { trace: traces } : {}),
  });
  if (!original.state) return result(false, [...original.differences], true);
  const { plan } = input;
  if (plan.placeholders.length > 0)
    notes.push(`the plan has ${plan.placeholders.length} placeholder(s) to fill before it can run`);
  if (plan.unplanned.length > 0)
    notes.push(`${plan.unplanned.length} finding(s) have no recipe; their statements run as written`);
  const own = ready ? undefined : await openFor(input);
  const db = (ready ?? own) as Database;
  try {
    if (own) {
      const replay = await replayHistory(input.history, own);
      if (!replay.ok)
        return result(
          false,
          [`the history does not replay: ${replay.file}:${replay.line}: ${replay.message}`],
          true,
        );
      for (const insert of original.inserts) {
        try {
          await own.exec(insert.sql);
        } catch (e: unknown) {
          return result(false, [`the sample rows of ${insert.table} fail: ${message(e)}`], true);
        }
      }
    }
    const phases: Array<[string, string | null]> = [
      ['expand', plan.expand],
      ...plan.later.map((l, i): [string, string] => [`later migration ${i + 1}`, l.sql]),
      ['backfill', plan.backfill],
      ['contract', plan.contract],
    ];
    for (const [phase, sql] of phases) {
      if (!sql) continue;
      const trace: PhaseTrace | null = traces ? { phase, statements: [] } : null;
      if (trace) traces?.push(trace);
      const statements = statementsOf({ ...input.migration, path: `${phase}.sql`, sql });
      const error = await runStatements(db, statements, trace?.statements);
      if (error) return result(false, [`the ${phase} phase fails: ${error}`]);
    }
    // A type change leaves its new column under a temporary name; the rename back is a change of its own
    // (planned like any rename). Apply it here so the comparison is with the original's schema.
    const followUp = plan.recipes.flatMap((r) => r.followUp);
    if (followUp.length > 0) {
      const error = await runStatements(db, followUp);
      if (error) return result(false, [`the follow-up rename fails: ${error}`]);
      notes.push(`compared after the follow-up rename the plan describes: ${followUp.join('; ')}`);
    }
    const clock = { from: original.startedAt, to: Date.now(), clockValues: 0 };
    const differences = compareStates(original.state, await readState(db, original.tables), clock);
    if (clock.clockValues > 0)
      notes.push(
        `${clock.clockValues} timestamp value(s) written by the clock (now()) differ only by when the original and the plan ran; counted as equal`,
      );
    return result(differences.length === 0, differences);
  } finally {
    await own?.close();
  }
}

function failed(
  notes: string[],
  difference: string,
  inserts: SampleInsert[] = [],
  tables: string[] = [],
): OriginalRun {
  return {
    inserts,
    tables,
    state: null,
    differences: [difference],
    notes,
    trace: null,
    startedAt: Date.now(),
  };
}

async function openFor(input: OriginalInput): Promise<Database> {
  if (input.open) return input.open();
  return openPglite({ extensions: historyExtensions([...input.history, input.migration]) });
}

const quoted = (key: string): string => {
  const dot = key.indexOf('.');
  return `${quoteIdent(key.slice(0, dot))}.${quoteIdent(key.slice(dot + 1))}`;
};

/** Top-level statement texts of a file (PL/pgSQL bodies stay inside their statement). */
function statementsOf(file: MigrationFile): string[] {
  return parseFile(file)
    .statements.filter((s) => !s.plpgsql)
    .map((s) => s.text);
}

/** Tables the migration names that exist after the history, as `schema.name`. */
async function touchedTables(db: Database, migration: MigrationFile): Promise<string[]> {
  const names = new Set<string>();
  for (const s of parseFile(migration).statements) {
    if (s.plpgsql) continue;
    walk(s.node, (key, value) => {
      if (key === 'RangeVar' || key === 'relation') {
        const name = rangeVarName(value);
        if (name.name) names.add(name.key);
      }
    });
  }
  const out: string[] = [];
  for (const key of names) {
    const rows = await db.query<{ kind: string | null }>(
      `SELECT (SELECT c.relkind::text FROM pg_class c WHERE c.oid = to_regclass($1)) AS kind`,
      [quoted(key)],
    );
    if (rows[0]?.kind === 'r' || rows[0]?.kind === 'p') out.push(key);
  }
  return out.sort();
}

/**
 * Runs each statement on its own (so DO blocks may COMMIT), traced first when `trace` collects the
 * traces; the first failure, as text, or null.
 */
async function runStatements(
  db: Database,
  statements: readonly string[],
  trace?: TracedStatement[],
): Promise<string | null> {
  for (const sql of statements) {
    try {
      // A statement that fails when traced fails again below, and is reported from there.
      if (trace) trace.push(await traceStatement(db, sql).catch((e: unknown) => failedTrace(sql, e)));
      await db.exec(sql);
    } catch (e: unknown) {
      const first = sql.split('\n')[0] ?? '';
      return `${message(e)} (statement: ${first.length > 100 || sql.includes('\n') ? `${first.slice(0, 100)}...` : first})`;
    }
  }
  return null;
}

const failedTrace = (sql: string, e: unknown): TracedStatement => ({
  sql,
  traced: false,
  locks: [],
  rewritten: [],
  ms: 0,
  note: `fails: ${message(e)}`,
});

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
