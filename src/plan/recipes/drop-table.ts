// drop-table: nothing to expand; the application stops using the table, and the contract drops it.
import { dropTargets } from '../../rules/util/objects.js';
import type { Node } from '../../parse/ast.js';
import { ignoreTable } from '../orm.js';
import {
  laterTargets,
  laterTypeDrop,
  mentionsTable,
  reusedAfterDrop,
  typeDroppedAfter,
} from '../sequence.js';
import type { Recipe } from '../types.js';

interface Spec {
  tables: string[];
  sql: string;
}

export const dropTable = {
  id: 'drop-table',
  rules: ['ban-drop-table'],
  kind: 'primary',
  appliesTo: (finding) => finding.rule === 'ban-drop-table',
  validate(target, ctx) {
    const drop = target.statement.node.DropStmt as Node | undefined;
    if (!drop || drop.removeType !== 'OBJECT_TABLE') return { refused: 'the statement is not a DROP TABLE' };
    const tables = dropTargets(drop);
    for (const table of tables) {
      const again = laterTargets(target, ctx).find((t) => mentionsTable(t.statement, table.name));
      if (again) return { refused: reusedAfterDrop(table.key, target, again) };
      const types = [...(ctx.catalog.relation(table.name)?.columns.values() ?? [])].map((c) => c.type);
      const typeDrop = laterTypeDrop(target, ctx, types);
      if (typeDrop) return { refused: typeDroppedAfter(table.key, typeDrop) };
    }
    return { tables: tables.map((t) => t.key), sql: target.statement.text };
  },
  object: (s) => s.tables.join(', '),
  summary: (s) => `Drop ${s.tables.join(', ')} in the contract, after the application stops using it.`,
  expand: () => [],
  contract: (s) => [s.sql],
  rollback: () => [],
  app: (s) => ({
    dualWrite: [],
    switchReads: s.tables.map(
      (t) =>
        `Stop reading and writing ${t} (queries, ORM models, jobs, foreign keys from other tables); deploy before the contract.`,
    ),
    ignore: s.tables.flatMap((t) => ignoreTable(t)),
  }),
  drops: (s) => s.tables,
} satisfies Recipe<Spec>;
