// A statistics file (`expand-contract stats --database-url URL > stats.json`): read, checked field by
// field (a bad file names the file, the line and the field), and dated (a stale file is reported).
import { STATS_FORMAT, STATS_VERSION, type StatsSnapshot, type TableStats } from './types.js';

/** A statistics file the tool cannot use; the message names the file and, where it can, the line. */
export class StatsFileError extends Error {
  override name = 'StatsFileError';
}

/** Writes the snapshot as the file `stats` prints: stable key order, one table per block. */
export function formatStats(snapshot: StatsSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

/** The snapshot in `text` (the file's content); `file` names it in errors. */
export function parseStats(text: string, file: string): StatsSnapshot {
  let value: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    value = JSON.parse(body);
  } catch (e: unknown) {
    // One line: V8 quotes the text around some errors, newlines and all, and gives no position for them.
    const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');
    const position = /position (\d+)/.exec(message)?.[1];
    const at = position === undefined ? errorOffset(body) : Number(position);
    const line = `:${body.slice(0, at).split('\n').length}`;
    throw new StatsFileError(
      `${file}${line}: not valid JSON (${message}); export it again with expand-contract stats --database-url URL > ${file}`,
    );
  }
  const bad = (path: string, what: string): never => {
    throw new StatsFileError(
      `${file}${lineOf(text, path)}: ${path} ${what}; export it again with expand-contract stats --database-url URL > ${file}`,
    );
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return bad('the file', 'is not a JSON object');
  const o = value as Record<string, unknown>;
  if (o.format !== STATS_FORMAT)
    bad('"format"', `is not "${STATS_FORMAT}": this is not a statistics file of expand-contract`);
  if (o.version !== STATS_VERSION)
    bad('"version"', `is ${JSON.stringify(o.version)}; this expand-contract reads version ${STATS_VERSION}`);
  if (typeof o.generatedAt !== 'string' || Number.isNaN(Date.parse(o.generatedAt)))
    bad('"generatedAt"', 'is not a date (ISO 8601)');
  if (typeof o.ratesSince !== 'string' || Number.isNaN(Date.parse(o.ratesSince)))
    bad('"ratesSince"', 'is not a date (ISO 8601)');
  const server = o.server as Record<string, unknown> | undefined;
  if (
    typeof server !== 'object' ||
    server === null ||
    typeof server.version !== 'string' ||
    typeof server.versionNum !== 'number'
  )
    bad('"server"', 'is not { "version": string, "versionNum": number }');
  if (!Array.isArray(o.tables)) bad('"tables"', 'is not a list');
  const tables = (o.tables as unknown[]).map((t, i) => checkTable(t, `tables[${i}]`, bad));
  return {
    format: STATS_FORMAT,
    version: STATS_VERSION,
    generatedAt: o.generatedAt as string,
    server: {
      version: (server as { version: string }).version,
      versionNum: (server as { versionNum: number }).versionNum,
    },
    ratesSince: o.ratesSince as string,
    tables,
  };
}

const NUMBERS = [
  'estimatedRows',
  'liveRows',
  'heapBytes',
  'indexBytes',
  'toastBytes',
  'insertsPerSecond',
  'updatesPerSecond',
  'deletesPerSecond',
] as const;
const KINDS = ['table', 'partitioned table', 'materialized view'];

function checkTable(value: unknown, path: string, bad: (path: string, what: string) => never): TableStats {
  if (typeof value !== 'object' || value === null) return bad(path, 'is not an object');
  const t = value as Record<string, unknown>;
  for (const f of ['schema', 'name'] as const)
    if (typeof t[f] !== 'string' || t[f] === '') bad(`${path}.${f}`, 'is not a non-empty string');
  if (!KINDS.includes(t.kind as string)) bad(`${path}.kind`, `is not one of ${KINDS.join(', ')}`);
  for (const f of NUMBERS)
    if (typeof t[f] !== 'number' || !Number.isFinite(t[f]) || (f !== 'estimatedRows' && (t[f] as number) < 0))
      bad(`${path}.${f}`, f === 'estimatedRows' ? 'is not a number' : 'is not a number of at least 0');
  if (!Array.isArray(t.indexes)) bad(`${path}.indexes`, 'is not a list');
  if (!Array.isArray(t.constraints)) bad(`${path}.constraints`, 'is not a list');
  return {
    schema: t.schema as string,
    name: t.name as string,
    kind: t.kind as TableStats['kind'],
    estimatedRows: t.estimatedRows as number,
    liveRows: t.liveRows as number,
    heapBytes: t.heapBytes as number,
    indexBytes: t.indexBytes as number,
    toastBytes: t.toastBytes as number,
    insertsPerSecond: t.insertsPerSecond as number,
    updatesPerSecond: t.updatesPerSecond as number,
    deletesPerSecond: t.deletesPerSecond as number,
    indexes: (t.indexes as unknown[]).map((ix, i) => {
      const x = (ix ?? {}) as Record<string, unknown>;
      if (typeof x.name !== 'string' || !Array.isArray(x.columns) || typeof x.bytes !== 'number')
        bad(`${path}.indexes[${i}]`, 'is not { "name", "columns", "bytes", ... }');
      return {
        name: x.name as string,
        columns: (x.columns as unknown[]).map(String),
        unique: x.unique === true,
        primary: x.primary === true,
        valid: x.valid !== false,
        bytes: x.bytes as number,
      };
    }),
    constraints: (t.constraints as unknown[]).map((cx, i) => {
      const x = (cx ?? {}) as Record<string, unknown>;
      if (typeof x.name !== 'string' || typeof x.type !== 'string')
        bad(`${path}.constraints[${i}]`, 'is not { "name", "type", "validated" }');
      return { name: x.name as string, type: x.type as string, validated: x.validated !== false };
    }),
  };
}

/**
 * `:line` of the field at `path` (`tables[3].heapBytes`) in the file as `stats` writes it: the table's
 * block is found by counting `"schema"` keys, then the field inside it; '' when it cannot be found.
 */
function lineOf(text: string, path: string): string {
  let from = 0;
  const table = /^tables\[(\d+)\]/.exec(path);
  if (table) {
    for (let n = 0; n <= Number(table[1]); n++) {
      const at = text.indexOf('"schema"', from);
      if (at < 0) return '';
      from = at + 1;
    }
    from -= 1;
  }
  const key = /([A-Za-z]+)(?:\[\d+\])?"?$/.exec(path)?.[1];
  if (!key) return '';
  const at = text.indexOf(`"${key}"`, table ? Math.max(0, text.lastIndexOf('{', from)) : 0);
  return at < 0 ? '' : `:${text.slice(0, at).split('\n').length}`;
}

/**
 * Where JSON.parse first fails in `text`, for an error that names no position: the end of the longest prefix
 * still valid so far (one whose only fault is that it ends early). Each longer prefix fails too, so a binary
 * search finds it.
 */
function errorOffset(text: string): number {
  const fine = (k: number): boolean => {
    try {
      JSON.parse(text.slice(0, k));
      return true;
    } catch (e: unknown) {
      const message = e instanceof Error ? e.message : '';
      if (message.includes('Unexpected end of JSON input')) return true;
      const position = /position (\d+)/.exec(message)?.[1];
      return position !== undefined && Number(position) >= k;
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fine(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Days since the snapshot was taken, for the staleness check. */
export function ageInDays(snapshot: StatsSnapshot, now: Date = new Date()): number {
  return (now.getTime() - Date.parse(snapshot.generatedAt)) / 86_400_000;
}
