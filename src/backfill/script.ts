// Reads the header of a backfill script that `split` wrote: the plan id, the migration it came from, and
// each step as a JSON comment line. Every problem names the file and the line.
import type { BackfillStep } from '../plan/batch.js';
import { BACKFILL_STEP, BACKFILL_TITLE } from '../plan/split.js';

/** What the runner runs: one plan's steps, in order. */
export interface BackfillPlan {
  planId: string;
  /** The migration the plan came from (repository path). */
  source: string;
  /** The file the steps were read from, for messages. */
  file: string;
  steps: BackfillStep[];
}

/** A backfill file the runner cannot use, with the line to look at. */
export class BackfillScriptError extends Error {
  override name = 'BackfillScriptError';
}

/** True when `text` opens like a backfill script written by `split`. */
export function isBackfillScript(text: string): boolean {
  return BACKFILL_TITLE.test(firstLine(text));
}

const firstLine = (text: string): string => (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').trim();

const STRING_FIELDS = ['name', 'table', 'ref', 'head'] as const;
const NULLABLE_FIELDS = ['alias', 'from', 'where', 'needs', 'searchPath'] as const;

/** The plan of a backfill script; `file` names it in errors. */
export function readBackfillScript(text: string, file: string): BackfillPlan {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const title = BACKFILL_TITLE.exec((lines[0] ?? '').trim());
  if (!title)
    throw new BackfillScriptError(
      `${file}:1: not a backfill script of expand-contract (it must start with "-- expand-contract ec-...: backfill for ..."); give the file split wrote in .expand-contract/backfill/, or the original migration`,
    );
  const steps: BackfillStep[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith(BACKFILL_STEP)) return;
    const at = `${file}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line.slice(BACKFILL_STEP.length));
    } catch (e: unknown) {
      throw new BackfillScriptError(
        `${at}: the step is not valid JSON (${e instanceof Error ? e.message : String(e)}); restore the line split wrote, or run split again`,
      );
    }
    steps.push(checkStep(value, at));
  });
  if (steps.length === 0)
    throw new BackfillScriptError(
      `${file}: no "${BACKFILL_STEP.trim()}" lines in its header: it was written by an older split; run split on the migration again, or give the original migration to backfill`,
    );
  return { planId: title[1] as string, source: (title[2] as string).trim(), file, steps };
}

function checkStep(value: unknown, at: string): BackfillStep {
  const bad = (what: string): never => {
    throw new BackfillScriptError(
      `${at}: the step's ${what}; restore the line split wrote, or run split again`,
    );
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return bad('line is not a JSON object');
  const o = value as Record<string, unknown>;
  for (const f of STRING_FIELDS)
    if (typeof o[f] !== 'string' || o[f] === '') bad(`"${f}" is not a non-empty string`);
  for (const f of NULLABLE_FIELDS)
    if (o[f] !== undefined && o[f] !== null && typeof o[f] !== 'string')
      bad(`"${f}" is neither a string nor null`);
  if (o.verb !== 'UPDATE' && o.verb !== 'DELETE') bad('"verb" is neither "UPDATE" nor "DELETE"');
  if (o.check !== 'predicate' && o.check !== 'visited') bad('"check" is neither "predicate" nor "visited"');
  if (
    o.key !== null &&
    o.key !== undefined &&
    !(Array.isArray(o.key) && o.key.every((k) => typeof k === 'string'))
  )
    bad('"key" is neither a list of column names nor null');
  const str = (f: string): string | null => (typeof o[f] === 'string' ? (o[f] as string) : null);
  return {
    name: o.name as string,
    table: o.table as string,
    ref: o.ref as string,
    alias: str('alias'),
    verb: o.verb as 'UPDATE' | 'DELETE',
    head: o.head as string,
    from: str('from'),
    where: str('where'),
    needs: str('needs'),
    check: o.check as 'predicate' | 'visited',
    key: Array.isArray(o.key) ? (o.key as string[]) : null,
    searchPath: str('searchPath'),
  };
}
