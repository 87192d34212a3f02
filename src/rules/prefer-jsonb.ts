import type { Rule } from './types.js';
import { createdColumns } from './util/columns.js';

export const preferJsonb = {
  meta: {
    id: 'prefer-jsonb',
    type: 'advisory',
    description: 'A new column of type json, which has no equality operator and no index support.',
    severity: 'warning',
    breaking: false,
    messages: {
      json: 'Column `{{object}}` is declared `{{type}}`, which keeps the raw text and has no equality operator or GIN index support, so `DISTINCT`, `GROUP BY` and containment queries on it fail or scan; declare it `{{suggestion}}`.',
    },
    help: 'Declare the column `jsonb`; keep `json` only when the exact input text (key order, duplicate keys, white space) must be preserved.',
  },
  check(statement, ctx) {
    for (const col of createdColumns(statement)) {
      if (col.type.name !== 'json') continue;
      ctx.report({
        messageId: 'json',
        data: {
          object: col.object,
          type: col.type.display,
          suggestion: col.type.display.replace(/^json/, 'jsonb'),
        },
        location: col.typeLocation,
        object: col.object,
      });
    }
  },
} satisfies Rule;
