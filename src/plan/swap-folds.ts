// A column swap (rename, type change) and the changes a later statement of the same file makes to the
// same column: `ALTER COLUMN c TYPE ..., ALTER COLUMN c SET DEFAULT ..., ALTER COLUMN c SET NOT NULL`
// as ORMs write it. The default and the NOT NULL fold into the replacement column, and the swap answers
// those statements too; any other later change of the column refuses the swap.
import { readAlterTable } from '../rules/util/alter-table.js';
import { SqlText } from '../parse/tokens.js';
import { laterTargets, mentionsColumn } from './sequence.js';
import type { TableRef } from './sql.js';
import type { PlanTarget, RecipeContext, Refusal } from './types.js';

export interface LaterColumnChanges {
  /** The default a later statement gives the column (null: dropped); undefined when none does. */
  default?: string | null;
  /** NOT NULL set (true) or dropped (false) by a later statement; undefined when none does. */
  notNull?: boolean;
  /** The later targets folded into the swap: the planner does not plan them again. */
  covers: PlanTarget[];
}

export function foldLaterChanges(
  target: PlanTarget,
  ctx: RecipeContext,
  table: TableRef,
  column: string,
  /**
   * True for a type change: the old column keeps the name until the contract, so any other later
   * statement naming it (an index, a foreign key, a comment) would land on the old column and be lost.
   */
  strict = false,
): LaterColumnChanges | Refusal {
  const out: LaterColumnChanges = { covers: [] };
  for (const later of laterTargets(target, ctx)) {
    const alter = readAlterTable(later.statement);
    const own =
      alter && alter.table.key === table.name.key ? alter.cmds.filter((c) => c.name === column) : [];
    if (own.length === 0) {
      if (strict && mentionsColumn(later.statement, table.name, column))
        return {
          refused: `line ${later.original.line} of this migration uses ${table.name.key}.${column} after its type change; during the transition that name still means the old column, so plan the type change in a migration of its own`,
        };
      continue;
    }
    if (!alter) continue;
    const cmd = own[0];
    const where = `line ${later.original.line} of this migration`;
    if (alter.cmds.length !== 1 || !cmd)
      return { refused: `${where} changes ${table.name.key}.${column} again among other commands; split it` };
    if (cmd.subtype === 'AT_ColumnDefault') {
      out.default = cmd.def ? defaultExpr(later) : null;
      if (out.default === undefined) return { refused: `${where}: the new default could not be read` };
    } else if (cmd.subtype === 'AT_SetNotNull') out.notNull = true;
    else if (cmd.subtype === 'AT_DropNotNull') out.notNull = false;
    else if (cmd.subtype === 'AT_SetStatistics' || cmd.subtype === 'AT_SetStorage') continue;
    else
      return {
        refused: `${where} changes ${table.name.key}.${column} again (${cmd.subtype.replace(/^AT_/, '')}); the swap cannot carry that change, so plan them as separate migrations`,
      };
    out.covers.push(later);
  }
  return out;
}

/** The expression of `ALTER COLUMN c SET DEFAULT expr`. */
function defaultExpr(target: PlanTarget): string | undefined {
  const sql = new SqlText(target.statement.text);
  const at = sql.keyword('DEFAULT');
  if (at < 0) return undefined;
  const expr = sql.slice(sql.endOf(at)).trim().replace(/;$/, '').trim();
  return expr || undefined;
}
