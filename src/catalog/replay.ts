// Replays migrations that already ran on a database (PGlite or a shadow database), statement by
// statement as the framework would, so the schema before a change can be read from pg_catalog.
// The first statement that fails stops the replay; the result names the file, line and statement
// so the caller can fall back to the static model with a clear notice.
import { SqlError, type Database } from '../db/database.js';
import { walk } from '../parse/ast.js';
import { loadParser, parseFile } from '../parse/index.js';
import type { MigrationFile, Statement } from '../types.js';

export interface ReplayOptions {
  /**
   * Create the roles the history grants to or hands ownership to but never creates (`anon`,
   * `app_user`...), so GRANT and OWNER TO succeed. Roles belong to the whole server, so this
   * defaults to true on PGlite only.
   */
  createMissingRoles?: boolean;
}

/** A statement the replay does not run, because it reaches beyond one database or does nothing to its schema. */
export interface SkippedStatement {
  file: string;
  line: number;
  kind: string;
  reason: string;
}

export interface ReplaySuccess {
  ok: true;
  /** Files replayed. */
  replayed: number;
  /** Statements run. */
  statements: number;
  skipped: SkippedStatement[];
}

export interface ReplayFailure {
  ok: false;
  /** Path of the file whose statement failed. */
  file: string;
  /** 1-based line in that file where the error is (the statement's line, moved to the error's position). */
  line: number;
  /** The statement's text as sent to the database. */
  statement: string;
  message: string;
  /** SQLSTATE, when the database reported one. */
  code?: string;
  hint?: string;
  /** Files fully replayed before the failing one. */
  replayed: number;
}

export type ReplayResult = ReplaySuccess | ReplayFailure;

/** Statements that act on the server rather than on one database, or that only maintain data. */
const SKIP_ALWAYS: Record<string, string> = {
  CreatedbStmt: 'acts on another database',
  DropdbStmt: 'acts on another database',
  AlterDatabaseStmt: 'acts on a database, not its schema',
  AlterDatabaseSetStmt: 'acts on a database, not its schema',
  AlterDatabaseRefreshCollStmt: 'acts on a database, not its schema',
  CreateTableSpaceStmt: 'acts on the server (tablespaces)',
  DropTableSpaceStmt: 'acts on the server (tablespaces)',
  AlterTableSpaceOptionsStmt: 'acts on the server (tablespaces)',
  AlterSystemStmt: 'acts on the server configuration',
  CreateSubscriptionStmt: 'connects to another server',
  AlterSubscriptionStmt: 'connects to another server',
  DropSubscriptionStmt: 'connects to another server',
  LoadStmt: 'loads a server library',
  CheckPointStmt: 'does not change the schema',
  VacuumStmt: 'does not change the schema',
  ClusterStmt: 'does not change the schema',
  CopyStmt: 'reads or writes files or a client stream',
  NotifyStmt: 'does not change the schema',
  ListenStmt: 'does not change the schema',
  UnlistenStmt: 'does not change the schema',
};

/** Statements on server-wide roles: run on PGlite (a private server), skipped on a shadow database. */
const ROLE_STATEMENTS = new Set([
  'CreateRoleStmt',
  'AlterRoleStmt',
  'AlterRoleSetStmt',
  'DropRoleStmt',
  'GrantRoleStmt',
]);

/** Replays `files` in order on `db`. Never throws for the SQL's sake: failures are results. */
export async function replayHistory(
  files: readonly MigrationFile[],
  db: Database,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  await loadParser();
  const parsed = files.map((file) => parseFile(file));
  const createRoles = options.createMissingRoles ?? db.kind === 'pglite';
  const all = parsed.flatMap((p) => p.statements);
  // Role statements run on PGlite only (see skipReason): elsewhere a CREATE ROLE of the history creates nothing.
  const created = new Set(db.kind === 'pglite' ? all.flatMap(rolesCreated) : []);
  const wanted = [...new Set(all.flatMap(rolesNamed))].filter((r) => !created.has(r));
  let missing = new Set<string>();
  if (wanted.length > 0) {
    const existing = await db.query<{ rolname: string }>(
      'SELECT rolname FROM pg_roles WHERE rolname = ANY($1)',
      [wanted],
    );
    missing = new Set(wanted.filter((r) => !existing.some((e) => e.rolname === r)));
  }
  if (createRoles) {
    for (const role of missing) await db.exec(`CREATE ROLE "${role.replace(/"/g, '""')}" NOLOGIN`);
    missing.clear();
  }

  // Sqitch keeps its registry in the target database, schema `sqitch`; deploy scripts may grant on it.
  if (files.some((f) => f.framework === 'sqitch')) await db.exec('CREATE SCHEMA IF NOT EXISTS sqitch');

  const skipped: SkippedStatement[] = [];
  let statements = 0;
  for (const [index, { file, statements: all, diagnostics }] of parsed.entries()) {
    const top = all.filter((s) => !s.plpgsql);
    const syntax = diagnostics.find((d) => d.rule === 'syntax-error');
    // Where the framework wraps the file in a transaction, unless the file manages its own or holds a
    // statement PostgreSQL refuses inside one (a framework run of such a file could not have passed).
    const wrap =
      file.transactional &&
      !top.some((s) => s.kind === 'TransactionStmt' || cannotRunInTransaction(s)) &&
      top.length > 0;
    const fail = async (failure: Omit<ReplayFailure, 'ok' | 'file' | 'replayed'>): Promise<ReplayFailure> => {
      await db.exec('ROLLBACK').catch(() => undefined);
      return { ok: false, file: file.path, replayed: index, ...failure };
    };
    let openTx = false;
    if (wrap) await db.exec('BEGIN');
    for (const s of top) {
      if (syntax && s.line > syntax.line) break;
      const skip = skipReason(s, db, missing);
      if (skip) {
        skipped.push({ file: file.path, line: s.line, kind: s.kind, reason: skip });
        continue;
      }
      try {
        await db.exec(s.text);
        statements++;
      } catch (e: unknown) {
        if (!(e instanceof SqlError)) throw e;
        return fail({
          line: s.line + lineOffset(s.text, e.position),
          statement: s.text,
          message: e.message,
          ...(e.code ? { code: e.code } : {}),
          ...(hintFor(e, db) ? { hint: hintFor(e, db) } : {}),
        });
      }
      if (s.kind === 'TransactionStmt') openTx = txOpenAfter(s, openTx);
    }
    if (syntax) {
      return fail({
        line: syntax.line,
        statement: (file.sql.split('\n')[syntax.line - 1] ?? '').trim(),
        message: syntax.message,
      });
    }
    if (wrap || openTx) {
      try {
        await db.exec('COMMIT');
      } catch (e: unknown) {
        // A deferred constraint fails at COMMIT: blame the file's last statement.
        if (!(e instanceof SqlError)) throw e;
        const last = top[top.length - 1];
        return fail({
          line: last?.line ?? 1,
          statement: 'COMMIT',
          message: e.message,
          ...(e.code ? { code: e.code } : {}),
        });
      }
    }
  }
  return { ok: true, replayed: files.length, statements, skipped };
}

/** Extensions the history creates (`CREATE EXTENSION`, also inside DO blocks): what PGlite must load. */
export function historyExtensions(files: readonly MigrationFile[]): string[] {
  const names = new Set<string>();
  for (const file of files) {
    if (!/extension/i.test(file.sql)) continue;
    for (const s of parseFile(file).statements) {
      if (s.kind === 'CreateExtensionStmt') {
        const name = (s.node.CreateExtensionStmt as { extname?: string }).extname;
        if (name) names.add(name);
      }
    }
  }
  return [...names].sort();
}

/** A notice for the caller's fallback: which file and statement failed, and what happens next. */
export function replayNotice(failure: ReplayFailure, backend: string): string {
  const first = failure.statement.split('\n')[0] ?? '';
  const shown = first.length > 80 || failure.statement.includes('\n') ? `${first.slice(0, 80)}...` : first;
  return (
    `Could not replay the migration history on ${backend}: ${failure.file}:${failure.line} ` +
    `(${shown}) failed: ${failure.message}.${failure.hint ? ` ${failure.hint}.` : ''} ` +
    'Using the static schema model instead (it reads the migrations without running them).'
  );
}

function cannotRunInTransaction(s: Statement): boolean {
  const body = (s.node[s.kind] ?? {}) as { concurrent?: boolean; params?: unknown[] };
  if (s.kind === 'IndexStmt' || s.kind === 'DropStmt') return Boolean(body.concurrent);
  if (s.kind === 'ReindexStmt') {
    return (body.params ?? []).some(
      (p) => (p as { DefElem?: { defname?: string } }).DefElem?.defname === 'concurrently',
    );
  }
  return s.kind === 'VacuumStmt' || s.kind === 'AlterSystemStmt' || s.kind === 'CreateTableSpaceStmt';
}

function txOpenAfter(s: Statement, open: boolean): boolean {
  const kind = (s.node.TransactionStmt as { kind?: string }).kind ?? '';
  if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') return true;
  if (['TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK', 'TRANS_STMT_PREPARE'].includes(kind)) return false;
  return open;
}

/** Lines between the statement's start and PostgreSQL's 1-based error position in its text. */
function lineOffset(text: string, position: number | undefined): number {
  if (!position) return 0;
  let lines = 0;
  // PostgreSQL counts characters (code points), not UTF-16 units.
  let i = 0;
  for (const ch of text) {
    if (++i >= position) break;
    if (ch === '\n') lines++;
  }
  return lines;
}

function hintFor(e: SqlError, db: Database): string | undefined {
  if (db.kind === 'pglite' && /^extension ".*" is not available$/.test(e.message)) {
    return 'PGlite ships only PostgreSQL contrib extensions; give a shadow database URL to replay on a real server';
  }
  return e.hint;
}

function skipReason(s: Statement, db: Database, missingRoles: ReadonlySet<string>): string | undefined {
  const always = SKIP_ALWAYS[s.kind];
  if (always) return always;
  const target = serverObject(s);
  if (target === 'database' || target === 'tablespace') return `acts on a ${target}, not on the schema`;
  if (db.kind !== 'pglite' && (ROLE_STATEMENTS.has(s.kind) || target === 'role'))
    return 'acts on server-wide roles';
  if (missingRoles.size > 0 && privilegesOnly(s)) {
    const missing = rolesNamed(s).find((r) => missingRoles.has(r));
    if (missing)
      return `names the role "${missing}", which the server does not have (privileges are not modelled)`;
  }
  return undefined;
}

/** The server-wide object a GRANT, COMMENT, OWNER TO or RENAME acts on, if it acts on one. */
function serverObject(s: Statement): 'database' | 'tablespace' | 'role' | undefined {
  const body = (s.node[s.kind] ?? {}) as { objtype?: string; objectType?: string; renameType?: string };
  const type = body.objtype ?? body.objectType ?? body.renameType;
  if (type === 'OBJECT_DATABASE') return 'database';
  if (type === 'OBJECT_TABLESPACE') return 'tablespace';
  if (type === 'OBJECT_ROLE') return 'role';
  return undefined;
}

/** Statements that change only who may do what, which the schema model does not record. */
function privilegesOnly(s: Statement): boolean {
  if (PRIVILEGE_STATEMENTS.has(s.kind)) return true;
  if (s.kind !== 'AlterTableStmt') return false;
  const cmds = ((s.node.AlterTableStmt as { cmds?: unknown[] }).cmds ?? []) as Array<{
    AlterTableCmd?: { subtype?: string };
  }>;
  return cmds.length > 0 && cmds.every((c) => c.AlterTableCmd?.subtype === 'AT_ChangeOwner');
}

const PRIVILEGE_STATEMENTS = new Set([
  'GrantStmt',
  'GrantRoleStmt',
  'AlterDefaultPrivilegesStmt',
  'AlterOwnerStmt',
  'CreatePolicyStmt',
  'AlterPolicyStmt',
]);

/** Roles a statement names (GRANT ... TO, OWNER TO, AUTHORIZATION, policies, granted roles). */
function rolesNamed(s: Statement): string[] {
  const named: string[] = [];
  walk(s.node, (key, value) => {
    if (value.roletype === 'ROLESPEC_CSTRING' && typeof value.rolename === 'string')
      named.push(value.rolename);
    if (key === 'AccessPriv' && s.kind === 'GrantRoleStmt' && typeof value.priv_name === 'string')
      named.push(value.priv_name);
  });
  return named.filter((r) => !r.startsWith('pg_'));
}

function rolesCreated(s: Statement): string[] {
  const role = s.kind === 'CreateRoleStmt' ? (s.node.CreateRoleStmt as { role?: string }).role : undefined;
  return role ? [role] : [];
}
