import { unwrap } from '../parse/ast.js';
import type { LockMode } from '../types.js';
import type { Rule } from './types.js';
import { cmdLocation, readAlterTable } from './util/alter-table.js';
import { dropsPreexisting, dropTargets, producerIn } from './util/objects.js';

/** Object kinds as written after DROP, for the message. */
const WORDS: Record<string, string> = {
  OBJECT_TABLE: 'TABLE',
  OBJECT_FOREIGN_TABLE: 'FOREIGN TABLE',
  OBJECT_VIEW: 'VIEW',
  OBJECT_MATVIEW: 'MATERIALIZED VIEW',
  OBJECT_INDEX: 'INDEX',
  OBJECT_SEQUENCE: 'SEQUENCE',
  OBJECT_TYPE: 'TYPE',
  OBJECT_DOMAIN: 'DOMAIN',
  OBJECT_SCHEMA: 'SCHEMA',
  OBJECT_FUNCTION: 'FUNCTION',
  OBJECT_PROCEDURE: 'PROCEDURE',
  OBJECT_ROUTINE: 'ROUTINE',
  OBJECT_AGGREGATE: 'AGGREGATE',
  OBJECT_OPERATOR: 'OPERATOR',
  OBJECT_TRIGGER: 'TRIGGER',
  OBJECT_RULE: 'RULE',
  OBJECT_POLICY: 'POLICY',
  OBJECT_EXTENSION: 'EXTENSION',
  OBJECT_COLLATION: 'COLLATION',
  OBJECT_CAST: 'CAST',
  OBJECT_FOREIGN_SERVER: 'SERVER',
};

/** Dropping these takes an ACCESS EXCLUSIVE lock on the object itself (a relation) or on its table. */
const RELATION_LOCK = new Set([
  'OBJECT_TABLE',
  'OBJECT_FOREIGN_TABLE',
  'OBJECT_VIEW',
  'OBJECT_MATVIEW',
  'OBJECT_INDEX',
  'OBJECT_SEQUENCE',
  'OBJECT_SCHEMA',
  'OBJECT_TRIGGER',
  'OBJECT_RULE',
  'OBJECT_POLICY',
]);

export const banDropCascade = {
  meta: {
    id: 'ban-drop-cascade',
    type: 'breaking',
    description: 'DROP ... CASCADE, which silently drops every dependent object as well.',
    severity: 'error',
    breaking: true,
    messages: {
      drop: '`DROP {{what}} ... CASCADE` on `{{object}}` also drops, without listing them, every view, foreign key, default, trigger or column that depends on it, which the running release may still use.',
      alter:
        '`DROP {{what}} ... CASCADE` on `{{object}}` also drops, without listing them, every view, foreign key or index that depends on it, which the running release may still use; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`.',
      constraint:
        '`DROP CONSTRAINT ... CASCADE` on `{{object}}` also drops, without listing them, the foreign keys of other tables that depend on it, so they stop being enforced; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`.',
    },
    help: 'Drop without CASCADE so PostgreSQL names the dependents, and remove each dependent the running release still uses through its own expand and contract steps first.',
  },
  check(statement, ctx) {
    if (statement.kind === 'DropStmt') {
      const [, n] = unwrap(statement.node);
      if (n.behavior !== 'DROP_CASCADE') return;
      const removeType = String(n.removeType);
      const what = WORDS[removeType] ?? removeType.replace(/^OBJECT_/, '').replace(/_/g, ' ');
      const lock: LockMode | null = RELATION_LOCK.has(removeType) ? 'ACCESS EXCLUSIVE' : null;
      for (const target of dropTargets(n)) {
        if (!dropsPreexisting(statement, ctx, target, Boolean(n.missing_ok))) continue;
        // Replaced later in the release (DROP VIEW v CASCADE; CREATE VIEW v ...): the rules for the
        // object itself judge the replacement; CASCADE here is mostly defensive.
        if (producerIn(ctx.later(), target)) continue;
        ctx.report({
          messageId: 'drop',
          data: { what, object: target.key },
          object: target.key,
          lock,
          ...(target.location !== undefined ? { location: target.location } : {}),
        });
      }
      return;
    }
    const alter = readAlterTable(statement);
    if (!alter || ctx.catalog.isNewRelation(alter.table)) return;
    for (const cmd of alter.cmds) {
      if (!cmd.cascade || !cmd.name) continue;
      const object = `${alter.table.key}.${cmd.name}`;
      if (cmd.subtype === 'AT_DropColumn') {
        if (ctx.catalog.isNewColumn(alter.table, cmd.name)) continue;
        if (cmd.missingOk && ctx.catalog.relation(alter.table) && !ctx.catalog.column(alter.table, cmd.name))
          continue;
        ctx.report({
          location: cmdLocation(statement, cmd),
          messageId: 'alter',
          data: { what: 'COLUMN', object, table: alter.table.key },
          object,
          lock: 'ACCESS EXCLUSIVE',
        });
      } else if (cmd.subtype === 'AT_DropConstraint') {
        // The model's names for unnamed constraints are a guess, so an unknown name is not taken as absent.
        const con = ctx.catalog.relation(alter.table)?.constraints.get(cmd.name);
        if (con && con.origin === ctx.catalog.release) continue;
        // Dependents of a constraint are foreign keys: losing them weakens integrity but fails no query
        // of the running release, so this is a warning, not a breaking change.
        ctx.report({
          location: cmdLocation(statement, cmd),
          messageId: 'constraint',
          data: { object, table: alter.table.key },
          object,
          lock: 'ACCESS EXCLUSIVE',
          breaking: false,
          severity: 'warning',
        });
      }
    }
  },
} satisfies Rule;
