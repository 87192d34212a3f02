// Readers over ALTER TABLE statements shared by the rules: the target table, its commands, column
// definitions and defaults, and whether a later statement of the release gives a column a default again.
import { rangeVarName, typeRef, unwrap, type Node, type QualifiedName } from '../../parse/ast.js';
import { scanSql } from '../../parse/libpg.js';
import type { Statement } from '../../types.js';
import { perStatement } from './memo.js';

/** One `AlterTableCmd`, read. */
export interface AlterCmd {
  subtype: string;
  /** The column or constraint the command names, when it names one. */
  name: string | undefined;
  /** The command's definition node (`{ ColumnDef: ... }`, `{ Constraint: ... }`, an expression), if any. */
  def: Node | undefined;
  cascade: boolean;
  /** `IF EXISTS` / `IF NOT EXISTS` on the command. */
  missingOk: boolean;
  /** Position of the command in the statement (0-based). */
  index: number;
}

export interface AlterTable {
  table: QualifiedName;
  /** `OBJECT_TABLE`, `OBJECT_FOREIGN_TABLE`, `OBJECT_VIEW`, ... */
  objtype: string;
  cmds: AlterCmd[];
}

const TABLES = ['OBJECT_TABLE', 'OBJECT_FOREIGN_TABLE'];

/** Reads an `ALTER TABLE` (of one of `objtypes`, tables by default); undefined for anything else. */
export function readAlterTable(
  statement: Statement,
  objtypes: readonly string[] = TABLES,
): AlterTable | undefined {
  const alter = readAnyAlterTable(statement);
  return alter && objtypes.includes(alter.objtype) ? alter : undefined;
}

const readAnyAlterTable = perStatement((statement: Statement): AlterTable | undefined => {
  if (statement.kind !== 'AlterTableStmt') return undefined;
  const n = (statement.node.AlterTableStmt ?? {}) as Node;
  const objtype = typeof n.objtype === 'string' ? n.objtype : '';
  const cmds: AlterCmd[] = [];
  for (const c of Array.isArray(n.cmds) ? n.cmds : []) {
    const [kind, cmd] = unwrap(c);
    if (kind !== 'AlterTableCmd') continue;
    cmds.push({
      subtype: typeof cmd.subtype === 'string' ? cmd.subtype : '',
      name: typeof cmd.name === 'string' ? cmd.name : undefined,
      def: cmd.def && typeof cmd.def === 'object' ? (cmd.def as Node) : undefined,
      cascade: cmd.behavior === 'DROP_CASCADE',
      missingOk: Boolean(cmd.missing_ok),
      index: cmds.length,
    });
  }
  return { table: rangeVarName(n.relation), objtype, cmds };
});

/** The `ColumnDef` body of an ADD COLUMN or ALTER COLUMN TYPE command. */
export function columnDef(cmd: AlterCmd): Node | undefined {
  const d = cmd.def?.ColumnDef;
  return d && typeof d === 'object' ? (d as Node) : undefined;
}

/** The `location` of a node body, when libpg-query gives one. */
export function locationOf(node: Node | undefined): number | undefined {
  const l = node?.location;
  return typeof l === 'number' && l >= 0 ? l : undefined;
}

/** True for `NULL` and `NULL::type` (a default that is no default). */
export function isNullExpr(expr: unknown): boolean {
  const [kind, n] = unwrap(expr);
  if (kind === 'A_Const') return Boolean(n.isnull);
  if (kind === 'TypeCast') return isNullExpr(n.arg);
  return false;
}

function constraints(def: Node): Node[] {
  const list = Array.isArray(def.constraints) ? def.constraints : [];
  return list
    .map((c) => unwrap(c))
    .filter(([k]) => k === 'Constraint')
    .map(([, body]) => body);
}

/** True when a column definition says NOT NULL (or PRIMARY KEY, which implies it). */
export function declaresNotNull(def: Node): boolean {
  if (def.is_not_null) return true;
  return constraints(def).some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY');
}

/** True when inserts that omit the column still get a value: a non-NULL default, identity, generated, serial. */
export function definesValue(def: Node): boolean {
  if (def.raw_default && !isNullExpr(def.raw_default)) return true;
  if (def.identity || def.generated) return true;
  if (/^(small|big)?serial[248]?$/.test(typeRef(def.typeName).name)) return true;
  return constraints(def).some(
    (c) =>
      (c.contype === 'CONSTR_DEFAULT' && !isNullExpr(c.raw_expr)) ||
      c.contype === 'CONSTR_IDENTITY' ||
      c.contype === 'CONSTR_GENERATED',
  );
}

/** True when the command gives `column` a value on insert again: SET DEFAULT (not NULL) or ADD ... IDENTITY. */
export function givesDefault(cmd: AlterCmd, column: string): boolean {
  if (cmd.name !== column) return false;
  if (cmd.subtype === 'AT_ColumnDefault') return cmd.def !== undefined && !isNullExpr(cmd.def);
  return cmd.subtype === 'AT_AddIdentity';
}

/** True when one of `statements` gives `table`.`column` a default (or identity) again. */
export function defaultSetIn(
  statements: readonly Statement[],
  table: QualifiedName,
  column: string,
): boolean {
  return statements.some((s) => {
    const alter = readAlterTable(s);
    return alter?.table.key === table.key && alter.cmds.some((c) => givesDefault(c, column));
  });
}

/**
 * The `location` of an ALTER TABLE command, which libpg-query does not give: the first token of the
 * command, found by splitting the statement's text at its top-level commas. Lexes only when asked.
 */
export function cmdLocation(statement: Statement, cmd: AlterCmd): number | undefined {
  const starts = commandStarts(statement);
  const at = starts?.[cmd.index];
  return at === undefined ? undefined : statement.textLocation(at);
}

const commandStarts = perStatement((statement: Statement): number[] | undefined => {
  const tokens = scanSql(statement.text)?.filter(
    (t) => t.tokenName !== 'SQL_COMMENT' && t.tokenName !== 'C_COMMENT',
  );
  const relation = (statement.node.AlterTableStmt as Node | undefined)?.relation as Node | undefined;
  if (!tokens || typeof relation?.location !== 'number') return undefined;
  // `ALTER TABLE [IF EXISTS] [ONLY] [schema.]name [*]`, then the commands, split at top-level commas.
  const relByte = relation.location - statement.textLocation(0);
  let i = tokens.findIndex((t) => t.start === relByte);
  if (i < 0) return undefined;
  i++;
  while (tokens[i]?.text === '.') i += 2;
  if (tokens[i]?.text === '*') i++;
  const first = tokens[i];
  if (!first) return undefined;
  const starts = [first.start];
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j] as { text: string };
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (t.text === ',' && depth === 0 && tokens[j + 1])
      starts.push((tokens[j + 1] as { start: number }).start);
  }
  return starts;
});
