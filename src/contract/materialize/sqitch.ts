// sqitch: a change appended to `sqitch.plan` (requiring the expand change), with deploy, revert and
// verify scripts; verify fails while a dropped object is still there.
import { readPlan } from '../../discover/frameworks/sqitch.js';
import { PLAN, projectOf, sqitchSource } from '../../plan/naming/sqitch-plan.js';
import { literal, quoteIdent } from '../../plan/sql.js';
import { lines, outsideTransaction, TRANSACTION, why } from './body.js';
import { MaterializeError, STEM, type Context, type Made } from './context.js';

export function sqitchChange(ctx: Context): Made {
  const { header, input } = ctx;
  const src = sqitchSource(header.source);
  const deployDir = /^(?:(.*)\/)?deploy(?:\/.*)?$/.exec(ctx.dir);
  const root = src?.root ?? (deployDir ? (deployDir[1] === undefined ? '' : `${deployDir[1]}/`) : null);
  if (root === null) {
    throw new MaterializeError(
      `${input.pendingPath}: ${header.source} is not a sqitch deploy script and ${ctx.dir || '.'} is not a deploy/ folder, so the sqitch project is unknown; fix the \`-- source:\` and \`-- migrations-dir:\` lines of its header`,
    );
  }
  const planPath = `${root}${PLAN}`;
  const plan = input.readIndex(planPath);
  if (plan === null) {
    throw new MaterializeError(
      `${input.pendingPath}: ${planPath} could not be read, and sqitch deploys only the changes its plan lists; restore the plan and run again`,
    );
  }
  const instances = readPlan(plan);
  const names = new Set(instances.map((i) => i.name));
  const taken = new Set(ctx.existing.map((p) => p.toLowerCase()));
  let name = `${STEM}${ctx.slug}`;
  for (let n = 2; names.has(name) || taken.has(`${root}deploy/${name}.sql`.toLowerCase()); n++) {
    name = `${STEM}${ctx.slug}_${n}`;
  }
  const requires = src !== null && names.has(src.change) ? src.change : null;
  const planner =
    [...plan.matchAll(/\s\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\s+([^#\r\n]*?<[^>\r\n]*>)/g)].pop()?.[1]?.trim() ??
    'expand-contract <expand-contract@users.noreply.github.com>';
  const stamp = `${input.today.toISOString().slice(0, 19)}Z`;
  const line = `${name} ${requires === null ? '' : `[${requires}] `}${stamp} ${planner} # expand-contract ${header.planId}: contract phase of ${src?.change ?? header.source}`;
  const eol = plan.includes('\r\n') ? '\r\n' : '\n';
  const updated = `${plan.replace(/\s*$/, '')}${eol}${line}${eol}`;

  const project = projectOf(plan);
  const label = project === null ? name : `${project}:${name}`;
  const outside = outsideTransaction(ctx.statements);
  const wraps = !outside && !ctx.statements.some((s) => TRANSACTION.test(s.text));
  const deploy = lines([
    `-- Deploy ${label} to pg`,
    ...(requires === null ? [] : [`-- requires: ${requires}`]),
    `-- expand-contract ${header.planId}: runs after ${header.source}`,
    `-- ${why(ctx)}`,
    ...(outside ? ['-- expand-contract: this change runs outside a transaction block.'] : []),
    '',
    ...(wraps ? ['BEGIN;', ''] : []),
    ...ctx.statements.map((s) => `${s.text};`),
    ...(wraps ? ['', 'COMMIT;'] : []),
  ]);
  const revert = lines([
    `-- Revert ${label} from pg`,
    '',
    `-- Not reverted: the contract phase of ${header.planId} dropped ${header.drops.join(', ') || 'what the expand phase replaced'}; the data is gone. Restore it from a backup if needed.`,
  ]);
  const verify = lines([`-- Verify ${label} on pg`, '', ...verifyGone(header.drops)]);
  const rel = `deploy/${name}.sql`;
  const folder = root.replace(/\/$/, '');
  return {
    files: [
      { path: `${root}${rel}`, content: deploy, role: 'migration' },
      { path: `${root}revert/${name}.sql`, content: revert, role: 'migration' },
      { path: `${root}verify/${name}.sql`, content: verify, role: 'migration' },
      { path: planPath, content: updated, role: 'index' },
    ],
    migrationPath: `${root}${rel}`,
    folder,
    rel,
    aux: { [PLAN]: updated },
  };
}

/** Read-only queries that fail (division by zero) while a dropped object is still there. */
export function verifyGone(drops: readonly string[]): string[] {
  const out: string[] = [];
  for (const drop of drops) {
    const on = /^(trigger|constraint) (.+) on (.+)$/.exec(drop);
    if (on) {
      const [kind, name, table] = [on[1] as string, on[2] as string, on[3] as string];
      const catalog = kind === 'trigger' ? 'pg_trigger WHERE tgrelid' : 'pg_constraint WHERE conrelid';
      const column = kind === 'trigger' ? 'tgname' : 'conname';
      out.push(
        `SELECT 1 / (count(*) = 0)::int FROM pg_catalog.${catalog} = to_regclass(${literal(sqlName(table))}) AND ${column} = ${literal(name)};`,
      );
      continue;
    }
    const fn = /^function (.+\))$/.exec(drop);
    if (fn) {
      out.push(`SELECT 1 / (to_regprocedure(${literal(fn[1] as string)}) IS NULL)::int;`);
      continue;
    }
    const rel = /^(?:view|index|table|sequence) (.+)$/.exec(drop);
    if (rel) {
      out.push(`SELECT 1 / (to_regclass(${literal(sqlName(rel[1] as string))}) IS NULL)::int;`);
      continue;
    }
    const parts = drop.split('.');
    if (parts.length === 3) {
      const table = sqlName(parts.slice(0, 2).join('.'));
      out.push(
        `SELECT 1 / (count(*) = 0)::int FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass(${literal(table)}) AND attname = ${literal(parts[2] as string)} AND NOT attisdropped;`,
      );
    } else if (parts.length === 2 && !/\s/.test(drop)) {
      out.push(`SELECT 1 / (to_regclass(${literal(sqlName(drop))}) IS NULL)::int;`);
    }
  }
  return out.length > 0 ? out : ['SELECT 1;'];
}

/** `schema.name` from a drops entry as SQL (each part quoted when it needs it). */
export function sqlName(key: string): string {
  return key.split('.').map(quoteIdent).join('.');
}
