// add-required-column: ADD COLUMN ... NOT NULL without a default. Add it nullable now, backfill the
// existing rows (the value is a placeholder a person fills), and make it NOT NULL in the contract
// through a validated check, once every deployed version writes it.
import { planned, setStep, type PlannedBackfill } from '../batch.js';
import { notNullNote, notNullSteps } from '../not-null.js';
import { placeholder, quoteIdent, tableSql, type TableRef } from '../sql.js';
import { notNullClause, SqlText } from '../../parse/tokens.js';
import type { Recipe } from '../types.js';
import { singleAddColumn } from './added-column.js';
import { isRefusal } from './define.js';

interface Spec {
  table: TableRef;
  column: string;
  addNullable: string;
  backfill: PlannedBackfill;
  postgresVersion: number;
}

export const addRequiredColumn = {
  id: 'add-required-column',
  rules: ['adding-required-field'],
  kind: 'primary',
  appliesTo: (finding) => finding.rule === 'adding-required-field',
  validate(target, ctx) {
    const added = singleAddColumn(target.statement);
    if (isRefusal(added)) return added;
    const { table, column } = added;
    const sql = new SqlText(target.statement.text);
    const nn = notNullClause(sql);
    if (!nn) return { refused: 'the column is required by something other than NOT NULL (PRIMARY KEY?)' };
    return {
      table,
      column,
      addNullable: sql.without(nn.from, nn.to),
      backfill: planned(
        setStep({
          table: table.name,
          tableSql: tableSql(table),
          set: `${quoteIdent(column)} = ${placeholder(`value for existing rows of ${table.name.key}.${column}`)}`,
          needs: `${quoteIdent(column)} IS NULL`,
          catalog: ctx.catalog,
        }),
        ctx.catalog,
        table.name,
        ctx.batchSize,
      ),
      postgresVersion: ctx.postgresVersion,
    };
  },
  object: (s) => `${s.table.name.key}.${s.column}`,
  summary: (s) =>
    `Add ${s.table.name.key}.${s.column} nullable, backfill existing rows, and make it NOT NULL in the contract through a validated check${notNullNote(s.postgresVersion)}.`,
  expand: (s) => [s.addNullable],
  backfill: (s) => [s.backfill],
  contract: (s) => {
    const nn = notNullSteps(s.table, s.column);
    return [nn.addCheck, nn.validate, nn.setNotNull, nn.dropCheck];
  },
  rollback: (s) => [`ALTER TABLE ${tableSql(s.table)} DROP COLUMN IF EXISTS ${quoteIdent(s.column)}`],
  app: (s) => ({
    dualWrite: [
      `Deploy code that writes ${quoteIdent(s.column)} on every insert into ${s.table.name.key} before the backfill runs.`,
      `If new rows should get a default instead, add ALTER TABLE ${tableSql(s.table)} ALTER COLUMN ${quoteIdent(s.column)} SET DEFAULT ... to the expand migration.`,
    ],
    switchReads: [],
    ignore: [],
  }),
  drops: () => [],
} satisfies Recipe<Spec>;
