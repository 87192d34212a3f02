// Versions for the new migration: after the highest in the folder, as a `today` timestamp, Unix
// seconds or the next number, the way the folder numbers its migrations.
import { formatTimestamp, nextVersion, normal } from '../../plan/naming/versions.js';
import type { Context } from './context.js';
import { under } from './folder.js';

export const TIMESTAMP = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])[0-5]\d[0-5]\d$/;

/** `YYYYMMDDHHMMSS` of `today` (UTC), or one above the highest of `versions` when that is not below it. */
export function timestampAfter(today: Date, versions: readonly string[]): string {
  return above(formatTimestamp(today), versions);
}

/** `candidate`, or the version after the highest of `versions` when that is not below it. */
function above(candidate: string, versions: readonly string[]): string {
  const top = highest(versions);
  if (top === undefined || BigInt(candidate) > BigInt(top)) return candidate;
  return nextVersion(top, new Set(versions.map(normal)));
}

export function highest(versions: readonly string[]): string | undefined {
  let top: string | undefined;
  for (const v of versions) if (top === undefined || BigInt(v) > BigInt(top)) top = v;
  return top;
}

/** Versions of the migrations directly in the migrations directory (`<digits>...`). */
export function flatVersions(ctx: Context): string[] {
  return ctx.existing.flatMap((p) => {
    const rel = under(p, ctx.dir);
    const m = rel === null || rel.includes('/') ? null : /^(\d+)/.exec(rel);
    return m ? [m[1] as string] : [];
  });
}

/** goose and golang-migrate: a timestamp, Unix seconds (golang-migrate) or the next number, as the folder does. */
export function styledVersion(ctx: Context, unixSeconds: boolean): string {
  const versions = flatVersions(ctx);
  const top = highest(versions);
  if (top === undefined || TIMESTAMP.test(top)) return timestampAfter(ctx.input.today, versions);
  if (unixSeconds && /^1\d{9}$|^[2-3]\d{9}$/.test(top)) {
    return above(String(Math.floor(ctx.input.today.getTime() / 1000)), versions);
  }
  return nextVersion(top, new Set(versions.map(normal)));
}
