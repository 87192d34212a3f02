import { deparseExpr, isVolatileExpr } from '../catalog/expr.js';
import type { Rule } from './types.js';
import { isNullExpr } from './util/alter-table.js';
import { addedColumns, isExistingTable } from './util/blocking.js';

export const addingFieldWithDefault = {
  meta: {
    id: 'adding-field-with-default',
    type: 'blocking',
    description:
      'Adding a column whose default forces a table rewrite (a volatile default; any default before PostgreSQL 11).',
    severity: 'error',
    breaking: false,
    messages: {
      volatile:
        'Adding column `{{column}}` with the volatile default `{{default}}` rewrites every row of `{{table}}` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the rewrite finishes.',
      legacy:
        'Adding column `{{column}}` with a default rewrites every row of `{{table}}` on PostgreSQL {{version}} (11 and later store a constant default without a rewrite), under an ACCESS EXCLUSIVE lock that blocks reads and writes on it until the rewrite finishes.',
    },
    help: 'Add the column without the default, then ALTER COLUMN ... SET DEFAULT (it applies to new rows only), and backfill existing rows in batches.',
  },
  check(statement, ctx) {
    for (const col of addedColumns(statement)) {
      if (!isExistingTable(ctx.catalog, col.table)) continue;
      const expr =
        col.def.raw_default ?? col.constraints.find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
      if (expr === undefined || isNullExpr(expr)) continue;
      const legacy = ctx.postgresVersion < 11;
      if (!legacy && !isVolatileExpr(expr)) continue;
      const defaultConstraint = col.constraints.find((c) => c.contype === 'CONSTR_DEFAULT');
      ctx.report({
        messageId: legacy ? 'legacy' : 'volatile',
        data: {
          column: col.name,
          default: deparseExpr(expr),
          table: col.table.key,
          version: ctx.postgresVersion,
        },
        location: typeof defaultConstraint?.location === 'number' ? defaultConstraint.location : col.location,
        object: `${col.table.key}.${col.name}`,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;
