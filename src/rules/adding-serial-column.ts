import { typeRef } from '../parse/ast.js';
import type { Rule } from './types.js';
import { addedColumns, isExistingTable } from './util/blocking.js';

const SERIAL = /^serial[248]$/;

export const addingSerialColumn = {
  meta: {
    id: 'adding-serial-column',
    type: 'blocking',
    description:
      'Adding a serial or identity column to an existing table, which rewrites it to number every row.',
    severity: 'error',
    breaking: false,
    messages: {
      serial:
        'Adding {{type}} column `{{column}}` rewrites every row of `{{table}}` to fill it from a sequence, under an ACCESS EXCLUSIVE lock that blocks reads and writes on it until the rewrite finishes.',
      identity:
        'Adding identity column `{{column}}` rewrites every row of `{{table}}` to fill it from a sequence, under an ACCESS EXCLUSIVE lock that blocks reads and writes on it until the rewrite finishes.',
    },
    help: 'Add a nullable bigint column without a default, give new rows a value (SET DEFAULT nextval(...)), backfill existing rows in batches, then make it NOT NULL through a validated CHECK constraint (and ADD GENERATED ... AS IDENTITY if you want identity).',
  },
  check(statement, ctx) {
    for (const col of addedColumns(statement)) {
      if (!isExistingTable(ctx.catalog, col.table)) continue;
      const type = typeRef(col.def.typeName);
      const identity = col.constraints.find((c) => c.contype === 'CONSTR_IDENTITY');
      const serial = SERIAL.test(type.name) && !type.schema;
      if (!serial && !identity) continue;
      ctx.report({
        messageId: serial ? 'serial' : 'identity',
        data: { type: type.display, column: col.name, table: col.table.key },
        location: serial
          ? col.location
          : typeof identity?.location === 'number'
            ? identity.location
            : col.location,
        object: `${col.table.key}.${col.name}`,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;
