import type { SchemaCatalog } from '../catalog/model.js';
import { qualify, typeRef, type TypeRef } from '../parse/ast.js';
import type { Rule } from './types.js';
import { columnDef, locationOf, readAlterTable } from './util/alter-table.js';
import { classifyTypeChange, isTrivialUsing } from './util/types.js';

const MESSAGE_BY_REWRITE = { yes: 'rewrite', maybe: 'unknown', 'unless-utc': 'timezone' } as const;

export const changingColumnType = {
  meta: {
    id: 'changing-column-type',
    type: 'breaking',
    description: 'Changing the type of a column that the running application still reads and writes.',
    severity: 'error',
    breaking: true,
    messages: {
      rewrite:
        'Changing `{{object}}` from {{from}} to {{to}} breaks the running release, which still reads and writes {{from}} values, and rewrites the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` until it finishes.',
      unknown:
        'Changing `{{object}}` to {{to}} breaks the running release, which still reads and writes the old type, and may rewrite the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` until it finishes.',
      enumNarrowed:
        'Changing `{{object}}` from enum {{from}} to enum {{to}} drops the values {{removed}}, so the running release fails when it writes them; it also rewrites the table under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`.',
      enumWidened:
        'Changing `{{object}}` from enum {{from}} to enum {{to}} keeps every value the running release writes, but rewrites the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`; prefer `ALTER TYPE ... ADD VALUE` on the existing enum.',
      timezone:
        'Changing `{{object}}` from {{from}} to {{to}} changes what every stored value means to the running release, and rewrites the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`, unless the session TimeZone is UTC.',
    },
    help: 'Add a column of the new type, keep both in sync (dual writes or a trigger), backfill in batches, switch reads, then drop the old column in a later (contract) migration.',
  },
  check(statement, ctx) {
    const alter = readAlterTable(statement);
    if (!alter) return;
    for (const cmd of alter.cmds) {
      if (cmd.subtype !== 'AT_AlterColumnType' || !cmd.name) continue;
      const def = columnDef(cmd);
      if (!def || ctx.catalog.isNewColumn(alter.table, cmd.name)) continue;
      const to = typeRef(def.typeName);
      const from = ctx.catalog.column(alter.table, cmd.name)?.type;
      const object = `${alter.table.key}.${cmd.name}`;
      const location = locationOf(def);
      const enums = from ? enumChange(ctx.catalog, from, to) : undefined;
      if (enums) {
        // Enum to enum: old code breaks only if a value it writes is gone.
        ctx.report({
          messageId: enums.removed.length ? 'enumNarrowed' : 'enumWidened',
          data: {
            object,
            table: alter.table.key,
            from: from?.display ?? '',
            to: to.display,
            removed: enums.removed.map((v) => `'${v}'`).join(', '),
          },
          object,
          lock: 'ACCESS EXCLUSIVE',
          breaking: enums.removed.length > 0,
          ...(enums.removed.length ? {} : { severity: 'warning' as const }),
          ...(location !== undefined ? { location } : {}),
        });
        continue;
      }
      const using = def.raw_default !== undefined && def.raw_default !== null;
      const change = classifyTypeChange(from, to, {
        using: using && !isTrivialUsing(def.raw_default, cmd.name, to),
        postgresVersion: ctx.postgresVersion,
      });
      if (change.kind === 'compatible') continue;
      ctx.report({
        messageId: MESSAGE_BY_REWRITE[change.rewrite],
        data: { object, table: alter.table.key, from: from?.display ?? 'unknown', to: to.display },
        object,
        lock: 'ACCESS EXCLUSIVE',
        ...(location !== undefined ? { location } : {}),
      });
    }
  },
} satisfies Rule;

/** For a change between two enums the model knows: the labels of `from` that `to` lacks. */
function enumChange(catalog: SchemaCatalog, from: TypeRef, to: TypeRef): { removed: string[] } | undefined {
  if (from.arrayDims !== to.arrayDims) return undefined;
  const a = catalog.type(qualify(from.name, from.schema));
  const b = catalog.type(qualify(to.name, to.schema));
  if (a?.kind !== 'enum' || b?.kind !== 'enum') return undefined;
  return { removed: a.values.filter((v) => !b.values.includes(v)) };
}
