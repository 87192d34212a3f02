// `backfill --dry-run`: what the run would do, read in a READ ONLY transaction: each step's table and key,
// the rows that need it (the planner's estimate), the batches, the statement of a batch, and where an
// earlier run stopped. Writes nothing, creates nothing.
import { connect } from '../db/connect.js';
import { readProgress } from './progress.js';
import { BackfillRunError } from './runner.js';
import type { BackfillPlan } from './script.js';
import { BackfillSchemaError, batchSql, boundSql, estimateRows, liveTable, remainingSql } from './table.js';

export interface DryRunStep {
  name: string;
  keySource: string;
  key: string[];
  estimatedRows: number;
  tableRows: number;
  batches: number;
  boundSql: string;
  batchSql: string;
  checkSql: string | null;
  /** Where an earlier run stopped, if one did. */
  resume: { rowsDone: number; cursor: string[] | null; walked: boolean } | null;
}

export async function dryRun(
  databaseUrl: string,
  plan: BackfillPlan,
  batchSize: number,
): Promise<DryRunStep[]> {
  const { client, why, display } = await connect(databaseUrl, {
    what: 'the database',
    applicationName: `expand-contract backfill ${plan.planId} (dry run)`,
  });
  try {
    await client.query(
      "BEGIN TRANSACTION READ ONLY; SET LOCAL statement_timeout = '30s'; SET LOCAL lock_timeout = '2s'",
    );
    const out: DryRunStep[] = [];
    for (const [index, step] of plan.steps.entries()) {
      if (step.searchPath) await client.query(step.searchPath.replace(/^SET\s+/i, 'SET LOCAL '));
      const table = await liveTable(client, step);
      const estimatedRows = await estimateRows(client, step, table);
      // Never analyzed (reltuples unknown, read as 0): count, as estimateRows does for the rows that need it.
      const tableRows = table.analyzed
        ? table.estimatedRows
        : Number(
            (await client.query<{ n: string }>(`SELECT count(*)::int8 AS n FROM ${step.table}`)).rows[0]?.n ??
              0,
          );
      const progress = await readProgress(client, plan.planId, index, step);
      out.push({
        name: step.name,
        keySource: table.keySource,
        key: table.key.map((k) => k.name),
        estimatedRows,
        tableRows,
        batches: Math.max(1, Math.ceil(Math.max(tableRows, estimatedRows) / batchSize)),
        boundSql: boundSql(step, table.key, true, batchSize),
        batchSql: batchSql(step, table.key, true, true),
        checkSql: remainingSql(step),
        resume: progress
          ? { rowsDone: progress.rowsDone, cursor: progress.cursor, walked: progress.finishedAt !== null }
          : null,
      });
    }
    return out;
  } catch (e: unknown) {
    if (e instanceof BackfillSchemaError) throw e;
    throw new BackfillRunError(`the dry run on ${display} failed: ${why(e)}`);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
