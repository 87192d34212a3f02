// Sample rows for the proof: a few deterministic rows per table the migration touches, written as
// INSERT statements once (from the replayed history) and run unchanged on both databases, so the
// original migration and the plan start from the same data.
import { quoteIdent } from '../parse/ident.js';
import type { Database } from '../db/database.js';

/** One column of a table as the sample generator needs it. */
interface SampleColumn {
  name: string;
  formatted: string;
  category: string;
  notNull: boolean;
  /** Identity, generated or nextval-defaulted: left to the database. */
  auto: boolean;
  enumLabel: string | null;
  elementName: string;
  /** `schema.table(column)` this column references through a single-column foreign key. */
  references: { table: string; column: string } | null;
}

export interface SampleInsert {
  table: string;
  sql: string;
}

export interface SamplePlan {
  inserts: SampleInsert[];
  notes: string[];
}

const COLUMNS_SQL = `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS formatted,
  bt.typcategory::text AS category, a.attnotnull AS not_null,
  (a.attidentity <> '' OR a.attgenerated <> '' OR coalesce(pg_get_expr(ad.adbin, ad.adrelid), '') LIKE 'nextval(%') AS auto,
  (SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = bt.oid ORDER BY e.enumsortorder LIMIT 1) AS enum_label,
  bt.typname AS element_name,
  (SELECT quote_ident(rn.nspname) || '.' || quote_ident(rc.relname) || '|' || ra.attname
     FROM pg_constraint con JOIN pg_class rc ON rc.oid = con.confrelid
     JOIN pg_namespace rn ON rn.oid = rc.relnamespace
     JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = con.confkey[1]
    WHERE con.conrelid = a.attrelid AND con.contype = 'f' AND con.conkey = ARRAY[a.attnum] LIMIT 1) AS refs
FROM pg_attribute a
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
JOIN pg_type t ON t.oid = a.atttypid
JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum`;

const NAMES = ['Ada Lovelace', 'Grace Brewster Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov'];

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The value of `column` in sample row `i` (0-based), as SQL; null when no value can be made. */
function valueFor(column: SampleColumn, i: number): string | null {
  const cast = (literal: string): string => `${quote(literal)}::${column.formatted}`;
  if (column.references) {
    const ref = column.references;
    return `(SELECT ${quoteIdent(ref.column)} FROM ${ref.table} ORDER BY 1 LIMIT 1 OFFSET ${i})`;
  }
  if (!column.notNull && i % 3 === 2) return 'NULL';
  if (column.formatted.endsWith('[]')) return cast('{}');
  if (column.enumLabel !== null) return cast(column.enumLabel);
  switch (column.category) {
    case 'N':
      return cast(String(i + 1));
    case 'S': {
      const base = NAMES[i % NAMES.length] as string;
      const text = i < NAMES.length ? base : `${base} ${i}`;
      return cast(
        column.name.includes('email') ? `${text.toLowerCase().replace(/\s+/g, '.')}@example.com` : text,
      );
    }
    case 'B':
      return cast(i % 2 === 0 ? 'true' : 'false');
    case 'D':
      return `(timestamptz '2024-01-01 12:00:00+00' + interval '${i} days')::${column.formatted}`;
    case 'T':
      return cast(`${i + 1} hours`);
    case 'U':
      if (column.elementName === 'uuid')
        return cast(`00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
      if (column.elementName === 'json' || column.elementName === 'jsonb') return cast(`{"n": ${i + 1}}`);
      if (column.elementName === 'bytea') return cast(`\\x0${i % 10}`);
      return column.notNull ? null : 'NULL';
    default:
      return column.notNull ? null : 'NULL';
  }
}

async function columnsOf(db: Database, table: string): Promise<SampleColumn[]> {
  const rows = await db.query<{
    name: string;
    formatted: string;
    category: string;
    not_null: boolean;
    auto: boolean;
    enum_label: string | null;
    element_name: string;
    refs: string | null;
  }>(COLUMNS_SQL, [table]);
  return rows.map((r) => {
    const [refTable, refColumn] = r.refs ? r.refs.split('|') : [];
    return {
      name: r.name,
      formatted: r.formatted,
      category: r.category,
      notNull: r.not_null,
      auto: r.auto,
      enumLabel: r.enum_label,
      elementName: r.element_name,
      references: refTable && refColumn ? { table: refTable, column: refColumn } : null,
    };
  });
}

/**
 * Builds `rows` INSERTs per table (referenced tables first) and runs them on `db`, each on its own:
 * a table whose rows cannot be made or are refused is skipped, with a note.
 */
export async function insertSampleRows(
  db: Database,
  tables: readonly string[],
  rows: number,
): Promise<SamplePlan> {
  const notes: string[] = [];
  const inserts: SampleInsert[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const fill = async (table: string): Promise<void> => {
    if (done.has(table) || visiting.has(table)) return;
    visiting.add(table);
    const columns = await columnsOf(db, table);
    // Referenced tables first, so foreign keys find a row.
    for (const c of columns) if (c.references && c.references.table !== table) await fill(c.references.table);
    done.add(table);
    const given = columns.filter((c) => !c.auto && !(c.references && c.references.table === table));
    const values: string[] = [];
    for (let i = 0; i < rows; i++) {
      const row = given.map((c) => valueFor(c, i));
      const missing = given.find((_, k) => row[k] === null);
      if (missing) {
        notes.push(
          `no sample rows in ${table}: cannot make a value for ${missing.name} (${missing.formatted})`,
        );
        return;
      }
      values.push(`(${row.join(', ')})`);
    }
    const sql =
      given.length === 0
        ? Array.from({ length: rows }, () => `INSERT INTO ${table} DEFAULT VALUES`).join(';\n')
        : `INSERT INTO ${table} (${given.map((c) => quoteIdent(c.name)).join(', ')}) VALUES\n  ${values.join(',\n  ')}`;
    try {
      await db.transaction((tx) => tx.exec(sql));
      inserts.push({ table, sql });
    } catch (e: unknown) {
      notes.push(`no sample rows in ${table}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  for (const table of tables) await fill(table);
  return { inserts, notes };
}
