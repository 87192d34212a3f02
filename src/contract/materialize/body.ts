// The new migration's SQL in the framework's own form (by the split's renderer of later migrations),
// under a comment naming the plan and the pending file it replaces.
import { renderLater, type RenderedFile } from '../../plan/naming/render.js';
import type { SqlStatement } from '../../plan/naming/statements.js';
import type { Context, MaterializedFile } from './context.js';

/** The migration's text in the framework's form, by the split's own renderer of later migrations. */
export function rendered(ctx: Context, path: string): MaterializedFile[] {
  const sql = ctx.statements.map((s) => `${s.text};`).join('\n');
  const files = renderLater({
    framework: ctx.header.framework,
    planId: ctx.header.planId,
    source: ctx.header.source,
    sql,
    why: why(ctx),
    outsideTransaction: outsideTransaction(ctx.statements),
  });
  return files.map((f: RenderedFile) => ({ path: path + f.suffix, content: f.content, role: 'migration' }));
}

export function why(ctx: Context): string {
  const { planId, drops } = ctx.header;
  const what = drops.length > 0 ? `: drops ${drops.join(', ')}` : '';
  return `contract phase of plan ${planId} (was ${ctx.input.pendingPath})${what}`;
}

export const TRANSACTION = /^\s*(begin|start\s+transaction|commit|end|rollback)\b/i;

/** True when a statement cannot run inside a transaction block. */
export function outsideTransaction(statements: readonly SqlStatement[]): boolean {
  return statements.some((s) =>
    /^\s*(create\s+(unique\s+)?index\s+concurrently|drop\s+index\s+concurrently|reindex\b.*\bconcurrently|vacuum\b|alter\s+table\b.*\bdetach\s+partition\b.*\bconcurrently)/is.test(
      s.text,
    ),
  );
}

export function lines(list: readonly string[]): string {
  return `${list.join('\n')}\n`;
}
