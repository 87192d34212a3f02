import type { Rule } from './types.js';
import { createdColumns } from './util/columns.js';

export const preferTimestamptz = {
  meta: {
    id: 'prefer-timestamptz',
    type: 'advisory',
    description: 'A new column of type timestamp without time zone.',
    severity: 'warning',
    breaking: false,
    messages: {
      timestamp:
        'Column `{{object}}` is declared `{{type}}` (without time zone), so the same instant reads differently under different session time zones and `now()` is stored in whatever zone the writing session uses; declare it `{{suggestion}}`.',
    },
    help: 'Declare the column `timestamptz`; keep `timestamp` only for wall-clock times that belong to no time zone.',
  },
  check(statement, ctx) {
    for (const col of createdColumns(statement)) {
      if (col.type.name !== 'timestamp') continue;
      ctx.report({
        messageId: 'timestamp',
        data: {
          object: col.object,
          type: col.type.display,
          suggestion: col.type.display.replace(/^timestamp/, 'timestamptz'),
        },
        location: col.typeLocation,
        object: col.object,
      });
    }
  },
} satisfies Rule;
