// The NOT VALID pattern shared by add-foreign-key-not-valid and add-check-not-valid: add the
// constraint NOT VALID now (enforced for new writes, no scan of existing rows under the strong lock),
// then VALIDATE CONSTRAINT in a later migration (SHARE UPDATE EXCLUSIVE: traffic goes on).
import { readAlterTable } from '../rules/util/alter-table.js';
import { defaultConstraintName } from '../rules/util/blocking.js';
import { strings, unwrap } from '../parse/ast.js';
import { quoteIdent, tableRef, tableSql, type TableRef } from './sql.js';
import { SqlText } from '../parse/tokens.js';
import { backfilledBefore } from './backfill-order.js';
import { namesIn } from './sequence.js';
import type { PlanTarget, RecipeContext, Refusal } from './types.js';

export interface NotValidSpec {
  table: TableRef;
  constraint: string;
  add: string;
  validate: string;
  kind: string;
  /** An earlier UPDATE of the file, moved to the backfill, writes the constrained columns. */
  afterBackfill: boolean;
}

export function readNotValid(
  target: PlanTarget,
  ctx: RecipeContext,
  contype: string,
  kind: string,
): NotValidSpec | Refusal {
  const alter = readAlterTable(target.statement);
  const cmd = alter?.cmds[0];
  const [k, con] = unwrap(cmd?.def);
  if (
    !alter ||
    alter.cmds.length !== 1 ||
    cmd?.subtype !== 'AT_AddConstraint' ||
    k !== 'Constraint' ||
    con.contype !== contype
  )
    return { refused: `the statement is not a single ADD ${kind}` };
  const table = tableRef((target.statement.node.AlterTableStmt as { relation?: unknown }).relation);
  const named = typeof con.conname === 'string';
  const constraint = named
    ? (con.conname as string)
    : defaultConstraintName(alter.table, contype, strings(con.fk_attrs ?? con.keys), con);
  let sql = new SqlText(target.statement.text);
  if (!named) {
    const add = sql.keyword('ADD');
    if (add < 0) return { refused: 'the ADD keyword was not found' };
    sql = new SqlText(sql.insertAfter(add, `CONSTRAINT ${quoteIdent(constraint)}`));
  }
  const add = con.skip_validation ? sql.text : `${sql.text.trimEnd()} NOT VALID`;
  return {
    table,
    constraint,
    add,
    validate: `ALTER TABLE ${tableSql(table)} VALIDATE CONSTRAINT ${quoteIdent(constraint)}`,
    kind,
    afterBackfill: backfilledBefore(target, ctx, table.name, [...namesIn(target.statement)]),
  };
}

/** Expand: the constraint NOT VALID, unless it waits for a backfill (then it all goes to the contract). */
export function notValidExpand(s: NotValidSpec): string[] {
  return s.afterBackfill ? [] : [s.add];
}

export function notValidContract(s: NotValidSpec): string[] {
  return s.afterBackfill ? [s.add, s.validate] : [];
}

export function notValidSummary(s: NotValidSpec, what: string): string {
  return s.afterBackfill
    ? `Add ${what} ${s.constraint} on ${s.table.name.key} in the contract, after the backfill fills the columns it checks: NOT VALID, then VALIDATE CONSTRAINT without blocking traffic.`
    : `Add ${what} ${s.constraint} on ${s.table.name.key} NOT VALID (new writes are checked at once), and VALIDATE it in a later migration without blocking traffic.`;
}

export function notValidLater(
  s: NotValidSpec,
): Array<{ sql: string; outsideTransaction: boolean; why: string }> {
  if (s.afterBackfill) return [];
  return [
    {
      sql: s.validate,
      outsideTransaction: false,
      why: "VALIDATE CONSTRAINT checks existing rows under SHARE UPDATE EXCLUSIVE, so reads and writes go on; in its own migration it does not hold the expand migration's locks.",
    },
  ];
}

export function notValidRollback(s: NotValidSpec): string[] {
  if (s.afterBackfill) return [];
  return [`ALTER TABLE ${tableSql(s.table)} DROP CONSTRAINT IF EXISTS ${quoteIdent(s.constraint)}`];
}
