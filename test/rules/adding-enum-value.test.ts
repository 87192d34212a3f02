import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history =
  "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\nCREATE TABLE people (id bigint, m mood);\nCREATE TABLE notes (id bigint, body text);";

describe('adding-enum-value', () => {
  it('reports ADD VALUE inside a transaction before PostgreSQL 12 as an error', async () => {
    await expectFindings(
      'adding-enum-value',
      "-- new mood\nALTER TYPE mood ADD VALUE 'meh';",
      [
        {
          line: 2,
          column: 1,
          object: 'public.mood',
          severity: 'error',
          breaking: false,
          lock: null,
          message:
            '`ALTER TYPE public.mood ADD VALUE` cannot run inside a transaction block on PostgreSQL 11 (before 12)',
        },
      ],
      { history, transactional: true, postgresVersion: 11 },
    );
  });

  it('accepts ADD VALUE outside a transaction before PostgreSQL 12, and inside one from 12 on', async () => {
    await expectNoFindings('adding-enum-value', "ALTER TYPE mood ADD VALUE 'meh';", {
      history,
      postgresVersion: 11,
    });
    await expectNoFindings('adding-enum-value', "ALTER TYPE mood ADD VALUE 'meh';", {
      history,
      transactional: true,
    });
  });

  it('reports the new value used later in the same transaction', async () => {
    await expectFindings(
      'adding-enum-value',
      "ALTER TYPE mood ADD VALUE 'meh';\nINSERT INTO notes VALUES (1, 'meh');\nUPDATE people SET m = 'meh' WHERE m = 'ok';",
      [
        {
          line: 1,
          column: 1,
          object: 'public.mood',
          severity: 'error',
          message: "The new value 'meh' of `public.mood` is used on line 3",
        },
      ],
      { history, transactional: true },
    );
  });

  it('reports a use through a cast or in a table we know nothing about', async () => {
    await expectFindings(
      'adding-enum-value',
      "BEGIN;\nALTER TYPE mood ADD VALUE 'meh';\nSELECT 'meh'::mood;\nCOMMIT;",
      [{ line: 2, message: 'is used on line 3' }],
      { history },
    );
    await expectFindings(
      'adding-enum-value',
      "ALTER TYPE mood ADD VALUE 'meh';\nUPDATE legacy SET state = 'meh';",
      [{ line: 1, message: 'is used on line 2' }],
      { history, transactional: true },
    );
  });

  it('accepts a use in a later transaction or of a type created in the same transaction', async () => {
    await expectNoFindings(
      'adding-enum-value',
      "BEGIN;\nALTER TYPE mood ADD VALUE 'meh';\nCOMMIT;\nUPDATE people SET m = 'meh';",
      { history },
    );
    await expectNoFindings(
      'adding-enum-value',
      "CREATE TYPE size AS ENUM ('s');\nALTER TYPE size ADD VALUE 'm';\nCREATE TABLE shirts (s size DEFAULT 'm');",
      { transactional: true, postgresVersion: 11 },
    );
  });

  it('reports BEFORE/AFTER placement among existing values as a notice', async () => {
    await expectFindings(
      'adding-enum-value',
      "ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';\nALTER TYPE public.mood ADD VALUE 'great' AFTER 'ok';",
      [
        {
          line: 1,
          column: 1,
          object: 'public.mood',
          severity: 'notice',
          message:
            "`ADD VALUE 'meh' BEFORE 'ok'` puts the new value among the existing ones of `public.mood`",
        },
        { line: 2, severity: 'notice', message: "`ADD VALUE 'great' AFTER 'ok'`" },
      ],
      { history },
    );
  });

  it('accepts AFTER the last value, a type new in this release, and IF NOT EXISTS of a value it has', async () => {
    await expectNoFindings(
      'adding-enum-value',
      [
        "ALTER TYPE mood ADD VALUE 'ecstatic' AFTER 'happy';",
        "CREATE TYPE size AS ENUM ('s', 'l');",
        "ALTER TYPE size ADD VALUE 'm' BEFORE 'l';",
        "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok' BEFORE 'sad';",
        "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';",
      ].join('\n'),
      { history },
    );
  });
});
