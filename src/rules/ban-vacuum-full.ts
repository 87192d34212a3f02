import { rangeVarName, unwrap, type Node } from '../parse/ast.js';
import type { Rule } from './types.js';
import { isExistingTable } from './util/blocking.js';
import { vacuumIsFull } from './util/locks.js';

export const banVacuumFull = {
  meta: {
    id: 'ban-vacuum-full',
    type: 'blocking',
    description: 'VACUUM FULL, which rewrites tables under ACCESS EXCLUSIVE.',
    severity: 'error',
    breaking: false,
    messages: {
      table:
        'VACUUM FULL rewrites `{{table}}` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the rewrite finishes.',
      database:
        'VACUUM FULL without a table rewrites every table in the database, one after another, each under an ACCESS EXCLUSIVE lock that blocks its reads and writes until its rewrite finishes.',
    },
    help: 'Use pg_repack or pg_squeeze to compact the table online, or a plain VACUUM, which blocks neither reads nor writes; keep maintenance out of migrations.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'VacuumStmt') return;
    const [, n] = unwrap(statement.node);
    if (n.is_vacuumcmd !== true || !vacuumIsFull(n)) return;
    const rels = Array.isArray(n.rels) ? n.rels : [];
    if (!rels.length) {
      ctx.report({ messageId: 'database', object: null, lock: 'ACCESS EXCLUSIVE' });
      return;
    }
    for (const r of rels) {
      const relation = unwrap(r)[1].relation as Node | undefined;
      const table = rangeVarName(relation);
      if (!table.name || !isExistingTable(ctx.catalog, table)) continue;
      ctx.report({
        messageId: 'table',
        data: { table: table.key },
        location: typeof relation?.location === 'number' ? relation.location : undefined,
        object: table.key,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;
