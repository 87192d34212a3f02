// rename-table: rename now and leave a view with the old name, so the running release keeps reading
// and writing through it (a simple SELECT * view is automatically updatable); the contract drops the view.
import { unwrap } from '../../parse/ast.js';
import { ignoreTable } from '../orm.js';
import { qualifiedSql, quoteIdent, tableRef, tableSql, type TableRef } from '../sql.js';
import type { Recipe } from '../types.js';

interface Spec {
  table: TableRef;
  newName: string;
  sql: string;
}

export const renameTable = {
  id: 'rename-table',
  rules: ['renaming-table'],
  kind: 'primary',
  appliesTo: (finding) => finding.rule === 'renaming-table',
  validate(target) {
    const [kind, n] = unwrap(target.statement.node);
    if (kind !== 'RenameStmt' || n.renameType !== 'OBJECT_TABLE' || typeof n.newname !== 'string')
      return { refused: 'the statement is not an ALTER TABLE ... RENAME TO' };
    return { table: tableRef(n.relation), newName: n.newname, sql: target.statement.text };
  },
  object: (s) => s.table.name.key,
  summary: (s) =>
    `Rename ${s.table.name.key} to ${s.newName} and keep a view named ${s.table.name.name} over it for the running release; drop the view in the contract.`,
  expand: (s) => [
    s.sql,
    `CREATE VIEW ${tableSql(s.table)} AS SELECT * FROM ${qualifiedSql(s.table, s.newName)}`,
  ],
  contract: (s) => [`DROP VIEW IF EXISTS ${tableSql(s.table)}`],
  rollback: (s) => [
    `DROP VIEW IF EXISTS ${tableSql(s.table)}`,
    `ALTER TABLE ${qualifiedSql(s.table, s.newName)} RENAME TO ${quoteIdent(s.table.name.name)}`,
  ],
  app: (s) => ({
    dualWrite: [
      `Nothing to change yet: the view ${s.table.name.key} forwards reads and writes of the running release to ${s.newName}.`,
    ],
    switchReads: [
      `Read and write ${s.newName} instead of ${s.table.name.name} (queries, ORM table names, raw SQL, jobs); deploy before the contract drops the view.`,
    ],
    ignore: ignoreTable(s.table.name.key).map((n) =>
      n.orm === 'Django' ? { ...n, how: `set Meta.db_table = "${s.newName}" on the model.` } : n,
    ),
  }),
  drops: (s) => [`view ${s.table.name.key}`],
} satisfies Recipe<Spec>;
