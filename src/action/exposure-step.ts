// stats-database-url / stats-file in the Action: the exposure context its report is weighed with. A file
// that is missing or malformed fails the run with its line (the workflow must be fixed); a statistics
// database that cannot be read is a warning, and the run goes on without it (never blocks a pull request).
import { join } from 'node:path';
import type { Config } from '../config/types.js';
import { InputError } from '../discover/index.js';
import type { ExposureContext } from '../stats/exposure.js';
import { productionContext, ProductionStatsError } from '../stats/production.js';
import type { ActionInputs } from './inputs.js';
import type { ActionIO } from './io.js';

export async function actionExposure(
  inputs: ActionInputs,
  config: Config,
  io: ActionIO,
  cwd: string,
): Promise<ExposureContext | null> {
  if (!inputs.statsDatabaseUrl && !inputs.statsFile) return null;
  const cacheRoot = io.env.RUNNER_TOOL_CACHE || io.env.RUNNER_TEMP;
  try {
    return await productionContext({
      ...(inputs.statsDatabaseUrl ? { statsDatabaseUrl: inputs.statsDatabaseUrl } : {}),
      ...(inputs.statsFile
        ? { statsFile: { path: join(cwd, inputs.statsFile), shown: inputs.statsFile } }
        : {}),
      thresholds: config.exposure,
      ...(inputs.shadowDatabaseUrl ? { shadowDatabaseUrl: inputs.shadowDatabaseUrl } : {}),
      cacheDir: cacheRoot ? join(cacheRoot, 'expand-contract') : null,
      workTree: cwd,
      note: (line, kind) =>
        kind === 'warning' ? io.warning(`expand-contract: ${line}`) : io.info(`expand-contract: ${line}`),
    });
  } catch (e: unknown) {
    if (!(e instanceof ProductionStatsError)) throw e;
    if (inputs.statsFile) throw new InputError(`stats-file: ${e.message}`);
    io.warning(
      `expand-contract: stats-database-url: ${e.message}; findings are not weighed by production this run`,
    );
    return null;
  }
}
