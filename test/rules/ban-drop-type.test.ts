import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history = `CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE SCHEMA app;
CREATE DOMAIN app.email AS text CHECK (VALUE LIKE '%@%');`;

describe('ban-drop-type', () => {
  it('reports dropping an existing enum, at the type name', async () => {
    await expectFindings(
      'ban-drop-type',
      'SELECT 1;\nDROP TYPE   mood;',
      [
        {
          line: 2,
          column: 13,
          statementLine: 2,
          breaking: true,
          object: 'public.mood',
          lock: null,
          message:
            'Dropping enum type `public.mood` breaks the running release wherever it still casts to it (`$1::mood`)',
        },
      ],
      { history },
    );
  });

  it('reports a schema-qualified domain', async () => {
    await expectFindings(
      'ban-drop-type',
      'DROP DOMAIN app.email;',
      [{ line: 1, column: 13, object: 'app.email', message: 'Dropping domain `app.email`' }],
      { history },
    );
  });

  it('says that CASCADE drops the columns using it, with the table lock', async () => {
    await expectFindings(
      'ban-drop-type',
      'DROP TYPE mood CASCADE;',
      [{ object: 'public.mood', lock: 'ACCESS EXCLUSIVE', message: 'with CASCADE also drops every column' }],
      { history },
    );
  });

  it('reports each pre-existing type of a multi-type drop, skipping new ones', async () => {
    await expectFindings(
      'ban-drop-type',
      "CREATE TYPE tmp AS ENUM ('x');\nDROP TYPE tmp,\n  legacy_status;",
      [
        {
          line: 3,
          column: 3,
          object: 'public.legacy_status',
          message: 'Dropping type `public.legacy_status`',
        },
      ],
    );
  });

  it('ignores the old type of a Prisma-style enum swap (renamed in the same file)', async () => {
    await expectNoFindings(
      'ban-drop-type',
      [
        'ALTER TYPE "mood" RENAME TO "mood_old";',
        'CREATE TYPE "mood" AS ENUM (\'happy\');',
        'DROP TYPE "mood_old";',
      ].join('\n'),
      { history },
    );
  });

  it('ignores a type dropped and created again in the release', async () => {
    await expectNoFindings(
      'ban-drop-type',
      "DROP TYPE mood;\nCREATE TYPE mood AS ENUM ('happy', 'sad', 'meh');",
      {
        history,
      },
    );
  });

  it('ignores a type created in the same release', async () => {
    await expectNoFindings('ban-drop-type', "CREATE TYPE t AS ENUM ('a');\nDROP TYPE t;");
  });
});
