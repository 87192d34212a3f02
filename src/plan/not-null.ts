// NOT NULL without a long ACCESS EXCLUSIVE scan: a CHECK (col IS NOT NULL) NOT VALID (instant, enforced
// for new writes), VALIDATE it (SHARE UPDATE EXCLUSIVE: reads and writes go on), then SET NOT NULL,
// which PostgreSQL 12+ proves from the validated check without scanning, and drop the check.
import { objectName, quoteIdent, tableSql, type TableRef } from './sql.js';

export interface NotNullSteps {
  constraint: string;
  addCheck: string;
  validate: string;
  setNotNull: string;
  dropCheck: string;
}

export function notNullSteps(table: TableRef, column: string): NotNullSteps {
  // `users_email_not_null_check`: the name the setting-not-null rule recognises as a prepared check.
  const constraint = objectName(table.name.name, column, 'not_null_check');
  const t = tableSql(table);
  const c = quoteIdent(constraint);
  return {
    constraint,
    addCheck: `ALTER TABLE ${t} ADD CONSTRAINT ${c} CHECK (${quoteIdent(column)} IS NOT NULL) NOT VALID`,
    validate: `ALTER TABLE ${t} VALIDATE CONSTRAINT ${c}`,
    setNotNull: `ALTER TABLE ${t} ALTER COLUMN ${quoteIdent(column)} SET NOT NULL`,
    dropCheck: `ALTER TABLE ${t} DROP CONSTRAINT ${c}`,
  };
}

/** A note for PostgreSQL before 12, where SET NOT NULL scans the table even with a validated check. */
export function notNullNote(postgresVersion: number): string {
  return postgresVersion >= 12
    ? ''
    : ' (PostgreSQL before 12 still scans the table for SET NOT NULL under an ACCESS EXCLUSIVE lock; keep the validated check instead if that is too long)';
}
