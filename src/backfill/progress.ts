// Where a backfill stands, kept in the database it runs on (`expand_contract.backfill_progress`, made on
// first use): the last key of the last committed batch of each step, written in the batch's own
// transaction, so an interrupted run (Ctrl-C, SIGKILL, a lost connection) resumes exactly after it.
import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import type { BackfillStep } from '../plan/batch.js';
import type { Cursor } from './table.js';

export const PROGRESS_TABLE = 'expand_contract.backfill_progress';

export interface StepProgress {
  /** The last key done in this pass; null: the pass starts at the first key. */
  cursor: Cursor | null;
  pass: number;
  rowsDone: number;
  batches: number;
  /** When the walk of the current pass reached the last key; null while it has not. */
  finishedAt: Date | null;
}

/** What identifies a step's work: a changed step (edited SET or condition) starts again from the first key. */
export function fingerprint(step: BackfillStep): string {
  const { table, head, from, needs, check } = step;
  return createHash('sha256')
    .update(JSON.stringify({ table, head, from, needs, check }))
    .digest('hex')
    .slice(0, 16);
}

/** Creates the schema and table when missing (needs CREATE on the database the first time). */
export async function ensureProgressTable(client: Client): Promise<void> {
  const { rows } = await client.query<{ t: string | null }>(
    `SELECT to_regclass('${PROGRESS_TABLE}')::text AS t`,
  );
  if (rows[0]?.t) return;
  await client.query('CREATE SCHEMA IF NOT EXISTS expand_contract');
  await client.query(`CREATE TABLE IF NOT EXISTS ${PROGRESS_TABLE} (
  plan_id text NOT NULL,
  step integer NOT NULL,
  table_name text NOT NULL,
  fingerprint text NOT NULL,
  cursor jsonb,
  pass integer NOT NULL DEFAULT 1,
  rows_done bigint NOT NULL DEFAULT 0,
  batches integer NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (plan_id, step)
)`);
}

/** The step's progress, or null when it never ran (or ran as a different step, which starts over). */
export async function readProgress(
  client: Client,
  planId: string,
  index: number,
  step: BackfillStep,
): Promise<StepProgress | null> {
  const exists = await client.query<{ t: string | null }>(
    `SELECT to_regclass('${PROGRESS_TABLE}')::text AS t`,
  );
  if (!exists.rows[0]?.t) return null;
  const { rows } = await client.query<{
    fingerprint: string;
    cursor: Cursor | null;
    pass: number;
    rows_done: string;
    batches: number;
    finished_at: Date | null;
  }>(
    `SELECT fingerprint, cursor, pass, rows_done, batches, finished_at FROM ${PROGRESS_TABLE} WHERE plan_id = $1 AND step = $2`,
    [planId, index],
  );
  const row = rows[0];
  if (!row || row.fingerprint !== fingerprint(step)) return null;
  return {
    cursor: row.cursor,
    pass: row.pass,
    rowsDone: Number(row.rows_done),
    batches: row.batches,
    finishedAt: row.finished_at,
  };
}

/** Starts (or restarts) a step's row: its first pass, nothing done. */
export async function startProgress(
  client: Client,
  planId: string,
  index: number,
  step: BackfillStep,
): Promise<void> {
  await client.query(
    `INSERT INTO ${PROGRESS_TABLE} (plan_id, step, table_name, fingerprint)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (plan_id, step) DO UPDATE SET table_name = EXCLUDED.table_name,
       fingerprint = EXCLUDED.fingerprint, cursor = NULL, pass = 1, rows_done = 0, batches = 0,
       started_at = now(), updated_at = now(), finished_at = NULL`,
    [planId, index, step.name, fingerprint(step)],
  );
}

/**
 * Records a batch: its last key and its rows, and for the last batch of a pass that the walk is done (so a
 * run that stops right after it does not walk it again). Run inside the batch's transaction.
 */
export async function recordBatch(
  client: Client,
  planId: string,
  index: number,
  batch: { cursor: Cursor | null; rows: number; last: boolean },
): Promise<void> {
  await client.query(
    `UPDATE ${PROGRESS_TABLE} SET cursor = $3::jsonb, rows_done = rows_done + $4, batches = batches + 1,
            finished_at = CASE WHEN $5::boolean THEN now() END, updated_at = now()
      WHERE plan_id = $1 AND step = $2`,
    [planId, index, batch.cursor === null ? null : JSON.stringify(batch.cursor), batch.rows, batch.last],
  );
}

/** A new pass from the first key (the final check found rows the walk did not reach). */
export async function nextPass(client: Client, planId: string, index: number): Promise<void> {
  await client.query(
    `UPDATE ${PROGRESS_TABLE} SET cursor = NULL, pass = pass + 1, finished_at = NULL, updated_at = now()
      WHERE plan_id = $1 AND step = $2`,
    [planId, index],
  );
}
