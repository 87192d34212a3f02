// Order inside one migration file. A recipe that moves a statement to a later phase (a drop to the
// contract, an UPDATE to the backfill) must not change what the statements after it in the same file
// do: a table dropped and created again under its name, a column filled by an UPDATE and then made
// NOT NULL, a DELETE that reads what the UPDATE wrote. These readers find such statements by name.
import { listName, unwrap, walk, type Node, type QualifiedName } from '../parse/ast.js';
import { readAlterTable } from '../rules/util/alter-table.js';
import { dropTargets } from '../rules/util/objects.js';
import type { Statement } from '../types.js';
import type { PlanTarget, RecipeContext } from './types.js';

/** The targets of the file after `target`, in file order. */
export function laterTargets(target: PlanTarget, ctx: RecipeContext): readonly PlanTarget[] {
  const i = indexOf(target, ctx);
  return i < 0 ? [] : ctx.targets.slice(i + 1);
}

/** The targets of the file before `target`, in file order. */
export function earlierTargets(target: PlanTarget, ctx: RecipeContext): readonly PlanTarget[] {
  const i = indexOf(target, ctx);
  return i < 0 ? [] : ctx.targets.slice(0, i);
}

function indexOf(target: PlanTarget, ctx: RecipeContext): number {
  const same = ctx.targets.indexOf(target);
  if (same >= 0) return same;
  return ctx.targets.findIndex((t) => t.original === target.original && t.cmdIndex === target.cmdIndex);
}

/** Why a drop cannot wait for the contract: a later statement of the file names the object again. */
export function reusedAfterDrop(object: string, drop: PlanTarget, again: PlanTarget): string {
  const where =
    again.original === drop.original
      ? 'a later command of the same ALTER TABLE'
      : `line ${again.original.line} of this migration`;
  return `${where} names ${object} again after the drop (to create it anew or use it); the drop cannot wait for the contract without changing what that statement does, so it runs where it is`;
}

/** Why a drop cannot wait for the contract: a later statement drops a type the object still uses. */
export function typeDroppedAfter(object: string, drop: PlanTarget): string {
  return `line ${drop.original.line} of this migration drops a type ${object} uses, which cannot go while ${object} exists; the drop runs where it is`;
}

/**
 * A later statement of the file that drops one of `types` (the types of a column or table whose drop
 * would move to the contract): the type cannot go while the column still uses it.
 */
export function laterTypeDrop(
  target: PlanTarget,
  ctx: RecipeContext,
  types: ReadonlyArray<{ name: string; schema: string | null }>,
): PlanTarget | undefined {
  if (types.length === 0) return undefined;
  return laterTargets(target, ctx).find((t) => {
    const [kind, n] = unwrap(t.statement.node);
    if (kind !== 'DropStmt' || (n.removeType !== 'OBJECT_TYPE' && n.removeType !== 'OBJECT_DOMAIN'))
      return false;
    return dropTargets(n).some((d) =>
      types.some((ty) => ty.name === d.name.name && (ty.schema === null || ty.schema === d.name.schema)),
    );
  });
}

/** True when the statement names the table: uses, creates, alters, renames something to it. */
export function mentionsTable(statement: Statement, table: QualifiedName): boolean {
  let found = false;
  // Every RangeVar, wherever it sits (FROM lists, `relation`, `pktable`, `into.rel`, `view`).
  walk(statement.node, (_key, value) => {
    if (!found && typeof value.relname === 'string' && sameTable(value, table)) found = true;
  });
  if (found) return true;
  const [kind, n] = unwrap(statement.node);
  // DROP TABLE/VIEW/...: the names are lists of strings.
  if (kind === 'DropStmt' && Array.isArray(n.objects))
    return n.objects.some((o) => {
      const name = listName(o);
      return name.name === table.name && name.schema === table.schema;
    });
  // ALTER TABLE other RENAME TO table: the new name is a plain string.
  return kind === 'RenameStmt' && n.newname === table.name;
}

function sameTable(rv: Node, table: QualifiedName): boolean {
  if (typeof rv.relname !== 'string' || rv.relname !== table.name) return false;
  return typeof rv.schemaname !== 'string' || rv.schemaname === table.schema;
}

/** True when the statement names the table and, anywhere in it, the column. */
export function mentionsColumn(statement: Statement, table: QualifiedName, column: string): boolean {
  return mentionsTable(statement, table) && namesIn(statement).has(column);
}

/** Every identifier-like string in the statement: column references, definitions, new names. */
export function namesIn(statement: Statement): Set<string> {
  const out = new Set<string>();
  const see = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(see);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Node)) {
      if (typeof value === 'string' && NAME_KEYS.has(key)) out.add(value);
      else if (value && typeof value === 'object') see(value);
    }
  };
  see(statement.node);
  return out;
}

const NAME_KEYS = new Set(['sval', 'colname', 'name', 'newname', 'subname', 'conname', 'idxname']);

/**
 * What a later statement that names a column filled by a deferred backfill is, for the order of the
 * plan: `backfill` (an UPDATE or DELETE that goes to the backfill too, in order), `contract` (a
 * constraint a recipe moves to the contract when its column is backfilled), `any` (DDL whose effect
 * does not depend on the rows), or `conflict` (it must run after the backfill and nothing moves it).
 */
export type AfterBackfill = 'backfill' | 'contract' | 'any' | 'conflict';

/** Rules whose recipes move the statement to the contract when its column is backfilled first. */
const SHIFTED = new Set([
  'setting-not-null',
  'adding-foreign-key-constraint',
  'constraint-missing-not-valid',
]);

export function afterBackfill(target: PlanTarget): AfterBackfill {
  const { statement } = target;
  const [kind, n] = unwrap(statement.node);
  if (statement.plpgsql) return 'conflict';
  if ((kind === 'UpdateStmt' || kind === 'DeleteStmt') && !n.withClause) return 'backfill';
  if (kind === 'CommentStmt' || kind === 'GrantStmt') return 'any';
  // A unique index depends on the values; a plain one is kept up to date by the backfill.
  if (kind === 'IndexStmt') return n.unique ? 'conflict' : 'any';
  const alter = readAlterTable(statement);
  if (!alter || alter.cmds.length !== 1) return 'conflict';
  const cmd = alter.cmds[0];
  const shifted = target.findings.some((f) => !f.suppressed && SHIFTED.has(f.rule));
  switch (cmd?.subtype) {
    case 'AT_SetNotNull':
      return shifted ? 'contract' : 'conflict';
    case 'AT_AddConstraint': {
      const [, con] = unwrap(cmd.def);
      const checked = con.contype === 'CONSTR_CHECK' || con.contype === 'CONSTR_FOREIGN';
      return checked && shifted ? 'contract' : 'conflict';
    }
    case 'AT_ColumnDefault':
    case 'AT_DropColumn':
    case 'AT_DropConstraint':
    case 'AT_AddColumn':
      return 'any';
    default:
      return 'conflict';
  }
}

/** The columns an UPDATE sets (empty for anything else). */
export function updatedColumns(statement: Statement): string[] {
  const [kind, n] = unwrap(statement.node);
  if (kind !== 'UpdateStmt' || !Array.isArray(n.targetList)) return [];
  return n.targetList.flatMap((t) => {
    const [k, res] = unwrap(t);
    return k === 'ResTarget' && typeof res.name === 'string' ? [res.name] : [];
  });
}

/** The table an UPDATE or DELETE changes, or undefined. */
export function changedTable(statement: Statement): Node | undefined {
  const [kind, n] = unwrap(statement.node);
  if (kind !== 'UpdateStmt' && kind !== 'DeleteStmt') return undefined;
  return n.relation as Node | undefined;
}
