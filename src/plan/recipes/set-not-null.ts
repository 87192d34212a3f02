// set-not-null: CHECK (col IS NOT NULL) NOT VALID now, VALIDATE it in a later migration, and in the
// contract SET NOT NULL (proved by the validated check on PostgreSQL 12+, no scan) and drop the check.
import { readAlterTable } from '../../rules/util/alter-table.js';
import { backfilledBefore } from '../backfill-order.js';
import { notNullNote, notNullSteps, type NotNullSteps } from '../not-null.js';
import { quoteIdent, tableRef, tableSql, type TableRef } from '../sql.js';
import type { Recipe } from '../types.js';

interface Spec {
  table: TableRef;
  column: string;
  steps: NotNullSteps;
  postgresVersion: number;
  /** The column is added by this release (no deployed version writes it yet). */
  isNew: boolean;
  /** An earlier UPDATE of the file, moved to the backfill, fills the column: validate after it. */
  afterBackfill: boolean;
}

export const setNotNull = {
  id: 'set-not-null',
  rules: ['setting-not-null'],
  kind: 'primary',
  appliesTo: (finding) => finding.rule === 'setting-not-null',
  validate(target, ctx) {
    const alter = readAlterTable(target.statement);
    const cmd = alter?.cmds[0];
    if (!alter || alter.cmds.length !== 1 || cmd?.subtype !== 'AT_SetNotNull' || !cmd.name)
      return { refused: 'the statement is not a single ALTER COLUMN ... SET NOT NULL' };
    const table = tableRef((target.statement.node.AlterTableStmt as { relation?: unknown }).relation);
    const isNew = ctx.catalog.isNewColumn(alter.table, cmd.name);
    const afterBackfill = backfilledBefore(target, ctx, table.name, [cmd.name]);
    if (isNew && !afterBackfill)
      return { refused: 'the column is added by this release; give it a default or write it first' };
    return {
      table,
      column: cmd.name,
      steps: notNullSteps(table, cmd.name),
      postgresVersion: ctx.postgresVersion,
      isNew,
      afterBackfill,
    };
  },
  object: (s) => `${s.table.name.key}.${s.column}`,
  summary: (s) =>
    s.afterBackfill
      ? `Make ${s.table.name.key}.${s.column} NOT NULL in the contract, after the backfill fills it: ${s.isNew ? 'a NOT VALID check, ' : 'the check added NOT VALID in the expand, '}VALIDATE it, then SET NOT NULL${notNullNote(s.postgresVersion)}.`
      : `Make ${s.table.name.key}.${s.column} NOT NULL through a NOT VALID check, validated in a later migration, then SET NOT NULL in the contract${notNullNote(s.postgresVersion)}.`,
  // A new column is not written by deployed code yet: its check waits for the contract too.
  expand: (s) => (s.isNew ? [] : [s.steps.addCheck]),
  later: (s) =>
    s.afterBackfill
      ? []
      : [
          {
            sql: s.steps.validate,
            outsideTransaction: false,
            why: 'VALIDATE CONSTRAINT scans the table under SHARE UPDATE EXCLUSIVE (reads and writes go on); a separate migration keeps the expand one short.',
          },
        ],
  contract: (s) => [
    ...(s.isNew ? [s.steps.addCheck] : []),
    ...(s.afterBackfill ? [s.steps.validate] : []),
    s.steps.setNotNull,
    s.steps.dropCheck,
  ],
  rollback: (s) =>
    s.isNew
      ? []
      : [`ALTER TABLE ${tableSql(s.table)} DROP CONSTRAINT IF EXISTS ${quoteIdent(s.steps.constraint)}`],
  app: (s) => ({
    dualWrite: s.isNew
      ? [
          `Deploy code that writes ${quoteIdent(s.column)} on every insert into ${s.table.name.key} before the contract makes it NOT NULL.`,
        ]
      : [
          `Make every deployed version write a value to ${quoteIdent(s.column)} on ${s.table.name.key} before the expand ships: the check rejects new NULL writes at once.`,
          s.afterBackfill
            ? `The backfill fills the existing rows; the contract validates the check after it.`
            : `Fix existing rows before the later migration validates the check: SELECT count(*) FROM ${s.table.name.key} WHERE ${quoteIdent(s.column)} IS NULL must be 0.`,
        ],
    switchReads: [],
    ignore: [],
  }),
  drops: (s) => [`constraint ${s.steps.constraint} on ${s.table.name.key}`],
} satisfies Recipe<Spec>;
