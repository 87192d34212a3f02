// Small purpose-built readers of ORM schemas, for what a contract drops: which lines of a schema map a
// dropped table or column. Not general parsers: they read the declarations the ORMs document and skip
// what they do not understand.
// - Prisma (`*.prisma`): `model`/`view` blocks; the table is `@@map("t")` or the model's name, the
//   schema `@@schema("s")`; a scalar field's column is `@map("c")` or the field's name. A dropped
//   table is named by its model's line and by every relation field typed with that model; a dropped
//   column by its field's line and by block attributes and `@relation(fields: [...])` naming the field.
//   Other lines of a .prisma file never count (a `name` field of another model is not users.name).
// - Drizzle (`pgTable('t', { key: text('c') })`, `pgView`, `<pgSchema var>.table(...)`, columns given
//   as an object or as `(t) => ({ ... })`): the table is named by the call's line; a column by its
//   property's line (the column is the builder's first string argument, or the key, or the key in
//   snake_case under drizzle's `casing` option) and by `.key` in the table's extra-config callback.
//   Text inside the columns object never names another table's column.
import type { Target } from './references.js';

export interface OrmHit {
  offset: number;
  target: Target;
}

export interface OrmRead {
  hits: OrmHit[];
  /** True when a plain-text match at `offset` for `target` is the schema reader's to judge (ignored). */
  owned(offset: number, target: Target): boolean;
}

// ---------------------------------------------------------------------------------------------------
// Prisma

interface PrismaField {
  name: string;
  type: string;
  column: string;
  offset: number;
}

interface PrismaModel {
  name: string;
  table: string;
  schema: string | null;
  offset: number;
  fields: PrismaField[];
  /** Lines holding block attributes (`@@index([...])`) or relation attributes, with their offsets. */
  attributeLines: Array<{ offset: number; text: string }>;
}

export function prismaModels(text: string, targets: readonly Target[]): OrmRead {
  const models: PrismaModel[] = [];
  let current: PrismaModel | null = null;
  let other = false;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = stripPrismaComment(raw);
    if (current === null && !other) {
      const open = /^\s*(model|view|enum|type|datasource|generator)\s+(\w+)\s*\{/.exec(line);
      if (open) {
        if (open[1] === 'model' || open[1] === 'view') {
          current = {
            name: open[2] as string,
            table: open[2] as string,
            schema: null,
            offset: lineStart + open.index + open[0].lastIndexOf(open[2] as string),
            fields: [],
            attributeLines: [],
          };
        } else other = true;
      }
      continue;
    }
    if (/^\s*\}/.test(line)) {
      if (current) models.push(current);
      current = null;
      other = false;
      continue;
    }
    if (current === null) continue;
    const block = /^\s*@@(\w+)\s*\((.*)\)\s*$/.exec(line);
    if (block) {
      const value = /^\s*(?:name\s*:\s*)?"((?:[^"\\]|\\.)*)"/.exec(block[2] as string)?.[1];
      if (block[1] === 'map' && value !== undefined) current.table = value;
      else if (block[1] === 'schema' && value !== undefined) current.schema = value;
      else current.attributeLines.push({ offset: lineStart, text: line });
      continue;
    }
    const field = /^(\s*)(\w+)\s+(\w+)(?:\[\])?\??/.exec(line);
    if (field) {
      const map = /@map\s*\(\s*(?:name\s*:\s*)?"((?:[^"\\]|\\.)*)"/.exec(line)?.[1];
      current.fields.push({
        name: field[2] as string,
        type: field[3] as string,
        column: map ?? (field[2] as string),
        offset: lineStart + (field[1] as string).length,
      });
      if (/@relation\s*\(/.test(line)) current.attributeLines.push({ offset: lineStart, text: line });
    }
  }

  const names = new Set(models.map((m) => m.name));
  const hits: OrmHit[] = [];
  for (const target of targets) {
    for (const model of models) {
      if (model.table !== target.table) continue;
      if (model.schema !== null && target.schema !== null && model.schema !== target.schema) continue;
      if (target.kind === 'table') {
        hits.push({ offset: model.offset, target });
        for (const m of models) {
          for (const f of m.fields) if (f.type === model.name) hits.push({ offset: f.offset, target });
        }
        continue;
      }
      for (const f of model.fields) {
        if (names.has(f.type) || f.column !== target.column) continue;
        hits.push({ offset: f.offset, target });
        const word = new RegExp(`(?<![\\w$])${f.name}(?![\\w$])`);
        for (const a of model.attributeLines) {
          const at = attributeMention(a.text, word);
          if (at !== -1) hits.push({ offset: a.offset + at, target });
        }
      }
    }
  }
  return { hits, owned: () => true };
}

/** Where a block attribute or `@relation(fields: [...])` names a field (-1 when it does not). */
function attributeMention(line: string, word: RegExp): number {
  const relation = /@relation\s*\((.*)\)/.exec(line);
  if (relation) {
    const fields = /\bfields\s*:\s*\[([^\]]*)\]/.exec(relation[1] as string);
    if (!fields) return -1;
    const start = line.indexOf(fields[0], relation.index) + fields[0].indexOf('[');
    const m = word.exec(fields[1] as string);
    return m ? start + 1 + m.index : -1;
  }
  if (!/^\s*@@/.test(line)) return -1;
  return word.exec(line)?.index ?? -1;
}

/** A line without its `//` comment (string literals kept). */
function stripPrismaComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

// ---------------------------------------------------------------------------------------------------
// Drizzle

const SCRIPT = /\.(?:[cm]?[jt]sx?)$/;

/** A script file that may declare drizzle tables (a cheap test before reading it as one). */
export function isDrizzleCandidate(path: string, text: string): boolean {
  return SCRIPT.test(path) && /\b(?:pgTable|pgView|pgMaterializedView|pgSchema)\b/.test(text);
}

interface DrizzleColumn {
  key: string;
  /** The builder's first string argument; null when the key (or its snake_case) is the name. */
  name: string | null;
  offset: number;
}

interface DrizzleTable {
  table: string;
  schema: string | null;
  offset: number;
  columns: DrizzleColumn[];
  /** The columns object, [open, close]. */
  body: [number, number];
  /** The extra-config part of the call, after the columns: [start, end]. */
  extra: [number, number];
}

export function drizzleTables(text: string, targets: readonly Target[]): OrmRead {
  const code = maskStrings(text);
  const schemas = new Map<string, string>();
  for (const m of text.matchAll(/\b(?:const|let|var)\s+([\w$]+)\s*=\s*pgSchema\s*\(\s*(['"`])([^'"`]*)\2/g)) {
    schemas.set(m[1] as string, m[3] as string);
  }
  const tables: DrizzleTable[] = [];
  const call =
    /(?<![\w$.])(?:(pgTable|pgView|pgMaterializedView)|([\w$]+)\.(?:table|view|materializedView))\s*\(\s*(['"`])([^'"`\n]*)\3/g;
  for (const m of text.matchAll(call)) {
    if (code[m.index] === ' ' && text[m.index] !== ' ') continue; // inside a string or comment
    const schemaVar = m[2];
    if (schemaVar !== undefined && !schemas.has(schemaVar)) continue;
    const open = text.indexOf('(', m.index);
    const close = matching(code, open);
    const nameAt = m.index + m[0].lastIndexOf(m[4] as string) - 1;
    const table: DrizzleTable = {
      table: m[4] as string,
      schema: schemaVar === undefined ? null : (schemas.get(schemaVar) as string),
      offset: nameAt + 1,
      columns: [],
      body: [0, -1],
      extra: [0, -1],
    };
    const braceAt = code.indexOf('{', m.index + m[0].length);
    if (braceAt !== -1 && braceAt < close) {
      const end = matching(code, braceAt);
      table.body = [braceAt, end];
      table.columns = drizzleColumns(text, code, braceAt, end);
      table.extra = [end, close];
    }
    tables.push(table);
  }

  const hits: OrmHit[] = [];
  for (const target of targets) {
    for (const t of tables) {
      if (t.table !== target.table) continue;
      if (t.schema !== null && target.schema !== null && t.schema !== target.schema) continue;
      if (target.kind === 'table') {
        hits.push({ offset: t.offset, target });
        continue;
      }
      for (const c of t.columns) {
        const names = c.name !== null ? [c.name] : [c.key, snakeCase(c.key)];
        if (!names.includes(target.column as string)) continue;
        hits.push({ offset: c.offset, target });
        const use = new RegExp(`\\.${escapeRegExp(c.key)}(?![\\w$])`, 'g');
        for (const u of code.slice(t.extra[0], t.extra[1]).matchAll(use)) {
          hits.push({ offset: t.extra[0] + u.index + 1, target });
        }
      }
    }
  }
  return {
    hits,
    owned: (offset, target) =>
      target.kind === 'column' && tables.some((t) => offset > t.body[0] && offset < t.body[1]),
  };
}

/** The properties of a columns object `{ key: builder('name', ...), ... }` between `open` and `close`. */
function drizzleColumns(text: string, code: string, open: number, close: number): DrizzleColumn[] {
  const out: DrizzleColumn[] = [];
  let i = open + 1;
  while (i < close) {
    while (i < close && /[\s,]/.test(code[i] as string)) i++;
    if (i >= close) break;
    const key = /^(?:([\w$]+)|(['"])([^'"]*)\2)\s*:/.exec(text.slice(i, Math.min(close, i + 200)));
    const valueStart = key ? i + key[0].length : i;
    const end = propertyEnd(code, valueStart, close);
    if (key) {
      const value = text.slice(valueStart, end);
      const builder = /^\s*(?:[\w$]+\.)*[\w$]+\s*\(\s*(['"`])([^'"`]*)\1/.exec(value);
      out.push({
        key: key[1] ?? (key[3] as string),
        name: builder ? (builder[2] as string) : null,
        offset: i,
      });
    }
    i = end + 1;
  }
  return out;
}

/** The offset of the `,` (or `close`) ending the property value starting at `start`. */
function propertyEnd(code: string, start: number, close: number): number {
  let depth = 0;
  for (let i = start; i < close; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) return i;
  }
  return close;
}

/** The offset of the bracket closing the one at `open` (or the text's end), strings masked. */
function matching(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return code.length;
}

/**
 * The text with the insides of strings, template literals and comments replaced by spaces (same
 * offsets), so brackets and commas in them do not count. `${...}` in templates is kept as code.
 */
export function maskStrings(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const templates: number[] = []; // brace depth at each open `${`
  let depth = 0;
  let i = 0;
  const template = (from: number): number => {
    // scans a template body from `from`; returns the offset after its end or after `${`
    let k = from;
    while (k < text.length) {
      if (text[k] === '\\') k += 2;
      else if (text[k] === '`') {
        blank(from, k);
        return k + 1;
      } else if (text[k] === '$' && text[k + 1] === '{') {
        blank(from, k);
        templates.push(depth);
        depth++;
        return k + 2;
      } else k++;
    }
    blank(from, text.length);
    return text.length;
  };
  while (i < text.length) {
    const c = text[i];
    const n = text[i + 1];
    if (c === '/' && n === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && n === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === "'" || c === '"') {
      let k = i + 1;
      while (k < text.length && text[k] !== c && text[k] !== '\n') k += text[k] === '\\' ? 2 : 1;
      blank(i + 1, Math.min(k, text.length));
      i = k + 1;
    } else if (c === '`') {
      i = template(i + 1);
    } else if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      depth--;
      if (templates.length > 0 && templates[templates.length - 1] === depth) {
        templates.pop();
        i = template(i + 1);
      } else i++;
    } else i++;
  }
  return out.join('');
}

function snakeCase(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
