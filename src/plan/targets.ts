// The units the planner works on: one per statement, except a multi-command ALTER TABLE whose
// commands have findings of their own, which is split into one ALTER TABLE per command so a recipe
// can take one command and the others pass through untouched.
import type { Node } from '../parse/ast.js';
import { cmdLocation, readAlterTable } from '../rules/util/alter-table.js';
import type { Finding, Statement } from '../types.js';
import { SqlText } from '../parse/tokens.js';
import type { PlanTarget } from './types.js';

/** Targets of one statement with its unsuppressed findings. */
export function targetsOf(statement: Statement, findings: Finding[]): PlanTarget[] {
  const whole: PlanTarget = { statement, original: statement, cmdIndex: null, findings };
  const alter = readAlterTable(statement, ['OBJECT_TABLE', 'OBJECT_FOREIGN_TABLE', 'OBJECT_INDEX']);
  if (!alter || alter.cmds.length < 2) return [whole];
  const starts = alter.cmds.map((c) => cmdLocation(statement, c));
  if (starts.some((s) => s === undefined)) return [whole];
  const base = statement.textLocation(0);
  const offsets = (starts as number[]).map((s) => s - base);
  const places = (starts as number[]).map((s) => statement.locate(s));
  const sql = new SqlText(statement.text);
  const header = sql.slice(0, offsets[0]);
  const node = statement.node.AlterTableStmt as Node;
  const cmds = node.cmds as unknown[];

  const owner = (f: Finding): number => {
    let owner = -1;
    places.forEach((p, i) => {
      if (f.line > p.line || (f.line === p.line && f.column >= p.column)) owner = i;
    });
    return owner;
  };
  const cmdFindings = findings.filter((f) => owner(f) >= 0);
  if (cmdFindings.length === 0) return [whole];

  return offsets.map((start, i) => {
    const end = offsets[i + 1] ?? sql.bytes.length;
    const cmdText = sql.slice(start, end).replace(/,$/, '').trim();
    const text = `${header} ${cmdText}`;
    const part: Statement = {
      ...statement,
      text,
      node: { AlterTableStmt: { ...node, cmds: [cmds[i]] } },
    };
    // Findings on the statement as a whole (the table name) go with every command.
    const own = findings.filter((f) => owner(f) === i || owner(f) < 0);
    return { statement: part, original: statement, cmdIndex: i, findings: own };
  });
}
