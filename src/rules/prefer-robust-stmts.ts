import { listName, qualify, rangeVarName, strings, unwrap, type Node } from '../parse/ast.js';
import type { Statement } from '../types.js';
import type { Rule, RuleContext } from './types.js';
import { quoteIdent } from '../parse/ident.js';

/** Statements that change nothing a re-run could trip over. */
const HARMLESS = new Set(['VariableSetStmt', 'VariableShowStmt', 'TransactionStmt']);

const DROP_WORDS: Record<string, string> = {
  OBJECT_MATVIEW: 'MATERIALIZED VIEW',
  OBJECT_FOREIGN_TABLE: 'FOREIGN TABLE',
  OBJECT_FDW: 'FOREIGN DATA WRAPPER',
  OBJECT_FOREIGN_SERVER: 'SERVER',
  OBJECT_TSCONFIGURATION: 'TEXT SEARCH CONFIGURATION',
  OBJECT_TSDICTIONARY: 'TEXT SEARCH DICTIONARY',
};

const QUALIFIED_DROPS = new Set([
  'OBJECT_TABLE',
  'OBJECT_INDEX',
  'OBJECT_SEQUENCE',
  'OBJECT_VIEW',
  'OBJECT_MATVIEW',
  'OBJECT_FOREIGN_TABLE',
]);

export const preferRobustStmts = {
  meta: {
    id: 'prefer-robust-stmts',
    type: 'advisory',
    description:
      'A statement that commits on its own and cannot be run twice, so a half-applied migration cannot be re-run.',
    severity: 'notice',
    breaking: false,
    messages: {
      create:
        '`{{keyword}}` commits on its own, so if a later statement of this file fails, re-running the migration stops here because `{{object}}` already exists; write `{{keyword}} IF NOT EXISTS`.',
      drop: '`{{keyword}}` commits on its own, so if a later statement of this file fails, re-running the migration stops here because `{{object}}` is already gone; write `{{keyword}} IF EXISTS`.',
      addColumn:
        '`ADD COLUMN {{column}}` commits on its own, so if a later statement of this file fails, re-running the migration stops here because `{{object}}` already exists; write `ADD COLUMN IF NOT EXISTS {{column}}`.',
      dropColumn:
        '`DROP COLUMN {{column}}` commits on its own, so if a later statement of this file fails, re-running the migration stops here because `{{object}}` is already gone; write `DROP COLUMN IF EXISTS {{column}}`.',
      dropConstraint:
        '`DROP CONSTRAINT {{constraint}}` commits on its own, so if a later statement of this file fails, re-running the migration stops here because the constraint is already gone; write `DROP CONSTRAINT IF EXISTS {{constraint}}`.',
      unnamedIndex:
        '`{{keyword}}` without a name commits on its own, so re-running the migration after a failure builds a second index on `{{table}}` beside the first; name the index and write `{{keyword}} IF NOT EXISTS <name>`.',
      concurrentIndex:
        'A failed `CREATE INDEX CONCURRENTLY` leaves the invalid index `{{object}}` behind, so re-running the migration fails on it; put `DROP INDEX CONCURRENTLY IF EXISTS {{name}};` before this statement.',
      concurrentIndexIfNotExists:
        'A failed `CREATE INDEX CONCURRENTLY` leaves the invalid index `{{object}}` behind, and on a re-run `IF NOT EXISTS` silently keeps that unusable index; put `DROP INDEX CONCURRENTLY IF EXISTS {{name}};` before this statement.',
    },
    help: 'Make each statement that commits on its own safe to run twice: `IF NOT EXISTS` on CREATE and ADD COLUMN, `IF EXISTS` on DROP, and `DROP INDEX CONCURRENTLY IF EXISTS` before `CREATE INDEX CONCURRENTLY`.',
  },
  check(statement, ctx) {
    if (ctx.file.transactional || statement.plpgsql) return;
    const [kind, n] = unwrap(statement.node);
    // A failed concurrent build leaves an invalid index even when nothing else follows.
    if (kind === 'IndexStmt' && n.concurrent) return concurrentIndex(n, statement, ctx);
    // How a plain .sql file runs (psql, a deploy script, a wrapper that opens a transaction) is unknown:
    // only the concurrent index above, which no transaction can cover, is certain enough to report.
    if (ctx.file.framework === 'sql') return;
    if (!committedBeforeLaterWork(statement, ctx.fileStatements)) return;
    switch (kind) {
      case 'CreateStmt': {
        const relation = (n.relation ?? {}) as Node;
        if (n.if_not_exists || relation.relpersistence === 't') return;
        return create(ctx, 'CREATE TABLE', rangeVarName(relation).key);
      }
      case 'CreateTableAsStmt': {
        const into = (n.into ?? {}) as Node;
        if (n.if_not_exists || ((into.rel ?? {}) as Node).relpersistence === 't') return;
        const keyword = n.objtype === 'OBJECT_MATVIEW' ? 'CREATE MATERIALIZED VIEW' : 'CREATE TABLE';
        return create(ctx, keyword, rangeVarName(into.rel).key);
      }
      case 'IndexStmt':
        return plainIndex(n, ctx);
      case 'CreateSeqStmt':
        if (!n.if_not_exists) create(ctx, 'CREATE SEQUENCE', rangeVarName(n.sequence).key);
        return;
      case 'CreateSchemaStmt':
        // IF NOT EXISTS cannot be combined with schema elements.
        if (!n.if_not_exists && !(n.schemaElts as unknown[] | undefined)?.length) {
          create(ctx, 'CREATE SCHEMA', (n.schemaname as string | undefined) ?? '');
        }
        return;
      case 'CreateExtensionStmt':
        if (!n.if_not_exists) create(ctx, 'CREATE EXTENSION', (n.extname as string | undefined) ?? '');
        return;
      case 'DropStmt':
        if (!n.missing_ok) drop(n, ctx);
        return;
      case 'AlterTableStmt':
        return alterTable(n, ctx);
      default:
        return;
    }
  },
} satisfies Rule;

/** True when another statement of the file commits after this one (so this one stays applied if it fails). */
function committedBeforeLaterWork(statement: Statement, fileStatements: readonly Statement[]): boolean {
  // Forward from the statement: the first later statement that commits apart usually answers at once.
  for (let i = statement.index + 1; i < fileStatements.length; i++) {
    const s = fileStatements[i] as Statement;
    if (
      !s.plpgsql &&
      !HARMLESS.has(s.kind) &&
      !(s.inTransaction && s.transactionId === statement.transactionId)
    ) {
      return true;
    }
  }
  return false;
}

const dropped = new WeakMap<readonly Statement[], Map<string, number>>();

/** Index names dropped with `DROP INDEX ... IF EXISTS` in a file, each with its first statement index. */
function droppedIndexes(fileStatements: readonly Statement[]): Map<string, number> {
  let map = dropped.get(fileStatements);
  if (map) return map;
  map = new Map();
  for (const s of fileStatements) {
    if (s.kind !== 'DropStmt') continue;
    const d = s.node.DropStmt as Node;
    if (d.removeType !== 'OBJECT_INDEX' || !d.missing_ok) continue;
    for (const o of (d.objects as unknown[] | undefined) ?? []) {
      const key = listName(((o as Node).List as Node | undefined)?.items).key;
      if (!map.has(key)) map.set(key, s.index);
    }
  }
  dropped.set(fileStatements, map);
  return map;
}

function create(ctx: RuleContext, keyword: string, object: string): void {
  ctx.report({ messageId: 'create', data: { keyword, object }, object });
}

function indexKeyword(n: Node): string {
  return `CREATE ${n.unique ? 'UNIQUE ' : ''}INDEX${n.concurrent ? ' CONCURRENTLY' : ''}`;
}

function plainIndex(n: Node, ctx: RuleContext): void {
  const table = rangeVarName(n.relation);
  if (!n.idxname) {
    ctx.report({
      messageId: 'unnamedIndex',
      data: { keyword: indexKeyword(n), table: table.key },
      object: table.key,
    });
  } else if (!n.if_not_exists) {
    create(ctx, indexKeyword(n), qualify(n.idxname as string, table.schema).key);
  }
}

function concurrentIndex(n: Node, statement: Statement, ctx: RuleContext): void {
  const table = rangeVarName(n.relation);
  if (!n.idxname) {
    ctx.report({
      messageId: 'unnamedIndex',
      data: { keyword: indexKeyword(n), table: table.key },
      object: table.key,
    });
    return;
  }
  const name = qualify(n.idxname as string, table.schema);
  const droppedAt = droppedIndexes(ctx.fileStatements).get(name.key);
  const droppedFirst = droppedAt !== undefined && droppedAt < statement.index;
  if (droppedFirst) return;
  const qualified = Boolean(((n.relation ?? {}) as Node).schemaname);
  const written = qualified ? `${quoteIdent(name.schema)}.${quoteIdent(name.name)}` : quoteIdent(name.name);
  ctx.report({
    messageId: n.if_not_exists ? 'concurrentIndexIfNotExists' : 'concurrentIndex',
    data: { object: name.key, name: written },
    object: name.key,
  });
}

function drop(n: Node, ctx: RuleContext): void {
  const type = (n.removeType as string | undefined) ?? '';
  const word = DROP_WORDS[type] ?? type.replace(/^OBJECT_/, '').replace(/_/g, ' ');
  const keyword = `DROP ${word}${n.concurrent ? ' CONCURRENTLY' : ''}`;
  const first = ((n.objects as unknown[] | undefined) ?? [])[0];
  const object = dropObjectName(type, first);
  ctx.report({ messageId: 'drop', data: { keyword, object }, object });
}

function dropObjectName(type: string, node: unknown): string {
  const [kind, body] = unwrap(node);
  if (kind === 'List') {
    return QUALIFIED_DROPS.has(type) ? listName(body.items).key : strings(body.items).join('.');
  }
  if (kind === 'String') return (body.sval as string | undefined) ?? '';
  if (kind === 'TypeName') return listName(body.names).key;
  if (kind === 'ObjectWithArgs') return strings(body.objname).join('.');
  return '';
}

function alterTable(n: Node, ctx: RuleContext): void {
  if (n.objtype !== 'OBJECT_TABLE') return;
  const table = rangeVarName(n.relation);
  for (const c of (n.cmds as unknown[] | undefined) ?? []) {
    const cmd = ((c as Node).AlterTableCmd ?? {}) as Node;
    if (cmd.missing_ok) continue;
    if (cmd.subtype === 'AT_AddColumn') {
      const def = ((cmd.def as Node | undefined)?.ColumnDef ?? {}) as Node;
      const column = (def.colname as string | undefined) ?? '';
      ctx.report({
        messageId: 'addColumn',
        data: { column: quoteIdent(column), object: `${table.key}.${column}` },
        location: def.location as number | undefined,
        object: `${table.key}.${column}`,
      });
    } else if (cmd.subtype === 'AT_DropColumn' && typeof cmd.name === 'string') {
      ctx.report({
        messageId: 'dropColumn',
        data: { column: quoteIdent(cmd.name), object: `${table.key}.${cmd.name}` },
        object: `${table.key}.${cmd.name}`,
      });
    } else if (cmd.subtype === 'AT_DropConstraint' && typeof cmd.name === 'string') {
      ctx.report({
        messageId: 'dropConstraint',
        data: { constraint: quoteIdent(cmd.name) },
        object: `${table.key}.${cmd.name}`,
      });
    }
  }
}
