// The dual-write trigger: a BEFORE INSERT OR UPDATE row trigger that keeps an old column and its
// replacement in step, whichever version of the application writes.
//
//   INSERT: copy whichever of the two is set to the other (old first, when both are NULL nothing
//           happens; when the old column has a default, the one that differs from it is the written one).
//   UPDATE: when only one of the two changed, copy it to the other; when both changed (a writer that
//           knows both), leave them as written; when neither changed and the replacement is still NULL
//           (a row the backfill has not reached), fill it.
//
// `toNew` / `toOld` turn a value of one column into the other's (identity for a rename, a cast for a
// type change).
import { objectName, qualifiedSql, quoteIdent, type TableRef } from './sql.js';

export interface SyncSpec {
  table: TableRef;
  oldColumn: string;
  newColumn: string;
  /** SQL for the new column's value from `NEW.<old>` (identity: the reference itself). */
  toNew: (oldRef: string) => string;
  /** SQL for the old column's value from `NEW.<new>`. */
  toOld: (newRef: string) => string;
  /**
   * The old column's default, when it has one: on INSERT both columns then look "set", and the one
   * that differs from the default is the one the writer gave.
   */
  oldDefault: string | null;
}

export interface SyncTrigger {
  functionName: string;
  triggerName: string;
  /** CREATE FUNCTION and CREATE TRIGGER, in order. */
  create: string[];
  /** DROP TRIGGER and DROP FUNCTION, in order. */
  drop: string[];
}

export function syncTrigger(spec: SyncSpec): SyncTrigger {
  const base = objectName(spec.table.name.name, spec.oldColumn, spec.newColumn, 'sync');
  const fn = qualifiedSql(spec.table, base);
  const trigger = quoteIdent(base);
  const o = `NEW.${quoteIdent(spec.oldColumn)}`;
  const n = `NEW.${quoteIdent(spec.newColumn)}`;
  const oldO = `OLD.${quoteIdent(spec.oldColumn)}`;
  const oldN = `OLD.${quoteIdent(spec.newColumn)}`;
  const insert = [
    `    IF ${n} IS NULL THEN`,
    `      ${n} := ${spec.toNew(o)};`,
    `    ELSIF ${o} IS NULL THEN`,
    `      ${o} := ${spec.toOld(n)};`,
  ];
  if (spec.oldDefault !== null) {
    insert.push(
      `    ELSIF ${o} IS NOT DISTINCT FROM (${spec.oldDefault}) THEN`,
      `      ${o} := ${spec.toOld(n)};`,
      '    ELSE',
      `      ${n} := ${spec.toNew(o)};`,
    );
  }
  insert.push('    END IF;');
  const body = [
    `CREATE FUNCTION ${fn}() RETURNS trigger`,
    'LANGUAGE plpgsql AS $sync$',
    'BEGIN',
    "  IF TG_OP = 'INSERT' THEN",
    ...insert,
    `  ELSIF ${n} IS DISTINCT FROM ${oldN} AND ${o} IS NOT DISTINCT FROM ${oldO} THEN`,
    `    ${o} := ${spec.toOld(n)};`,
    `  ELSIF ${o} IS DISTINCT FROM ${oldO} AND ${n} IS NOT DISTINCT FROM ${oldN} THEN`,
    `    ${n} := ${spec.toNew(o)};`,
    // Neither changed on a row the backfill has not reached: fill the copy, or a NOT VALID check on the
    // replacement (checked on every updated row) would refuse an UPDATE of any other column.
    `  ELSIF ${n} IS NULL AND ${oldN} IS NULL THEN`,
    `    ${n} := ${spec.toNew(o)};`,
    '  END IF;',
    '  RETURN NEW;',
    'END',
    '$sync$',
  ].join('\n');
  const create = [
    body,
    `CREATE TRIGGER ${trigger} BEFORE INSERT OR UPDATE ON ${tableName(spec.table)} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
  ];
  const drop = [
    `DROP TRIGGER IF EXISTS ${trigger} ON ${tableName(spec.table)}`,
    `DROP FUNCTION IF EXISTS ${fn}()`,
  ];
  return { functionName: base, triggerName: base, create, drop };
}

function tableName(t: TableRef): string {
  return qualifiedSql(t, t.name.name);
}
