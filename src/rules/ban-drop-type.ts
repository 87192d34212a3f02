import { unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';
import { dropsPreexisting, dropTargets, producerIn } from './util/objects.js';

export const banDropType = {
  meta: {
    id: 'ban-drop-type',
    type: 'breaking',
    description: 'Dropping a type, enum or domain that the running application may still use.',
    severity: 'error',
    breaking: true,
    messages: {
      drop: 'Dropping {{kind}} `{{object}}` breaks the running release wherever it still casts to it (`$1::{{name}}`) or uses it in a function.',
      cascade:
        'Dropping {{kind}} `{{object}}` with CASCADE also drops every column and function that uses it, breaking the running release that still reads and writes them; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on each table with such a column.',
    },
    help: 'Stop referring to the type in the application and in columns and functions, deploy that, then drop the type in a later (contract) migration.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'DropStmt') return;
    const [, n] = unwrap(statement.node);
    if (n.removeType !== 'OBJECT_TYPE' && n.removeType !== 'OBJECT_DOMAIN') return;
    for (const target of dropTargets(n)) {
      if (!dropsPreexisting(statement, ctx, target, Boolean(n.missing_ok))) continue;
      // DROP TYPE x; CREATE TYPE x ... in the same release: the name keeps working for the running release.
      if (producerIn(ctx.later(), target)) continue;
      const known = ctx.catalog.type(target.name)?.kind;
      const kind = n.removeType === 'OBJECT_DOMAIN' ? 'domain' : known === 'enum' ? 'enum type' : 'type';
      const cascade = n.behavior === 'DROP_CASCADE';
      ctx.report({
        messageId: cascade ? 'cascade' : 'drop',
        data: { kind, object: target.key, name: target.name.name },
        object: target.key,
        lock: cascade ? 'ACCESS EXCLUSIVE' : null,
        ...(target.location !== undefined ? { location: target.location } : {}),
      });
    }
  },
} satisfies Rule;
