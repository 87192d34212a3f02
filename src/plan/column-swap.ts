// The composite behind rename-column, change-column-type and the lost-rename alternative: add a
// replacement column, keep it in step with a trigger, backfill it in batches, and in the contract drop
// the trigger and the old column and make the replacement NOT NULL through a validated check. What
// depends on the old column (checks, foreign keys, unique and primary keys, indexes) is copied onto the
// replacement (src/plan/swap-dependents.ts) and takes its original names back after the drop.
import type { SchemaCatalog } from '../catalog/model.js';
import { planned, setStep, type PlannedBackfill } from './batch.js';
import { notNullSteps } from './not-null.js';
import { distinctFrom, qualifiedSql, quoteIdent, tableSql, type TableRef } from './sql.js';
import { swapDependents, type SwapDependents } from './swap-dependents.js';
import { syncTrigger, type SyncTrigger } from './sync-trigger.js';
import type { LaterStep, PlanTarget, Refusal } from './types.js';

export interface ColumnSwap {
  table: TableRef;
  oldColumn: string;
  newColumn: string;
  /** The replacement column's type, as SQL. */
  newType: string;
  /** The old column's type, as SQL, when it differs (a type change). */
  oldType?: string;
  /** The replacement's default (SQL), set for new rows only; null for none. */
  default: string | null;
  /** The old column's default, which the trigger needs to tell an explicit write from a default. */
  oldDefault: string | null;
  notNull: boolean;
  /** New value from a reference to the old one (`NEW.col`) and back. */
  toNew: (ref: string) => string;
  toOld: (ref: string) => string;
  /** The backfill's value for the replacement, over the table's columns. */
  backfillValue: string;
  catalog: SchemaCatalog;
  batchSize: number;
  /** Constraints and indexes of the old column, copied onto the new one. */
  dependents: SwapDependents;
  /** Later statements of the file folded into the swap (its SET DEFAULT, SET NOT NULL). */
  covers?: PlanTarget[];
}

/** The swap with its dependents read from the catalog, or why they cannot be copied. */
export function withDependents(s: Omit<ColumnSwap, 'dependents'>): ColumnSwap | Refusal {
  const dependents = swapDependents(s);
  return 'refused' in dependents ? dependents : { ...s, dependents };
}

export function swapTrigger(s: ColumnSwap): SyncTrigger {
  return syncTrigger({
    table: s.table,
    oldColumn: s.oldColumn,
    newColumn: s.newColumn,
    toNew: s.toNew,
    toOld: s.toOld,
    oldDefault: s.oldDefault,
    newDefault: s.default,
    oldType: s.oldType ?? s.newType,
    newType: s.newType,
  });
}

export function swapExpand(s: ColumnSwap): string[] {
  const t = tableSql(s.table);
  const col = quoteIdent(s.newColumn);
  const out = [`ALTER TABLE ${t} ADD COLUMN ${col} ${s.newType}`];
  // A separate SET DEFAULT never rewrites the table, whatever the default's volatility.
  if (s.default !== null) out.push(`ALTER TABLE ${t} ALTER COLUMN ${col} SET DEFAULT ${s.default}`);
  // Enforced for new writes at once (the trigger fills the column for old writers), checked later.
  if (s.notNull) out.push(notNullSteps(s.table, s.newColumn).addCheck);
  return [...out, ...s.dependents.expand];
}

/** Index builds (CONCURRENTLY) and constraint validations of the copied dependents. */
export function swapLater(s: ColumnSwap): LaterStep[] {
  return s.dependents.later;
}

/** Sentences for the summary and the app steps about the copied dependents, if any. */
export function dependentsNote(s: ColumnSwap): string {
  const d = s.dependents;
  if (d.copied.length === 0) return '';
  const col = quoteIdent(s.newColumn);
  let note = ` What depends on ${quoteIdent(s.oldColumn)} (${d.copied.map(quoteIdent).join(', ')}) is copied onto ${col}: constraints NOT VALID then validated, indexes built CONCURRENTLY, in later migrations; the copies take the original names back in the contract.`;
  if (d.primaryKey)
    note += ` The primary key ${quoteIdent(d.primaryKey)} moves to ${col} in the contract (ADD PRIMARY KEY USING INDEX, right after the old column is dropped): foreign keys added to reference ${s.table.name.key} before the contract ships must be re-pointed at ${col} by hand.`;
  return note;
}

export function swapDualWrite(s: ColumnSwap): string[] {
  return swapTrigger(s).create;
}

export function swapBackfill(s: ColumnSwap): PlannedBackfill[] {
  const col = quoteIdent(s.newColumn);
  const step = setStep({
    table: s.table.name,
    tableSql: tableSql(s.table),
    set: `${col} = ${s.backfillValue}`,
    needs: distinctFrom(col, s.backfillValue, s.newType),
    catalog: s.catalog,
  });
  return [planned(step, s.catalog, s.table.name, s.batchSize)];
}

export function swapContract(s: ColumnSwap): string[] {
  // Validate first: if rows are still NULL, the contract fails before anything is dropped.
  const out: string[] = [...s.dependents.beforeDrop];
  if (s.notNull) {
    const nn = notNullSteps(s.table, s.newColumn);
    out.push(nn.validate, nn.setNotNull, nn.dropCheck);
  }
  out.push(...swapTrigger(s).drop, `ALTER TABLE ${tableSql(s.table)} DROP COLUMN ${quoteIdent(s.oldColumn)}`);
  // The drop took the old column's indexes and constraints: the copies get their names.
  return [...out, ...s.dependents.contract];
}

export function swapRollback(s: ColumnSwap): string[] {
  return [
    ...swapTrigger(s).drop,
    `ALTER TABLE ${tableSql(s.table)} DROP COLUMN IF EXISTS ${quoteIdent(s.newColumn)}`,
  ];
}

export function swapDrops(s: ColumnSwap): string[] {
  const trigger = swapTrigger(s);
  return [
    `${s.table.name.key}.${s.oldColumn}`,
    `trigger ${trigger.triggerName} on ${s.table.name.key}`,
    `function ${qualifiedSql({ ...s.table, explicitSchema: true }, trigger.functionName)}()`,
  ];
}
