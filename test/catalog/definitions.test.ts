// Index and constraint definitions: read back from pg_catalog after a replay, and built by the static
// model from the statements, with renames of a column, a table and an index in between.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SchemaCatalog } from '../../src/catalog/model.js';
import { historyCatalog } from '../../src/catalog/replay-history.js';
import { StaticCatalog } from '../../src/catalog/static-catalog.js';
import { qualify } from '../../src/parse/ast.js';
import { loadParser, parseFile } from '../../src/parse/index.js';
import { parseSql } from '../../src/parse/libpg.js';
import type { MigrationFile } from '../../src/types.js';

const HISTORY = `CREATE TABLE orgs (id integer PRIMARY KEY, name text);
CREATE TABLE items (
  id integer PRIMARY KEY,
  code text NOT NULL UNIQUE,
  price integer CHECK (price > 0),
  org_id integer REFERENCES orgs(id) ON DELETE CASCADE,
  note text,
  CONSTRAINT items_code_len CHECK (length(code) < 200)
);
CREATE INDEX items_price_idx ON items (price) WHERE note IS NULL;
CREATE INDEX ON items (lower(code));
CREATE INDEX ON items (lower(code));
ALTER TABLE items ADD COLUMN parent_id integer REFERENCES items, ADD CONSTRAINT items_note_set CHECK (note <> '') NOT VALID;
ALTER TABLE items RENAME COLUMN code TO sku;
ALTER TABLE items RENAME COLUMN price TO cost;
ALTER TABLE orgs RENAME COLUMN id TO org_key;
ALTER TABLE orgs RENAME TO organizations;
ALTER INDEX items_lower_idx1 RENAME TO items_sku_lower;`;

const history: MigrationFile = {
  path: '001_history.sql',
  framework: 'sql',
  orderKey: '001',
  transactional: true,
  sql: HISTORY,
  diagnostics: [],
};

/** name -> definition, for the constraints and indexes of `table`. */
function definitions(catalog: SchemaCatalog, table: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const c of catalog.relation(qualify(table))?.constraints.values() ?? [])
    if (c.kind !== 'not null') out.set(c.name, c.definition);
  const owned = new Set(out.keys());
  for (const i of catalog.indexesOn(qualify(table))) if (!owned.has(i.name)) out.set(i.name, i.definition);
  return out;
}

/** The parse tree without locations: two texts that differ only in layout, parentheses or USING btree match. */
function shape(def: string | undefined): string {
  const sql = def?.startsWith('CREATE') ? def : `ALTER TABLE t ADD CONSTRAINT c ${def}`;
  const parsed = parseSql(sql);
  if (!parsed.ok) return `unparsable: ${def}`;
  return JSON.stringify(parsed.stmts, (k, v: unknown) =>
    k === 'location' || k === 'stmt_location' || k === 'stmt_len' ? undefined : v,
  );
}

let replayed: SchemaCatalog;
let built: StaticCatalog;

beforeAll(async () => {
  await loadParser();
  const outcome = await historyCatalog([history]); // one PGlite, closed before it returns
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.failure));
  replayed = outcome.catalog;
  built = new StaticCatalog();
  built.beginRelease(0);
  for (const s of parseFile(history).statements) built.apply(s);
}, 60_000);

describe('index and constraint definitions', () => {
  it('reads them back from pg_catalog as PostgreSQL prints them, NOT VALID left to `validated`', () => {
    expect(Object.fromEntries(definitions(replayed, 'items'))).toEqual({
      items_pkey: 'PRIMARY KEY (id)',
      items_code_key: 'UNIQUE (sku)',
      items_price_check: 'CHECK ((cost > 0))',
      items_org_id_fkey: 'FOREIGN KEY (org_id) REFERENCES organizations(org_key) ON DELETE CASCADE',
      items_code_len: 'CHECK ((length(sku) < 200))',
      items_parent_id_fkey: 'FOREIGN KEY (parent_id) REFERENCES items(id)',
      items_note_set: "CHECK ((note <> ''::text))",
      items_price_idx: 'CREATE INDEX items_price_idx ON public.items USING btree (cost) WHERE (note IS NULL)',
      items_lower_idx: 'CREATE INDEX items_lower_idx ON public.items USING btree (lower(sku))',
      items_sku_lower: 'CREATE INDEX items_sku_lower ON public.items USING btree (lower(sku))',
    });
    const fk = replayed.relation(qualify('items'))?.constraints.get('items_org_id_fkey');
    expect(fk).toMatchObject({ refTable: 'public.organizations', refColumns: ['org_key'], validated: true });
    expect(replayed.relation(qualify('items'))?.constraints.get('items_note_set')?.validated).toBe(false);
  });

  it('builds them from the statements with the current names, as written', () => {
    expect(Object.fromEntries(definitions(built, 'items'))).toEqual({
      items_pkey: 'PRIMARY KEY (id)',
      items_code_key: 'UNIQUE (sku)',
      items_price_check: 'CHECK (cost > 0)',
      items_org_id_fkey: 'FOREIGN KEY (org_id) REFERENCES organizations(org_key) ON DELETE CASCADE',
      items_code_len: 'CHECK (length(sku) < 200)',
      items_parent_id_fkey: 'FOREIGN KEY (parent_id) REFERENCES items',
      items_note_set: "CHECK (note <> '')",
      items_price_idx: 'CREATE INDEX items_price_idx ON public.items (cost) WHERE note IS NULL',
      items_lower_idx: 'CREATE INDEX items_lower_idx ON public.items (lower(sku))',
      items_sku_lower: 'CREATE INDEX items_sku_lower ON public.items (lower(sku))',
    });
    const fk = built.relation(qualify('items'))?.constraints.get('items_org_id_fkey');
    expect(fk).toMatchObject({ refTable: 'public.organizations', refColumns: ['org_key'] });
    expect(built.relation(qualify('items'))?.constraints.get('items_parent_id_fkey')).toMatchObject({
      refTable: 'public.items',
      refColumns: ['id'],
    });
  });

  it('gives the same parse trees from both sources, but for what only PostgreSQL adds', () => {
    const a = definitions(replayed, 'items');
    const b = definitions(built, 'items');
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    // PostgreSQL resolves the referenced primary key and casts the literal; the text as written does not.
    const differ = ['items_parent_id_fkey', 'items_note_set'];
    for (const [name, def] of a)
      if (!differ.includes(name)) expect(shape(b.get(name)), name).toBe(shape(def));
  });

  it('drops what reads a dropped column, and foreign keys to a dropped table', () => {
    const catalog = new StaticCatalog();
    catalog.beginRelease(0);
    const more = `${HISTORY}\nALTER TABLE items DROP COLUMN sku;\nDROP TABLE organizations CASCADE;`;
    for (const s of parseFile({ ...history, sql: more }).statements) catalog.apply(s);
    expect([...definitions(catalog, 'items').keys()].sort()).toEqual([
      'items_note_set',
      'items_parent_id_fkey',
      'items_pkey',
      'items_price_check',
      'items_price_idx',
    ]);
  });
});
