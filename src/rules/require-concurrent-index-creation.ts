import { qualify, rangeVarName, unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';
import { isExistingTable } from './util/blocking.js';

export const requireConcurrentIndexCreation = {
  meta: {
    id: 'require-concurrent-index-creation',
    type: 'blocking',
    description: 'Building an index on an existing table without CONCURRENTLY.',
    severity: 'error',
    breaking: false,
    messages: {
      create:
        'Creating {{index}} without CONCURRENTLY takes a SHARE lock, blocking writes on `{{table}}` while the index builds.',
      partitioned:
        'Creating {{index}} on partitioned table `{{table}}` takes a SHARE lock on it and on every partition, blocking writes while each partition’s index builds (partitioned tables have no CREATE INDEX CONCURRENTLY).',
    },
    help: 'Use CREATE INDEX CONCURRENTLY in a migration that runs outside a transaction; for a partitioned table, create the index ON ONLY the parent, build each partition’s index CONCURRENTLY and ALTER INDEX ... ATTACH PARTITION it.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'IndexStmt') return;
    const [, n] = unwrap(statement.node);
    if (n.concurrent) return;
    const relation = (n.relation ?? {}) as { relpersistence?: string; inh?: boolean };
    if (relation.relpersistence === 't') return;
    const table = rangeVarName(n.relation);
    if (!table.name || !isExistingTable(ctx.catalog, table)) return;
    const model = ctx.catalog.relation(table);
    // ON ONLY a partitioned table builds nothing: the index stays invalid until partitions attach theirs.
    if (relation.inh !== true && model?.kind !== 'table') return;
    const name = typeof n.idxname === 'string' ? qualify(n.idxname, table.schema) : undefined;
    if (name && n.if_not_exists && ctx.catalog.index(name)) return;
    ctx.report({
      messageId: model?.kind === 'partitioned table' ? 'partitioned' : 'create',
      data: { index: name ? `index \`${name.key}\`` : 'an index', table: table.key },
      object: table.key,
      lock: 'SHARE',
    });
  },
} satisfies Rule;
