import type { Rule } from './types.js';
import { quoteIdent } from '../parse/ident.js';
import { createdColumns } from './util/columns.js';

export const banCharField = {
  meta: {
    id: 'ban-char-field',
    type: 'advisory',
    description: 'A new column of type char(n) / character(n), which pads values with spaces.',
    severity: 'warning',
    breaking: false,
    messages: {
      char: 'Column `{{object}}` is declared `{{type}}`, which pads shorter values with spaces and ignores trailing spaces in comparisons, so values read back differ from what was written; declare it `text`{{check}}.',
    },
    help: 'Declare the column `text` (or `varchar(n)`); add a CHECK constraint when the length must be fixed.',
  },
  check(statement, ctx) {
    for (const col of createdColumns(statement)) {
      // `"char"` (quoted) is PostgreSQL's one-byte internal type, not char(n).
      if (col.rawName !== 'bpchar') continue;
      const length = col.type.mods[0] ?? 1;
      const display = `char(${length})${'[]'.repeat(col.type.arrayDims)}`;
      ctx.report({
        messageId: 'char',
        data: {
          object: col.object,
          type: display,
          check:
            col.type.arrayDims === 0
              ? ` with \`CHECK (char_length(${quoteIdent(col.column)}) = ${length})\` if the length is fixed`
              : '',
        },
        location: col.typeLocation,
        object: col.object,
      });
    }
  },
} satisfies Rule;
