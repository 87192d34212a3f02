// The breaking flag on borderline statements, one per line: what an engineer reviewing a rolling deploy
// would say. Each file is one release against the history below.
import { it, expect } from 'vitest';
import { findings } from '../helpers/rule-tester.js';
const history = `CREATE TABLE orgs (id bigint PRIMARY KEY);
CREATE TABLE users (id int PRIMARY KEY, name varchar(50), email text, age int, status text DEFAULT 'active', org_id bigint, total numeric(10,2), seen timestamp);
CREATE INDEX users_email_idx ON users (email);
CREATE VIEW active_users AS SELECT id, name FROM users;
CREATE SEQUENCE invoice_no;
CREATE TYPE mood AS ENUM ('a','b');`;
const cases: Array<[string, boolean]> = [
  ['ALTER TABLE users ADD COLUMN x int NOT NULL DEFAULT 0;', false],
  ['ALTER TABLE users ALTER COLUMN name TYPE varchar(100);', false],
  ['ALTER TABLE users ALTER COLUMN name TYPE varchar(20);', true],
  ['ALTER TABLE users ALTER COLUMN name TYPE text;', false],
  ['ALTER TABLE users ALTER COLUMN email SET NOT NULL;', true],
  ['ALTER TABLE users ALTER COLUMN email DROP NOT NULL;', false],
  ['DROP INDEX users_email_idx;', false],
  ['ALTER TABLE users DROP CONSTRAINT users_pkey CASCADE;', false],
  ['ALTER TABLE users ADD CONSTRAINT age_pos CHECK (age > 0);', false],
  ['TRUNCATE users;', true],
  ["ALTER TYPE mood ADD VALUE 'c';", false],
  ['ALTER TABLE users ALTER COLUMN total TYPE numeric(12,2);', false],
  ['ALTER TABLE users ALTER COLUMN id TYPE bigint;', true],
  ['ALTER TABLE users ALTER COLUMN status DROP DEFAULT;', true],
  ["ALTER TABLE users ALTER COLUMN status SET DEFAULT 'x';", false],
  ['ALTER TABLE users ADD COLUMN y bigint REFERENCES orgs(id);', false],
  ['UPDATE users SET age = 1;', false],
  ['ALTER TABLE users RENAME TO people;\nCREATE VIEW users AS SELECT * FROM people;', false],
  ['DROP VIEW active_users;\nCREATE VIEW active_users AS SELECT id, name, email FROM users;', false],
  ['DROP VIEW active_users;', true],
  ['DROP SEQUENCE invoice_no;', true],
  ['ALTER TABLE users ALTER COLUMN age TYPE text USING age::text;', true],
  ['ALTER TABLE users RENAME COLUMN name TO full_name;', true],
  ['ALTER TABLE users ADD COLUMN z int;\nALTER TABLE users RENAME COLUMN z TO w;', false],
  ['ALTER TABLE users ADD COLUMN z int;\nALTER TABLE users ALTER COLUMN z SET NOT NULL;', true],
  ['ALTER TABLE users ADD COLUMN z int DEFAULT 1;\nALTER TABLE users ALTER COLUMN z SET NOT NULL;', false],
  [
    "ALTER TABLE users ALTER COLUMN status DROP DEFAULT;\nALTER TABLE users ALTER COLUMN status SET DEFAULT 'y';",
    false,
  ],
  ['CREATE TABLE t2 (a int);\nDROP TABLE t2;', false],
  ['ALTER TABLE users ADD COLUMN q int NOT NULL;', true],
  ['ALTER TABLE users ADD COLUMN q int GENERATED ALWAYS AS IDENTITY;', false],
  ['ALTER TABLE users DROP COLUMN email;', true],
  ['ALTER TABLE users SET SCHEMA archive;', true],
  ["ALTER TYPE mood RENAME VALUE 'a' TO 'z';", true],
  ['DROP TYPE mood;', true],
  ['DROP SCHEMA public CASCADE;', true],
  ['ALTER TABLE users ALTER COLUMN seen TYPE timestamptz;', true],
  ['ALTER TABLE users ADD CONSTRAINT u UNIQUE (email);', false],
  ['ALTER TABLE users ALTER COLUMN org_id SET DATA TYPE bigint;', false],
  ["COMMENT ON COLUMN users.email IS 'x';", false],
  ['DROP FUNCTION IF EXISTS f();', false],
  ['DROP TRIGGER IF EXISTS trg ON users;', false],
  ['ALTER TABLE users DROP COLUMN IF EXISTS nope;', false],
  ['REFRESH MATERIALIZED VIEW mv;', false],
  ['ALTER TABLE users ALTER COLUMN seen TYPE timestamp(3);', true],
  ['DROP TABLE users;', true],
];
it.each(cases)('%s -> breaking %s', async (sql, breaking) => {
  const f = await findings(sql, { history });
  const got = f.some((x) => x.breaking);
  expect(got, JSON.stringify(f.filter((x) => x.breaking).map((x) => x.rule))).toBe(breaking);
});
