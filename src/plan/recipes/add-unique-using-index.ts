// add-unique-using-index: build the unique index CONCURRENTLY in its own migration (outside a
// transaction), then attach it: ADD CONSTRAINT ... UNIQUE / PRIMARY KEY USING INDEX, a catalog-only step.
import { readAlterTable } from '../../rules/util/alter-table.js';
import { defaultConstraintName } from '../../rules/util/blocking.js';
import { strings, unwrap } from '../../parse/ast.js';
import { quoteIdent, tableRef, tableSql, type TableRef } from '../sql.js';
import type { Recipe } from '../types.js';
import { NO_APP } from './define.js';

interface Spec {
  table: TableRef;
  constraint: string;
  columns: string[];
  primary: boolean;
}

export const addUniqueUsingIndex = {
  id: 'add-unique-using-index',
  rules: ['adding-unique-constraint', 'adding-primary-key-constraint'],
  kind: 'primary',
  appliesTo: (finding) =>
    finding.rule === 'adding-unique-constraint' || finding.rule === 'adding-primary-key-constraint',
  validate(target) {
    const alter = readAlterTable(target.statement);
    const cmd = alter?.cmds[0];
    const [k, con] = unwrap(cmd?.def);
    const primary = con.contype === 'CONSTR_PRIMARY';
    if (
      !alter ||
      alter.cmds.length !== 1 ||
      cmd?.subtype !== 'AT_AddConstraint' ||
      k !== 'Constraint' ||
      !(primary || con.contype === 'CONSTR_UNIQUE')
    )
      return { refused: 'the statement is not a single ADD UNIQUE or ADD PRIMARY KEY' };
    if (con.indexname) return { refused: 'the constraint already uses an existing index' };
    if (con.including || con.deferrable || con.nulls_not_distinct || con.options)
      return {
        refused: 'INCLUDE, DEFERRABLE, NULLS NOT DISTINCT or storage options: write the index by hand',
      };
    const columns = strings(con.keys);
    const constraint =
      typeof con.conname === 'string'
        ? con.conname
        : defaultConstraintName(alter.table, String(con.contype), columns);
    return {
      table: tableRef((target.statement.node.AlterTableStmt as { relation?: unknown }).relation),
      constraint,
      columns,
      primary,
    };
  },
  object: (s) => `${s.table.name.key}.${s.constraint}`,
  summary: (s) =>
    `Build the unique index ${s.constraint} on ${s.table.name.key} CONCURRENTLY, then add the ${s.primary ? 'primary key' : 'unique constraint'} USING INDEX${s.primary ? ' (its columns must already be NOT NULL, else SET NOT NULL scans the table)' : ''}.`,
  expand: () => [],
  later: (s) => [
    {
      sql: `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${quoteIdent(s.constraint)} ON ${tableSql(s.table)} (${s.columns.map(quoteIdent).join(', ')})`,
      outsideTransaction: true,
      why: 'CREATE INDEX CONCURRENTLY cannot run inside a transaction block; if it fails it leaves an INVALID index: DROP INDEX CONCURRENTLY it and run again.',
    },
    {
      sql: `ALTER TABLE ${tableSql(s.table)} ADD CONSTRAINT ${quoteIdent(s.constraint)} ${s.primary ? 'PRIMARY KEY' : 'UNIQUE'} USING INDEX ${quoteIdent(s.constraint)}`,
      outsideTransaction: false,
      why: 'Attaching a built index is a catalog change: a short ACCESS EXCLUSIVE lock, no scan.',
    },
  ],
  contract: () => [],
  rollback: () => [],
  app: () => NO_APP,
  drops: () => [],
} satisfies Recipe<Spec>;
