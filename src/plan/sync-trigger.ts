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
import { distinctFrom, objectName, qualifiedSql, quoteIdent, type TableRef } from './sql.js';

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
  /**
   * The replacement's default, when it differs from the old one (a type change that also sets a new
   * default): on INSERT a column equal to its own default counts as not written.
   */
  newDefault?: string | null;
  /** The two columns' types, as SQL: values of a type without `=` (json) are compared as text. */
  oldType?: string;
  newType?: string;
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
  const ot = spec.oldType ?? '';
  const nt = spec.newType ?? '';
  const newDefault = spec.newDefault ?? null;
  const insert =
    newDefault !== null && newDefault !== spec.oldDefault
      ? insertWithDefaults(spec, o, n, newDefault)
      : insertOneDefault(spec, o, n);
  const body = [
    `CREATE FUNCTION ${fn}() RETURNS trigger`,
    'LANGUAGE plpgsql AS $sync$',
    'BEGIN',
    "  IF TG_OP = 'INSERT' THEN",
    ...insert,
    `  ELSIF ${distinctFrom(n, oldN, nt)} AND ${distinctFrom(o, oldO, ot, true)} THEN`,
    `    ${o} := ${spec.toOld(n)};`,
    `  ELSIF ${distinctFrom(o, oldO, ot)} AND ${distinctFrom(n, oldN, nt, true)} THEN`,
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

/** INSERT when at most the old column has a default (the replacement has none, or the same one). */
function insertOneDefault(spec: SyncSpec, o: string, n: string): string[] {
  const out = [
    `    IF ${n} IS NULL THEN`,
    `      ${n} := ${spec.toNew(o)};`,
    `    ELSIF ${o} IS NULL THEN`,
    `      ${o} := ${spec.toOld(n)};`,
  ];
  if (spec.oldDefault !== null)
    out.push(
      `    ELSIF ${distinctFrom(o, `(${spec.oldDefault})`, spec.oldType ?? '', true)} THEN`,
      `      ${o} := ${spec.toOld(n)};`,
      '    ELSE',
      `      ${n} := ${spec.toNew(o)};`,
    );
  return [...out, '    END IF;'];
}

/** INSERT when both columns have defaults of their own: a value equal to its column's default is not written. */
function insertWithDefaults(spec: SyncSpec, o: string, n: string, newDefault: string): string[] {
  const oldUnset =
    spec.oldDefault !== null
      ? `(${o} IS NULL OR ${distinctFrom(o, `(${spec.oldDefault})`, spec.oldType ?? '', true)})`
      : `${o} IS NULL`;
  const newUnset = `(${n} IS NULL OR ${distinctFrom(n, `(${newDefault})`, spec.newType ?? '', true)})`;
  return [
    // An old-version writer gave the old column: convert it.
    `    IF ${newUnset} AND NOT ${oldUnset} THEN`,
    `      ${n} := ${spec.toNew(o)};`,
    // A new-version writer gave the new column (or nobody gave either: both keep their defaults).
    `    ELSIF ${oldUnset} AND NOT ${newUnset} THEN`,
    `      ${o} := ${spec.toOld(n)};`,
    '    END IF;',
  ];
}

function tableName(t: TableRef): string {
  return qualifiedSql(t, t.name.name);
}
