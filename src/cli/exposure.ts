// --stats-database-url / --stats-file on check and plan: the exposure context the report is weighed with.
import { resolve } from 'node:path';
import type { Config } from '../config/types.js';
import type { ExposureContext } from '../stats/exposure.js';
import { productionContext, ProductionStatsError } from '../stats/production.js';
import type { CliArgs } from './args.js';
import { UsageError, type CliIO } from './io.js';
import { cacheDirOf, historyOptions } from './settings.js';

export const STATS_URL_ENV = 'EXPAND_CONTRACT_STATS_DATABASE_URL';

/** The production statistics given to this run, or null (then the report is as without them). */
export async function exposureOf(
  args: CliArgs,
  io: CliIO,
  settings: Config,
): Promise<ExposureContext | null> {
  const url = args.statsDatabaseUrl ?? (io.env[STATS_URL_ENV] || undefined);
  if (url === undefined && args.statsFile === undefined) return null;
  const history = historyOptions(args, io);
  try {
    return await productionContext({
      ...(url !== undefined ? { statsDatabaseUrl: url } : {}),
      ...(args.statsFile !== undefined
        ? { statsFile: { path: resolve(io.cwd, args.statsFile), shown: args.statsFile } }
        : {}),
      thresholds: settings.exposure,
      ...(history.shadowDatabaseUrl ? { shadowDatabaseUrl: history.shadowDatabaseUrl } : {}),
      cacheDir: cacheDirOf(args, io),
      ...(history.workTree ? { workTree: history.workTree } : {}),
      note: (line) => io.stderr(`expand-contract: note: ${line}\n`),
    });
  } catch (e: unknown) {
    if (e instanceof ProductionStatsError) {
      const urlSource = args.statsDatabaseUrl !== undefined ? '--stats-database-url' : `$${STATS_URL_ENV}`;
      const source =
        url === undefined
          ? '--stats-file'
          : args.statsFile === undefined
            ? urlSource
            : `${urlSource} and --stats-file`;
      throw new UsageError(`${source}: ${e.message.replace(/\.?$/, '.')}`);
    }
    throw e;
  }
}
