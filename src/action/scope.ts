// Which migrations a run checks: the `migrations` input (or the configured paths) when given; for a pull
// request, the migrations it adds or changes, from git when the checkout has the history, else from the
// pull request files API; plus a finding for every migration of the base branch the pull request edits,
// deletes or renames.
import type { Config } from '../config/types.js';
import { discoverChanged, discoverPaths, InputError, type DiscoverConfig } from '../discover/index.js';
import type { AnalysisInput } from '../engine.js';
import type { GitHubClient } from '../github/client.js';
import { listPullFiles } from '../github/pull-files.js';
import type { Finding } from '../types.js';
import {
  appliedMigrationEdits,
  changedPaths,
  EDITING_APPLIED_MIGRATION,
  gitFileReader,
  migrationMatcher,
  pullRequestChanges,
  type PrChanges,
} from './changes.js';
import type { ActionInputs } from './inputs.js';
import type { Target } from './publish.js';

export interface Scope {
  input: AnalysisInput;
  /** Findings about the pull request's files themselves (edits of applied migrations). */
  extraFindings: Finding[];
  /** Sentences for the log (changed files from the API, a truncated list). */
  notices: string[];
  /** The pull request's changed files, when the run is for one. */
  changes?: PrChanges;
}

export interface ScopeOptions {
  cwd: string;
  config: Config;
  inputs: ActionInputs;
  target: Target;
  client: GitHubClient | undefined;
}

const EMPTY: AnalysisInput = { history: [], releases: [] };

export async function findMigrations(options: ScopeOptions): Promise<Scope> {
  const { cwd, config, inputs, target, client } = options;
  const discover: DiscoverConfig = {
    ...(config.framework ? { framework: config.framework } : {}),
    placeholders: config.placeholders,
    maxFileBytes: config.maxFileBytes,
    paths: config.paths,
  };
  if (inputs.migrations.length > 0)
    return { input: await discoverPaths(inputs.migrations, discover, cwd), extraFindings: [], notices: [] };
  const pull = target.pull;
  if (!pull) {
    if (config.paths.length > 0)
      return { input: await discoverPaths(config.paths, discover, cwd), extraFindings: [], notices: [] };
    throw new InputError(
      'migrations: this run is not for a pull request, so name the migrations to check (the `migrations` input or `paths` in the configuration file)',
    );
  }

  const base = inputs.base ?? pull.baseSha;
  const changes = await pullRequestChanges({
    cwd,
    baseSha: base,
    headSha: target.sha,
    ...(client
      ? {
          listFilesFromApi: async () => {
            const listed = await listPullFiles(client, {
              owner: target.owner,
              repo: target.repo,
              pullNumber: pull.number,
            });
            return {
              files: listed.files.map((f) => ({
                path: f.path,
                status: f.status,
                ...(f.previousPath ? { previousPath: f.previousPath } : {}),
              })),
              truncated: listed.truncated,
            };
          },
        }
      : {}),
  });
  const notices = changes.notice ? [changes.notice] : [];
  const isMigration = await migrationMatcher({
    cwd,
    paths: changedPaths(changes),
    ...(config.framework ? { framework: config.framework } : {}),
    globs: config.paths,
  });
  const input =
    changes.source === 'git'
      ? await discoverChanged(base, discover, cwd)
      : await fromApiList(changes, isMigration, discover, cwd);
  const readBase = await gitFileReader(cwd, base);
  const extraFindings = readBase
    ? await appliedMigrationEdits(changes, isMigration, readBase, {
        ...(config.rules[EDITING_APPLIED_MIGRATION.id]?.severity
          ? { severity: config.rules[EDITING_APPLIED_MIGRATION.id]?.severity }
          : {}),
      })
    : [];
  if (!readBase && changes.files.some((f) => f.status !== 'added' && isMigration(f.from ?? f.path)))
    notices.push(
      'the checkout lacks the base commit, so edits of migrations already on the base branch were not checked; use actions/checkout with fetch-depth: 0',
    );
  return { input, extraFindings, notices, changes };
}

/** The changed migrations the files API listed, as one release (the pull request ships them together). */
async function fromApiList(
  changes: PrChanges,
  isMigration: (path: string) => boolean,
  discover: DiscoverConfig,
  cwd: string,
): Promise<AnalysisInput> {
  const paths = changes.files.filter((f) => f.status !== 'deleted' && isMigration(f.path)).map((f) => f.path);
  if (paths.length === 0) return EMPTY;
  const found = await discoverPaths(paths, discover, cwd);
  return { history: found.history, releases: [found.releases.flat()] };
}
