import { unwrap } from '../parse/ast.js';
import type { Statement } from '../types.js';
import type { Rule, RuleContext } from './types.js';
import { dropsPreexisting, dropTargets, producerIn, viewColumns, type DropTarget } from './util/objects.js';

const KINDS: Record<string, string> = { OBJECT_VIEW: 'view', OBJECT_MATVIEW: 'materialized view' };

export const banDropView = {
  meta: {
    id: 'ban-drop-view',
    type: 'breaking',
    description: 'Dropping a view or materialized view that the running application may still read.',
    severity: 'error',
    breaking: true,
    messages: {
      drop: 'Dropping {{kind}} `{{object}}` breaks the running release, whose queries on it fail with "relation does not exist"; it takes an ACCESS EXCLUSIVE lock, blocking reads on `{{object}}`.',
      recreated:
        'Recreating {{kind}} `{{object}}` without column(s) {{columns}} breaks the running release, whose queries still select them; the drop takes an ACCESS EXCLUSIVE lock, blocking reads on `{{object}}`.',
    },
    help: 'To change a view, recreate it with every column the running release selects (CREATE OR REPLACE VIEW, or DROP and CREATE in one transaction); drop it, or drop columns, only in a later (contract) migration once no deployed code reads them.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'DropStmt') return;
    const [, n] = unwrap(statement.node);
    const kind = KINDS[String(n.removeType)];
    if (!kind) return;
    for (const target of dropTargets(n)) {
      if (!dropsPreexisting(statement, ctx, target, Boolean(n.missing_ok))) continue;
      const recreate = producerIn(ctx.later(), target);
      if (recreate) {
        const lost = lostColumns(ctx, target, recreate);
        if (lost.length === 0) continue;
        ctx.report({
          messageId: 'recreated',
          data: { kind, object: target.key, columns: lost.map((c) => `\`${c}\``).join(', ') },
          object: target.key,
          lock: 'ACCESS EXCLUSIVE',
        });
        continue;
      }
      ctx.report({
        messageId: 'drop',
        data: { kind, object: target.key },
        object: target.key,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;

/** Columns the model knows the old view had that its re-creation (when fully known) no longer has. */
function lostColumns(ctx: RuleContext, target: DropTarget, recreate: Statement): string[] {
  if (recreate.kind !== 'ViewStmt') return [];
  const after = viewColumns(unwrap(recreate.node)[1]);
  const before = ctx.catalog.relation(target.name)?.columns;
  if (!after || !before) return [];
  return [...before.keys()].filter((c) => !after.includes(c));
}
