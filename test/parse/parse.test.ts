import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, parseFile } from '../../src/parse/index.js';
import type { MigrationFile } from '../../src/types.js';

function file(sql: string, transactional = false): MigrationFile {
  return { path: 'm.sql', framework: 'sql', orderKey: 'm', transactional, sql, diagnostics: [] };
}

const places = (sql: string, transactional = false) =>
  parseFile(file(sql, transactional)).statements.map((s) => [s.kind, s.line, s.column]);

beforeAll(async () => {
  await loadParser();
});

describe('statement places', () => {
  it('puts each statement at its first keyword, after comments and blank lines', () => {
    expect(places('-- header\n\nCREATE TABLE a (id int);\n  /* note */ DROP TABLE b;\nSELECT 1;')).toEqual([
      ['CreateStmt', 3, 1],
      ['DropStmt', 4, 14],
      ['SelectStmt', 5, 1],
    ]);
  });

  it('counts columns in characters after multibyte text (libpg-query reports bytes)', () => {
    const sql = "-- Überarbeitung: größer 🚀\nCOMMENT ON TABLE a IS 'ünïcödé'; ALTER TABLE a DROP COLUMN b;";
    expect(places(sql)).toEqual([
      ['CommentStmt', 2, 1],
      ['AlterTableStmt', 2, 34],
    ]);
  });

  it('keeps lines with CRLF line ends', () => {
    expect(places('CREATE TABLE a (id int);\r\n\r\nDROP TABLE a;\r\n')).toEqual([
      ['CreateStmt', 1, 1],
      ['DropStmt', 3, 1],
    ]);
  });

  it('maps a clause location to its own line', () => {
    const [s] = parseFile(file('ALTER TABLE users\n  ADD COLUMN a int,\n  DROP COLUMN b;')).statements;
    const cmd = (s?.node.AlterTableStmt as { relation: { location: number } }).relation;
    expect(s?.locate(cmd.location)).toEqual({ line: 1, column: 13 });
  });

  it('keeps the statement text without the semicolon and the comments before it', () => {
    const p = parseFile(file('-- expand-contract-ignore x because\nDROP TABLE b ;\n'));
    expect(p.statements[0]?.text).toBe('DROP TABLE b');
    expect(p.statements[0]?.leadingComments).toEqual([
      { text: '-- expand-contract-ignore x because', line: 1 },
    ]);
  });

  it('reads an empty file as no statements', () => {
    expect(parseFile(file('')).statements).toEqual([]);
    expect(parseFile(file('-- only a comment\n')).statements).toEqual([]);
  });
});

describe('syntax errors', () => {
  it('reports the error at its line and still analyses the statements around it', () => {
    const p = parseFile(file('CREATE TABLE a (id int);\nALTER TABLEX a;\nDROP TABLE a;'));
    expect(p.statements.map((s) => [s.kind, s.line])).toEqual([
      ['CreateStmt', 1],
      ['DropStmt', 3],
    ]);
    expect(p.diagnostics).toEqual([
      expect.objectContaining({ rule: 'syntax-error', severity: 'error', line: 2, column: 7 }),
    ]);
    expect(p.diagnostics[0]?.message).toContain('syntax error at or near "TABLEX"');
  });

  it('survives an unterminated quote and keeps what comes before it', () => {
    const p = parseFile(file("CREATE TABLE a (id int);\nINSERT INTO a VALUES ('oops);\n"));
    expect(p.statements.map((s) => s.kind)).toEqual(['CreateStmt']);
    expect(p.diagnostics[0]).toMatchObject({ rule: 'syntax-error', line: 2 });
    expect(p.diagnostics[0]?.message).toContain('unterminated quoted string');
  });

  it('parses a BEGIN ATOMIC function body whose semicolons sit at top level, next to an error', () => {
    const sql = [
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;',
      'SELEC 1;',
      'DROP TABLE t;',
    ].join('\n');
    const p = parseFile(file(sql));
    expect(p.statements.map((s) => [s.kind, s.line])).toEqual([
      ['CreateFunctionStmt', 1],
      ['DropStmt', 3],
    ]);
    expect(p.diagnostics.map((d) => [d.rule, d.line])).toEqual([['syntax-error', 2]]);
  });
});

describe('psql-only input', () => {
  it('skips meta-commands with a warning at their line', () => {
    const p = parseFile(file('\\set ON_ERROR_STOP on\nCREATE TABLE a (id int);\n\\connect other\n'));
    expect(p.statements.map((s) => [s.kind, s.line])).toEqual([['CreateStmt', 2]]);
    expect(p.diagnostics.map((d) => [d.rule, d.line, d.severity])).toEqual([
      ['input-error', 1, 'warning'],
      ['input-error', 3, 'warning'],
    ]);
    expect(p.diagnostics[1]?.message).toContain('\\connect');
  });

  it('skips COPY FROM stdin data and analyses what follows', () => {
    const sql = 'COPY a (id, name) FROM stdin;\n1\tx; DROP TABLE nope;\n2\ty\n\\.\nDROP TABLE a;';
    const p = parseFile(file(sql));
    expect(p.statements.map((s) => [s.kind, s.line])).toEqual([
      ['CopyStmt', 1],
      ['DropStmt', 5],
    ]);
    expect(p.diagnostics).toEqual([
      expect.objectContaining({ rule: 'input-error', severity: 'notice', line: 1 }),
    ]);
  });

  it('reports COPY data that is never terminated', () => {
    const p = parseFile(file('COPY a FROM stdin;\n1\n2\n'));
    expect(p.diagnostics).toEqual([
      expect.objectContaining({ rule: 'input-error', severity: 'error', line: 1 }),
    ]);
  });
});

describe('PL/pgSQL', () => {
  const sql = [
    'DO $$',
    'BEGIN',
    "  IF EXISTS (SELECT 1 FROM information_schema.columns WHERE column_name = 'legacy') THEN",
    '    ALTER TABLE users DROP COLUMN legacy;',
    '  END IF;',
    "  EXECUTE 'ALTER TABLE users RENAME COLUMN a TO b';",
    "  EXECUTE format('DROP TABLE %I', tbl);",
    'END',
    '$$;',
  ].join('\n');

  it('analyses the static statements of a DO block at their own lines', () => {
    const p = parseFile(file(sql));
    expect(p.statements.map((s) => [s.kind, s.line, s.column, s.plpgsql?.dynamic])).toEqual([
      ['DoStmt', 1, 1, undefined],
      ['AlterTableStmt', 4, 5, false],
      ['RenameStmt', 6, 12, true],
    ]);
  });

  it('reports a dynamic EXECUTE it cannot read', () => {
    const p = parseFile(file(sql));
    expect(p.diagnostics).toEqual([expect.objectContaining({ rule: 'unanalysed-sql', line: 7, column: 11 })]);
  });

  it('places a clause inside a DO block statement', () => {
    const p = parseFile(file(sql));
    const alter = p.statements[1];
    const rel = (alter?.node.AlterTableStmt as { relation: { location: number } }).relation;
    expect(alter?.locate(rel.location)).toEqual({ line: 4, column: 17 });
  });

  it('reads nested blocks, loops and exception handlers', () => {
    const body = [
      'DO $body$',
      'DECLARE r record;',
      'BEGIN',
      '  FOR r IN SELECT 1 LOOP',
      '    BEGIN',
      '      CREATE INDEX i ON t (a);',
      '    EXCEPTION WHEN others THEN',
      '      DROP INDEX i;',
      '    END;',
      '  END LOOP;',
      'END $body$ LANGUAGE plpgsql;',
    ].join('\n');
    expect(places(body)).toEqual([
      ['DoStmt', 1, 1],
      ['IndexStmt', 6, 7],
      ['DropStmt', 8, 7],
    ]);
  });

  it('does not look inside DO blocks of other languages', () => {
    expect(places("DO LANGUAGE plperl $$ print 'x' $$;")).toEqual([['DoStmt', 1, 1]]);
  });

  it('reports an unparseable PL/pgSQL body', () => {
    const p = parseFile(file('DO $$ BEGIN IF THEN END $$;'));
    expect(p.diagnostics.map((d) => d.rule)).toEqual(['unanalysed-sql']);
  });
});

describe('transactions', () => {
  it('runs everything in one transaction when the framework wraps the file', () => {
    const s = parseFile(file('CREATE TABLE a (id int);\nDROP TABLE b;', true)).statements;
    expect(s.map((x) => [x.inTransaction, x.transactionId])).toEqual([
      [true, 1],
      [true, 1],
    ]);
  });

  it('follows explicit BEGIN and COMMIT in a plain file', () => {
    const s = parseFile(file('SELECT 1;\nBEGIN;\nSELECT 2;\nSELECT 3;\nCOMMIT;\nSELECT 4;')).statements;
    const tx = s.map((x) => [x.kind, x.inTransaction, x.transactionId]);
    expect(tx[0]).toEqual(['SelectStmt', false, 1]);
    expect(tx[2]?.[1]).toBe(true);
    expect(tx[2]?.[2]).toBe(tx[3]?.[2]);
    expect(tx[5]?.[1]).toBe(false);
    expect(tx[5]?.[2]).not.toBe(tx[2]?.[2]);
  });
});

describe('psql variables', () => {
  it('reads :"name", :\'name\' and :name in files psql runs', () => {
    const sql =
      'GRANT CONNECT ON DATABASE :"DBNAME" TO app;\nALTER ROLE app SET search_path = :\'schema\';\nCREATE SCHEMA :schema_name;\nSELECT a[1:2], x::int FROM t;';
    const p = parseFile({ ...file(sql), framework: 'sqitch' });
    expect(p.diagnostics).toEqual([]);
    expect(p.statements.map((s) => [s.kind, s.line])).toEqual([
      ['GrantStmt', 1],
      ['AlterRoleSetStmt', 2],
      ['CreateSchemaStmt', 3],
      ['SelectStmt', 4],
    ]);
  });

  it('leaves other frameworks alone', () => {
    const p = parseFile({ ...file('GRANT CONNECT ON DATABASE :"DBNAME" TO app;'), framework: 'flyway' });
    expect(p.diagnostics.map((d) => d.rule)).toEqual(['syntax-error']);
  });

  it('treats an empty text as no statements', () => {
    expect(parseFile(file(''))).toMatchObject({ statements: [], diagnostics: [] });
  });
});

describe('a COMMIT inside a file the framework wraps', () => {
  it('ends the framework transaction: what follows runs outside any transaction until a BEGIN', () => {
    const sql =
      'ALTER TABLE a ADD COLUMN b int;\nCOMMIT;\nCREATE INDEX CONCURRENTLY i ON a (b);\nBEGIN;\nSELECT 1;\nCOMMIT;';
    const s = parseFile(file(sql, true)).statements;
    expect(s.map((x) => [x.kind, x.inTransaction])).toEqual([
      ['AlterTableStmt', true],
      ['TransactionStmt', true],
      ['IndexStmt', false],
      ['TransactionStmt', true],
      ['SelectStmt', true],
      ['TransactionStmt', true],
    ]);
    expect(s[4]?.transactionId).not.toBe(s[0]?.transactionId);
  });

  it('keeps one transaction through a BEGIN nested in the framework transaction', () => {
    const s = parseFile(file('BEGIN;\nSELECT 1;\nSELECT 2;', true)).statements;
    expect(new Set(s.map((x) => x.transactionId)).size).toBe(1);
    expect(s.every((x) => x.inTransaction)).toBe(true);
  });
});
