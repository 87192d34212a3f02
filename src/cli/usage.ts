// The help text of the command line and of each command.
import type { Command } from './args.js';

const COMMON = `  --config FILE              Configuration file (default: .github/expand-contract.yml when present).
  --postgres-version N       PostgreSQL major version the migrations run on (default 16).
  --framework NAME           sql, prisma, golang-migrate, flyway, dbmate, goose, sqitch, supabase, drizzle.
  --color / --no-color       Force colour on or off in text output (default: on for a terminal).
  -h, --help                 Show this help.`;

const PLANNER = `  --contract-after DAYS      Days the expand phase must be in production before the contract (default 7).
  --shadow-database-url URL  Replay and prove on a scratch database of this PostgreSQL server instead of
                             the embedded one (also $EXPAND_CONTRACT_SHADOW_DATABASE_URL). The tool creates
                             and drops its own database there and touches no other.
  --cache-dir DIR            Where replayed histories are cached (default: ~/.cache/expand-contract, or
                             $EXPAND_CONTRACT_CACHE_DIR, $XDG_CACHE_HOME, the runner's tool cache).
  --no-cache                 Replay the history even when a cached copy exists, and cache nothing.`;

const STATS = `  --stats-database-url URL   Production statistics from a read-only connection (a replica is fine; also
                             $EXPAND_CONTRACT_STATS_DATABASE_URL): each finding on a table gains its rows,
                             size, write rate and the estimated time under its lock; severities follow
                             (exposure: in the configuration).
  --stats-file FILE          The same from a file written by expand-contract stats.`;

const SELECT = `  --base REF                 Use the migration files changed between REF and the working tree.
  --fail-on LEVEL            error (default), warning or never: the lowest severity that exits 1.`;

const TEXT: Record<Command | 'main', string> = {
  main: `Usage: expand-contract <command> [options]

Commands:
  check [PATHS...]        Find statements that break a rolling deploy or block traffic (no database).
  plan [PATHS...]         check, plus the expand/contract phase plan of each finding, proven on the
                          embedded database (PGlite), with the locks each statement took.
  split <MIGRATION>       Print (or --write) the files of the plan: the expand migration in place of the
                          original, later migrations, the backfill script, the pending contract file.
  trace <MIGRATION>       Run the original and every phase on the embedded database and show the locks
                          each statement takes, table rewrites and times.
  backfill <FILE>         Run a plan's backfill on a real database in short batches: throttled,
                          resumable, checked at the end.
  stats                   Export the production statistics (rows, sizes, write rates; no data) that
                          --stats-file reads, from a read-only connection.

Run expand-contract <command> --help for its options.
  -v, --version           Show the version.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (or a plan that fails its proof),
2 bad usage or unreadable input.
`,
  check: `Usage: expand-contract check [PATHS...] [options]

Finds migration statements that break a rolling deploy or block traffic. Reads the files only: no database.

Options:
${SELECT}
  --format FORMAT            text (default), markdown, json, sarif or github.
${STATS}
  --shadow-database-url URL  With statistics: calibrate the lock-time estimates on a scratch database of
                             this server (once per machine and server version, then cached) instead of
                             the embedded database.
  --cache-dir DIR, --no-cache  Where the calibration is cached; --no-cache measures every time.
${COMMON}

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage or unreadable input.
`,
  plan: `Usage: expand-contract plan [PATHS...] [options]

check, plus the phase plan of every migration with findings (expand, dual write, backfill, switch reads,
contract) and its proof: on the embedded database, expand + backfill + contract must end at the same
schema and data as the original migration. The earlier migrations are replayed first (and cached).

Options:
${SELECT}
  --format FORMAT            text (default), markdown or json.
  --no-prove                 Plan without running the proof and the lock trace.
${STATS}
${PLANNER}
${COMMON}

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it or a plan that fails its proof,
2 bad usage or unreadable input.
`,
  split: `Usage: expand-contract split <MIGRATION> [--write] [options]

Prints the files that replace MIGRATION, in the framework's own naming: the expand migration (the original
minus what moves later, in safe forms), one file per later migration, the backfill script
(.expand-contract/backfill/<plan>.sql) and the pending contract (.expand-contract/pending/<plan>.sql).
With --write, writes them (MIGRATION is rewritten in place). A plan that fails its proof is never written.
Splitting again is a no-op.

Options:
  --write                    Write the files instead of printing them.
  --no-prove                 Skip the proof (the files are then written unproven, and say so).
  --format FORMAT            text (default) or json: {"planId", "expand", "backfill", "contract", ...}.
${PLANNER}
${COMMON}

Exit codes: 0 split (or nothing to split), 1 the plan fails its proof or cannot be written, 2 bad usage.
`,
  backfill: `Usage: expand-contract backfill <FILE> [--database-url URL] [options]

Runs the backfill of one plan against a real database. FILE is the backfill script split wrote
(.expand-contract/backfill/<plan>.sql) or the original migration, which is planned again. Each step walks
its table's primary key (or a unique index over NOT NULL columns) in batches, each its own short
transaction, and changes only rows that still need it, so rows the application or a trigger already wrote
are left alone. Progress is kept in expand_contract.backfill_progress (created on first use): an
interrupted run continues where it stopped. Ctrl-C or SIGTERM ends the current batch and exits; run the
command again to continue.

Options:
  --database-url URL         The database (default: $DATABASE_URL). Never printed.
  --batch-size N             Largest batch, in rows (default 1000).
  --pause MS                 Pause between batches (default 0).
  --target-ms MS             A batch that takes longer shrinks the next ones; they grow back while batches
                             stay well under it (default 100).
  --lock-timeout MS          lock_timeout of each batch (default 2000).
  --statement-timeout MS     statement_timeout of each batch (default 30000).
  --max-retries N            Retries of a batch after a lock or statement timeout, smaller each time
                             (default 5), before giving up with who holds the lock.
  --dry-run                  Print the steps, their keys, the rows they would change (estimated) and the
                             batches, writing nothing.
${PLANNER}
${COMMON}

Exit codes: 0 no row still needs the backfill, 1 rows remain (interrupted, or a lock held too long: run
again), 2 bad usage, a database it cannot reach, or a table it cannot walk.
`,
  stats: `Usage: expand-contract stats [--database-url URL] > stats.json

Reads, in a READ ONLY transaction with short timeouts, what --stats-file needs of every table: its rows
(reltuples, n_live_tup), heap, index and TOAST sizes, inserts, updates and deletes per second since the last
statistics reset, its indexes and constraints. No data and no query texts. A replica is fine. The file
carries its own version and timestamp; check and plan report it when it is older than exposure.stats-max-age.

Options:
  --database-url URL         The database (default: $DATABASE_URL). Never printed.
  -h, --help                 Show this help.

Exit codes: 0 printed, 2 bad usage or a database it cannot read.
`,
  trace: `Usage: expand-contract trace <MIGRATION> [options]

Runs the original migration and each phase of its plan on the embedded database, after the replayed history
and a few sample rows, and shows for every statement the locks it took (pg_locks of its own session, inside
a transaction that is rolled back), whether it rewrote the table, and its time.

Options:
  --format FORMAT            text (default), markdown or json.
${PLANNER}
${COMMON}

Exit codes: 0 traced, 1 a statement failed, 2 bad usage or unreadable input.
`,
};

export function usage(command: Command | 'main'): string {
  return TEXT[command];
}
