// Each framework's new migration: its name (a version that sorts after every migration in the folder,
// then `expand_contract_contract_<slug>`) and files. drizzle and sqitch also update their index file.
import type { FrameworkName } from '../../types.js';
import { nextVersion, normal } from '../../plan/naming/versions.js';
import { lines, rendered } from './body.js';
import { STEM, type Context, type Made } from './context.js';
import { drizzleMigration } from './drizzle.js';
import { baseName, join2, under } from './folder.js';
import { sqitchChange } from './sqitch.js';
import { flatVersions, highest, styledVersion, TIMESTAMP, timestampAfter } from './versions.js';

export const MAKERS: Record<FrameworkName, (ctx: Context) => Made> = {
  flyway: (ctx) => {
    const versions = ctx.existing.flatMap((p) => {
      const m = /^[VUB](\d+(?:[._]\d+)*)__.*\.sql$/.exec(baseName(p));
      return m && under(p, ctx.dir) !== null ? [m[1] as string] : [];
    });
    const firsts = versions.map((v) => v.split(/[._]/)[0] as string);
    const top = highest(firsts);
    const version =
      top === undefined
        ? '1'
        : TIMESTAMP.test(top)
          ? timestampAfter(ctx.input.today, firsts)
          : nextVersion(top, new Set(firsts.map(normal)));
    return flat(ctx, `V${version}__${STEM}${ctx.slug}.sql`);
  },
  goose: (ctx) => flat(ctx, `${styledVersion(ctx, false)}_${STEM}${ctx.slug}.sql`),
  'golang-migrate': (ctx) => {
    const made = flat(ctx, `${styledVersion(ctx, true)}_${STEM}${ctx.slug}.up.sql`);
    const down = made.migrationPath.replace(/\.up\.sql$/, '.down.sql');
    made.files.push({
      path: down,
      role: 'migration',
      content: lines([
        `-- expand-contract ${ctx.header.planId}: the contract phase cannot be undone here`,
        `-- ${made.migrationPath} dropped ${ctx.header.drops.join(', ') || 'what the expand phase replaced'}; the data is gone. Restore it from a backup if needed.`,
      ]),
    });
    return made;
  },
  dbmate: (ctx) => flat(ctx, `${timestampAfter(ctx.input.today, flatVersions(ctx))}_${STEM}${ctx.slug}.sql`),
  supabase: (ctx) =>
    flat(ctx, `${timestampAfter(ctx.input.today, flatVersions(ctx))}_${STEM}${ctx.slug}.sql`),
  sql: (ctx) => flat(ctx, `${timestampAfter(ctx.input.today, flatVersions(ctx))}_${STEM}${ctx.slug}.sql`),
  prisma: (ctx) => {
    const versions = ctx.existing.flatMap((p) => {
      const rel = under(p, ctx.dir);
      const m = rel === null ? null : /^(\d+)_[^/]*(\/migration\.sql)?$/.exec(rel);
      return m ? [m[1] as string] : [];
    });
    const rel = `${timestampAfter(ctx.input.today, versions)}_${STEM}${ctx.slug}/migration.sql`;
    const path = join2(ctx.dir, rel);
    return {
      files: rendered(ctx, path),
      migrationPath: path,
      folder: ctx.dir,
      rel,
      aux: {},
    };
  },
  drizzle: drizzleMigration,
  sqitch: sqitchChange,
};

/** A migration `name` directly in the migrations directory. */
export function flat(ctx: Context, name: string): Made {
  const path = join2(ctx.dir, name);
  return { files: rendered(ctx, path), migrationPath: path, folder: ctx.dir, rel: name, aux: {} };
}
