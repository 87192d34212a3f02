// volatile-default: ADD COLUMN with a default that rewrites the table (a volatile one such as
// gen_random_uuid() or clock_timestamp(); any default before PostgreSQL 11). Add the column without
// it, SET DEFAULT for new rows (no rewrite), backfill existing rows in batches; NOT NULL, when asked
// for, comes in the contract through a validated check.
import { planned, setStep, type PlannedBackfill } from '../batch.js';
import { notNullSteps } from '../not-null.js';
import { quoteIdent, tableSql, type TableRef } from '../sql.js';
import { defaultClause, notNullClause, SqlText } from '../../parse/tokens.js';
import type { Recipe } from '../types.js';
import { singleAddColumn } from './added-column.js';
import { isRefusal } from './define.js';

interface Spec {
  table: TableRef;
  column: string;
  expr: string;
  add: string;
  notNull: boolean;
  backfill: PlannedBackfill;
}

export const volatileDefault = {
  id: 'volatile-default',
  rules: ['adding-field-with-default'],
  kind: 'primary',
  appliesTo: (finding) => finding.rule === 'adding-field-with-default',
  validate(target, ctx) {
    const added = singleAddColumn(target.statement);
    if (isRefusal(added)) return added;
    const { table, column } = added;
    let sql = new SqlText(target.statement.text);
    const d = defaultClause(sql);
    if (!d)
      return { refused: 'the rewrite does not come from a DEFAULT clause (a generated or serial column?)' };
    let add = sql.without(d.from, d.to);
    sql = new SqlText(add);
    const nn = notNullClause(sql);
    if (nn) add = sql.without(nn.from, nn.to);
    return {
      table,
      column,
      expr: d.expr,
      add,
      notNull: Boolean(nn),
      backfill: planned(
        setStep({
          table: table.name,
          tableSql: tableSql(table),
          set: `${quoteIdent(column)} = ${d.expr}`,
          needs: `${quoteIdent(column)} IS NULL`,
          catalog: ctx.catalog,
        }),
        ctx.catalog,
        table.name,
        ctx.batchSize,
      ),
    };
  },
  object: (s) => `${s.table.name.key}.${s.column}`,
  summary: (s) =>
    `Add ${s.table.name.key}.${s.column} without its default (no table rewrite), SET DEFAULT ${s.expr} for new rows, and fill existing rows in batches${s.notNull ? '; NOT NULL comes in the contract' : ''}.`,
  expand: (s) => [
    s.add,
    `ALTER TABLE ${tableSql(s.table)} ALTER COLUMN ${quoteIdent(s.column)} SET DEFAULT ${s.expr}`,
  ],
  backfill: (s) => [s.backfill],
  contract: (s) => {
    if (!s.notNull) return [];
    const nn = notNullSteps(s.table, s.column);
    return [nn.addCheck, nn.validate, nn.setNotNull, nn.dropCheck];
  },
  rollback: (s) => [`ALTER TABLE ${tableSql(s.table)} DROP COLUMN IF EXISTS ${quoteIdent(s.column)}`],
  app: (s) => ({
    dualWrite: [],
    switchReads: [
      `Until the backfill has run, existing rows of ${s.table.name.key} have ${quoteIdent(s.column)} NULL: do not rely on it before then.`,
    ],
    ignore: [],
  }),
  drops: () => [],
} satisfies Recipe<Spec>;
