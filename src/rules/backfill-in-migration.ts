import { rangeVarName, strings, unwrap, type Node, type QualifiedName } from '../parse/ast.js';
import type { SchemaCatalog } from '../catalog/model.js';
import type { Statement } from '../types.js';
import type { Rule } from './types.js';

const VERBS: Record<string, { messageId: string; verb: string }> = {
  UpdateStmt: { messageId: 'update', verb: 'UPDATE' },
  DeleteStmt: { messageId: 'delete', verb: 'DELETE' },
};

export const backfillInMigration = {
  meta: {
    id: 'backfill-in-migration',
    type: 'data',
    description: 'An UPDATE or DELETE of an existing table inside a schema migration.',
    severity: 'warning',
    breaking: false,
    messages: {
      update:
        "`UPDATE` of existing table `{{table}}` rewrites every matching row in one statement and holds their row locks until the migration commits, blocking the application's writes to them; run it in batches with `expand-contract backfill` instead.",
      delete:
        "`DELETE` from existing table `{{table}}` removes every matching row in one statement and holds their row locks until the migration commits, blocking the application's writes to them; run it in batches with `expand-contract backfill` instead.",
    },
    help: 'Move the data change out of the schema migration: `expand-contract backfill` runs it in small batches, each committed on its own.',
  },
  check(statement, ctx) {
    if (statement.plpgsql && enclosingDoCommits(statement, ctx.fileStatements)) return;
    for (const target of dataChanges(statement.node)) {
      const table = rangeVarName(target.node.relation);
      if (!table.name || ctx.catalog.isNewRelation(table)) continue;
      if (targetsKnownRows(target.node.whereClause, ctx.catalog, table)) continue;
      ctx.report({
        messageId: target.messageId,
        data: { table: table.key },
        location: target.location,
        object: table.key,
        lock: 'ROW EXCLUSIVE',
      });
    }
  },
} satisfies Rule;

interface DataChange {
  messageId: string;
  node: Node;
  location: number | undefined;
}

/** The statement itself when it is an UPDATE or DELETE, and data-modifying CTEs of a query. */
function dataChanges(node: Node): DataChange[] {
  const [kind, n] = unwrap(node);
  const out: DataChange[] = [];
  const own = VERBS[kind];
  if (own) out.push({ messageId: own.messageId, node: n, location: undefined });
  if (!own && kind !== 'SelectStmt' && kind !== 'InsertStmt') return out;
  const ctes = ((n.withClause as Node | undefined)?.ctes as unknown[] | undefined) ?? [];
  for (const c of ctes) {
    const cte = ((c as Node).CommonTableExpr ?? {}) as Node;
    const [k, body] = unwrap(cte.ctequery);
    const verb = VERBS[k];
    if (verb)
      out.push({ messageId: verb.messageId, node: body, location: cte.location as number | undefined });
  }
  return out;
}

/**
 * True when the WHERE clause pins rows by a unique key (`id = 42`, `code IN ('a', 'b')`): a data fix
 * of a few rows, not a backfill.
 */
function targetsKnownRows(where: unknown, catalog: SchemaCatalog, table: QualifiedName): boolean {
  if (!where) return false;
  const keys = uniqueColumns(catalog, table);
  const pinned = (expr: unknown): boolean => {
    const [kind, n] = unwrap(expr);
    if (kind === 'BoolExpr') {
      const args = (n.args as unknown[] | undefined) ?? [];
      if (n.boolop === 'AND_EXPR') return args.some(pinned);
      if (n.boolop === 'OR_EXPR') return args.length > 0 && args.every(pinned);
      return false;
    }
    if (kind !== 'A_Expr' || strings(n.name).join('.') !== '=') return false;
    const sides: Array<[unknown, unknown]> = [
      [n.lexpr, n.rexpr],
      [n.rexpr, n.lexpr],
    ];
    return sides.some(([col, value]) => {
      const name = columnName(col);
      if (!name || !keys.has(name)) return false;
      if (n.kind === 'AEXPR_OP') return isConstant(value);
      if (n.kind === 'AEXPR_IN') {
        const items = ((value as { List?: { items?: unknown[] } } | undefined)?.List?.items ??
          []) as unknown[];
        return items.length > 0 && items.every(isConstant);
      }
      return false;
    });
  };
  return pinned(where);
}

function uniqueColumns(catalog: SchemaCatalog, table: QualifiedName): Set<string> {
  const keys = new Set<string>(['id']);
  for (const c of catalog.relation(table)?.constraints.values() ?? []) {
    if ((c.kind === 'primary key' || c.kind === 'unique') && c.columns.length === 1)
      keys.add(c.columns[0] as string);
  }
  for (const idx of catalog.indexesOn(table)) {
    if (idx.unique && idx.columns.length === 1) keys.add(idx.columns[0] as string);
  }
  return keys;
}

function columnName(expr: unknown): string | undefined {
  const [kind, n] = unwrap(expr);
  if (kind !== 'ColumnRef') return undefined;
  return strings(n.fields).pop();
}

function isConstant(expr: unknown): boolean {
  const [kind, n] = unwrap(expr);
  if (kind === 'A_Const' || kind === 'ParamRef') return true;
  if (kind === 'TypeCast') return isConstant(n.arg);
  return false;
}

/** A DO block that commits as it goes already batches its work. */
function enclosingDoCommits(statement: Statement, fileStatements: readonly Statement[]): boolean {
  for (let i = statement.index - 1; i >= 0; i--) {
    const s = fileStatements[i];
    if (!s || s.plpgsql) continue;
    return s.kind === 'DoStmt' && /\bCOMMIT\b/i.test(s.text);
  }
  return false;
}
