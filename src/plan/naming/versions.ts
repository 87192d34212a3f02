// Versions of the migrations the split adds after the expand one: a 14-digit timestamp
// (YYYYMMDDHHMMSS) moves on by one second, any other number by one, zero padding kept; a version
// another file already holds is skipped.

const TIMESTAMP = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** The version after `version`, or the one after that, ... skipping those in `taken`. */
export function nextVersion(version: string, taken: ReadonlySet<string>): string {
  let candidate = step(version);
  while (taken.has(normal(candidate))) candidate = step(candidate);
  return candidate;
}

/** A version compared without leading zeros (`002` and `2` are the same version). */
export function normal(version: string): string {
  return version.replace(/^0+(?=\d)/, '');
}

function step(version: string): string {
  const ts = TIMESTAMP.exec(version);
  if (ts) {
    const [y, mo, d, h, mi, s] = ts.slice(1).map(Number) as [number, number, number, number, number, number];
    const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s) + 1000);
    if (!Number.isNaN(date.getTime())) return formatTimestamp(date);
  }
  const next = (BigInt(version) + 1n).toString();
  return next.padStart(version.length, '0');
}

/** `YYYYMMDDHHMMSS` of `date` in UTC. */
export function formatTimestamp(date: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return (
    p(date.getUTCFullYear(), 4) +
    p(date.getUTCMonth() + 1) +
    p(date.getUTCDate()) +
    p(date.getUTCHours()) +
    p(date.getUTCMinutes()) +
    p(date.getUTCSeconds())
  );
}
