// Definitions of indexes and constraints as SQL text, in the shape pg_get_indexdef and
// pg_get_constraintdef print them: read back from a statement's own text (the static model), parsed
// back into libpg-query nodes, and rewritten when a column, table or index is renamed. A rewrite that
// does not replace exactly the references the parse tree reads gives undefined: the definition is
// then unknown rather than wrong.
import { rangeVarName, strings, unwrap, walk, type Node, type QualifiedName } from '../parse/ast.js';
import { parseSql } from '../parse/libpg.js';
import { isKeyword, SqlText } from '../parse/tokens.js';
import { quoteIdent } from '../parse/ident.js';

/** What a definition is read from: a statement's text and the parser's locations within it. */
export interface DefinitionSource {
  text: string;
  textLocation(byteOffsetInText: number): number;
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Column names an expression reads (ColumnRef fields, last part). */
export function columnRefs(node: unknown): string[] {
  const out: string[] = [];
  walk(node, (key, value) => {
    if (key === 'ColumnRef') out.push(strings(value.fields).pop() ?? '');
  });
  return out;
}

/** Columns named by index elements (names and what their expressions read). */
function elemRefs(elems: unknown): string[] {
  const out: string[] = [];
  for (const p of arr(elems)) {
    const e = ((p as Node).IndexElem ?? {}) as Node;
    if (typeof e.name === 'string') out.push(e.name);
    out.push(...columnRefs(e.expr));
  }
  return out;
}

/** The IndexStmt of an index definition; undefined when it does not parse as one. */
export function parseIndexDefinition(def: string): Node | undefined {
  const parsed = parseSql(def);
  if (!parsed.ok || parsed.stmts.length !== 1) return undefined;
  const [kind, n] = unwrap(parsed.stmts[0]?.stmt);
  return kind === 'IndexStmt' ? n : undefined;
}

/** The Constraint node of a constraint definition, parsed as `ALTER TABLE t ADD CONSTRAINT c <def>`. */
export function parseConstraintDefinition(def: string): Node | undefined {
  const parsed = parseSql(`ALTER TABLE t ADD CONSTRAINT c ${def}`);
  if (!parsed.ok || parsed.stmts.length !== 1) return undefined;
  const [kind, n] = unwrap(parsed.stmts[0]?.stmt);
  const cmd = ((arr(n.cmds)[0] as Node | undefined)?.AlterTableCmd ?? {}) as Node;
  if (kind !== 'AlterTableStmt' || arr(n.cmds).length !== 1 || cmd.subtype !== 'AT_AddConstraint')
    return undefined;
  return unwrap(cmd.def)[0] === 'Constraint' ? unwrap(cmd.def)[1] : undefined;
}

/** Columns an index reads: in its key and INCLUDE elements, and in its WHERE clause. */
export function indexReads(n: Node): { keys: string[]; where: string[] } {
  return {
    keys: [...elemRefs(n.indexParams), ...elemRefs(n.indexIncludingParams)],
    where: columnRefs(n.whereClause),
  };
}

/** Columns of its own table a constraint reads (keys, INCLUDE, CHECK and EXCLUDE expressions). */
export function constraintReads(n: Node): string[] {
  switch (n.contype) {
    case 'CONSTR_CHECK':
      return columnRefs(n.raw_expr);
    case 'CONSTR_FOREIGN':
      return [...strings(n.fk_attrs), ...strings(n.fk_del_set_cols)];
    case 'CONSTR_EXCLUSION':
      return [
        ...arr(n.exclusions).flatMap((x) =>
          elemRefs(arr(((x as Node).List as Node | undefined)?.items).slice(0, 1)),
        ),
        ...columnRefs(n.where_clause),
      ];
    default:
      return [...strings(n.keys), ...strings(n.including)];
  }
}

/** The index definition `CREATE INDEX` statement `n` gives (name and table as now), from its text. */
export function writtenIndexDefinition(
  n: Node,
  src: DefinitionSource,
  name: string,
  table: QualifiedName,
): string | undefined {
  const sql = new SqlText(src.text);
  const head = sql.tokens[1];
  if (!sql.tokens[0] || !isKeyword(sql.tokens[0], 'CREATE') || !head) return undefined;
  if (!isKeyword(head, 'INDEX') && !isKeyword(head, 'UNIQUE')) return undefined;
  const on = sql.keyword('ON');
  if (on < 0) return undefined;
  const only = sql.tokens[on + 1] && isKeyword(sql.tokens[on + 1] as never, 'ONLY');
  const [, last] = nameAt(sql, on + (only ? 2 : 1));
  const rest = sql.slice(sql.endOf(last));
  const q = quoteIdent;
  const def = `CREATE ${n.unique ? 'UNIQUE ' : ''}INDEX ${q(name)} ON ${only ? 'ONLY ' : ''}${q(table.schema)}.${q(table.name)} ${rest}`;
  const back = parseIndexDefinition(def);
  return back && sameReads(indexReads(back), indexReads(n)) ? def : undefined;
}

const sameReads = (a: { keys: string[]; where: string[] }, b: { keys: string[]; where: string[] }): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** Token range `[first, last]` of the dotted name starting at token `i`. */
function nameAt(sql: SqlText, i: number): [number, number] {
  let last = i;
  while (sql.tokens[last + 1]?.text === '.') last += 2;
  return [i, last];
}

/**
 * The definition of a constraint from its statement's text, without `CONSTRAINT name` and NOT VALID.
 * A column constraint (`column` given) is written as the table constraint it is: `REFERENCES orgs`
 * becomes `FOREIGN KEY (org_id) REFERENCES orgs`, `UNIQUE` becomes `UNIQUE (code)`. `next`: where the
 * column's next constraint starts (a location), which ends this one.
 */
export function writtenConstraintDefinition(
  con: Node,
  src: DefinitionSource,
  column?: string,
  next?: number,
): string | undefined {
  if (typeof con.location !== 'number' || con.location < 0) return undefined;
  const sql = new SqlText(src.text);
  const from = con.location - src.textLocation(0);
  const stop = next === undefined ? Infinity : next - src.textLocation(0);
  let start = sql.tokens.findIndex((t) => t.start >= from);
  if (start < 0) return undefined;
  if (isKeyword(sql.tokens[start] as never, 'CONSTRAINT')) start += 2;
  let end = start;
  for (let depth = 0; end < sql.tokens.length; end++) {
    const t = sql.tokens[end] as { text: string; start: number };
    if (t.start >= stop) break;
    if (t.text === '(') depth++;
    else if (t.text === ')' && depth-- === 0) break;
    else if (depth === 0 && (t.text === ',' || t.text === ';')) break;
  }
  let last = end - 1;
  const word = (i: number, w: string): boolean =>
    Boolean(sql.tokens[i] && isKeyword(sql.tokens[i] as never, w));
  if (last - 1 > start && word(last - 1, 'NOT') && word(last, 'VALID')) last -= 2;
  if (last < start) return undefined;
  let def = sql.slice(sql.startOf(start), sql.endOf(last));
  if (column !== undefined) def = asTableConstraint(con, def, column);
  return parseConstraintDefinition(def)?.contype === con.contype ? def : undefined;
}

/** A column constraint's text as a table constraint on `column`. */
function asTableConstraint(con: Node, def: string, column: string): string {
  const col = `(${quoteIdent(column)})`;
  const sql = new SqlText(def);
  const word = (i: number, w: string): boolean =>
    Boolean(sql.tokens[i] && isKeyword(sql.tokens[i] as never, w));
  switch (con.contype) {
    case 'CONSTR_FOREIGN':
      return `FOREIGN KEY ${col} ${def}`;
    case 'CONSTR_PRIMARY':
      return sql.insertAfter(1, col);
    case 'CONSTR_UNIQUE':
      return sql.insertAfter(word(1, 'NULLS') ? (word(2, 'NOT') ? 3 : 2) : 0, col);
    default:
      return def;
  }
}

/** The definition of a UNIQUE or PRIMARY KEY constraint added USING INDEX (of definition `index`). */
export function usingIndexDefinition(con: Node, columns: string[], index: string | undefined): string {
  const word = con.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE';
  const nulls = index && / NULLS NOT DISTINCT/i.test(index) && word === 'UNIQUE' ? ' NULLS NOT DISTINCT' : '';
  const deferrable = `${con.deferrable ? ' DEFERRABLE' : ''}${con.initdeferred ? ' INITIALLY DEFERRED' : ''}`;
  return `${word}${nulls} (${columns.map(quoteIdent).join(', ')})${deferrable}`;
}

/** Which identifiers of a definition a column rename touches: its own table's, or a foreign key's target's. */
export type DefinitionPart = 'index' | 'own' | 'ref';

/** Where the part starts and ends (token indexes, end exclusive), and the references it must hold. */
function partOf(
  def: string,
  part: DefinitionPart,
): { sql: SqlText; from: number; to: number; reads: string[] } | undefined {
  const sql = new SqlText(def);
  if (part === 'index') {
    const n = parseIndexDefinition(def);
    const on = sql.keyword('ON');
    if (!n || on < 0) return undefined;
    const only = sql.tokens[on + 1] && isKeyword(sql.tokens[on + 1] as never, 'ONLY');
    const r = indexReads(n);
    return {
      sql,
      from: nameAt(sql, on + (only ? 2 : 1))[1] + 1,
      to: sql.tokens.length,
      reads: [...r.keys, ...r.where],
    };
  }
  const n = parseConstraintDefinition(def);
  if (!n) return undefined;
  const refs = sql.keyword('REFERENCES');
  const end = refs < 0 ? sql.tokens.length : refs;
  if (part === 'own') return { sql, from: 0, to: end, reads: constraintReads(n) };
  if (refs < 0) return { sql, from: end, to: end, reads: [] };
  return { sql, from: nameAt(sql, refs + 1)[1] + 1, to: sql.tokens.length, reads: strings(n.pk_attrs) };
}

const identName = (text: string): string =>
  text.startsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text.toLowerCase();

/** The definition with column `from` renamed `to` in `part`; undefined when that cannot be done safely. */
export function renameColumnIn(
  def: string,
  part: DefinitionPart,
  from: string,
  to: string,
): string | undefined {
  const p = partOf(def, part);
  if (!p) return undefined;
  const expected = p.reads.filter((r) => r === from).length;
  if (expected === 0) return def;
  const { sql } = p;
  let out = '';
  let at = 0;
  let seen = 0;
  for (let i = p.from; i < p.to; i++) {
    const t = sql.tokens[i];
    if (!t || !/^("|[A-Za-z_\u0080-\uffff])/.test(t.text) || identName(t.text) !== from) continue;
    const [prev, next] = [sql.tokens[i - 1]?.text, sql.tokens[i + 1]?.text];
    if (prev === '.' || prev === '::' || next === '(' || next === '.') continue;
    seen++;
    out += sql.bytes.subarray(at, t.start).toString('utf8') + quoteIdent(to);
    at = t.end;
  }
  if (seen !== expected) return undefined;
  return out + sql.bytes.subarray(at).toString('utf8');
}

/** Replaces the last part of the dotted name at token `i` with `name`. */
function renameNameAt(sql: SqlText, i: number, name: string): string {
  const [, last] = nameAt(sql, i);
  const head = sql.bytes.subarray(0, sql.startOf(last)).toString('utf8');
  return `${head}${quoteIdent(name)}${sql.bytes.subarray(sql.endOf(last)).toString('utf8')}`;
}

/** An index definition with its table renamed. */
export function renameIndexTable(def: string, name: string): string {
  const sql = new SqlText(def);
  const on = sql.keyword('ON');
  const only = sql.tokens[on + 1] && isKeyword(sql.tokens[on + 1] as never, 'ONLY');
  return on < 0 ? def : renameNameAt(sql, on + (only ? 2 : 1), name);
}

/** An index definition under a new index name. */
export function renameIndexIn(def: string, name: string): string {
  const sql = new SqlText(def);
  const on = sql.keyword('ON');
  return on < 1 ? def : renameNameAt(sql, on - 1, name);
}

/** A foreign key's definition with its target table `table` renamed `name`. */
export function renameReferencedTable(def: string, table: QualifiedName, name: string): string {
  const n = parseConstraintDefinition(def);
  const sql = new SqlText(def);
  const refs = sql.keyword('REFERENCES');
  if (!n || refs < 0 || rangeVarName(n.pktable).name !== table.name) return def;
  return renameNameAt(sql, refs + 1, name);
}
