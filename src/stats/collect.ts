// Reads the statistics of every user table from a live database, in a READ ONLY transaction with short
// timeouts (src/db/read-only.ts): catalog and statistics views only, no table data, no query texts.
import { DatabaseError } from '../db/database.js';
import { readOnlySession, type DatabaseTimeouts, type ReadOnlyPurpose } from '../db/read-only.js';
import { STATS_FORMAT, STATS_VERSION, type StatsSnapshot, type TableStats } from './types.js';

/** The statistics could not be read. `code` is PostgreSQL's SQLSTATE when the server refused. */
export class StatsError extends DatabaseError {
  override name = 'StatsError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const PURPOSE: ReadOnlyPurpose = {
  what: 'the statistics database',
  applicationName: 'expand-contract (table statistics, read only)',
  reading: 'reading the table statistics',
  privilegeHint: 'grant the role pg_read_all_stats (or pg_monitor), and USAGE on the schemas',
  error: (message, code) => new StatsError(message, code),
  owns: (e) => e instanceof StatsError,
};

const SYSTEM =
  "n.nspname NOT IN ('pg_catalog', 'information_schema', 'expand_contract') AND n.nspname NOT LIKE 'pg\\_%'";

interface TableRow {
  oid: string;
  schema: string;
  name: string;
  kind: string;
  reltuples: number;
  live: string;
  heap: string;
  index: string;
  toast: string;
  ins: string;
  upd: string;
  del: string;
}

/** Every user table's statistics, read at `url` (a secret: messages name host:port/database only). */
export async function collectStats(url: string, timeouts: DatabaseTimeouts = {}): Promise<StatsSnapshot> {
  return readOnlySession(
    url,
    PURPOSE,
    async (session) => {
      const [meta] = await session.query<{ version: string; num: number; since: Date; now: Date }>(
        `SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num,
                coalesce((SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()),
                         pg_postmaster_start_time()) AS since,
                now() AS now`,
      );
      if (!meta) throw new StatsError('the server answered no version');
      const seconds = Math.max(1, (meta.now.getTime() - meta.since.getTime()) / 1000);
      // Partitioned tables add up their partitions (pg_partition_tree, PostgreSQL 12+); partitions are
      // listed on their own as well.
      const tables = await session.query<TableRow>(
        `WITH t AS (
           SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind, c.reltuples::float8 AS reltuples
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'm') AND ${SYSTEM}
         ), parts AS (
           SELECT t.oid AS root, coalesce(p.relid, t.oid) AS relid
             FROM t LEFT JOIN LATERAL (
               SELECT relid FROM pg_partition_tree(t.oid) WHERE isleaf
             ) p ON t.relkind = 'p'
         )
         SELECT t.oid::text AS oid, t.schema, t.name, t.relkind::text AS kind,
                CASE WHEN t.relkind = 'p' THEN coalesce(sum(greatest(c.reltuples, 0)), 0) ELSE t.reltuples END AS reltuples,
                coalesce(sum(s.n_live_tup), 0)::text AS live,
                coalesce(sum(pg_relation_size(p.relid)), 0)::text AS heap,
                coalesce(sum(pg_indexes_size(p.relid)), 0)::text AS index,
                coalesce(sum(CASE WHEN c.reltoastrelid <> 0 THEN pg_total_relation_size(c.reltoastrelid) ELSE 0 END), 0)::text AS toast,
                coalesce(sum(s.n_tup_ins), 0)::text AS ins,
                coalesce(sum(s.n_tup_upd), 0)::text AS upd,
                coalesce(sum(s.n_tup_del), 0)::text AS del
           FROM t JOIN parts p ON p.root = t.oid
           JOIN pg_class c ON c.oid = p.relid
           LEFT JOIN pg_stat_all_tables s ON s.relid = p.relid
          GROUP BY t.oid, t.schema, t.name, t.relkind, t.reltuples
          ORDER BY t.schema, t.name`,
      );
      const indexes = await session.query<{
        table: string;
        name: string;
        columns: string[];
        unique: boolean;
        primary: boolean;
        valid: boolean;
        bytes: string;
      }>(
        `SELECT i.indrelid::text AS table, ic.relname AS name,
                array(SELECT CASE WHEN k.attnum = 0 THEN '(expression)' ELSE a.attname::text END
                        FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                        LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                       WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS columns,
                i.indisunique AS unique, i.indisprimary AS primary, i.indisvalid AS valid,
                pg_relation_size(i.indexrelid)::text AS bytes
           FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
           JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE ${SYSTEM}
          ORDER BY ic.relname`,
      );
      const constraints = await session.query<{
        table: string;
        name: string;
        type: string;
        validated: boolean;
      }>(
        `SELECT co.conrelid::text AS table, co.conname AS name, co.contype::text AS type, co.convalidated AS validated
           FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE co.conrelid <> 0 AND ${SYSTEM}
          ORDER BY co.conname`,
      );
      const rate = (count: string): number => Math.round((Number(count) / seconds) * 1000) / 1000;
      const out: TableStats[] = tables.map((t) => ({
        schema: t.schema,
        name: t.name,
        kind: t.kind === 'p' ? 'partitioned table' : t.kind === 'm' ? 'materialized view' : 'table',
        estimatedRows: Math.round(t.reltuples),
        liveRows: Number(t.live),
        heapBytes: Number(t.heap),
        indexBytes: Number(t.index),
        toastBytes: Number(t.toast),
        insertsPerSecond: rate(t.ins),
        updatesPerSecond: rate(t.upd),
        deletesPerSecond: rate(t.del),
        indexes: indexes
          .filter((i) => i.table === t.oid)
          .map((i) => ({
            name: i.name,
            columns: i.columns,
            unique: i.unique,
            primary: i.primary,
            valid: i.valid,
            bytes: Number(i.bytes),
          })),
        constraints: constraints
          .filter((c) => c.table === t.oid)
          .map((c) => ({ name: c.name, type: c.type, validated: c.validated })),
      }));
      return {
        format: STATS_FORMAT,
        version: STATS_VERSION,
        generatedAt: meta.now.toISOString(),
        server: { version: meta.version, versionNum: meta.num },
        ratesSince: meta.since.toISOString(),
        tables: out,
      };
    },
    { statementMs: 30_000, ...timeouts },
  );
}
