import { qualify } from '../parse/ast.js';
import type { SchemaCatalog } from '../catalog/model.js';
import type { QualifiedName } from '../parse/ast.js';
import type { Rule } from './types.js';
import { addedConstraints, isExistingTable } from './util/blocking.js';

export const addingPrimaryKeyConstraint = {
  meta: {
    id: 'adding-primary-key-constraint',
    type: 'blocking',
    description:
      'Adding a PRIMARY KEY to an existing table, which builds its index (and checks NOT NULL) under ACCESS EXCLUSIVE.',
    severity: 'error',
    breaking: false,
    messages: {
      add: 'Adding primary key `{{constraint}}` builds its index{{nulls}} under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` until it finishes.',
      column:
        'Adding column `{{column}}` as PRIMARY KEY builds an index over every row of `{{table}}` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the index is built.',
      usingIndex:
        'Adding primary key `{{constraint}}` USING INDEX sets NOT NULL on {{columns}}, scanning every row of `{{table}}` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the scan finishes.',
    },
    help: 'Build the index first with CREATE UNIQUE INDEX CONCURRENTLY, make its columns NOT NULL without a long lock (CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, then SET NOT NULL), then ALTER TABLE ... ADD CONSTRAINT ... PRIMARY KEY USING INDEX.',
  },
  check(statement, ctx) {
    for (const c of addedConstraints(statement)) {
      if (c.contype !== 'CONSTR_PRIMARY' || !isExistingTable(ctx.catalog, c.table)) continue;
      const base = {
        location: c.location,
        object: `${c.table.key}.${c.name}`,
        lock: 'ACCESS EXCLUSIVE' as const,
      };
      if (typeof c.con.indexname === 'string') {
        const nullable = nullableIndexColumns(ctx.catalog, c.table, qualify(c.con.indexname, c.table.schema));
        if (!nullable.length) continue;
        ctx.report({
          ...base,
          messageId: 'usingIndex',
          data: {
            constraint: c.name,
            table: c.table.key,
            columns: nullable.map((n) => `\`${n}\``).join(', '),
          },
        });
        continue;
      }
      const nullable = c.columns.filter((col) => ctx.catalog.column(c.table, col)?.notNull === false);
      ctx.report({
        ...base,
        messageId: c.column ? 'column' : 'add',
        data: {
          constraint: c.name,
          table: c.table.key,
          column: c.columns[0] ?? '',
          nulls: nullable.length ? ' and checks every row for NULLs' : '',
        },
      });
    }
  },
} satisfies Rule;

/**
 * Columns of the index that the model knows to be nullable. Empty when the index or its columns are
 * unknown, or when a validated CHECK constraint on the table may already prove NOT NULL (PostgreSQL 12
 * and later then skip the scan).
 */
function nullableIndexColumns(catalog: SchemaCatalog, table: QualifiedName, index: QualifiedName): string[] {
  const idx = catalog.index(index);
  const rel = catalog.relation(table);
  if (!idx || !rel) return [];
  if ([...rel.constraints.values()].some((con) => con.kind === 'check' && con.validated)) return [];
  return idx.columns.filter((col) => rel.columns.get(col)?.notNull === false);
}
