// Which table-level locks a statement takes, per the PostgreSQL documentation ("Explicit Locking" and the
// lock notes of ALTER TABLE, CREATE INDEX, REINDEX, ...) and `AlterTableGetLockLevel` in tablecmds.c.
// Used by the blocking rules and the planner. Row locks, catalog locks and locks on indexes alone are
// left out; so are the partitions an ALTER TABLE of a partitioned table recurses to.
import {
  listName,
  qualify,
  rangeVarName,
  strings,
  unwrap,
  type Node,
  type QualifiedName,
} from '../../parse/ast.js';
import type { SchemaCatalog } from '../../catalog/model.js';
import { LOCK_MODES, type LockMode, type Statement } from '../../types.js';
import { perStatement } from './memo.js';

export interface TableLock {
  /**
   * The table (or view, materialized view) locked. For DROP INDEX and REINDEX INDEX of an index whose
   * table the schema model does not know, the index itself.
   */
  table: QualifiedName;
  mode: LockMode;
  /** The index the statement names, when the table is locked through one of its indexes. */
  index?: QualifiedName;
  /** libpg-query location of the table's name in the statement, when it appears there. */
  location?: number;
}

/** Strength order of the modes (0 = ACCESS SHARE .. 7 = ACCESS EXCLUSIVE). */
export function lockRank(mode: LockMode): number {
  return LOCK_MODES.indexOf(mode);
}

export function strongest(a: LockMode, b: LockMode): LockMode {
  return lockRank(a) >= lockRank(b) ? a : b;
}

const CONFLICTS: Record<LockMode, readonly LockMode[]> = {
  'ACCESS SHARE': ['ACCESS EXCLUSIVE'],
  'ROW SHARE': ['EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  'ROW EXCLUSIVE': ['SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  'SHARE UPDATE EXCLUSIVE': [
    'SHARE UPDATE EXCLUSIVE',
    'SHARE',
    'SHARE ROW EXCLUSIVE',
    'EXCLUSIVE',
    'ACCESS EXCLUSIVE',
  ],
  SHARE: ['ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  'SHARE ROW EXCLUSIVE': [
    'ROW EXCLUSIVE',
    'SHARE UPDATE EXCLUSIVE',
    'SHARE',
    'SHARE ROW EXCLUSIVE',
    'EXCLUSIVE',
    'ACCESS EXCLUSIVE',
  ],
  EXCLUSIVE: [
    'ROW SHARE',
    'ROW EXCLUSIVE',
    'SHARE UPDATE EXCLUSIVE',
    'SHARE',
    'SHARE ROW EXCLUSIVE',
    'EXCLUSIVE',
    'ACCESS EXCLUSIVE',
  ],
  'ACCESS EXCLUSIVE': LOCK_MODES,
};

/** True when a session holding `held` makes a session asking for `wanted` wait (the matrix is symmetric). */
export function conflicts(held: LockMode, wanted: LockMode): boolean {
  return CONFLICTS[held].includes(wanted);
}

/** What ordinary traffic a mode blocks, for messages: "reads and writes", "writes", ... */
export function blockedTraffic(mode: LockMode): string {
  if (mode === 'ACCESS EXCLUSIVE') return 'reads and writes';
  if (mode === 'EXCLUSIVE') return 'writes and SELECT ... FOR UPDATE';
  if (conflicts(mode, 'ROW EXCLUSIVE')) return 'writes';
  if (conflicts(mode, 'SHARE UPDATE EXCLUSIVE')) return 'schema changes, VACUUM and concurrent index builds';
  if (conflicts(mode, 'SHARE')) return 'CREATE INDEX and other schema changes';
  return 'schema changes';
}

/** "an ACCESS EXCLUSIVE lock" / "a SHARE lock". */
export function lockArticle(mode: LockMode): string {
  return `${mode.startsWith('A') || mode.startsWith('E') ? 'an' : 'a'} ${mode} lock`;
}

/**
 * True when the lock lands on a table that running code can be using: one the schema model does not
 * know (it predates the migrations we read) or one created before the current release.
 */
export function onExistingTable(lock: TableLock, catalog: SchemaCatalog): boolean {
  if (lock.index && catalog.isNewIndex(lock.index)) return false;
  return !catalog.isNewRelation(lock.table);
}

/** The lock an `ALTER TABLE` subcommand takes on its table (`AlterTableGetLockLevel`). */
export function alterCommandLock(cmd: Node, postgresVersion = 16): LockMode {
  switch (cmd.subtype) {
    case 'AT_SetStatistics':
    case 'AT_ClusterOn':
    case 'AT_DropCluster':
    case 'AT_SetOptions':
    case 'AT_ResetOptions':
    case 'AT_ValidateConstraint':
    case 'AT_DetachPartitionFinalize':
      return 'SHARE UPDATE EXCLUSIVE';
    case 'AT_AttachPartition':
      return postgresVersion >= 12 ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    case 'AT_DetachPartition':
      return partitionCmd(cmd).concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    case 'AT_EnableTrig':
    case 'AT_EnableAlwaysTrig':
    case 'AT_EnableReplicaTrig':
    case 'AT_EnableTrigAll':
    case 'AT_EnableTrigUser':
    case 'AT_DisableTrig':
    case 'AT_DisableTrigAll':
    case 'AT_DisableTrigUser':
      return 'SHARE ROW EXCLUSIVE';
    case 'AT_AddConstraint': {
      const [kind, con] = unwrap(cmd.def);
      return kind === 'Constraint' && con.contype === 'CONSTR_FOREIGN'
        ? 'SHARE ROW EXCLUSIVE'
        : 'ACCESS EXCLUSIVE';
    }
    case 'AT_SetRelOptions':
    case 'AT_ResetRelOptions':
      return relOptionsLock(cmd.def);
    default:
      return 'ACCESS EXCLUSIVE';
  }
}

/** Storage parameters that take SHARE UPDATE EXCLUSIVE (`reloptions.c`); any other takes ACCESS EXCLUSIVE. */
const LIGHT_RELOPTIONS =
  /^(toast\.)?(fillfactor|toast_tuple_target|parallel_workers|vacuum_index_cleanup|vacuum_truncate|log_autovacuum_min_duration|autovacuum_\w+)$/;

function relOptionsLock(def: unknown): LockMode {
  const [, list] = unwrap(def);
  const items = Array.isArray(list.items) ? list.items : Array.isArray(def) ? def : [];
  if (!items.length) return 'ACCESS EXCLUSIVE';
  const light = items.every((item) => {
    const [, d] = unwrap(item);
    const name = `${typeof d.defnamespace === 'string' ? `${d.defnamespace}.` : ''}${String(d.defname ?? '')}`;
    return LIGHT_RELOPTIONS.test(name.toLowerCase());
  });
  return light ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
}

function partitionCmd(cmd: Node): Node {
  return unwrap(cmd.def)[1];
}

/** The tables referenced by FOREIGN KEY constraints of a column definition or table constraint list. */
function referencedTables(constraints: unknown): Array<{ table: QualifiedName; location?: number }> {
  const out: Array<{ table: QualifiedName; location?: number }> = [];
  for (const c of Array.isArray(constraints) ? constraints : []) {
    const [kind, con] = unwrap(c);
    if (kind !== 'Constraint' || con.contype !== 'CONSTR_FOREIGN') continue;
    out.push({ table: rangeVarName(con.pktable), location: locationOfRangeVar(con.pktable) });
  }
  return out;
}

function locationOfRangeVar(rv: unknown): number | undefined {
  const l = (rv as { location?: unknown } | undefined)?.location;
  return typeof l === 'number' && l >= 0 ? l : undefined;
}

const MODE_BY_NUMBER: Record<number, LockMode> = Object.fromEntries(LOCK_MODES.map((m, i) => [i + 1, m]));

const RELATION_KINDS = new Set(['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE']);
const RENAME_ON_TABLE = new Set([
  'OBJECT_COLUMN',
  'OBJECT_TABCONSTRAINT',
  'OBJECT_TRIGGER',
  'OBJECT_POLICY',
  'OBJECT_RULE',
]);

/**
 * The table-level locks `statement` takes, strongest per table, in the order the tables appear.
 * `catalog` is the schema just before the statement (it maps an index to its table).
 */
function computeTableLocks(statement: Statement, catalog: SchemaCatalog, postgresVersion = 16): TableLock[] {
  const out: TableLock[] = [];
  const add = (lock: TableLock): void => {
    if (!lock.table.name) return;
    const same = out.find((l) => l.table.key === lock.table.key);
    if (!same) out.push(lock);
    else if (lockRank(lock.mode) > lockRank(same.mode)) same.mode = lock.mode;
  };
  const rel = (rv: unknown, mode: LockMode): void => {
    const r = (rv ?? {}) as Node;
    if (r.relpersistence === 't') return;
    const location = locationOfRangeVar(r);
    add({ table: rangeVarName(r), mode, ...(location !== undefined ? { location } : {}) });
  };
  const viaIndex = (index: QualifiedName, mode: LockMode, location?: number): void => {
    const known = catalog.index(index);
    const dot = known ? known.table.indexOf('.') : -1;
    const table = known && dot > 0 ? qualify(known.table.slice(dot + 1), known.table.slice(0, dot)) : index;
    add({ table, mode, index, ...(location !== undefined ? { location } : {}) });
  };

  const [kind, n] = unwrap(statement.node);
  switch (kind) {
    case 'AlterTableStmt': {
      if (!RELATION_KINDS.has(String(n.objtype))) break;
      let mode: LockMode | undefined;
      const extra: Array<() => void> = [];
      for (const c of Array.isArray(n.cmds) ? n.cmds : []) {
        const [ck, cmd] = unwrap(c);
        if (ck !== 'AlterTableCmd') continue;
        const m = alterCommandLock(cmd, postgresVersion);
        mode = mode ? strongest(mode, m) : m;
        if (cmd.subtype === 'AT_AddConstraint') {
          for (const r of referencedTables([cmd.def]))
            extra.push(() => add({ ...r, mode: 'SHARE ROW EXCLUSIVE' }));
        } else if (cmd.subtype === 'AT_AddColumn') {
          const def = unwrap(cmd.def)[1];
          for (const r of referencedTables(def.constraints))
            extra.push(() => add({ ...r, mode: 'SHARE ROW EXCLUSIVE' }));
        } else if (cmd.subtype === 'AT_AttachPartition') {
          extra.push(() => rel(partitionCmd(cmd).name, 'ACCESS EXCLUSIVE'));
        } else if (cmd.subtype === 'AT_DetachPartition' || cmd.subtype === 'AT_DetachPartitionFinalize') {
          extra.push(() => rel(partitionCmd(cmd).name, m));
        }
      }
      if (mode) rel(n.relation, mode);
      for (const e of extra) e();
      break;
    }
    case 'IndexStmt':
      rel(n.relation, n.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE');
      break;
    case 'DropStmt':
      dropLocks(n, rel, viaIndex, add);
      break;
    case 'TruncateStmt':
      for (const r of Array.isArray(n.relations) ? n.relations : []) rel(unwrap(r)[1], 'ACCESS EXCLUSIVE');
      break;
    case 'LockStmt': {
      const mode = MODE_BY_NUMBER[typeof n.mode === 'number' ? n.mode : 8] ?? 'ACCESS EXCLUSIVE';
      for (const r of Array.isArray(n.relations) ? n.relations : []) rel(unwrap(r)[1], mode);
      break;
    }
    case 'RenameStmt':
      if (RELATION_KINDS.has(String(n.renameType)) || RENAME_ON_TABLE.has(String(n.renameType)))
        rel(n.relation, 'ACCESS EXCLUSIVE');
      break;
    case 'AlterObjectSchemaStmt':
      if (RELATION_KINDS.has(String(n.objectType))) rel(n.relation, 'ACCESS EXCLUSIVE');
      break;
    case 'VacuumStmt': {
      const full = n.is_vacuumcmd === true && vacuumIsFull(n);
      for (const r of Array.isArray(n.rels) ? n.rels : []) {
        rel(unwrap(r)[1].relation, full ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE');
      }
      break;
    }
    case 'ClusterStmt':
      if (n.relation) rel(n.relation, 'ACCESS EXCLUSIVE');
      break;
    case 'ReindexStmt': {
      const mode: LockMode = hasOption(n.params, 'concurrently') ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE';
      if (n.kind === 'REINDEX_OBJECT_TABLE') rel(n.relation, mode);
      else if (n.kind === 'REINDEX_OBJECT_INDEX')
        viaIndex(rangeVarName(n.relation), mode, locationOfRangeVar(n.relation));
      break;
    }
    case 'CreateTrigStmt':
      rel(n.relation, 'SHARE ROW EXCLUSIVE');
      break;
    case 'CreatePolicyStmt':
    case 'AlterPolicyStmt':
      rel(n.table, 'ACCESS EXCLUSIVE');
      break;
    case 'RuleStmt':
      rel(n.relation, 'ACCESS EXCLUSIVE');
      break;
    case 'CreateStatsStmt':
      for (const r of Array.isArray(n.relations) ? n.relations : [])
        rel(unwrap(r)[1], 'SHARE UPDATE EXCLUSIVE');
      break;
    case 'CommentStmt':
      commentLock(n, add);
      break;
    case 'UpdateStmt':
    case 'DeleteStmt':
    case 'InsertStmt':
    case 'MergeStmt':
      rel(n.relation, 'ROW EXCLUSIVE');
      break;
    case 'RefreshMatViewStmt':
      rel(n.relation, n.concurrent ? 'EXCLUSIVE' : 'ACCESS EXCLUSIVE');
      break;
    case 'ViewStmt':
      if (n.replace && catalog.relation(rangeVarName(n.view))) rel(n.view, 'ACCESS EXCLUSIVE');
      break;
    case 'CreateStmt':
      createTableLocks(n, rel, add);
      break;
    default:
      break;
  }
  return out;
}

export const tableLocks = perStatement(computeTableLocks);

function dropLocks(
  n: Node,
  rel: (rv: unknown, mode: LockMode) => void,
  viaIndex: (index: QualifiedName, mode: LockMode) => void,
  add: (lock: TableLock) => void,
): void {
  const type = String(n.removeType);
  for (const o of Array.isArray(n.objects) ? n.objects : []) {
    const [k, body] = unwrap(o);
    if (k !== 'List') continue;
    const parts = strings(body.items);
    const name = listName(body.items);
    if (RELATION_KINDS.has(type)) rel({ schemaname: name.schema, relname: name.name }, 'ACCESS EXCLUSIVE');
    else if (type === 'OBJECT_INDEX')
      viaIndex(name, n.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE');
    else if (type === 'OBJECT_TRIGGER' || type === 'OBJECT_POLICY' || type === 'OBJECT_RULE') {
      const table = listName(parts.slice(0, -1).map((sval) => ({ String: { sval } })));
      add({ table, mode: 'ACCESS EXCLUSIVE' });
    }
  }
}

function createTableLocks(
  n: Node,
  rel: (rv: unknown, mode: LockMode) => void,
  add: (lock: TableLock) => void,
): void {
  const own = rangeVarName(n.relation).key;
  // A partition locks its parent ACCESS EXCLUSIVE; plain inheritance takes SHARE UPDATE EXCLUSIVE.
  for (const parent of Array.isArray(n.inhRelations) ? n.inhRelations : []) {
    rel(unwrap(parent)[1], n.partbound ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE');
  }
  for (const elt of Array.isArray(n.tableElts) ? n.tableElts : []) {
    const [k, body] = unwrap(elt);
    const refs = k === 'ColumnDef' ? referencedTables(body.constraints) : referencedTables([elt]);
    for (const r of refs) if (r.table.key !== own) add({ ...r, mode: 'SHARE ROW EXCLUSIVE' });
  }
}

function commentLock(n: Node, add: (lock: TableLock) => void): void {
  const type = String(n.objtype);
  const [, list] = unwrap(n.object);
  const parts = strings(list.items);
  const tableParts = type === 'OBJECT_COLUMN' ? parts.slice(0, -1) : RELATION_KINDS.has(type) ? parts : [];
  if (!tableParts.length) return;
  // COMMENT takes SHARE UPDATE EXCLUSIVE on its object (comment.c), so that two COMMENTs do not race.
  add({ table: listName(tableParts.map((sval) => ({ String: { sval } }))), mode: 'SHARE UPDATE EXCLUSIVE' });
}

/** True when a DefElem list holds `name` switched on (`CONCURRENTLY`, `FULL`, `(FULL true)`). */
export function hasOption(params: unknown, name: string): boolean {
  for (const p of Array.isArray(params) ? params : []) {
    const [k, d] = unwrap(p);
    if (k !== 'DefElem' || String(d.defname).toLowerCase() !== name) continue;
    if (d.arg === undefined) return true;
    const [ak, a] = unwrap(d.arg);
    if (ak === 'Integer') return a.ival !== undefined && a.ival !== 0;
    if (ak === 'String' || ak === 'Boolean') {
      const v = String(a.sval ?? a.boolval ?? '').toLowerCase();
      return !['false', 'off', '0', 'no'].includes(v);
    }
    return true;
  }
  return false;
}

/** True for VACUUM FULL / VACUUM (FULL [true]). */
export function vacuumIsFull(n: Node): boolean {
  return hasOption(n.options, 'full');
}

const held = new WeakMap<Statement, Array<TableLock & { existing: boolean }>>();

/**
 * The locks of `statement` with whether each lands on an existing table, remembered from the first call.
 * Rules call it on the statement they check (before the schema model moves past it), so that a later
 * look at the same statement through `ctx.tx.previous` sees the schema as it was when the statement ran.
 */
export function heldLocks(
  statement: Statement,
  catalog: SchemaCatalog,
  postgresVersion = 16,
): Array<TableLock & { existing: boolean }> {
  let locks = held.get(statement);
  if (!locks) {
    locks = tableLocks(statement, catalog, postgresVersion).map((l) => ({
      ...l,
      existing: onExistingTable(l, catalog),
    }));
    held.set(statement, locks);
  }
  return locks;
}

/** ACCESS EXCLUSIVE locks of `statement` on tables that running code can be using. */
export function accessExclusiveOnExisting(
  statement: Statement,
  catalog: SchemaCatalog,
  postgresVersion = 16,
): TableLock[] {
  return heldLocks(statement, catalog, postgresVersion).filter(
    (l) => l.existing && l.mode === 'ACCESS EXCLUSIVE',
  );
}
