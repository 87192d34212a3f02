// Selected files -> MigrationFiles: groups them by migrations folder, detects each folder's
// framework, orders the folder, reads and extracts what runs, and finds each folder's history
// (the migrations that sort before the first selected one).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic, FrameworkName, MigrationFile } from '../types.js';
import { auxFilesFor, detectFramework, frameworkNamed } from './frameworks/index.js';
import { inputDiagnostic, type Folder, type FrameworkModule, type OrderResult } from './frameworks/types.js';
import { listFolder, placeOf, Probe, type FolderPlace } from './folders.js';
import { matchesAny } from './glob.js';
import { readMigrationFile, type ReadResult } from './read.js';
import { compareOrderKeys, hasStatements, numericKey, slashes } from './text.js';

export interface Selected {
  /** Absolute path. */
  abs: string;
  /** True when the user named this very file (skips are then always explained). */
  explicit: boolean;
}

export interface BuildOptions {
  framework?: FrameworkName;
  placeholders: Record<string, string>;
  maxFileBytes: number;
  /** `paths:` globs; when set, only matching files are migrations (named files always are). */
  globs: readonly string[];
  /** The folder the globs are relative to. */
  globRoot: string;
  /** The path shown for a file (MigrationFile.path). */
  show(abs: string): string;
  /** Plain `.sql` folders count only when their path mentions migrations (changed-file discovery). */
  plainNeedsHint: boolean;
}

export interface BuiltFile {
  abs: string;
  file: MigrationFile;
  /** False for a file shown only to explain why it is not run. */
  runs: boolean;
}

export interface Built {
  history: MigrationFile[];
  selected: BuiltFile[];
}

export async function build(selection: readonly Selected[], options: BuildOptions): Promise<Built> {
  const probe = new Probe();
  const groups = new Map<string, { place: FolderPlace; chosen: Map<string, boolean> }>();
  for (const s of selection) {
    const place = await placeOf(s.abs, probe, options.framework);
    const key = `${place.kind}:${place.root}`;
    const group = groups.get(key) ?? { place, chosen: new Map<string, boolean>() };
    groups.set(key, group);
    const rel = slashes(relative(place.root, s.abs));
    group.chosen.set(rel, (group.chosen.get(rel) ?? false) || s.explicit);
  }
  const reader = new Reader(options);
  const out: Built = { history: [], selected: [] };
  const sorted = [...groups.values()].sort((a, b) =>
    compareOrderKeys(slashes(a.place.root), slashes(b.place.root)),
  );
  for (const group of sorted) {
    const built = await buildFolder(group.place, group.chosen, options, reader);
    out.history.push(...built.history);
    out.selected.push(...built.selected);
  }
  return out;
}

async function buildFolder(
  place: FolderPlace,
  chosenAll: Map<string, boolean>,
  options: BuildOptions,
  reader: Reader,
): Promise<Built> {
  const { root } = place;
  const wanted = (rel: string): boolean =>
    options.globs.length === 0 ||
    matchesAny(slashes(relative(options.globRoot, join(root, rel))), options.globs);
  const chosen = new Map([...chosenAll].filter(([rel, explicit]) => explicit || wanted(rel)));
  const files = [...new Set([...(await listFolder(place)).filter(wanted), ...chosen.keys()])].sort();
  if (chosen.size === 0) return { history: [], selected: [] };

  const aux = new Map<string, string>();
  await Promise.all(
    auxFilesFor(files).map(async (rel) => {
      const text = readText(join(root, rel));
      if (text !== undefined) aux.set(rel, text);
    }),
  );
  const texts = new Map<string, string>();
  if (place.kind === 'dir' && options.framework === undefined) {
    await Promise.all(files.map(async (rel) => texts.set(rel, (await reader.read(join(root, rel))).text)));
  }
  const folder: Folder = { root, files, text: (rel) => texts.get(rel), aux: (rel) => aux.get(rel) };
  const fw = options.framework !== undefined ? frameworkNamed(options.framework) : detectFramework(folder);

  if (
    options.plainNeedsHint &&
    fw.name === 'sql' &&
    options.framework === undefined &&
    options.globs.length === 0
  ) {
    for (const rel of [...chosen.keys()]) {
      if (!chosen.get(rel) && !/migrat/i.test(options.show(join(root, rel)))) chosen.delete(rel);
    }
    if (chosen.size === 0) return { history: [], selected: [] };
  }

  const ordered = orderSafely(fw, folder);
  const entries = [...ordered.entries].sort(
    (a, b) => compareOrderKeys(a.orderKey, b.orderKey) || compareOrderKeys(a.rel, b.rel),
  );
  const first = entries.findIndex((e) => chosen.has(e.rel));
  const folderDiagnostics = (rel: string): Diagnostic[] =>
    ordered.diagnostics.filter((d) => d.rel === rel).map((d) => d.diagnostic);
  const make = (e: (typeof entries)[number]): Promise<MigrationFile> =>
    reader.migration(fw, join(root, e.rel), e, aux, folderDiagnostics(e.rel), options.placeholders);

  const history = await Promise.all(
    (first === -1 ? [] : entries.slice(0, first)).filter((e) => !chosen.has(e.rel)).map(make),
  );
  const selected: BuiltFile[] = await Promise.all(
    entries
      .filter((e) => chosen.has(e.rel))
      .map(async (e) => ({ abs: join(root, e.rel), file: await make(e), runs: true })),
  );

  const classified = new Set(entries.map((e) => e.rel));
  for (const skip of ordered.skipped) {
    classified.add(skip.rel);
    if (chosen.has(skip.rel) && (skip.notice || chosen.get(skip.rel))) {
      selected.push(notice(fw, join(root, skip.rel), skip.rel, `this file is ${skip.reason}`, options));
    }
  }
  for (const [rel, explicit] of chosen) {
    if (explicit && !classified.has(rel)) {
      selected.push(
        notice(fw, join(root, rel), rel, `this file is not a migration that ${fw.name} runs`, options),
      );
    }
  }
  return { history, selected };
}

function orderSafely(fw: FrameworkModule, folder: Folder): OrderResult {
  try {
    return fw.order(folder);
  } catch (e: unknown) {
    const first = folder.files[0];
    return {
      entries: folder.files.map((rel) => ({ rel, orderKey: numericKey(rel) })),
      skipped: [],
      diagnostics: first
        ? [
            {
              rel: first,
              diagnostic: inputDiagnostic(
                'warning',
                1,
                1,
                `could not order the ${fw.name} migrations of ${folder.root} (${message(e)}); files were taken in name order`,
              ),
            },
          ]
        : [],
    };
  }
}

function notice(
  fw: FrameworkModule,
  abs: string,
  rel: string,
  text: string,
  options: BuildOptions,
): BuiltFile {
  return {
    abs,
    runs: false,
    file: {
      path: options.show(abs),
      framework: fw.name,
      orderKey: numericKey(rel),
      transactional: false,
      sql: '',
      diagnostics: [inputDiagnostic('notice', 1, 1, `not analysed: ${text}.`)],
    },
  };
}

/** Reads each file once per discovery run. */
class Reader {
  private readonly cache = new Map<string, Promise<ReadResult>>();

  constructor(private readonly options: BuildOptions) {}

  read(abs: string): Promise<ReadResult> {
    let hit = this.cache.get(abs);
    if (!hit) {
      hit = readMigrationFile(abs, this.options.maxFileBytes, this.options.show(abs));
      this.cache.set(abs, hit);
    }
    return hit;
  }

  async migration(
    fw: FrameworkModule,
    abs: string,
    entry: { rel: string; orderKey: string; repeatable?: boolean },
    aux: Map<string, string>,
    extra: Diagnostic[],
    placeholders: Record<string, string>,
  ): Promise<MigrationFile> {
    const read = await this.read(abs);
    const diagnostics = [...read.diagnostics, ...extra];
    let sql = read.text;
    let transactional = false;
    if (read.ok) {
      try {
        const x = fw.extract(read.text, {
          rel: entry.rel,
          placeholders,
          bom: read.bom,
          aux: (r) => aux.get(r),
        });
        sql = x.sql;
        transactional = x.transactional;
        diagnostics.push(...x.diagnostics);
      } catch (e: unknown) {
        diagnostics.push(
          inputDiagnostic(
            'error',
            1,
            1,
            `could not read the ${fw.name} sections of this file (${message(e)})`,
          ),
        );
      }
      if (!diagnostics.some((d) => d.severity === 'error') && !hasStatements(sql)) {
        diagnostics.push(inputDiagnostic('notice', 1, 1, 'migration has no statements'));
      }
    }
    diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
    return {
      path: this.options.show(abs),
      framework: fw.name,
      orderKey: entry.orderKey,
      transactional,
      sql,
      diagnostics,
      ...(entry.repeatable ? { repeatable: true } : {}),
    };
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
