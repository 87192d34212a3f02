// `expand-contract stats --database-url URL > stats.json`: the production statistics a team that will not
// give CI a database connection exports for `--stats-file`: per table rows, sizes, write rates, indexes
// and constraints; no data, no query texts. Read in a READ ONLY transaction.
import { collectStats, StatsError } from '../stats/collect.js';
import { formatStats } from '../stats/file.js';
import type { CliArgs } from './args.js';
import { UsageError, type CliIO } from './io.js';
import { usage } from './usage.js';

export async function runStats(args: CliArgs, io: CliIO): Promise<number> {
  if (args.help) {
    io.stdout(usage('stats'));
    return 0;
  }
  if (args.paths.length > 0)
    throw new UsageError(
      `stats takes no file (got ${args.paths[0]}); it prints the statistics to standard output.`,
    );
  const url = args.databaseUrl ?? io.env.DATABASE_URL;
  if (!url) throw new UsageError('stats needs a database: give --database-url URL or set DATABASE_URL.');
  try {
    const snapshot = await collectStats(url);
    io.stdout(formatStats(snapshot));
    io.stderr(`expand-contract: ${snapshot.tables.length} tables, rates since ${snapshot.ratesSince}\n`);
    return 0;
  } catch (e: unknown) {
    if (e instanceof StatsError) {
      io.stderr(`expand-contract: ${e.message.replace(/\.?$/, '.')}\n`);
      return 2;
    }
    throw e;
  }
}
