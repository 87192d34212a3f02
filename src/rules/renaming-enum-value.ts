import { listName, unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';

export const renamingEnumValue = {
  meta: {
    id: 'renaming-enum-value',
    type: 'breaking',
    description: 'Renaming an enum value that the running application still writes or expects.',
    severity: 'error',
    breaking: true,
    messages: {
      rename:
        "Renaming value '{{oldValue}}' of enum `{{object}}` to '{{newValue}}' breaks the running release, whose writes of '{{oldValue}}' now fail with \"invalid input value for enum\" and whose reads meet a value it does not know.",
    },
    help: 'Add the new value with ALTER TYPE ... ADD VALUE, make the application accept both and write the new one, update rows in batches, and stop using the old value in a later (contract) release.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'AlterEnumStmt') return;
    const [, n] = unwrap(statement.node);
    const oldValue = typeof n.oldVal === 'string' ? n.oldVal : undefined;
    const newValue = typeof n.newVal === 'string' ? n.newVal : undefined;
    if (oldValue === undefined || newValue === undefined || oldValue === newValue) return;
    const type = listName(n.typeName);
    if (ctx.catalog.isNewType(type)) return;
    ctx.report({
      messageId: 'rename',
      data: { object: type.key, oldValue, newValue },
      object: type.key,
      lock: null,
    });
  },
} satisfies Rule;
