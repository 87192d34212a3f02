// How common ORMs stop reading and writing a column (or table) before the contract drops it.
import type { OrmNote } from './types.js';

export function ignoreColumn(table: string, column: string): OrmNote[] {
  return [
    {
      orm: 'Rails (ActiveRecord)',
      how: `self.ignored_columns += ["${column}"] in the model for ${table}; deploy before the contract.`,
    },
    {
      orm: 'Django',
      how: `remove the field from the model with migrations.SeparateDatabaseAndState (state only), or keep the model field name and point it at the new column with db_column.`,
    },
    {
      orm: 'Prisma',
      how: `mark the field \`${column}\` with @ignore (or remove it) and regenerate the client.`,
    },
    {
      orm: 'TypeORM',
      how: `set select: false, insert: false, update: false on the \`${column}\` column, then remove it.`,
    },
    {
      orm: 'SQLAlchemy',
      how: `exclude \`${column}\` from the mapper (__mapper_args__ = {"exclude_properties": ["${column}"]}) or load it deferred() until it is gone.`,
    },
  ];
}

export function ignoreTable(table: string): OrmNote[] {
  return [
    { orm: 'Rails (ActiveRecord)', how: `delete the model for ${table} and every association to it.` },
    { orm: 'Django', how: `delete the model (managed = False first if other apps still import it).` },
    { orm: 'Prisma', how: `mark the model with @@ignore (or remove it) and regenerate the client.` },
    { orm: 'TypeORM', how: `remove the entity from the data source's entities list.` },
    { orm: 'SQLAlchemy', how: `remove the mapped class and any relationship() to it.` },
  ];
}
