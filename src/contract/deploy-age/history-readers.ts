// The readers of the history tables that keep an apply time (the tables are described in database.ts):
// which key a migration is recorded under, where the table is by default, the columns it must have,
// and how its rows answer whether and when the migration ran.
import type { FrameworkName } from '../../types.js';
import { drizzleReader } from './history-drizzle.js';
import { match, naive, type Reader } from './history-table.js';
import { DeployAgeError } from './read-only.js';

export const READERS: Partial<Record<FrameworkName, Reader>> = {
  prisma: {
    tool: 'Prisma',
    key: (path) =>
      match(path, /(?:^|\/)([^/]+)\/migration\.sql$/, 'a Prisma migration (<folder>/migration.sql)'),
    // Prisma keeps the table in the schema its URL names (`?schema=`), public by default.
    defaultTable: (url) => `${url.searchParams.get('schema') || 'public'}._prisma_migrations`,
    columns: ['migration_name', 'started_at', 'finished_at', 'rolled_back_at', 'applied_steps_count'],
    async read(session, table, key) {
      const rows = await session.query<{
        id: string;
        finished: Date | null;
        started: Date | null;
        rolled_back: boolean;
        steps: number;
      }>(
        `SELECT id, finished_at::timestamptz AS finished, started_at::timestamptz AS started,
                rolled_back_at IS NOT NULL AS rolled_back, applied_steps_count AS steps
           FROM ${table.name} WHERE migration_name = $1 ORDER BY started_at DESC`,
        [key],
      );
      const done = rows
        .filter((r) => r.finished !== null && !r.rolled_back)
        .sort((a, b) => (b.finished as Date).getTime() - (a.finished as Date).getTime());
      const [row] = done;
      if (row !== undefined && row.finished !== null) {
        const appliedAt = row.finished.toISOString();
        return {
          kind: 'applied',
          appliedAt,
          table: table.name,
          row: `migration_name ${key} (id ${row.id}), finished_at ${appliedAt}${naive(table, 'finished_at', session)}`,
          ...(row.steps === 0
            ? {
                note:
                  'applied_steps_count is 0: probably marked applied with `prisma migrate resolve --applied`, ' +
                  'so finished_at is when it was marked, not when its SQL ran',
              }
            : {}),
        };
      }
      const failed = rows.find((r) => r.finished === null && !r.rolled_back);
      if (failed !== undefined) {
        return {
          kind: 'not-applied',
          table: table.name,
          note:
            `started at ${failed.started?.toISOString() ?? 'an unknown time'} and never finished: a failed ` +
            '`prisma migrate deploy`, to resolve before the contract',
        };
      }
      if (rows.length > 0) return { kind: 'not-applied', table: table.name, note: 'rolled back' };
      return { kind: 'not-applied', table: table.name };
    },
  },

  flyway: {
    tool: 'Flyway',
    key: (path) =>
      match(
        path,
        /(?:^|\/)V(\d+(?:[._]\d+)*)__[^/]*\.sql$/,
        'a versioned Flyway migration (V<version>__<desc>.sql)',
      ).replace(/_/g, '.'),
    // Flyway's default schema is the connection's current schema: the table is found on the search path.
    defaultTable: () => 'flyway_schema_history',
    columns: ['installed_rank', 'version', 'type', 'script', 'installed_on', 'success'],
    async read(session, table, key) {
      const [row] = await session.query<{
        rank: number;
        type: string;
        script: string;
        success: boolean;
        at: Date | null;
      }>(
        `SELECT installed_rank AS rank, type, script, success, installed_on::timestamptz AS at
           FROM ${table.name} WHERE version = $1 ORDER BY installed_rank DESC LIMIT 1`,
        [key],
      );
      if (row === undefined) return { kind: 'not-applied', table: table.name };
      const what = `version ${key} (${row.script}, type ${row.type}, installed_rank ${row.rank})`;
      if (/^UNDO/i.test(row.type))
        return { kind: 'not-applied', table: table.name, note: `${what} was undone` };
      if (!row.success) {
        return {
          kind: 'not-applied',
          table: table.name,
          note: `${what} failed (success = false); \`flyway repair\` and migrate again`,
        };
      }
      if (row.at === null)
        return { kind: 'no-time', reason: `${what} has no installed_on`, table: table.name, applied: true };
      const appliedAt = row.at.toISOString();
      return {
        kind: 'applied',
        appliedAt,
        table: table.name,
        row: `${what}, installed_on ${appliedAt}${naive(table, 'installed_on', session)}`,
      };
    },
  },

  goose: {
    tool: 'goose',
    key: (path) =>
      BigInt(match(path, /(?:^|\/)(\d+)_[^/]*\.sql$/, 'a goose migration (<version>_<name>.sql)')).toString(),
    defaultTable: () => 'goose_db_version',
    columns: ['id', 'version_id', 'is_applied', 'tstamp'],
    async read(session, table, key) {
      // goose reads the latest row of a version: newer goose deletes the row on down, older goose
      // inserted is_applied = false.
      const [row] = await session.query<{ id: number; applied: boolean; at: Date | null }>(
        `SELECT id, is_applied AS applied, tstamp::timestamptz AS at
           FROM ${table.name} WHERE version_id = $1::bigint ORDER BY id DESC LIMIT 1`,
        [key],
      );
      if (row === undefined) return { kind: 'not-applied', table: table.name };
      const what = `version_id ${key} (id ${row.id})`;
      if (!row.applied) {
        return { kind: 'not-applied', table: table.name, note: `${what} was rolled back (is_applied false)` };
      }
      if (row.at === null)
        return { kind: 'no-time', reason: `${what} has no tstamp`, table: table.name, applied: true };
      const appliedAt = row.at.toISOString();
      return {
        kind: 'applied',
        appliedAt,
        table: table.name,
        row: `${what}, tstamp ${appliedAt}${naive(table, 'tstamp', session)}`,
      };
    },
  },

  sqitch: {
    tool: 'sqitch',
    // deploy/<change>.sql, or deploy/<change>@<tag>.sql for an earlier instance of a reworked change.
    key: (path) =>
      match(
        path,
        /(?:^|\/)deploy\/((?:(?!\/deploy\/).)+?)(?:@[^/@]+)?\.sql$/,
        'a sqitch deploy script (deploy/<change>.sql)',
      ),
    defaultTable: () => 'sqitch.changes',
    columns: ['change_id', 'change', 'project', 'committed_at'],
    async read(session, table, key, migration) {
      const rows = await session.query<{ id: string; project: string; at: Date }>(
        `SELECT change_id AS id, project, committed_at::timestamptz AS at
           FROM ${table.name} WHERE change = $1 AND ($2::text IS NULL OR project = $2)
          ORDER BY committed_at DESC`,
        [key, migration.project ?? null],
      );
      const projects = [...new Set(rows.map((r) => r.project))];
      if (projects.length > 1) {
        throw new DeployAgeError(
          `sqitch change ${key} is deployed in several projects (${projects.join(', ')}); name the project.`,
        );
      }
      const [row] = rows;
      if (row === undefined) return { kind: 'not-applied', table: table.name };
      const appliedAt = row.at.toISOString();
      return {
        kind: 'applied',
        appliedAt,
        table: table.name,
        row: `change ${key} of project ${row.project} (change_id ${row.id}), committed_at ${appliedAt}${naive(table, 'committed_at', session)}`,
      };
    },
  },

  drizzle: drizzleReader,
};
