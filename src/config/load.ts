// Reads `.github/expand-contract.yml` (or the file the user names) into a validated Config.
// Every problem becomes a ConfigError: `<file>:<line>: <key>: <what is wrong>; <what to do>`.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { ConfigError, type Config } from './types.js';
import { defaults, formatConfigError, parseConfig } from './validate.js';

export { CONFIG_KEYS, FRAMEWORKS, formatConfigError, parseConfig } from './validate.js';
export { suggest } from './suggest.js';

export interface LoadConfigOptions {
  /** A file the user named (absolute or relative to cwd); it must exist. */
  path?: string;
  /** The repository root: default files are looked up under it and paths in messages are relative to it. */
  cwd: string;
  /** Rule ids accepted in `rules` and `disable` (registry rules and built-in ids). */
  knownRules: string[];
}

/** Looked up in this order when no path is given. */
export const DEFAULT_CONFIG_FILES = ['.github/expand-contract.yml', '.github/expand-contract.yaml'] as const;

export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  const found =
    options.path !== undefined ? await readNamed(options.path, options.cwd) : await readDefault(options.cwd);
  if (!found) return defaults(null);
  return parseConfig(found.text, found.display, options.knownRules);
}

async function readNamed(path: string, cwd: string): Promise<{ text: string; display: string }> {
  const full = isAbsolute(path) ? path : join(cwd, path);
  const shown = display(full, cwd);
  return { text: (await readText(full, shown, true)) ?? '', display: shown };
}

async function readDefault(cwd: string): Promise<{ text: string; display: string } | undefined> {
  const found: Array<{ text: string; display: string }> = [];
  for (const name of DEFAULT_CONFIG_FILES) {
    const text = await readText(join(cwd, name), name, false);
    if (text !== undefined) found.push({ text, display: name });
  }
  if (found.length > 1) {
    throw new ConfigError(
      `${DEFAULT_CONFIG_FILES.join(' and ')} both exist; keep one of them and delete the other`,
    );
  }
  return found[0];
}

async function readText(full: string, shown: string, required: boolean): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(full);
  } catch (error: unknown) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' && !required) return undefined;
    if (code === 'ENOENT')
      throw new ConfigError(
        `${shown}: no such file; check the configuration path, or leave it out to use the defaults`,
      );
    if (code === 'EISDIR') throw new ConfigError(`${shown}: is a folder; name the configuration file itself`);
    throw new ConfigError(
      `${shown}: cannot be read (${code ?? String(error)}); check the file's permissions`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lossy = bytes.toString('utf8');
    const line = lossy.slice(0, lossy.indexOf('\uFFFD')).split('\n').length;
    throw new ConfigError(
      formatConfigError(shown, line, 'encoding', 'not valid UTF-8', 'save the file as UTF-8'),
    );
  }
}

function display(full: string, cwd: string): string {
  const rel = relative(cwd, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return full;
  return rel.split(sep).join('/');
}
