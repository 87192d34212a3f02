import type { Rule, RuleContext } from './types.js';
import {
  cmdLocation,
  columnDef,
  defaultSetIn,
  definesValue,
  givesDefault,
  readAlterTable,
  type AlterCmd,
  type AlterTable,
} from './util/alter-table.js';

export const settingNotNull = {
  meta: {
    id: 'setting-not-null',
    type: 'breaking',
    description: 'SET NOT NULL on a column that the running application may leave NULL.',
    severity: 'error',
    breaking: true,
    messages: {
      existing:
        'Setting `{{object}}` NOT NULL breaks the running release wherever it still writes NULL to it, and scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`.',
      newColumn:
        'Setting `{{object}}` NOT NULL without a default breaks the running release, whose inserts into `{{table}}` do not know the new column and now fail; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` while it scans the table.',
    },
    help: 'Keep the column nullable (or give it a default) until every deployed version writes it; then add `CHECK (col IS NOT NULL) NOT VALID`, VALIDATE it, and SET NOT NULL in a later (contract) migration.',
  },
  check(statement, ctx) {
    const alter = readAlterTable(statement);
    if (!alter || ctx.catalog.isNewRelation(alter.table)) return;
    for (const [i, cmd] of alter.cmds.entries()) {
      if (cmd.subtype !== 'AT_SetNotNull' || !cmd.name) continue;
      const object = `${alter.table.key}.${cmd.name}`;
      const data = { object, table: alter.table.key };
      const added = alter.cmds
        .slice(0, i)
        .find((c) => c.subtype === 'AT_AddColumn' && addedName(c) === cmd.name);
      if (!added && !ctx.catalog.isNewColumn(alter.table, cmd.name)) {
        if (!nullsAlreadyRejected(ctx, alter, cmd.name)) {
          ctx.report({
            location: cmdLocation(statement, cmd),
            messageId: 'existing',
            data,
            object,
            lock: 'ACCESS EXCLUSIVE',
          });
        }
        continue;
      }
      // A column added in this release: old code omits it on insert, which only works with a default.
      const addedDef = added ? columnDef(added) : undefined;
      if (addedDef && definesValue(addedDef)) continue;
      const col = added ? undefined : ctx.catalog.column(alter.table, cmd.name);
      if (col && (col.default !== null || col.identity || col.generated)) continue;
      if (alter.cmds.some((c, j) => j !== i && givesDefault(c, cmd.name as string))) continue;
      if (defaultSetIn(ctx.later(), alter.table, cmd.name)) continue;
      ctx.report({
        location: cmdLocation(statement, cmd),
        messageId: 'newColumn',
        data,
        object,
        lock: 'ACCESS EXCLUSIVE',
      });
    }
  },
} satisfies Rule;

function addedName(cmd: AlterCmd): string | undefined {
  const name = columnDef(cmd)?.colname;
  return typeof name === 'string' ? name : undefined;
}

/**
 * True when a `CHECK (col IS NOT NULL)` from an earlier release already rejects NULL writes, known to the
 * model under a conventional name (`users_email_null`, as strong_migrations writes it): SET NOT NULL is
 * then the contract step and changes nothing for the running release. A check added in this release
 * does not count: it is new to the running release too.
 */
function nullsAlreadyRejected(ctx: RuleContext, alter: AlterTable, column: string): boolean {
  const conventional = new RegExp(
    `^(?:(?:chk|ck)_)?(?:${escape(alter.table.name)}_)?${escape(column)}_(?:not_?)?null(?:_check)?$`,
    'i',
  );
  const constraints = ctx.catalog.relation(alter.table)?.constraints.values() ?? [];
  return [...constraints].some(
    (c) => c.kind === 'check' && c.origin !== ctx.catalog.release && conventional.test(c.name),
  );
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
