import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

describe('ban-char-field', () => {
  it('reports char(n), character(n), bare character and bpchar', async () => {
    await expectFindings(
      'ban-char-field',
      'CREATE TABLE countries (\n  code char(2),\n  name CHARACTER(40),\n  flag character,\n  iso bpchar\n);',
      [
        {
          line: 2,
          column: 8,
          object: 'public.countries.code',
          severity: 'warning',
          breaking: false,
          message:
            'Column `public.countries.code` is declared `char(2)`, which pads shorter values with spaces and ignores trailing spaces in comparisons, so values read back differ from what was written; declare it `text` with `CHECK (char_length(code) = 2)` if the length is fixed.',
        },
        { line: 3, column: 8, object: 'public.countries.name', message: '`char(40)`' },
        { line: 4, column: 8, object: 'public.countries.flag', message: '`char(1)`' },
        { line: 5, column: 7, object: 'public.countries.iso', message: '`char(1)`' },
      ],
    );
  });

  it('reports ADD COLUMN and ALTER COLUMN TYPE, quoting names in the advice', async () => {
    await expectFindings(
      'ban-char-field',
      'ALTER TABLE t ADD COLUMN "Code" char(3);\nALTER TABLE t ALTER COLUMN x TYPE char(5)[];',
      [
        { line: 1, column: 33, object: 'public.t.Code', message: 'CHECK (char_length("Code") = 3)' },
        { line: 2, column: 35, object: 'public.t.x', message: 'declare it `text`.' },
      ],
      { history: 'CREATE TABLE t (x text);' },
    );
  });

  it('ignores "char", varchar and text, and old char columns', async () => {
    await expectNoFindings(
      'ban-char-field',
      'CREATE TABLE a (kind "char", b varchar(10), c text);\nALTER TABLE t ALTER COLUMN code SET NOT NULL;',
      { history: 'CREATE TABLE t (code char(2));' },
    );
  });
});
