import { unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';

export const banDropDatabase = {
  meta: {
    id: 'ban-drop-database',
    type: 'breaking',
    description: 'Dropping a database from a migration.',
    severity: 'error',
    breaking: true,
    messages: {
      drop: 'Dropping database `{{object}}` deletes all of its data and breaks every application still connected to it{{force}}.',
    },
    help: 'Drop databases by hand, after every application has moved off them and a backup exists; never from a migration.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'DropdbStmt') return;
    const [, n] = unwrap(statement.node);
    const name = typeof n.dbname === 'string' ? n.dbname : '';
    const force = (Array.isArray(n.options) ? n.options : []).some((o) => unwrap(o)[1].defname === 'force');
    ctx.report({
      messageId: 'drop',
      data: { object: name, force: force ? ' (WITH (FORCE) terminates their sessions)' : '' },
      object: name,
      lock: null,
    });
  },
} satisfies Rule;
