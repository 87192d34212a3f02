// The lock trace of a proof: each statement runs once inside a transaction (or a savepoint, when the
// migration opened its own BEGIN) that is rolled back, and pg_locks and pg_class tell which relations
// it locked and which it rewrote. The caller then runs the statement for real. Works on any Database.
import { SqlError, type Database } from '../db/database.js';
import { unwrap, walk, type Node } from '../parse/ast.js';
import { loadParser } from '../parse/index.js';
import { parsePlpgsql, parseSql } from '../parse/libpg.js';
import { hasOption, vacuumIsFull } from '../rules/util/locks.js';
import { LOCK_MODES } from '../types.js';

export interface TracedLock {
  /** `schema.name` as it was before the statement (unqualified names get `public.`). */
  relation: string;
  kind: 'table' | 'index' | 'sequence' | 'view' | 'other';
  /** 'ACCESS EXCLUSIVE', 'SHARE', 'ROW EXCLUSIVE', ... */
  mode: string;
}

export interface TracedStatement {
  /** The statement text as run. */
  sql: string;
  /** False when it cannot run inside a transaction block (or is transaction control itself). */
  traced: boolean;
  /**
   * The strongest mode per relation that existed before the statement, user relations only (no
   * pg_catalog, no toast), strongest first then by name. Relations the statement creates are left out:
   * no other session can see them yet.
   */
  locks: TracedLock[];
  /** `schema.name` of the tables and indexes whose relfilenode changed (a rewrite), sorted. */
  rewritten: string[];
  /** Milliseconds the statement took inside the traced transaction. */
  ms: number;
  /** Why it was not traced, or anything a reader needs. */
  note?: string;
  /** The table locks the PostgreSQL documentation gives for the statement (filled in by the pipeline). */
  documented?: Array<{ relation: string; mode: string }>;
}

export interface PhaseTrace {
  /** 'original' | 'expand' | 'later migration 1' | 'backfill' | 'contract' */
  phase: string;
  statements: TracedStatement[];
}

const SAVEPOINT = 'expand_contract_trace';

/**
 * Runs `sql` inside BEGIN ... ROLLBACK (or SAVEPOINT ... ROLLBACK TO, inside the migration's own
 * transaction block) and reports the relation locks it took and the relations it rewrote. Sequences it
 * advanced are set back, so the statement leaves no trace. A failing statement is rolled back and its
 * error rethrown; one PostgreSQL refuses inside a transaction block comes back with `traced: false`.
 */
export async function traceStatement(db: Database, sql: string): Promise<TracedStatement> {
  await loadParser();
  const skip = untraceable(sql);
  if (skip) return notTraced(sql, skip);
  const inBlock = await open(db);
  let sequences: Sequences = { rels: [], values: [] };
  let result: TracedStatement;
  try {
    const before = await relations(db);
    sequences = await sequenceValues(
      db,
      [...before.values()].filter((r) => r.relkind === 'S'),
    );
    const held = await relationLocks(db);
    const start = performance.now();
    await db.exec(sql);
    const ms = Math.round((performance.now() - start) * 100) / 100;
    result = summarize(sql, ms, before, await relations(db), held, await relationLocks(db), inBlock);
  } catch (e: unknown) {
    await close(db, inBlock).catch(() => undefined);
    await restoreSequences(db, sequences).catch(() => undefined);
    if (e instanceof SqlError && (e.code === '25001' || e.code === '2D000'))
      return notTraced(sql, `cannot run inside a transaction block (${e.message}): not traced`);
    throw e;
  }
  await close(db, inBlock);
  await restoreSequences(db, sequences);
  return result;
}

/**
 * True when PostgreSQL refuses `sql` inside a transaction block: CREATE/DROP INDEX, REINDEX and DETACH
 * PARTITION ... CONCURRENTLY, VACUUM, CLUSTER of every table, DO blocks that COMMIT or ROLLBACK, ALTER
 * SYSTEM, CREATE/DROP DATABASE and TABLESPACE, subscriptions. The parser must be loaded (`loadParser`).
 */
export function runsOutsideTransaction(sql: string): boolean {
  const parsed = parseSql(sql);
  return parsed.ok && parsed.stmts.some((s) => outsideReason(s.stmt) !== null);
}

interface Outside {
  why: string;
  /** The lock PostgreSQL documents for it, when there is one to name. */
  documented?: string;
}

/** Why a statement of `sql` is not traced, as the note says it; null when it can be. */
function untraceable(sql: string): string | null {
  const parsed = parseSql(sql);
  if (!parsed.ok) return null;
  for (const { stmt } of parsed.stmts) {
    const [kind, node] = unwrap(stmt);
    if (kind === 'TransactionStmt')
      return `transaction control (${String(node.kind ?? '').replace(/^TRANS_STMT_/, '')}): not traced`;
    const outside = outsideReason(stmt);
    if (outside)
      return `runs outside a transaction (${outside.why}): not traced${outside.documented ? `; PostgreSQL documents ${outside.documented}` : ''}`;
  }
  return null;
}

function outsideReason(stmt: Node): Outside | null {
  const [kind, n] = unwrap(stmt);
  const concurrently = { why: 'CONCURRENTLY', documented: 'SHARE UPDATE EXCLUSIVE' };
  switch (kind) {
    case 'IndexStmt':
    case 'DropStmt':
      return n.concurrent ? concurrently : null;
    case 'ReindexStmt':
      if (hasOption(n.params, 'concurrently')) return concurrently;
      return n.kind === 'REINDEX_OBJECT_SYSTEM' || n.kind === 'REINDEX_OBJECT_DATABASE'
        ? { why: `REINDEX ${String(n.kind).slice('REINDEX_OBJECT_'.length)}` }
        : null;
    case 'AlterTableStmt': {
      const detach = ((n.cmds ?? []) as unknown[]).some((c) => {
        const [, cmd] = unwrap(c);
        return cmd.subtype === 'AT_DetachPartition' && Boolean(unwrap(cmd.def)[1].concurrent);
      });
      return detach ? { why: 'DETACH PARTITION CONCURRENTLY', documented: 'SHARE UPDATE EXCLUSIVE' } : null;
    }
    case 'VacuumStmt':
      if (!n.is_vacuumcmd) return null; // ANALYZE runs in a transaction block
      return vacuumIsFull(n)
        ? { why: 'VACUUM FULL', documented: 'ACCESS EXCLUSIVE' }
        : { why: 'VACUUM', documented: 'SHARE UPDATE EXCLUSIVE' };
    case 'ClusterStmt':
      return n.relation ? null : { why: 'CLUSTER of every table', documented: 'ACCESS EXCLUSIVE' };
    case 'DoStmt':
      return doCommits(n) ? { why: 'COMMIT or ROLLBACK inside DO' } : null;
    case 'AlterDatabaseStmt':
      return hasOption(n.options, 'tablespace') ? { why: 'ALTER DATABASE SET TABLESPACE' } : null;
    case 'AlterSubscriptionStmt':
      return String(n.kind).includes('REFRESH') ? { why: 'ALTER SUBSCRIPTION REFRESH' } : null;
    default: {
      const always: Record<string, string> = {
        AlterSystemStmt: 'ALTER SYSTEM',
        CreatedbStmt: 'CREATE DATABASE',
        DropdbStmt: 'DROP DATABASE',
        CreateTableSpaceStmt: 'CREATE TABLESPACE',
        DropTableSpaceStmt: 'DROP TABLESPACE',
        CreateSubscriptionStmt: 'CREATE SUBSCRIPTION',
        DropSubscriptionStmt: 'DROP SUBSCRIPTION',
      };
      return always[kind] ? { why: always[kind] } : null;
    }
  }
}

/** True when a PL/pgSQL DO body holds COMMIT or ROLLBACK. */
function doCommits(n: Node): boolean {
  let body: string | undefined;
  let language = 'plpgsql';
  for (const a of (n.args ?? []) as unknown[]) {
    const [, d] = unwrap(a);
    const sval = (d.arg as { String?: { sval?: string } } | undefined)?.String?.sval;
    if (d.defname === 'as') body = sval;
    if (d.defname === 'language') language = (sval ?? '').toLowerCase();
  }
  if (body === undefined || language !== 'plpgsql') return false;
  const tag = '$expand_contract_do$';
  const tree = parsePlpgsql(`CREATE FUNCTION ec_do() RETURNS void LANGUAGE plpgsql AS ${tag}${body}${tag}`);
  if (!tree.ok) return false;
  let commits = false;
  walk(tree.tree, (key) => {
    if (key === 'PLpgSQL_stmt_commit' || key === 'PLpgSQL_stmt_rollback') commits = true;
  });
  return commits;
}

function notTraced(sql: string, note: string): TracedStatement {
  return { sql, traced: false, locks: [], rewritten: [], ms: 0, note };
}

/** Opens the traced transaction: a savepoint inside the migration's own block (true), else BEGIN. */
async function open(db: Database): Promise<boolean> {
  try {
    await db.exec(`SAVEPOINT ${SAVEPOINT}`);
    return true;
  } catch (e: unknown) {
    // 25P01: "SAVEPOINT can only be used in transaction blocks", so no block is open.
    if (!(e instanceof SqlError && e.code === '25P01')) throw e;
  }
  await db.exec('BEGIN');
  return false;
}

async function close(db: Database, inBlock: boolean): Promise<void> {
  if (inBlock) await db.exec(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}; RELEASE SAVEPOINT ${SAVEPOINT}`);
  else await db.exec('ROLLBACK');
}

interface Relation {
  oid: string;
  schema: string;
  name: string;
  relkind: string;
  filenode: string;
  /** Quoted `schema.name`, to read a sequence. */
  ident: string;
}

const RELATIONS_SQL = `SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS relkind,
  c.relfilenode::text AS filenode, format('%I.%I', n.nspname, c.relname) AS ident
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'`;

async function relations(db: Database): Promise<Map<string, Relation>> {
  const rows = await db.query<Relation>(RELATIONS_SQL);
  return new Map(rows.map((r) => [r.oid, r]));
}

interface HeldLock {
  oid: string;
  mode: string;
}

async function relationLocks(db: Database): Promise<HeldLock[]> {
  return db.query<HeldLock>(
    `SELECT relation::text AS oid, mode FROM pg_locks
      WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation IS NOT NULL`,
  );
}

interface SequenceValue {
  oid: string;
  last_value: string;
  is_called: boolean;
}

interface Sequences {
  rels: Relation[];
  values: SequenceValue[];
}

/** The current values of user sequences (they are not transactional: ROLLBACK does not reset them). */
async function sequenceValues(db: Database, rels: Relation[]): Promise<Sequences> {
  const selects = rels.map(
    (r) => `SELECT '${r.oid}' AS oid, last_value::text AS last_value, is_called FROM ${r.ident}`,
  );
  return { rels, values: selects.length ? await db.query<SequenceValue>(selects.join('\nUNION ALL\n')) : [] };
}

/** Sets back the sequences the traced statement advanced. */
async function restoreSequences(db: Database, before: Sequences): Promise<void> {
  if (!before.values.length) return;
  const now = new Map((await sequenceValues(db, before.rels)).values.map((s) => [s.oid, s]));
  for (const s of before.values) {
    const current = now.get(s.oid);
    if (!current || (current.last_value === s.last_value && current.is_called === s.is_called)) continue;
    await db.query('SELECT setval($1::oid::regclass, $2::bigint, $3::boolean)', [
      s.oid,
      s.last_value,
      s.is_called,
    ]);
  }
}

/** 'AccessExclusiveLock' -> 'ACCESS EXCLUSIVE'. */
export function lockModeName(pgMode: string): string {
  return pgMode
    .replace(/Lock$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toUpperCase();
}

const rank = (mode: string): number => (LOCK_MODES as readonly string[]).indexOf(mode);

const KINDS: Record<string, TracedLock['kind']> = {
  r: 'table',
  p: 'table',
  i: 'index',
  I: 'index',
  S: 'sequence',
  v: 'view',
  m: 'view',
};

function summarize(
  sql: string,
  ms: number,
  before: Map<string, Relation>,
  after: Map<string, Relation>,
  held: readonly HeldLock[],
  taken: readonly HeldLock[],
  inBlock: boolean,
): TracedStatement {
  const already = new Set(held.map((l) => `${l.oid}|${l.mode}`));
  const strongest = new Map<string, TracedLock>();
  const created = new Set<string>();
  for (const l of taken) {
    if (already.has(`${l.oid}|${l.mode}`)) continue;
    const rel = before.get(l.oid);
    if (!rel) {
      const fresh = after.get(l.oid);
      if (fresh) created.add(`${fresh.schema}.${fresh.name}`);
      continue; // created by the statement, or a transient heap of a rewrite
    }
    const mode = lockModeName(l.mode);
    const seen = strongest.get(l.oid);
    if (seen && rank(seen.mode) >= rank(mode)) continue;
    strongest.set(l.oid, {
      relation: `${rel.schema}.${rel.name}`,
      kind: KINDS[rel.relkind] ?? 'other',
      mode,
    });
  }
  const locks = [...strongest.values()].sort(
    (a, b) => rank(b.mode) - rank(a.mode) || a.relation.localeCompare(b.relation),
  );
  const rewritten: string[] = [];
  for (const [oid, rel] of before) {
    const now = after.get(oid);
    if (!now || !['r', 'm', 'i'].includes(rel.relkind) || rel.filenode === '0') continue;
    if (now.filenode !== rel.filenode) rewritten.push(`${rel.schema}.${rel.name}`);
  }
  const notes: string[] = [];
  if (created.size)
    notes.push(`creates ${[...created].sort().join(', ')} (not listed: no one else sees it yet)`);
  if (inBlock)
    notes.push("inside the migration's own transaction: locks its earlier statements hold are not repeated");
  return {
    sql,
    traced: true,
    locks,
    rewritten: rewritten.sort(),
    ms,
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };
}
