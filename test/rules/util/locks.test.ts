import { beforeAll, describe, expect, it } from 'vitest';
import { StaticCatalog } from '../../../src/catalog/static-catalog.js';
import { loadParser, parseFile } from '../../../src/parse/index.js';
import {
  accessExclusiveOnExisting,
  blockedTraffic,
  conflicts,
  hasOption,
  heldLocks,
  lockArticle,
  strongest,
  tableLocks,
} from '../../../src/rules/util/locks.js';
import { LOCK_MODES, type LockMode, type Statement } from '../../../src/types.js';
import { unwrap } from '../../../src/parse/ast.js';

function parse(sql: string): Statement[] {
  return parseFile({
    path: 'x.sql',
    framework: 'sql',
    orderKey: 'x',
    transactional: false,
    sql,
    diagnostics: [],
  }).statements;
}

const HISTORY = `CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);
CREATE INDEX users_email_idx ON users (email);
CREATE INDEX orders_user_idx ON shop.orders (user_id);`;

/** A catalog holding HISTORY as already deployed, then `release` applied as the current release. */
function catalogWith(release = ''): StaticCatalog {
  const c = new StaticCatalog();
  c.beginRelease(0);
  for (const s of parse(HISTORY)) c.apply(s);
  c.beginRelease(1);
  for (const s of parse(release)) c.apply(s);
  return c;
}

/** `table mode` pairs of the one statement in `sql`. */
function locks(sql: string, catalog = catalogWith(), version = 16): string[] {
  const [s] = parse(sql);
  return tableLocks(s as Statement, catalog, version).map((l) => `${l.table.key} ${l.mode}`);
}

beforeAll(async () => {
  await loadParser();
});

describe('conflicts', () => {
  it('follows the PostgreSQL conflict table', () => {
    expect(conflicts('ACCESS SHARE', 'ACCESS EXCLUSIVE')).toBe(true);
    expect(conflicts('ACCESS SHARE', 'EXCLUSIVE')).toBe(false);
    expect(conflicts('ROW EXCLUSIVE', 'SHARE')).toBe(true);
    expect(conflicts('ROW EXCLUSIVE', 'ROW EXCLUSIVE')).toBe(false);
    expect(conflicts('SHARE', 'SHARE')).toBe(false);
    expect(conflicts('SHARE UPDATE EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE')).toBe(true);
    expect(conflicts('SHARE ROW EXCLUSIVE', 'SHARE ROW EXCLUSIVE')).toBe(true);
    expect(conflicts('EXCLUSIVE', 'ROW SHARE')).toBe(true);
    expect(conflicts('EXCLUSIVE', 'ACCESS SHARE')).toBe(false);
  });

  it('is symmetric, and ACCESS EXCLUSIVE conflicts with everything', () => {
    for (const a of LOCK_MODES) {
      expect(conflicts('ACCESS EXCLUSIVE', a)).toBe(true);
      for (const b of LOCK_MODES) expect(conflicts(a, b), `${a} / ${b}`).toBe(conflicts(b, a));
    }
  });
});

describe('lock words', () => {
  it('names what each mode blocks', () => {
    const blocked = (m: LockMode): string => blockedTraffic(m);
    expect(blocked('ACCESS EXCLUSIVE')).toBe('reads and writes');
    expect(blocked('SHARE')).toBe('writes');
    expect(blocked('SHARE ROW EXCLUSIVE')).toBe('writes');
    expect(blocked('EXCLUSIVE')).toBe('writes and SELECT ... FOR UPDATE');
    expect(blocked('SHARE UPDATE EXCLUSIVE')).toBe('schema changes, VACUUM and concurrent index builds');
    expect(blocked('ACCESS SHARE')).toBe('schema changes');
  });

  it('writes the article', () => {
    expect(lockArticle('ACCESS EXCLUSIVE')).toBe('an ACCESS EXCLUSIVE lock');
    expect(lockArticle('EXCLUSIVE')).toBe('an EXCLUSIVE lock');
    expect(lockArticle('SHARE')).toBe('a SHARE lock');
    expect(strongest('SHARE', 'ROW EXCLUSIVE')).toBe('SHARE');
  });
});

describe('tableLocks: ALTER TABLE', () => {
  it('takes ACCESS EXCLUSIVE for most subcommands', () => {
    expect(locks('ALTER TABLE users ADD COLUMN a int;')).toEqual(['public.users ACCESS EXCLUSIVE']);
    expect(locks('ALTER TABLE users ALTER COLUMN email TYPE varchar(100);')).toEqual([
      'public.users ACCESS EXCLUSIVE',
    ]);
    expect(locks('ALTER TABLE users ALTER COLUMN email SET NOT NULL;')).toEqual([
      'public.users ACCESS EXCLUSIVE',
    ]);
    expect(locks('ALTER TABLE users ALTER COLUMN email SET DEFAULT 1;')).toEqual([
      'public.users ACCESS EXCLUSIVE',
    ]);
    expect(locks('ALTER TABLE users ADD CONSTRAINT c CHECK (id > 0) NOT VALID;')).toEqual([
      'public.users ACCESS EXCLUSIVE',
    ]);
    expect(locks('ALTER TABLE users ENABLE ROW LEVEL SECURITY;')).toEqual(['public.users ACCESS EXCLUSIVE']);
    expect(locks('ALTER TABLE users OWNER TO app;')).toEqual(['public.users ACCESS EXCLUSIVE']);
  });

  it('takes SHARE UPDATE EXCLUSIVE for statistics, VALIDATE, CLUSTER ON and light storage parameters', () => {
    expect(locks('ALTER TABLE users ALTER COLUMN email SET STATISTICS 500;')).toEqual([
      'public.users SHARE UPDATE EXCLUSIVE',
    ]);
    expect(locks('ALTER TABLE users VALIDATE CONSTRAINT c;')).toEqual([
      'public.users SHARE UPDATE EXCLUSIVE',
    ]);
    expect(locks('ALTER TABLE users CLUSTER ON users_email_idx;')).toEqual([
      'public.users SHARE UPDATE EXCLUSIVE',
    ]);
    expect(locks('ALTER TABLE users SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01);')).toEqual([
      'public.users SHARE UPDATE EXCLUSIVE',
    ]);
    expect(locks('ALTER TABLE users SET (toast.autovacuum_enabled = false);')).toEqual([
      'public.users SHARE UPDATE EXCLUSIVE',
    ]);
    expect(locks('ALTER TABLE users ALTER COLUMN email SET (n_distinct = 100);')).toEqual([
      'public.users SHARE UPDATE EXCLUSIVE',
    ]);
  });

  it('takes ACCESS EXCLUSIVE for other storage parameters', () => {
    expect(locks('ALTER TABLE users SET (user_catalog_table = true);')).toEqual([
      'public.users ACCESS EXCLUSIVE',
    ]);
    expect(locks('ALTER TABLE users SET (fillfactor = 70, user_catalog_table = true);')).toEqual([
      'public.users ACCESS EXCLUSIVE',
    ]);
  });

  it('takes SHARE ROW EXCLUSIVE to enable or disable triggers', () => {
    expect(locks('ALTER TABLE users DISABLE TRIGGER ALL;')).toEqual(['public.users SHARE ROW EXCLUSIVE']);
    expect(locks('ALTER TABLE users ENABLE TRIGGER t;')).toEqual(['public.users SHARE ROW EXCLUSIVE']);
  });

  it('takes the strongest lock of all subcommands', () => {
    expect(locks('ALTER TABLE users ALTER email SET STATISTICS 100, ADD COLUMN b int;')).toEqual([
      'public.users ACCESS EXCLUSIVE',
    ]);
  });

  it('locks both tables of a new foreign key with SHARE ROW EXCLUSIVE', () => {
    expect(
      locks('ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id);'),
    ).toEqual(['public.orders SHARE ROW EXCLUSIVE', 'public.users SHARE ROW EXCLUSIVE']);
    expect(locks('ALTER TABLE orders ADD COLUMN owner_id bigint REFERENCES users;')).toEqual([
      'public.orders ACCESS EXCLUSIVE',
      'public.users SHARE ROW EXCLUSIVE',
    ]);
    // A self-reference keeps one entry.
    expect(locks('ALTER TABLE users ADD FOREIGN KEY (id) REFERENCES users (id);')).toEqual([
      'public.users SHARE ROW EXCLUSIVE',
    ]);
  });

  it('knows the partition commands and their versions', () => {
    expect(locks('ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES IN (2025);')).toEqual([
      'public.events SHARE UPDATE EXCLUSIVE',
      'public.events_2025 ACCESS EXCLUSIVE',
    ]);
    expect(
      locks('ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES IN (2025);', catalogWith(), 11),
    ).toEqual(['public.events ACCESS EXCLUSIVE', 'public.events_2025 ACCESS EXCLUSIVE']);
    expect(locks('ALTER TABLE events DETACH PARTITION events_2020;')).toEqual([
      'public.events ACCESS EXCLUSIVE',
      'public.events_2020 ACCESS EXCLUSIVE',
    ]);
    expect(locks('ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;')).toEqual([
      'public.events SHARE UPDATE EXCLUSIVE',
      'public.events_2020 SHARE UPDATE EXCLUSIVE',
    ]);
    expect(locks('ALTER TABLE events DETACH PARTITION events_2020 FINALIZE;')).toEqual([
      'public.events SHARE UPDATE EXCLUSIVE',
      'public.events_2020 SHARE UPDATE EXCLUSIVE',
    ]);
  });

  it('covers views and materialized views but not indexes or types', () => {
    expect(locks('ALTER VIEW v ALTER COLUMN a SET DEFAULT 1;')).toEqual(['public.v ACCESS EXCLUSIVE']);
    expect(locks('ALTER MATERIALIZED VIEW mv SET (fillfactor = 50);')).toEqual([
      'public.mv SHARE UPDATE EXCLUSIVE',
    ]);
    expect(locks('ALTER INDEX users_email_idx SET (fillfactor = 50);')).toEqual([]);
    expect(locks('ALTER TYPE pair ADD ATTRIBUTE c int;')).toEqual([]);
  });
});

describe('tableLocks: indexes', () => {
  it('CREATE INDEX takes SHARE, CONCURRENTLY takes SHARE UPDATE EXCLUSIVE', () => {
    expect(locks('CREATE UNIQUE INDEX i ON shop.orders (id);')).toEqual(['shop.orders SHARE']);
    expect(locks('CREATE INDEX CONCURRENTLY i ON users (email);')).toEqual([
      'public.users SHARE UPDATE EXCLUSIVE',
    ]);
  });

  it('DROP INDEX locks the index’s table, found through the schema model', () => {
    const [s] = parse('DROP INDEX users_email_idx;');
    expect(tableLocks(s as Statement, catalogWith())).toEqual([
      {
        table: { schema: 'public', name: 'users', key: 'public.users' },
        mode: 'ACCESS EXCLUSIVE',
        index: expect.objectContaining({ key: 'public.users_email_idx' }),
      },
    ]);
    expect(locks('DROP INDEX CONCURRENTLY users_email_idx;')).toEqual([
      'public.users SHARE UPDATE EXCLUSIVE',
    ]);
    expect(locks('DROP INDEX shop.orders_user_idx;')).toEqual(['shop.orders ACCESS EXCLUSIVE']);
  });

  it('DROP INDEX of an index the model does not know names the index itself', () => {
    expect(locks('DROP INDEX legacy_idx, other_idx;')).toEqual([
      'public.legacy_idx ACCESS EXCLUSIVE',
      'public.other_idx ACCESS EXCLUSIVE',
    ]);
  });

  it('REINDEX takes SHARE on the table, SHARE UPDATE EXCLUSIVE when concurrent, nothing for a schema', () => {
    expect(locks('REINDEX TABLE users;')).toEqual(['public.users SHARE']);
    expect(locks('REINDEX INDEX users_email_idx;')).toEqual(['public.users SHARE']);
    expect(locks('REINDEX TABLE CONCURRENTLY users;')).toEqual(['public.users SHARE UPDATE EXCLUSIVE']);
    expect(locks('REINDEX (CONCURRENTLY false) TABLE users;')).toEqual(['public.users SHARE']);
    expect(locks('REINDEX SCHEMA public;')).toEqual([]);
  });
});

describe('tableLocks: other statements', () => {
  it('DROP TABLE, TRUNCATE, renames and SET SCHEMA take ACCESS EXCLUSIVE', () => {
    expect(locks('DROP TABLE users, shop.orders;')).toEqual([
      'public.users ACCESS EXCLUSIVE',
      'shop.orders ACCESS EXCLUSIVE',
    ]);
    expect(locks('TRUNCATE users, orders;')).toEqual([
      'public.users ACCESS EXCLUSIVE',
      'public.orders ACCESS EXCLUSIVE',
    ]);
    expect(locks('ALTER TABLE users RENAME TO customers;')).toEqual(['public.users ACCESS EXCLUSIVE']);
    expect(locks('ALTER TABLE users RENAME COLUMN email TO mail;')).toEqual([
      'public.users ACCESS EXCLUSIVE',
    ]);
    expect(locks('ALTER TABLE users RENAME CONSTRAINT c TO d;')).toEqual(['public.users ACCESS EXCLUSIVE']);
    expect(locks('ALTER TABLE users SET SCHEMA archive;')).toEqual(['public.users ACCESS EXCLUSIVE']);
    expect(locks('ALTER INDEX users_email_idx RENAME TO users_mail_idx;')).toEqual([]);
  });

  it('VACUUM FULL and CLUSTER take ACCESS EXCLUSIVE; plain VACUUM and ANALYZE SHARE UPDATE EXCLUSIVE', () => {
    expect(locks('VACUUM FULL users;')).toEqual(['public.users ACCESS EXCLUSIVE']);
    expect(locks('VACUUM (FULL, ANALYZE) users, orders;')).toEqual([
      'public.users ACCESS EXCLUSIVE',
      'public.orders ACCESS EXCLUSIVE',
    ]);
    expect(locks('VACUUM (FULL off) users;')).toEqual(['public.users SHARE UPDATE EXCLUSIVE']);
    expect(locks('VACUUM users;')).toEqual(['public.users SHARE UPDATE EXCLUSIVE']);
    expect(locks('ANALYZE users;')).toEqual(['public.users SHARE UPDATE EXCLUSIVE']);
    expect(locks('VACUUM FULL;')).toEqual([]);
    expect(locks('CLUSTER users USING users_email_idx;')).toEqual(['public.users ACCESS EXCLUSIVE']);
    expect(locks('CLUSTER;')).toEqual([]);
  });

  it('triggers, policies, rules, statistics and comments', () => {
    expect(locks('CREATE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION f();')).toEqual([
      'public.users SHARE ROW EXCLUSIVE',
    ]);
    expect(locks('DROP TRIGGER t ON shop.orders;')).toEqual(['shop.orders ACCESS EXCLUSIVE']);
    expect(locks('CREATE POLICY p ON users USING (true);')).toEqual(['public.users ACCESS EXCLUSIVE']);
    expect(locks('DROP POLICY p ON users;')).toEqual(['public.users ACCESS EXCLUSIVE']);
    expect(locks('CREATE RULE r AS ON INSERT TO users DO NOTHING;')).toEqual([
      'public.users ACCESS EXCLUSIVE',
    ]);
    expect(locks('CREATE STATISTICS s ON id, email FROM users;')).toEqual([
      'public.users SHARE UPDATE EXCLUSIVE',
    ]);
    expect(locks("COMMENT ON TABLE users IS 'people';")).toEqual(['public.users SHARE UPDATE EXCLUSIVE']);
    expect(locks("COMMENT ON COLUMN shop.orders.id IS 'key';")).toEqual([
      'shop.orders SHARE UPDATE EXCLUSIVE',
    ]);
    expect(locks("COMMENT ON FUNCTION f() IS 'x';")).toEqual([]);
  });

  it('data changes take ROW EXCLUSIVE on their target', () => {
    expect(locks('UPDATE users SET email = lower(email);')).toEqual(['public.users ROW EXCLUSIVE']);
    expect(locks('DELETE FROM shop.orders WHERE id < 10;')).toEqual(['shop.orders ROW EXCLUSIVE']);
    expect(locks('INSERT INTO users (id) SELECT id FROM orders;')).toEqual(['public.users ROW EXCLUSIVE']);
    expect(locks('MERGE INTO users u USING orders o ON u.id = o.id WHEN MATCHED THEN DELETE;')).toEqual([
      'public.users ROW EXCLUSIVE',
    ]);
    expect(locks('SELECT * FROM users;')).toEqual([]);
  });

  it('LOCK TABLE takes the mode it names, ACCESS EXCLUSIVE by default', () => {
    expect(locks('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE;')).toEqual([
      'public.users SHARE ROW EXCLUSIVE',
    ]);
    expect(locks('LOCK users, orders;')).toEqual([
      'public.users ACCESS EXCLUSIVE',
      'public.orders ACCESS EXCLUSIVE',
    ]);
    expect(locks('LOCK TABLE users IN ACCESS SHARE MODE;')).toEqual(['public.users ACCESS SHARE']);
  });

  it('CREATE TABLE locks its parent and the tables it references, not itself', () => {
    expect(locks('CREATE TABLE events_2026 PARTITION OF events FOR VALUES IN (2026);')).toEqual([
      'public.events ACCESS EXCLUSIVE',
    ]);
    expect(locks('CREATE TABLE special () INHERITS (users);')).toEqual([
      'public.users SHARE UPDATE EXCLUSIVE',
    ]);
    expect(
      locks(
        'CREATE TABLE items (id int PRIMARY KEY, order_id bigint REFERENCES orders, parent int REFERENCES items, u bigint, FOREIGN KEY (u) REFERENCES users (id));',
      ),
    ).toEqual(['public.orders SHARE ROW EXCLUSIVE', 'public.users SHARE ROW EXCLUSIVE']);
    expect(locks('CREATE TEMP TABLE scratch () INHERITS (users);')).toEqual([
      'public.users SHARE UPDATE EXCLUSIVE',
    ]);
    expect(locks('CREATE TABLE plain (id int);')).toEqual([]);
  });

  it('materialized views and views', () => {
    expect(locks('REFRESH MATERIALIZED VIEW mv;')).toEqual(['public.mv ACCESS EXCLUSIVE']);
    expect(locks('REFRESH MATERIALIZED VIEW CONCURRENTLY mv;')).toEqual(['public.mv EXCLUSIVE']);
    const withView = catalogWith('CREATE VIEW v AS SELECT id FROM users;');
    expect(locks('CREATE OR REPLACE VIEW v AS SELECT id, email FROM users;', withView)).toEqual([
      'public.v ACCESS EXCLUSIVE',
    ]);
    expect(locks('CREATE OR REPLACE VIEW w AS SELECT id FROM users;')).toEqual([]);
  });

  it('returns nothing for statements without table locks, and never throws on odd nodes', () => {
    expect(locks('SET lock_timeout = 1000;')).toEqual([]);
    expect(locks('CREATE SCHEMA s;')).toEqual([]);
    const weird = {
      ...(parse('SELECT 1;')[0] as Statement),
      node: { AlterTableStmt: { objtype: 'OBJECT_TABLE', cmds: [{}] } },
      kind: 'AlterTableStmt',
    };
    expect(tableLocks(weird, catalogWith())).toEqual([]);
    const garbage = {
      ...(parse('SELECT 1;')[0] as Statement),
      node: { DropStmt: { removeType: 'OBJECT_INDEX', objects: [null, 3] } },
      kind: 'DropStmt',
    };
    expect(tableLocks(garbage, catalogWith())).toEqual([]);
  });

  it('points at the table name when the statement writes it', () => {
    const [s] = parse('TRUNCATE users;');
    expect(tableLocks(s as Statement, catalogWith())[0]?.location).toBe(9);
  });
});

describe('heldLocks and accessExclusiveOnExisting', () => {
  it('tells existing tables from tables created in the release', () => {
    const release = 'CREATE TABLE fresh (id int);';
    const catalog = catalogWith(release);
    const [s] = parse('LOCK fresh, users, never_seen;');
    expect(accessExclusiveOnExisting(s as Statement, catalog).map((l) => l.table.key)).toEqual([
      'public.users',
      'public.never_seen',
    ]);
  });

  it('treats an index created in the release as new, even on an old table', () => {
    const catalog = catalogWith('CREATE INDEX users_new_idx ON users (email);');
    const [s] = parse('DROP INDEX users_new_idx;');
    expect(heldLocks(s as Statement, catalog)).toEqual([expect.objectContaining({ existing: false })]);
  });

  it('remembers the first answer for a statement', () => {
    const [s] = parse('DROP INDEX users_email_idx;');
    const before = catalogWith();
    expect(heldLocks(s as Statement, before)[0]?.table.key).toBe('public.users');
    // The model moved past the drop: the index is gone, yet the statement's lock stays on users.
    expect(heldLocks(s as Statement, catalogWith('DROP INDEX users_email_idx;'))[0]?.table.key).toBe(
      'public.users',
    );
  });
});

describe('hasOption', () => {
  it('reads switched-on options', () => {
    const params = (sql: string): unknown => unwrap((parse(sql)[0] as Statement).node)[1].params;
    expect(hasOption(params('REINDEX (CONCURRENTLY) TABLE t;'), 'concurrently')).toBe(true);
    expect(hasOption(params('REINDEX (CONCURRENTLY true) TABLE t;'), 'concurrently')).toBe(true);
    expect(hasOption(params('REINDEX (CONCURRENTLY 0) TABLE t;'), 'concurrently')).toBe(false);
    expect(hasOption(params('REINDEX (VERBOSE) TABLE t;'), 'concurrently')).toBe(false);
    expect(hasOption(undefined, 'concurrently')).toBe(false);
  });
});
