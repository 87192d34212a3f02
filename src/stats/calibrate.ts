// The calibration: throughputs measured over a generated table on the database the tool was given (the shadow
// server's scratch database, else PGlite), which src/stats/estimate.ts scales by a production table's sizes.
// The table resembles a real one (bigint identity key, a foreign key column, an int, a name, an address of
// about 30 bytes, a timestamp, a mostly empty text) with a smaller table it references. Each operation is timed as production
// would run it, in its own statement; everything created is dropped at the end, also on failure.
import type { Database } from '../db/database.js';
import { PGLITE_VERSION } from '../db/pglite.js';
import type { Calibration } from './estimate.js';

export interface CalibrateOptions {
  /** Rows of the generated table (default 200,000 on a server, 100,000 on PGlite). */
  rows?: number;
  /** Called before each step, for a progress line. */
  onStep?: (step: string) => void;
  /** Called with each timing (seconds) as it is taken: `scan`, `index`, `rewrite`... */
  onMeasure?: (what: string, seconds: number) => void;
}

/** Rows by default: a few seconds of work on either engine on a small machine. */
export const DEFAULT_ROWS = { shadow: 200_000, pglite: 100_000 } as const;

const T = 'expand_contract_calibration';
const OWNER = 'expand_contract_calibration_owner';
const EMPTY = 'expand_contract_calibration_empty';

/** Measures the throughputs on `db`. The tables it creates (`expand_contract_calibration*`) are dropped. */
export async function calibrate(db: Database, options: CalibrateOptions = {}): Promise<Calibration> {
  const rows = Math.max(1000, Math.round(options.rows ?? DEFAULT_ROWS[db.kind]));
  const step = options.onStep ?? ((): void => undefined);
  const measure = options.onMeasure ?? ((): void => undefined);
  const [info] = await db.query<{ version: string; num: number }>(
    "SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num",
  );
  const serverVersion = info?.version.split(' ')[0] ?? '?';
  const serverMajor = Math.floor(Number(info?.num ?? 0) / 10000);
  step(`generating ${rows.toLocaleString('en-US')} rows`);
  // The tables all or none (one implicit transaction); only what this call created is dropped.
  await db.exec(
    `CREATE TABLE ${EMPTY} (created_at timestamptz);
     CREATE TABLE ${OWNER} (id bigint PRIMARY KEY, name text NOT NULL);
     CREATE TABLE ${T} (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       owner_id bigint NOT NULL,
       quantity int NOT NULL,
       full_name text NOT NULL,
       email text NOT NULL,
       created_at timestamptz NOT NULL,
       note text
     )`,
  );
  try {
    const owners = Math.max(1, Math.floor(rows / 10));
    // Addresses made of names, as real ones are: long shared prefixes make a text key's comparisons cost what
    // they cost in production (random hex would decide most of them on the first bytes).
    await db.exec(
      `INSERT INTO ${OWNER} SELECT i, 'owner ' || i FROM generate_series(1, ${owners}) AS i;
       INSERT INTO ${T} (owner_id, quantity, full_name, email, created_at, note)
       SELECT 1 + (i::bigint * 7919) % ${owners}, i % 1000, f || ' ' || l, lower(f) || '.' || lower(l) || i || '@example.org',
              timestamptz '2024-01-01' + make_interval(secs => (i::bigint * 7919) % 31536000),
              CASE WHEN i % 10 = 0 THEN 'note ' || i END
         FROM generate_series(1, ${rows}) AS i,
              LATERAL (SELECT (ARRAY['Maria','James','Wei','Fatima','Olga','Kofi','Lucia','Arjun','Emma','Noah'])[1 + i % 10] AS f,
                              (ARRAY['Garcia','Smith','Wang','Khan','Ivanova','Mensah','Rossi','Patel','Muller','Silva'])[1 + (i / 10) % 10] AS l) AS n;`,
    );
    // Clean, analyzed and (where the role may) checkpointed, as a long-lived production table is: no hint bits
    // to set and no dirty pages from the load to write out inside the timed statements.
    await db.exec(`VACUUM ANALYZE ${OWNER}`);
    await db.exec(`VACUUM ANALYZE ${T}`);
    await db.exec('CHECKPOINT').catch(() => undefined);
    const bytes = await tableBytes(db);

    // A full scan under the lock: SET NOT NULL on a nullable column whose values are all there (a CHECK's
    // VALIDATE reads the same heap). The median of three: it is short, so a busy machine shows most here.
    step('timing a NOT NULL scan');
    await db.exec(`ALTER TABLE ${T} ALTER COLUMN created_at DROP NOT NULL`);
    const scans: number[] = [];
    for (let i = 0; i < 3; i++) {
      scans.push(await timed(db, `ALTER TABLE ${T} ALTER COLUMN created_at SET NOT NULL`));
      await db.exec(`ALTER TABLE ${T} ALTER COLUMN created_at DROP NOT NULL`);
    }
    // Less what the statement costs with nothing to scan (its catalog update and commit), timed on an empty
    // table: on this small table that fixed part is a large share, on a production table none.
    const fixed: number[] = [];
    for (let i = 0; i < 3; i++) {
      fixed.push(await timed(db, `ALTER TABLE ${EMPTY} ALTER COLUMN created_at SET NOT NULL`));
      await db.exec(`ALTER TABLE ${EMPTY} ALTER COLUMN created_at DROP NOT NULL`);
    }
    const scanSeconds = Math.max(median(scans) - median(fixed), median(scans) / 4);
    measure('scan', scanSeconds);

    // Index builds, on a text key (the mean of two): one rate serves every index in the estimate, and a text
    // key is the slow common case (3-4x a number's time at the same size). The server plans the build as it
    // would in production (parallel workers included); estimateLock adds the sort's n log n growth from these
    // rows to the production table's.
    step('timing index builds');
    const indexSeconds = await mean(
      2,
      () => timed(db, `CREATE INDEX ${T}_email ON ${T} (email)`),
      () => db.exec(`DROP INDEX ${T}_email`),
    );
    measure('index', indexSeconds);

    // A foreign key validation: one check of each referencing row against the referenced key.
    step('timing a foreign key validation');
    await db.exec(
      `ALTER TABLE ${T} ADD CONSTRAINT ${T}_owner_fk FOREIGN KEY (owner_id) REFERENCES ${OWNER} (id) NOT VALID`,
    );
    const fkSeconds = await timed(db, `ALTER TABLE ${T} VALIDATE CONSTRAINT ${T}_owner_fk`);
    measure('foreign key', fkSeconds);

    // A rewrite: ALTER COLUMN TYPE copies the heap, then rebuilds the table's one index, its key. The estimate
    // adds every index's rebuild at the index rate to the heap at this rate, so this rate is the heap's alone:
    // the rewrite's time less the key's rebuild timed on its own (REINDEX). Taking out the key at the index
    // rate instead would leave nothing (a text build takes longer than this whole rewrite, whose key arrives
    // in order) and make a wide table's heap look free. Two of each (int to bigint and back), averaged; the
    // heap part is kept at a quarter of the rewrite at least, against a REINDEX slowed by a busy machine.
    step('timing a table rewrite');
    const keySeconds = await mean(2, () => timed(db, `REINDEX INDEX ${T}_pkey`));
    let wide = false;
    const rewriteSeconds = await mean(2, () => {
      wide = !wide;
      return timed(db, `ALTER TABLE ${T} ALTER COLUMN quantity TYPE ${wide ? 'bigint' : 'int'}`);
    });
    const heapSeconds = Math.max(rewriteSeconds - keySeconds, rewriteSeconds / 4);
    measure('key rebuild', keySeconds);
    measure('rewrite', rewriteSeconds);

    // An UPDATE of every row, one statement, as a backfill inside a migration runs; on a clean table again.
    step('timing an UPDATE of every row');
    await db.exec(`VACUUM ${T}`);
    const updateSeconds = await timed(db, `UPDATE ${T} SET quantity = quantity + 1`);
    measure('update', updateSeconds);

    return {
      rewriteBytesPerSecond: bytes / heapSeconds,
      indexRowsPerSecond: rows / indexSeconds,
      keyRebuildRowsPerSecond: rows / keySeconds,
      scanBytesPerSecond: bytes / scanSeconds,
      foreignKeyRowsPerSecond: rows / fkSeconds,
      updateRowsPerSecond: rows / updateSeconds,
      engine: engineName(db, serverVersion, serverMajor),
      serverMajor,
      rows,
      measuredAt: new Date().toISOString(),
    };
  } finally {
    await dropTables(db).catch(() => undefined);
  }
}

/** `PostgreSQL 16.4 (shadow server db.internal:5432)` or `PGlite 0.5.16 (PostgreSQL 17.5, WebAssembly)`. */
export function engineName(db: Database, serverVersion: string, serverMajor: number): string {
  if (db.kind === 'pglite') return `PGlite ${PGLITE_VERSION} (PostgreSQL ${serverVersion}, WebAssembly)`;
  const host = serverHost(db);
  return `PostgreSQL ${serverVersion || serverMajor} (shadow server${host ? ` ${host}` : ''})`;
}

/** `host:port` of a shadow database, from its description (`shadow database … on host:port`). */
export function serverHost(db: Database): string | undefined {
  return db.kind === 'shadow' ? / on (\S+)$/.exec(db.description)?.[1] : undefined;
}

async function tableBytes(db: Database): Promise<number> {
  const [row] = await db.query<{ bytes: string }>(
    `SELECT (pg_relation_size(c.oid) +
             CASE WHEN c.reltoastrelid <> 0 THEN pg_total_relation_size(c.reltoastrelid) ELSE 0 END)::text AS bytes
       FROM pg_class c WHERE c.oid = '${T}'::regclass`,
  );
  return Number(row?.bytes ?? 0);
}

async function timed(db: Database, sql: string): Promise<number> {
  const start = performance.now();
  await db.exec(sql);
  // A floor of a tenth of a millisecond: a rate is never infinite.
  return Math.max((performance.now() - start) / 1000, 1e-4);
}

/** The mean of `n` timings, running `after` (untimed) after each. */
async function mean(n: number, time: () => Promise<number>, after?: () => Promise<void>): Promise<number> {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += await time();
    await after?.();
  }
  return sum / n;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function dropTables(db: Database): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${T}; DROP TABLE IF EXISTS ${OWNER}; DROP TABLE IF EXISTS ${EMPTY}`);
}
