// A realistic migration history shared by the replay tests (PGlite and shadow database), and a view of
// a catalog restricted to the fields both the static model and pg_catalog know, to compare the two.
import type { CatalogMaps } from '../../src/catalog/replay-seed.js';
import { StaticCatalog } from '../../src/catalog/static-catalog.js';
import type { ColumnModel, RelationModel } from '../../src/catalog/model.js';
import type { TypeRef } from '../../src/parse/ast.js';
import { parseFile } from '../../src/parse/index.js';
import type { FrameworkName, MigrationFile } from '../../src/types.js';

export function migration(
  path: string,
  sql: string,
  options: { transactional?: boolean; framework?: FrameworkName } = {},
): MigrationFile {
  return {
    path,
    framework: options.framework ?? 'sql',
    orderKey: path,
    transactional: options.transactional ?? false,
    sql,
    diagnostics: [],
  };
}

/** Tables, an enum grown with ADD VALUE, a renamed column, a domain, views, indexes, NOT VALID constraints. */
export const HISTORY: MigrationFile[] = [
  migration(
    'db/migrations/001_init.up.sql',
    `CREATE EXTENSION IF NOT EXISTS citext;
CREATE SCHEMA billing;
CREATE TYPE order_status AS ENUM ('pending', 'paid');
CREATE DOMAIN email_address AS citext CHECK (VALUE ~ '@');
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email email_address NOT NULL,
  name varchar(100),
  country char(2) NOT NULL DEFAULT 'NL',
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_email_key UNIQUE (email)
);
CREATE TABLE orders (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  status order_status NOT NULL DEFAULT 'pending',
  total numeric(12, 2) NOT NULL,
  total_cents bigint GENERATED ALWAYS AS ((total * 100)::bigint) STORED,
  placed_at timestamp(3)
);
CREATE INDEX orders_user_id_idx ON orders (user_id);
CREATE TABLE billing.invoices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id integer NOT NULL,
  amount numeric(12, 2)
);
CREATE SEQUENCE billing.invoice_numbers;
`,
    { transactional: true, framework: 'golang-migrate' },
  ),
  migration(
    'db/migrations/002_status_and_names.up.sql',
    `ALTER TYPE order_status ADD VALUE 'shipped' AFTER 'paid';
ALTER TYPE order_status ADD VALUE 'refunded';
ALTER TYPE order_status ADD VALUE 'draft' BEFORE 'pending';
BEGIN;
ALTER TABLE users RENAME COLUMN name TO full_name;
ALTER TABLE users ALTER COLUMN full_name TYPE varchar(200);
COMMIT;
`,
  ),
  migration(
    'db/migrations/003_views.up.sql',
    `CREATE VIEW active_users AS
  SELECT id, email, full_name AS display_name FROM users WHERE created_at > now() - interval '1 year';
CREATE MATERIALIZED VIEW order_totals (user_id, total) AS
  SELECT user_id, sum(total) FROM orders GROUP BY user_id;
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID;
ALTER TABLE billing.invoices
  ADD CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;
ALTER TABLE billing.invoices VALIDATE CONSTRAINT invoices_order_fk;
CREATE UNIQUE INDEX users_lower_email_idx ON users (lower(email::text));
`,
    { transactional: true },
  ),
  migration(
    'db/migrations/004_concurrently.up.sql',
    `-- A framework that wraps files in a transaction runs this one outside of it.
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at) INCLUDE (status);
ALTER TABLE users DROP COLUMN country;
ALTER TABLE users ADD COLUMN state text;
ALTER TABLE users ALTER COLUMN state SET DEFAULT 'active';
ALTER TABLE users ALTER COLUMN state SET NOT NULL;
`,
    { transactional: true },
  ),
  migration(
    'db/migrations/005_events.up.sql',
    `CREATE TABLE events (id bigint NOT NULL, at timestamptz NOT NULL, payload jsonb) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
DO $$
BEGIN
  CREATE TABLE audit_log (id bigserial PRIMARY KEY, note text);
END
$$;
GRANT SELECT ON users TO reporting;
ALTER TABLE orders RENAME TO purchases;
`,
    { transactional: true },
  ),
];

/** A StaticCatalog whose maps a test can read. */
class Inspectable extends StaticCatalog {
  maps(): CatalogMaps {
    return {
      relations: this.relations,
      indexes: this.indexes,
      types: this.types,
      sequences: this.sequences,
      schemas: this.schemas,
    };
  }
}

/** What the static model builds from `files`, as the engine builds it (every statement, DO bodies too). */
export function staticMaps(files: readonly MigrationFile[]): CatalogMaps {
  const catalog = new Inspectable();
  catalog.beginRelease(0);
  for (const file of files) for (const s of parseFile(file).statements) catalog.apply(s);
  return catalog.maps();
}

const SERIALS: Record<string, string> = { serial2: 'int2', serial4: 'int4', serial8: 'int8' };

function type(t: TypeRef): object {
  return { name: SERIALS[t.name] ?? t.name, schema: t.schema, mods: t.mods, arrayDims: t.arrayDims };
}

/** Defaults as both write them: PostgreSQL adds casts (`'NL'::bpchar`, `'users_id_seq'::regclass`). */
function defaultText(expr: string | null): string | null {
  return expr === null ? null : expr.replace(/::[\w." ]+(\[\])?/g, '');
}

function column(rel: RelationModel, c: ColumnModel): object {
  // The static model does not type a view's columns.
  if (rel.kind === 'view' || rel.kind === 'materialized view') return {};
  return {
    type: type(c.type),
    notNull: c.notNull,
    default: defaultText(c.default),
    generated: c.generated,
    identity: c.identity,
  };
}

/**
 * The fields both models know. Objects PostgreSQL creates implicitly (indexes behind constraints,
 * sequences behind serial and identity columns) appear only where `reference` has them too.
 */
export function comparable(maps: CatalogMaps, reference: CatalogMaps): object {
  const sorted = <T>(m: Map<string, T>): Array<[string, T]> => [...m].sort(([a], [b]) => a.localeCompare(b));
  return {
    schemas: [...maps.schemas.keys()].sort(),
    relations: Object.fromEntries(
      sorted(maps.relations).map(([key, r]) => [
        key,
        {
          kind: r.kind,
          partitionOf: r.partitionOf ?? null,
          columns: Object.fromEntries(sorted(r.columns).map(([name, c]) => [name, column(r, c)])),
          constraints: Object.fromEntries(
            sorted(r.constraints).map(([name, c]) => [
              name,
              // A table-level CHECK names no columns in the static model; PostgreSQL lists those it reads.
              { kind: c.kind, validated: c.validated, ...(c.kind === 'check' ? {} : { columns: c.columns }) },
            ]),
          ),
        },
      ]),
    ),
    indexes: Object.fromEntries(
      sorted(maps.indexes)
        .filter(([key]) => reference.indexes.has(key))
        .map(([key, i]) => [key, { table: i.table, unique: i.unique, columns: i.columns }]),
    ),
    types: Object.fromEntries(
      sorted(maps.types).map(([key, t]) => [key, { kind: t.kind, values: t.values }]),
    ),
    sequences: sorted(maps.sequences)
      .map(([key]) => key)
      .filter((key) => reference.sequences.has(key)),
  };
}
