// Writes one large, realistic PostgreSQL migration for the benchmarks: a seeded mix of CREATE TABLE,
// ADD COLUMN, CREATE INDEX, DROP COLUMN, RENAME, UPDATE, DO blocks, functions, triggers, constraints and
// comments, that stays consistent with itself (a column is added before it is indexed, renamed or dropped).
//
//   node bench/generate.js [COUNT] [--seed N] [--out FILE]
//
// Without --out the file goes to a new temporary folder; the path is printed either way.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The statement kinds, with how often each appears (weights, not percentages). */
export const KIND_WEIGHTS = Object.freeze({
  'create-table': 8,
  'add-column': 16,
  'create-index': 12,
  'drop-column': 5,
  'rename-column': 4,
  'rename-table': 1,
  update: 9,
  insert: 5,
  'do-block': 4,
  'alter-column-type': 3,
  'set-not-null': 3,
  'set-default': 3,
  'add-check': 3,
  'add-foreign-key': 3,
  'validate-constraint': 2,
  'drop-index': 2,
  'create-function': 2,
  'create-trigger': 2,
  'comment-on': 3,
  'create-view': 2,
  'create-enum': 1,
  'add-enum-value': 1,
  grant: 2,
  'set-timeout': 2,
  'drop-table': 1,
});

export const KINDS = Object.freeze(Object.keys(KIND_WEIGHTS));

const NOUNS = [
  'account',
  'order',
  'invoice',
  'payment',
  'customer',
  'product',
  'session',
  'event',
  'message',
  'shipment',
  'review',
  'subscription',
  'team',
  'project',
  'document',
  'audit_log',
  'coupon',
  'address',
];
const WORDS = [
  'status',
  'email',
  'title',
  'amount',
  'note',
  'score',
  'region',
  'source',
  'label',
  'priority',
  'external_id',
  'metadata',
  'archived_at',
  'currency',
  'quantity',
  'owner_id',
  'slug',
  'version',
];
const TYPES = [
  'text',
  'integer',
  'bigint',
  'boolean',
  'timestamptz',
  'numeric(12,2)',
  'jsonb',
  'uuid',
  'varchar(255)',
  'date',
];
const ROLES = ['app_reader', 'app_writer', 'reporting'];

/** mulberry32: a small, fast, seeded PRNG (the same seed gives the same file on every machine). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generates a migration of exactly `count` top-level statements.
 * @param {number} count
 * @param {{ seed?: number }} [options]
 * @returns {{ sql: string, statements: number, kinds: Record<string, number> }}
 */
export function generateMigration(count, options = {}) {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, not ${count}`);
  const random = prng(options.seed ?? 42);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  let serial = 0;
  const next = () => ++serial;

  // A column knows whether it may hold NULLs (so SET NOT NULL is only emitted after a backfill) and
  // whether it is a foreign key (never given made-up values); a table knows whether it has rows.
  /** @type {{ name: string, type: string, notNull: boolean, maybeNull?: boolean, fk?: boolean }} Column */
  /** @type {{ name: string, columns: Column[], rows: boolean, pinned: boolean, triggered: boolean }[]} */
  const tables = [];
  /** @type {{ name: string, table: string }[]} */
  const indexes = [];
  /** @type {{ name: string, table: string, column: string }[]} */
  const unvalidated = [];
  /** @type {{ name: string, values: string[] }[]} */
  const enums = [];
  const functions = [];

  const core = new Set(['id', 'created_at', 'updated_at']);
  const userColumns = (t) => t.columns.filter((c) => !core.has(c.name));
  const dataColumns = (t) => t.columns.filter((c) => !core.has(c.name) && !c.fk);
  // A few random tries instead of a scan, so a 100,000-statement file stays linear to generate.
  const tableWith = (predicate) => {
    for (let i = 0; i < 24; i++) {
      const t = pick(tables);
      if (predicate(t)) return t;
    }
    return undefined;
  };

  const literal = (type) => {
    switch (type) {
      case 'text':
      case 'varchar(255)':
        return `'${pick(['pending', 'active', 'n/a', 'unknown', "o''brien"])}'`;
      case 'integer':
      case 'bigint':
        return String(Math.floor(random() * 1000));
      case 'boolean':
        return pick(['true', 'false']);
      case 'timestamptz':
        return pick(['now()', "'2024-01-01 00:00:00+00'"]);
      case 'numeric(12,2)':
        return (random() * 1000).toFixed(2);
      case 'jsonb':
        return `'{"v": ${Math.floor(random() * 10)}}'::jsonb`;
      case 'uuid':
        return 'gen_random_uuid()';
      case 'date':
        return 'current_date';
      default:
        if (enums.some((e) => e.name === type)) return `'${enums.find((e) => e.name === type).values[0]}'`;
        return 'NULL';
    }
  };

  const createTable = () => {
    const name = `${pick(NOUNS)}_${next()}`;
    const columns = [
      { name: 'id', type: 'bigint', notNull: true },
      { name: 'created_at', type: 'timestamptz', notNull: true },
      { name: 'updated_at', type: 'timestamptz', notNull: true },
    ];
    const extra = 1 + Math.floor(random() * 4);
    for (let i = 0; i < extra; i++)
      columns.push({ name: `${pick(WORDS)}_${next()}`, type: pick(TYPES), notNull: chance(0.3) });
    const defs = columns.map((c) => {
      if (c.name === 'id') return '  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY';
      if (core.has(c.name)) return `  ${c.name} timestamptz NOT NULL DEFAULT now()`;
      return `  ${c.name} ${c.type}${c.notNull ? ` NOT NULL DEFAULT ${literal(c.type)}` : ''}`;
    });
    tables.push({ name, columns, rows: false, pinned: false, triggered: false });
    const ifNotExists = chance(0.3) ? 'IF NOT EXISTS ' : '';
    return `CREATE TABLE ${ifNotExists}${name} (\n${defs.join(',\n')}\n);`;
  };

  const makers = {
    'create-table': createTable,
    'add-column': () => {
      const t = pick(tables);
      const type = pick([...TYPES, ...enums.map((e) => e.name)]);
      const column = { name: `${pick(WORDS)}_${next()}`, type, notNull: false, maybeNull: false };
      t.columns.push(column);
      const variant = random();
      if (variant < 0.5 || variant >= 0.9) column.maybeNull = t.rows;
      if (variant < 0.5) return `ALTER TABLE ${t.name} ADD COLUMN ${column.name} ${column.type};`;
      if (variant < 0.8)
        return `ALTER TABLE ${t.name} ADD COLUMN ${column.name} ${column.type} DEFAULT ${literal(column.type)};`;
      if (variant < 0.9) {
        column.notNull = true;
        return `ALTER TABLE ${t.name}\n  ADD COLUMN ${column.name} ${column.type} NOT NULL DEFAULT ${literal(column.type)};`;
      }
      return `ALTER TABLE ONLY public.${t.name} ADD COLUMN IF NOT EXISTS ${column.name} ${column.type};`;
    },
    'create-index': () => {
      const t = pick(tables);
      const column = pick(t.columns.filter((c) => c.type !== 'jsonb'));
      const name = `${t.name}_${column.name}_idx_${next()}`;
      indexes.push({ name, table: t.name });
      const concurrently = chance(0.5) ? 'CONCURRENTLY ' : '';
      const unique = chance(0.15) && column.name !== 'id';
      const keys = unique ? `${column.name}, id` : column.name;
      const where = chance(0.2) ? ` WHERE ${column.name} IS NOT NULL` : '';
      return `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${concurrently}${name} ON ${t.name} (${keys})${where};`;
    },
    'drop-column': () => {
      const t = tableWith((x) => userColumns(x).length > 0);
      if (!t) return undefined;
      const column = pick(userColumns(t));
      t.columns = t.columns.filter((c) => c !== column);
      // Dropping a column drops its constraints too: they can no longer be validated.
      for (let i = unvalidated.length - 1; i >= 0; i--) {
        if (unvalidated[i].table === t.name && unvalidated[i].column === column.name)
          unvalidated.splice(i, 1);
      }
      return `ALTER TABLE ${t.name} DROP COLUMN ${chance(0.3) ? 'IF EXISTS ' : ''}${column.name};`;
    },
    'rename-column': () => {
      const t = tableWith((x) => userColumns(x).length > 0);
      if (!t) return undefined;
      const column = pick(userColumns(t));
      const old = column.name;
      column.name = `${pick(WORDS)}_${next()}`;
      for (const c of unvalidated) if (c.table === t.name && c.column === old) c.column = column.name;
      return `ALTER TABLE ${t.name} RENAME COLUMN ${old} TO ${column.name};`;
    },
    'rename-table': () => {
      const t = pick(tables);
      const old = t.name;
      t.name = `${pick(NOUNS)}_${next()}`;
      for (const i of indexes) if (i.table === old) i.table = t.name;
      for (const c of unvalidated) if (c.table === old) c.table = t.name;
      return `ALTER TABLE ${old} RENAME TO ${t.name};`;
    },
    update: () => {
      const t = tableWith((x) => dataColumns(x).length > 0);
      if (!t) return undefined;
      const column = pick(dataColumns(t));
      const from = Math.floor(random() * 100_000);
      if (chance(0.5)) {
        column.maybeNull = false;
        return `UPDATE ${t.name} SET ${column.name} = ${literal(column.type)} WHERE ${column.name} IS NULL;`;
      }
      return `UPDATE ${t.name}\n   SET ${column.name} = ${literal(column.type)},\n       updated_at = now()\n WHERE id BETWEEN ${from} AND ${from + 9999};`;
    },
    insert: () => {
      const t = pick(tables);
      const columns = t.columns.filter((c) => c.name !== 'id');
      const rows = 1 + Math.floor(random() * 3);
      const values = [];
      for (let r = 0; r < rows; r++)
        values.push(`(${columns.map((c) => (c.fk ? 'NULL' : literal(c.type))).join(', ')})`);
      t.rows = true;
      return `INSERT INTO ${t.name} (${columns.map((c) => c.name).join(', ')})\nVALUES ${values.join(',\n       ')};`;
    },
    'do-block': () => {
      const t = tableWith((x) => dataColumns(x).length > 0);
      if (!t) return undefined;
      const column = pick(dataColumns(t));
      if (chance(0.5)) {
        column.maybeNull = false;
        return [
          'DO $$',
          'DECLARE',
          '  moved integer;',
          'BEGIN',
          '  LOOP',
          `    UPDATE ${t.name} SET ${column.name} = ${literal(column.type)}`,
          `     WHERE id IN (SELECT id FROM ${t.name} WHERE ${column.name} IS NULL LIMIT 1000);`,
          '    GET DIAGNOSTICS moved = ROW_COUNT;',
          '    EXIT WHEN moved = 0;',
          '  END LOOP;',
          'END',
          '$$;',
        ].join('\n');
      }
      const name = `${t.name}_${column.name}_idx_${next()}`;
      return [
        'DO $do$',
        'BEGIN',
        `  IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = '${name}') THEN`,
        `    EXECUTE format('CREATE INDEX %I ON %I (%I)', '${name}', '${t.name}', '${column.name}');`,
        '  END IF;',
        'END',
        '$do$;',
      ].join('\n');
    },
    'alter-column-type': () => {
      const t = tableWith((x) =>
        userColumns(x).some((c) => c.type === 'integer' || c.type === 'varchar(255)'),
      );
      if (!t) return undefined;
      const column = pick(userColumns(t).filter((c) => c.type === 'integer' || c.type === 'varchar(255)'));
      column.type = column.type === 'integer' ? 'bigint' : 'text';
      return `ALTER TABLE ${t.name} ALTER COLUMN ${column.name} TYPE ${column.type};`;
    },
    'set-not-null': () => {
      const fits = (c) => !c.notNull && !c.maybeNull && !c.fk;
      const t = tableWith((x) => userColumns(x).some(fits));
      if (!t) return undefined;
      const column = pick(userColumns(t).filter(fits));
      column.notNull = true;
      return `ALTER TABLE ${t.name} ALTER COLUMN ${column.name} SET NOT NULL;`;
    },
    'set-default': () => {
      const t = tableWith((x) => dataColumns(x).length > 0);
      if (!t) return undefined;
      const column = pick(dataColumns(t));
      return `ALTER TABLE ${t.name} ALTER COLUMN ${column.name} SET DEFAULT ${literal(column.type)};`;
    },
    'add-check': () => {
      const t = tableWith((x) => userColumns(x).some((c) => c.type === 'integer' || c.type === 'bigint'));
      if (!t) return undefined;
      const column = pick(userColumns(t).filter((c) => c.type === 'integer' || c.type === 'bigint'));
      const name = `${t.name}_${column.name}_check_${next()}`;
      const notValid = chance(0.5);
      if (notValid) unvalidated.push({ name, table: t.name, column: column.name });
      return `ALTER TABLE ${t.name} ADD CONSTRAINT ${name} CHECK (${column.name} >= 0)${notValid ? ' NOT VALID' : ''};`;
    },
    'add-foreign-key': () => {
      if (tables.length < 2) return undefined;
      const child = pick(tables);
      const parent = tableWith((x) => x !== child);
      if (!parent) return undefined;
      const column = { name: `${parent.name}_id_${next()}`, type: 'bigint', notNull: false, fk: true };
      child.columns.push(column);
      parent.pinned = true;
      const name = `${child.name}_${column.name}_fkey`;
      const notValid = chance(0.6);
      if (notValid) unvalidated.push({ name, table: child.name, column: column.name });
      return (
        `ALTER TABLE ${child.name}\n  ADD COLUMN ${column.name} bigint,\n` +
        `  ADD CONSTRAINT ${name} FOREIGN KEY (${column.name}) REFERENCES ${parent.name} (id)` +
        `${chance(0.3) ? ' ON DELETE CASCADE' : ''}${notValid ? ' NOT VALID' : ''};`
      );
    },
    'validate-constraint': () => {
      const c = unvalidated.shift();
      if (!c) return undefined;
      return `ALTER TABLE ${c.table} VALIDATE CONSTRAINT ${c.name};`;
    },
    'drop-index': () => {
      if (indexes.length === 0) return undefined;
      const [index] = indexes.splice(Math.floor(random() * indexes.length), 1);
      return `DROP INDEX ${chance(0.5) ? 'CONCURRENTLY ' : ''}IF EXISTS ${index.name};`;
    },
    'create-function': () => {
      const name = `touch_updated_at_${next()}`;
      functions.push(name);
      return [
        `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger`,
        'LANGUAGE plpgsql AS $$',
        'BEGIN',
        '  NEW.updated_at := now();',
        '  RETURN NEW;',
        'END;',
        '$$;',
      ].join('\n');
    },
    'create-trigger': () => {
      const t = tableWith((x) => !x.triggered);
      if (!t || functions.length === 0) return undefined;
      t.triggered = true;
      return `CREATE TRIGGER ${t.name}_touch_${next()} BEFORE UPDATE ON ${t.name}\n  FOR EACH ROW EXECUTE FUNCTION ${pick(functions)}();`;
    },
    'comment-on': () => {
      const t = pick(tables);
      if (chance(0.5))
        return `COMMENT ON TABLE ${t.name} IS 'Generated table ${t.name}; it''s for benchmarks.';`;
      return `COMMENT ON COLUMN ${t.name}.${pick(t.columns).name} IS 'Benchmark column';`;
    },
    'create-view': () => {
      const t = pick(tables);
      t.pinned = true;
      return `CREATE OR REPLACE VIEW ${t.name}_recent_${next()} AS\n  SELECT id, created_at FROM ${t.name}\n  WHERE created_at > now() - interval '7 days';`;
    },
    'create-enum': () => {
      const name = `${pick(WORDS)}_kind_${next()}`;
      const values = ['draft', 'open', 'closed'];
      enums.push({ name, values });
      return `CREATE TYPE ${name} AS ENUM (${values.map((v) => `'${v}'`).join(', ')});`;
    },
    'add-enum-value': () => {
      if (enums.length === 0) return undefined;
      const e = pick(enums);
      const value = `state_${next()}`;
      e.values.push(value);
      return `ALTER TYPE ${e.name} ADD VALUE IF NOT EXISTS '${value}';`;
    },
    grant: () => {
      const t = pick(tables);
      return `GRANT SELECT${chance(0.5) ? ', INSERT, UPDATE' : ''} ON ${t.name} TO ${pick(ROLES)};`;
    },
    'set-timeout': () =>
      chance(0.5)
        ? `SET lock_timeout = '${pick([1, 2, 5])}s';`
        : `SET statement_timeout = '${pick([5, 15, 60])}min';`,
    'drop-table': () => {
      const t = tableWith((x) => !x.pinned);
      if (!t || tables.length < 4) return undefined;
      tables.splice(tables.indexOf(t), 1);
      for (let i = indexes.length - 1; i >= 0; i--) if (indexes[i].table === t.name) indexes.splice(i, 1);
      for (let i = unvalidated.length - 1; i >= 0; i--)
        if (unvalidated[i].table === t.name) unvalidated.splice(i, 1);
      return `DROP TABLE ${chance(0.5) ? 'IF EXISTS ' : ''}${t.name};`;
    },
  };

  const total = KINDS.reduce((sum, k) => sum + KIND_WEIGHTS[k], 0);
  const drawKind = () => {
    let r = random() * total;
    for (const k of KINDS) {
      r -= KIND_WEIGHTS[k];
      if (r < 0) return k;
    }
    return KINDS[KINDS.length - 1];
  };

  const kinds = Object.fromEntries(KINDS.map((k) => [k, 0]));
  const parts = [`-- Generated by bench/generate.js: ${count} statements, seed ${options.seed ?? 42}.`];
  for (let n = 0; n < count; n++) {
    let kind = tables.length === 0 ? 'create-table' : drawKind();
    let statement = makers[kind]();
    if (statement === undefined) {
      kind = 'create-table';
      statement = createTable();
    }
    kinds[kind] += 1;
    const roll = random();
    if (roll < 0.12) parts.push(`-- Step ${n + 1}: ${kind.replace(/-/g, ' ')}`);
    else if (roll < 0.15)
      parts.push(`/*\n * ${kind} for ticket BENCH-${next()}.\n * Reviewed; see the runbook.\n */`);
    parts.push(statement);
  }
  return { sql: `${parts.join('\n\n')}\n`, statements: count, kinds };
}

/**
 * Writes a generated migration to `file`, or to a new temporary folder when `file` is not given.
 * @param {number} count
 * @param {{ seed?: number, file?: string }} [options]
 * @returns {string} the path written
 */
export function writeMigration(count, options = {}) {
  const file =
    options.file ?? join(mkdtempSync(join(tmpdir(), 'expand-contract-bench-')), `generated-${count}.sql`);
  writeFileSync(file, generateMigration(count, options).sql);
  return file;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { seed: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write('Usage: node bench/generate.js [COUNT=10000] [--seed N] [--out FILE]\n');
  } else {
    const count = Number(positionals[0] ?? 10_000);
    const file = writeMigration(count, {
      ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}),
      ...(values.out !== undefined ? { file: resolve(values.out) } : {}),
    });
    process.stdout.write(`${file}\n`);
  }
}
