// Objects named by DROP statements, and the release's own history of them: was the object created or
// renamed into place by this release, or created again by a later statement of it?
import { listName, qualify, rangeVarName, strings, unwrap, type Node } from '../../parse/ast.js';
import type { SchemaCatalog } from '../../catalog/model.js';
import type { Statement } from '../../types.js';
import type { RuleContext } from '../types.js';
import { locationOf, readAlterTable } from './alter-table.js';

/** Name spaces the rules tell apart; `other` covers objects the schema model does not track. */
export type Category =
  'relation' | 'type' | 'sequence' | 'schema' | 'index' | 'function' | 'trigger' | 'other';

export interface NamedObject {
  category: Category;
  /** `schema.name` (`schema.table.name` for triggers, policies and rules; the bare name for schemas). */
  key: string;
}

export interface DropTarget extends NamedObject {
  /** Schema-qualified name for the catalog (schemas: schema = name). */
  name: ReturnType<typeof qualify>;
  location: number | undefined;
}

const CATEGORY: Record<string, Category> = {
  OBJECT_TABLE: 'relation',
  OBJECT_VIEW: 'relation',
  OBJECT_MATVIEW: 'relation',
  OBJECT_FOREIGN_TABLE: 'relation',
  OBJECT_TYPE: 'type',
  OBJECT_DOMAIN: 'type',
  OBJECT_SEQUENCE: 'sequence',
  OBJECT_SCHEMA: 'schema',
  OBJECT_INDEX: 'index',
  OBJECT_FUNCTION: 'function',
  OBJECT_PROCEDURE: 'function',
  OBJECT_ROUTINE: 'function',
  OBJECT_TRIGGER: 'trigger',
};

/** Kinds whose name is `ON table`: the last list item is the object, the rest the table. */
const ON_TABLE = new Set(['OBJECT_TRIGGER', 'OBJECT_POLICY', 'OBJECT_RULE']);

/** The objects a `DropStmt` names, in order. */
export function dropTargets(drop: Node): DropTarget[] {
  const removeType = typeof drop.removeType === 'string' ? drop.removeType : '';
  const category = CATEGORY[removeType] ?? 'other';
  const out: DropTarget[] = [];
  for (const o of Array.isArray(drop.objects) ? drop.objects : []) {
    const [kind, body] = unwrap(o);
    if (kind === 'String') {
      const n = typeof body.sval === 'string' ? body.sval : '';
      out.push({ category, key: n, name: { schema: n, name: n, key: n }, location: undefined });
    } else if (kind === 'TypeName') {
      const name = listName(body.names);
      out.push({ category, key: name.key, name, location: locationOf(body) });
    } else if (kind === 'ObjectWithArgs') {
      const name = listName(body.objname);
      out.push({ category, key: name.key, name, location: undefined });
    } else if (kind === 'List' && ON_TABLE.has(removeType)) {
      const parts = strings(body.items);
      const object = parts.pop() ?? '';
      const table = listName(parts.map((sval) => ({ String: { sval } })));
      out.push({
        category,
        key: `${table.key}.${object}`,
        name: qualify(object, table.schema),
        location: undefined,
      });
    } else if (kind === 'List') {
      const name = listName(body.items);
      out.push({ category, key: name.key, name, location: undefined });
    }
  }
  return out;
}

/** The object a statement creates, or renames or moves into place; undefined for other statements. */
export function producedObject(statement: Statement): NamedObject | undefined {
  const [kind, n] = unwrap(statement.node);
  switch (kind) {
    case 'CreateStmt':
      return { category: 'relation', key: rangeVarName(n.relation).key };
    case 'CreateForeignTableStmt':
      return { category: 'relation', key: rangeVarName((n.base as Node | undefined)?.relation).key };
    case 'CreateTableAsStmt':
      return { category: 'relation', key: rangeVarName((n.into as Node | undefined)?.rel).key };
    case 'ViewStmt':
      return { category: 'relation', key: rangeVarName(n.view).key };
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      return { category: 'type', key: listName(n.typeName).key };
    case 'CreateDomainStmt':
      return { category: 'type', key: listName(n.domainname).key };
    case 'CompositeTypeStmt':
      return { category: 'type', key: rangeVarName(n.typevar).key };
    case 'CreateSeqStmt':
      return { category: 'sequence', key: rangeVarName(n.sequence).key };
    case 'CreateSchemaStmt':
      return { category: 'schema', key: typeof n.schemaname === 'string' ? n.schemaname : '' };
    case 'IndexStmt':
      return typeof n.idxname === 'string'
        ? { category: 'index', key: qualify(n.idxname, rangeVarName(n.relation).schema).key }
        : undefined;
    case 'CreateFunctionStmt':
      return { category: 'function', key: listName(n.funcname).key };
    case 'CreateTrigStmt':
      return { category: 'trigger', key: `${rangeVarName(n.relation).key}.${String(n.trigname ?? '')}` };
    case 'RenameStmt':
      return renamed(n);
    case 'AlterObjectSchemaStmt':
      return moved(n);
    default:
      return undefined;
  }
}

const RENAMED: Record<string, Category> = {
  OBJECT_TABLE: 'relation',
  OBJECT_VIEW: 'relation',
  OBJECT_MATVIEW: 'relation',
  OBJECT_FOREIGN_TABLE: 'relation',
  OBJECT_SEQUENCE: 'sequence',
  OBJECT_INDEX: 'index',
  OBJECT_TYPE: 'type',
  OBJECT_DOMAIN: 'type',
  OBJECT_SCHEMA: 'schema',
};

function renamed(n: Node): NamedObject | undefined {
  const category = RENAMED[String(n.renameType)];
  const newName = typeof n.newname === 'string' ? n.newname : undefined;
  if (!category || newName === undefined) return undefined;
  if (category === 'schema') return { category, key: newName };
  const schema = n.relation ? rangeVarName(n.relation).schema : listName(unwrap(n.object)[1].items).schema;
  return { category, key: qualify(newName, schema).key };
}

function moved(n: Node): NamedObject | undefined {
  const category = RENAMED[String(n.objectType)];
  const schema = typeof n.newschema === 'string' ? n.newschema : undefined;
  if (!category || category === 'schema' || schema === undefined) return undefined;
  const name = n.relation ? rangeVarName(n.relation).name : listName(unwrap(n.object)[1].items).name;
  return { category, key: qualify(name, schema).key };
}

function same(a: NamedObject, b: NamedObject): boolean {
  // Sequences, indexes and views share the relation name space with tables.
  const ns = (c: Category): string => (c === 'sequence' || c === 'index' ? 'relation' : c);
  return a.key === b.key && ns(a.category) === ns(b.category);
}

/** The first statement of `statements` that creates (or renames into place) `object`. */
export function producerIn(statements: readonly Statement[], object: NamedObject): Statement | undefined {
  return statements.find((s) => {
    const p = producedObject(s);
    return p !== undefined && same(p, object);
  });
}

/**
 * True when an earlier statement of this file renamed or moved another object to this name: running
 * code never used the name (the rename itself is what other rules judge).
 */
export function renamedHereEarlier(statement: Statement, ctx: RuleContext, object: NamedObject): boolean {
  const earlier = ctx.fileStatements.slice(0, statement.index);
  return earlier.some((s) => {
    if (s.kind !== 'RenameStmt' && s.kind !== 'AlterObjectSchemaStmt') return false;
    const p = producedObject(s);
    return p !== undefined && same(p, object);
  });
}

/** Whether the schema model knows the object, and whether it was created in the current release. */
export function modelState(catalog: SchemaCatalog, target: DropTarget): { known: boolean; isNew: boolean } {
  switch (target.category) {
    case 'relation':
      return {
        known: catalog.relation(target.name) !== undefined,
        isNew: catalog.isNewRelation(target.name),
      };
    case 'type':
      return { known: catalog.type(target.name) !== undefined, isNew: catalog.isNewType(target.name) };
    case 'sequence':
      return {
        known: catalog.sequence(target.name) !== undefined,
        isNew: catalog.isNewSequence(target.name),
      };
    case 'schema':
      return { known: catalog.schemaExists(target.key), isNew: catalog.isNewSchema(target.key) };
    case 'index':
      return { known: catalog.index(target.name) !== undefined, isNew: catalog.isNewIndex(target.name) };
    default:
      return { known: false, isNew: false };
  }
}

/**
 * True when dropping `target` can affect the running release: the object is not new in this release,
 * did not get its name from a rename earlier in this file, and is not the `DROP ... IF EXISTS` of an
 * object the model never saw that a later statement of the release creates (an idempotent create script).
 */
export function dropsPreexisting(
  statement: Statement,
  ctx: RuleContext,
  target: DropTarget,
  missingOk: boolean,
): boolean {
  const state = modelState(ctx.catalog, target);
  if (state.isNew) return false;
  if (renamedHereEarlier(statement, ctx, target)) return false;
  if (missingOk && !state.known && producerIn(ctx.later(), target)) return false;
  if (target.category === 'sequence' && sequenceFreedEarlier(statement, ctx, target)) return false;
  return true;
}

/**
 * True for the sequence of a serial column (`<table>_<column>_seq`) whose default an earlier statement
 * of this file dropped or replaced (Prisma and Django do this when a column stops being serial): the
 * running release only used it through that default, and the default change is what other rules judge.
 */
function sequenceFreedEarlier(statement: Statement, ctx: RuleContext, target: DropTarget): boolean {
  return ctx.fileStatements.slice(0, statement.index).some((s) => {
    const alter = readAlterTable(s);
    if (!alter || alter.table.schema !== target.name.schema) return false;
    return alter.cmds.some(
      (c) =>
        (c.subtype === 'AT_ColumnDefault' || c.subtype === 'AT_DropColumn') &&
        `${alter.table.name}_${c.name ?? ''}_seq` === target.name.name,
    );
  });
}

/** The column names a `CREATE VIEW` produces, or undefined when they cannot all be known (`*`, set ops). */
export function viewColumns(view: Node): string[] | undefined {
  const aliases = strings(view.aliases);
  const [, select] = unwrap(view.query);
  const targets = Array.isArray(select.targetList) ? select.targetList : [];
  if (!targets.length) return aliases.length ? aliases : undefined;
  const names: string[] = [];
  for (const [i, t] of targets.entries()) {
    const alias = aliases[i];
    if (alias !== undefined) {
      names.push(alias);
      continue;
    }
    const [, rt] = unwrap(t);
    if (typeof rt.name === 'string') {
      names.push(rt.name);
      continue;
    }
    const [kind, val] = unwrap(rt.val);
    const last = kind === 'ColumnRef' ? strings(val.fields).pop() : undefined;
    if (!last || last === '*') return undefined;
    names.push(last);
  }
  return names;
}

/** True when `table` (`schema.name`) is a partitioned table. */
export function isPartitioned(catalog: SchemaCatalog, table: string): boolean {
  const dot = table.indexOf('.');
  const name = qualify(table.slice(dot + 1), table.slice(0, dot));
  return catalog.relation(name)?.kind === 'partitioned table';
}
