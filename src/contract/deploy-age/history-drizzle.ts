// Drizzle's history table: rows matched as drizzle matches them (the file's hash, the journal's `when`,
// the 1.0 table's name), and apply times only on rows the 1.0 migrator inserted.
import { createHash } from 'node:crypto';
import { match, OTHER_SOURCES, type HistoryMigration, type Reader } from './history-table.js';
import { DeployAgeError } from './read-only.js';

export const drizzleReader: Reader = {
  tool: 'Drizzle',
  key: (path) => {
    const folder = /(?:^|\/)([^/]+)\/migration\.sql$/.exec(path);
    if (folder) return folder[1] as string;
    return match(path, /(?:^|\/)([^/]+)\.sql$/, 'a Drizzle migration (<tag>.sql)');
  },
  defaultTable: () => 'drizzle.__drizzle_migrations',
  columns: ['id', 'hash', 'created_at'],
  async read(session, table, key, migration) {
    const hashes = drizzleHashes(migration);
    const when = migration.when;
    const hasName = table.columns.has('name');
    const hasAppliedAt = table.columns.has('applied_at');
    if (hashes.length === 0 && when === undefined && !hasName) {
      throw new DeployAgeError(
        `${table.name} records migrations by hash and journal \`when\` only: give the migration's text or ` +
          'its journal entry.',
      );
    }
    const rows = await session.query<{
      id: number;
      hash: string;
      created_at: string | null;
      name: string | null;
      at: Date | null;
    }>(
      `SELECT id, hash, created_at::text AS created_at,
              ${hasName ? 'name' : 'NULL::text'} AS name,
              ${hasAppliedAt ? 'applied_at::timestamptz' : 'NULL::timestamptz'} AS at
         FROM ${table.name}
        WHERE hash = ANY($1::text[]) OR created_at = $2::bigint${hasName ? ' OR name = $3' : ''}
        ORDER BY id DESC`,
      hasName ? [hashes, when ?? null, key] : [hashes, when ?? null],
    );
    // As drizzle matches: the hash first, then the journal's `when`, then (1.0 table) the name.
    const row =
      rows.find((r) => hashes.includes(r.hash)) ??
      rows.find((r) => when !== undefined && r.created_at === String(when)) ??
      rows.find((r) => r.name === key);
    if (row === undefined) {
      const [newest] = await session.query<{ max: string | null }>(
        `SELECT max(created_at)::text AS max FROM ${table.name}`,
      );
      const skipped =
        when !== undefined && newest?.max != null && BigInt(newest.max) >= BigInt(when)
          ? `drizzle will not run it: its newest created_at ${newest.max} is not older than this migration's ` +
            `journal \`when\` ${when}, and drizzle runs only migrations newer than that`
          : undefined;
      return { kind: 'not-applied', table: table.name, ...(skipped ? { note: skipped } : {}) };
    }
    const what =
      `id ${row.id}, hash ${row.hash.slice(0, 12)}…, created_at ${row.created_at ?? 'null'} ` +
      "(the journal's `when`: when drizzle-kit generated the migration, not when it ran)";
    if (row.at === null) {
      return {
        kind: 'no-time',
        table: table.name,
        applied: true,
        reason:
          `${table.name} records ${key} as applied (${what}) but keeps no apply time` +
          (hasAppliedAt ? ' for it (applied_at is empty on rows from before drizzle 1.0)' : '') +
          `; ${OTHER_SOURCES}`,
      };
    }
    const appliedAt = row.at.toISOString();
    return { kind: 'applied', appliedAt, table: table.name, row: `${what}, applied_at ${appliedAt}` };
  },
};

/** Drizzle's hash: sha256 hex of the file's text (drizzle-orm normalises CRLF to LF first; older versions did not). */
function drizzleHashes(migration: HistoryMigration): string[] {
  if (migration.content === undefined) return [];
  const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
  return [...new Set([sha(migration.content.replace(/\r\n/g, '\n')), sha(migration.content)])];
}

/** The journal entry `when` of `tag` in Drizzle's meta/_journal.json text, or undefined. */
export function drizzleJournalWhen(journal: string, tag: string): number | undefined {
  try {
    const entries = (JSON.parse(journal) as { entries?: unknown }).entries;
    if (!Array.isArray(entries)) return undefined;
    const entry = entries.find((e: unknown) => (e as { tag?: unknown } | null)?.tag === tag) as
      { when?: unknown } | undefined;
    return typeof entry?.when === 'number' ? entry.when : undefined;
  } catch {
    return undefined;
  }
}
