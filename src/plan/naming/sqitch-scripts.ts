// The revert and verify scripts sqitch expects beside each deploy script, for the later changes of a
// split: the revert undoes the later step (DROP INDEX CONCURRENTLY IF EXISTS for an index, DROP
// CONSTRAINT for a constraint attached USING INDEX, nothing for VALIDATE CONSTRAINT), the verify
// is a read-only query that fails (division by zero) when the step's effect is not there.
// Statements are read with PostgreSQL's parser (`loadParser()` must have been awaited).
import { parseSql } from '../../parse/libpg.js';
import { literal, quoteIdent } from '../sql.js';

export interface SqitchScripts {
  revert: string;
  verify: string;
}

interface RangeVar {
  schemaname?: string;
  relname?: string;
}

interface Scripted {
  /** Lines of the revert script for this statement. */
  revert: string[];
  /** Lines of the verify script for this statement. */
  verify: string[];
}

/** Revert and verify scripts of the later change `name` whose deploy script runs `sql`. */
export function sqitchScripts(sql: string, name: string, project: string | null): SqitchScripts {
  const outcome = parseSql(sql);
  if (!outcome.ok) throw new Error(`generated SQL does not parse (${outcome.error.message})`);
  const parts = outcome.stmts.map((raw) => scripted(raw.stmt));
  const label = project === null ? name : `${project}:${name}`;
  return {
    revert: text([`-- Revert ${label} from pg`, '', ...[...parts].reverse().flatMap((p) => p.revert)]),
    verify: text([`-- Verify ${label} on pg`, '', ...parts.flatMap((p) => p.verify)]),
  };
}

function scripted(stmt: Record<string, unknown>): Scripted {
  const index = stmt.IndexStmt as { idxname?: string; relation?: RangeVar } | undefined;
  if (index?.idxname) {
    const name = qualified(index.relation?.schemaname, index.idxname);
    return {
      revert: [`DROP INDEX CONCURRENTLY IF EXISTS ${name};`],
      verify: [
        `SELECT 1 / count(*) FROM pg_catalog.pg_index WHERE indexrelid = to_regclass(${literal(name)}) AND indisvalid;`,
      ],
    };
  }
  const alter = stmt.AlterTableStmt as
    { relation?: RangeVar; cmds?: Array<{ AlterTableCmd?: AlterCmd }> } | undefined;
  const cmds = alter?.cmds?.map((c) => c.AlterTableCmd) ?? [];
  if (alter?.relation?.relname && cmds.length === 1 && cmds[0] !== undefined) {
    const table = qualified(alter.relation.schemaname, alter.relation.relname);
    const out = alterScripts(table, cmds[0]);
    if (out) return out;
  }
  const drop = stmt.DropStmt as { removeType?: string; objects?: unknown[] } | undefined;
  const dropped =
    drop?.removeType === 'OBJECT_INDEX' && drop.objects?.length === 1 ? nameList(drop.objects[0]) : null;
  if (dropped !== null) {
    return {
      revert: [
        `-- Not reverted: the index ${dropped} this change dropped is not rebuilt here; write its CREATE INDEX by hand if needed.`,
      ],
      verify: [`SELECT 1 / (to_regclass(${literal(dropped)}) IS NULL)::int;`],
    };
  }
  return {
    revert: ['-- expand-contract: no revert is generated for this statement; write it by hand if needed.'],
    verify: ['SELECT 1;'],
  };
}

interface AlterCmd {
  subtype?: string;
  name?: string;
  def?: { Constraint?: { conname?: string } };
}

function alterScripts(table: string, cmd: AlterCmd): Scripted | null {
  const constraint = cmd.subtype === 'AT_AddConstraint' ? cmd.def?.Constraint?.conname : cmd.name;
  if (!constraint) return null;
  const where = `conrelid = to_regclass(${literal(table)}) AND conname = ${literal(constraint)}`;
  if (cmd.subtype === 'AT_ValidateConstraint') {
    return {
      revert: [
        `-- Nothing to revert: VALIDATE CONSTRAINT only checked the existing rows of ${table}; the constraint ${quoteIdent(constraint)} is dropped by the revert of the change that added it.`,
      ],
      verify: [`SELECT 1 / count(*) FROM pg_catalog.pg_constraint WHERE ${where} AND convalidated;`],
    };
  }
  if (cmd.subtype === 'AT_AddConstraint') {
    return {
      revert: [
        `-- Drops the index the constraint took over, too.`,
        `ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${quoteIdent(constraint)};`,
      ],
      verify: [`SELECT 1 / count(*) FROM pg_catalog.pg_constraint WHERE ${where};`],
    };
  }
  return null;
}

function nameList(node: unknown): string | null {
  const items = (node as { List?: { items?: Array<{ String?: { sval?: string } }> } }).List?.items;
  const names = items?.map((i) => i.String?.sval);
  if (!names || names.length === 0 || names.some((n) => n === undefined)) return null;
  return (names as string[]).map(quoteIdent).join('.');
}

function qualified(schema: string | undefined, name: string): string {
  return schema ? `${quoteIdent(schema)}.${quoteIdent(name)}` : quoteIdent(name);
}

function text(list: readonly string[]): string {
  return `${list.join('\n')}\n`;
}
