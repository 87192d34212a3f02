import {
  listName,
  rangeVarName,
  typeRef,
  unwrap,
  walk,
  type Node,
  type QualifiedName,
} from '../parse/ast.js';
import type { Statement } from '../types.js';
import type { Rule, RuleContext } from './types.js';

export const addingEnumValue = {
  meta: {
    id: 'adding-enum-value',
    type: 'advisory',
    description:
      'ALTER TYPE ... ADD VALUE in a transaction, used in the same transaction, or placed among existing values.',
    severity: 'warning',
    breaking: false,
    messages: {
      inTransaction:
        '`ALTER TYPE {{type}} ADD VALUE` cannot run inside a transaction block on PostgreSQL {{version}} (before 12), so this migration fails; run it in a migration of its own without a transaction.',
      usedInTransaction:
        'The new value {{value}} of `{{type}}` is used on line {{line}} in the same transaction, which PostgreSQL rejects with "unsafe use of new value" until the `ADD VALUE` commits; move the statements that use it to a later migration.',
      placed:
        '`ADD VALUE {{value}} {{placement}} {{neighbor}}` puts the new value among the existing ones of `{{type}}`, so `ORDER BY`, `<`/`>` comparisons and `min`/`max` on the column now rank rows in an order the running code does not expect, and comparisons with it are slower; add it at the end unless the order is meant to change.',
    },
    help: 'Add enum values in a migration of their own, at the end of the list, and use them only from the next migration on.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'AlterEnumStmt') return;
    const n = statement.node.AlterEnumStmt as Node;
    // RENAME VALUE has oldVal; only ADD VALUE is checked.
    if (n.oldVal || typeof n.newVal !== 'string') return;
    const typeName = listName(n.typeName);
    const value = n.newVal;
    const known = ctx.catalog.type(typeName);
    if (n.skipIfNewValExists && known?.values.includes(value)) return;
    const data = { type: typeName.key, value: quoteLiteral(value) };
    // A type created in the same transaction may take new values there and use them at once.
    if (!createdInThisTransaction(typeName, ctx)) {
      const inBlock = statement.inTransaction || statement.plpgsql !== undefined;
      if (inBlock && ctx.postgresVersion < 12) {
        ctx.report({
          messageId: 'inTransaction',
          data: { ...data, version: ctx.postgresVersion },
          object: typeName.key,
          severity: 'error',
        });
      } else if (statement.inTransaction) {
        const use = laterUse(statement, ctx, typeName, value);
        if (use) {
          ctx.report({
            messageId: 'usedInTransaction',
            data: { ...data, line: use.line },
            object: typeName.key,
            severity: 'error',
          });
        }
      }
    }
    const neighbor = n.newValNeighbor;
    if (typeof neighbor !== 'string' || ctx.catalog.isNewType(typeName)) return;
    // AFTER the last value is the same as adding at the end.
    if (n.newValIsAfter && known && known.values[known.values.length - 1] === neighbor) return;
    ctx.report({
      messageId: 'placed',
      data: { ...data, placement: n.newValIsAfter ? 'AFTER' : 'BEFORE', neighbor: quoteLiteral(neighbor) },
      object: typeName.key,
      severity: 'notice',
    });
  },
} satisfies Rule;

function createdInThisTransaction(typeName: QualifiedName, ctx: RuleContext): boolean {
  return ctx.tx.previous.some((s) => {
    const [kind, n] = unwrap(s.node);
    return kind === 'CreateEnumStmt' && listName(n.typeName).key === typeName.key;
  });
}

/**
 * The first later statement of the same transaction that writes the value as a string constant and can
 * be about this type: it names the type, or touches a table with a column of it (or one we do not know).
 */
function laterUse(
  statement: Statement,
  ctx: RuleContext,
  typeName: QualifiedName,
  value: string,
): Statement | undefined {
  return ctx.fileStatements.find((s) => {
    if (s.index <= statement.index || !s.inTransaction || s.transactionId !== statement.transactionId)
      return false;
    let usesValue = false;
    let related = false;
    walk(s.node, (key, node) => {
      if (key === 'A_Const' && (node.sval as { sval?: string } | undefined)?.sval === value) usesValue = true;
      else if (key === 'TypeName' || key === 'typeName') related ||= typeRef(node).name === typeName.name;
      else if (key === 'RangeVar' || key === 'relation')
        related ||= hasColumnOfType(ctx, rangeVarName(node), typeName);
    });
    return usesValue && related;
  });
}

function hasColumnOfType(ctx: RuleContext, table: QualifiedName, typeName: QualifiedName): boolean {
  const rel = ctx.catalog.relation(table);
  // A table the history never showed: its columns are unknown, so it may well use the type.
  if (!rel) return true;
  return [...rel.columns.values()].some((c) => c.type.name === typeName.name);
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
