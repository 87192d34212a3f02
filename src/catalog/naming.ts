// The names PostgreSQL gives unnamed indexes and constraints (ChooseRelationName, ChooseConstraintName,
// makeObjectName, FigureIndexColname in indexcmds.c and parse_target.c), so a static model keys them
// as a replayed database would.
import { strings, unwrap, type Node } from '../parse/ast.js';

const NAMEDATALEN = 64;

/** The longest prefix of `s` within `bytes` UTF-8 bytes that does not cut a character. */
function clip(s: string, bytes: number): string {
  let out = '';
  for (const ch of s) {
    if (Buffer.byteLength(out + ch, 'utf8') > bytes) break;
    out += ch;
  }
  return out;
}

/** makeObjectName: `name1[_name2][_label]`, name1 and name2 cut (the longer first) to fit 63 bytes. */
export function makeObjectName(name1: string, name2: string | null, label: string): string {
  let n1 = Buffer.byteLength(name1, 'utf8');
  let n2 = name2 === null ? 0 : Buffer.byteLength(name2, 'utf8');
  const overhead = (label ? Buffer.byteLength(label, 'utf8') + 1 : 0) + (name2 === null ? 0 : 1);
  const avail = NAMEDATALEN - 1 - overhead;
  while (n1 + n2 > avail) {
    if (n1 > n2) n1--;
    else n2--;
  }
  const parts = [clip(name1, n1), ...(name2 === null ? [] : [clip(name2, n2)]), ...(label ? [label] : [])];
  return parts.join('_');
}

/** ChooseRelationName / ChooseConstraintName: the first of `label`, `label1`, `label2`... not taken. */
export function chooseName(
  name1: string,
  name2: string | null,
  label: string,
  taken: (name: string) => boolean,
): string {
  for (let pass = 0; ; pass++) {
    const name = makeObjectName(name1, name2, pass ? `${label}${pass}` : label);
    if (!taken(name)) return name;
  }
}

/** ChooseIndexNameAddition and its kin: the names joined by `_`. */
export const nameAddition = (names: readonly string[]): string | null =>
  names.length ? names.join('_') : null;

/** FigureIndexColname for one index element; null when this model does not know PostgreSQL's choice. */
export function indexColumnName(elem: Node): string | null {
  if (typeof elem.indexcolname === 'string') return elem.indexcolname;
  if (typeof elem.name === 'string') return elem.name;
  const figure = (expr: unknown): [string | null, number] => {
    const [k, n] = unwrap(expr);
    if (k === 'ColumnRef') return [strings(n.fields).pop() ?? null, 2];
    if (k === 'FuncCall') return [strings(n.funcname).pop() ?? null, 2];
    if (k === 'CoalesceExpr') return ['coalesce', 2];
    if (k === 'CaseExpr') return ['case', 2];
    if (k === 'MinMaxExpr') return [n.op === 'IS_GREATEST' ? 'greatest' : 'least', 2];
    if (k === 'TypeCast') {
      const [inner, strength] = figure(n.arg);
      if (strength > 1) return [inner, strength];
      return [strings((n.typeName as Node | undefined)?.names).pop() ?? null, 1];
    }
    if (k === 'A_Expr' || k === 'BoolExpr') return n.kind === 'AEXPR_NULLIF' ? ['nullif', 2] : ['expr', 0];
    return [null, -1];
  };
  return figure(elem.expr)[0];
}

/** ChooseIndexColumnNames: element names, a repeated one numbered (`a`, `a1`); null when unsure. */
export function indexColumnNames(elems: readonly Node[]): string[] | null {
  const out: string[] = [];
  for (const e of elems) {
    const base = indexColumnName(e);
    if (base === null) return null;
    let name = base;
    for (let i = 1; out.includes(name); i++)
      name = clip(base, NAMEDATALEN - 1 - String(i).length) + String(i);
    out.push(name);
  }
  return out;
}
