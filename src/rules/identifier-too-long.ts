import { rangeVarName, strings, unwrap, type Node } from '../parse/ast.js';
import { scanSql } from '../parse/libpg.js';
import type { Statement } from '../types.js';
import type { Rule } from './types.js';

/** NAMEDATALEN - 1: the longest identifier PostgreSQL keeps, in bytes. */
const MAX_BYTES = 63;

export const identifierTooLong = {
  meta: {
    id: 'identifier-too-long',
    type: 'advisory',
    description: 'A name longer than 63 bytes, which PostgreSQL silently truncates.',
    severity: 'error',
    breaking: false,
    messages: {
      long: 'Identifier `{{name}}` is {{bytes}} bytes long and PostgreSQL silently truncates it to at most 63 bytes (`{{truncated}}`), so code and tools that use the full name will not find it and any other name with the same first 63 bytes collides with it.',
    },
    help: 'Shorten the name to 63 bytes or fewer (UTF-8).',
  },
  check(statement, ctx) {
    // Cheap first: a name over 63 bytes needs a run of at least 16 identifier characters in the text.
    if (!hasLongWord(statement.text)) return;
    const defined = definedNames(statement.node);
    if (defined.size === 0) return;
    const tokens = scanSql(statement.text);
    if (!tokens) return;
    const seen = new Set<string>();
    for (const token of tokens) {
      if (token.tokenName !== 'IDENT') continue;
      const name = identifierValue(token.text);
      if (name === undefined) continue;
      const bytes = Buffer.byteLength(name, 'utf8');
      if (bytes <= MAX_BYTES || seen.has(name)) continue;
      const truncated = truncate(name);
      // The parser has already truncated the names it returns; match either form.
      if (!defined.has(truncated) && !defined.has(name)) continue;
      seen.add(name);
      ctx.report({
        messageId: 'long',
        data: { name, bytes, truncated },
        location: locationOf(statement, token.start),
        object: name,
      });
    }
  },
} satisfies Rule;

/** Names the statement creates (not the ones it refers to). */
function definedNames(node: unknown): Set<string> {
  const names = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string' && value) names.add(value);
  };
  const lastOf = (list: unknown): void => add(strings(list).pop());
  const columnDef = (def: Node): void => {
    add(def.colname);
    for (const c of (def.constraints as unknown[] | undefined) ?? [])
      add(((c as Node).Constraint as Node | undefined)?.conname);
  };
  const elements = (list: unknown): void => {
    for (const elt of (list as unknown[] | undefined) ?? []) {
      const [k, body] = unwrap(elt);
      if (k === 'ColumnDef') columnDef(body);
      else if (k === 'Constraint') add(body.conname);
    }
  };

  const visit = (stmt: unknown): void => {
    const [kind, n] = unwrap(stmt);
    switch (kind) {
      case 'CreateStmt':
      case 'CreateForeignTableStmt': {
        const base = kind === 'CreateStmt' ? n : (((n.base as Node | undefined) ?? {}) as Node);
        add(rangeVarName(base.relation).name);
        elements(base.tableElts);
        return;
      }
      case 'CreateTableAsStmt': {
        const into = (n.into ?? {}) as Node;
        add(rangeVarName(into.rel).name);
        strings(into.colNames).forEach(add);
        return;
      }
      case 'ViewStmt':
        add(rangeVarName(n.view).name);
        strings(n.aliases).forEach(add);
        return;
      case 'IndexStmt':
        return add(n.idxname);
      case 'CreateSeqStmt':
        return add(rangeVarName(n.sequence).name);
      case 'CreateSchemaStmt':
        add(n.schemaname);
        for (const elt of (n.schemaElts as unknown[] | undefined) ?? []) visit(elt);
        return;
      case 'CreateEnumStmt':
      case 'CreateRangeStmt':
        return lastOf(n.typeName);
      case 'CreateDomainStmt':
        lastOf(n.domainname);
        return elements(n.constraints);
      case 'CompositeTypeStmt':
        add(rangeVarName(n.typevar).name);
        return elements(n.coldeflist);
      case 'AlterTableStmt':
        for (const c of (n.cmds as unknown[] | undefined) ?? []) {
          const cmd = ((c as Node).AlterTableCmd ?? {}) as Node;
          if (cmd.subtype === 'AT_AddColumn' || cmd.subtype === 'AT_AddConstraint') elements([cmd.def]);
        }
        return;
      case 'RenameStmt':
        return add(n.newname);
      case 'CreateFunctionStmt':
        return lastOf(n.funcname);
      case 'CreateTrigStmt':
      case 'CreateEventTrigStmt':
        return add(n.trigname);
      case 'CreatePolicyStmt':
        return add(n.policy_name);
      case 'RuleStmt':
        return add(n.rulename);
      case 'CreateStatsStmt':
        return lastOf(n.defnames);
      default:
        return;
    }
  };
  visit(node);
  return names;
}

/** The identifier a token names: quoted ones as written, unquoted ones with ASCII folded to lower case. */
function identifierValue(text: string): string | undefined {
  if (text.startsWith('"')) return text.slice(1, -1).replace(/""/g, '"');
  if (/^u&"/i.test(text)) return undefined;
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** PostgreSQL's truncation: whole characters, at most 63 bytes. */
function truncate(name: string): string {
  let out = '';
  let bytes = 0;
  for (const ch of name) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > MAX_BYTES) break;
    out += ch;
    bytes += size;
  }
  return out;
}

/**
 * The libpg-query location (relative to the statement's parse) of a byte offset within
 * `statement.text`: found by searching `locate`, which is monotonic, for the token's line and column.
 */
function locationOf(statement: Statement, byteInText: number): number | undefined {
  const before = Buffer.from(statement.text, 'utf8').subarray(0, byteInText).toString('utf8');
  const lines = before.split('\n');
  const line = statement.line + lines.length - 1;
  const last = lines[lines.length - 1] ?? '';
  const column = lines.length === 1 ? statement.column + last.length : last.length + 1;
  const compare = (l: number): number => {
    const at = statement.locate(l);
    return at.line - line || at.column - column;
  };
  let lo = 0;
  let hi = statement.byteStart + byteInText + 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(mid) < 0) lo = mid + 1;
    else hi = mid;
  }
  return compare(lo) === 0 ? lo : undefined;
}

const LONG_WORD = /"[^"]{16,}"|[A-Za-z0-9_$\u0080-\uffff]{16,}/g;

function hasLongWord(text: string): boolean {
  for (const m of text.matchAll(LONG_WORD)) if (Buffer.byteLength(m[0], 'utf8') > MAX_BYTES) return true;
  return false;
}
