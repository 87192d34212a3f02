import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history =
  "CREATE TYPE mood AS ENUM ('happy', 'sad');\nCREATE SCHEMA app;\nCREATE TYPE app.status AS ENUM ('on');";

describe('renaming-enum-value', () => {
  it('reports renaming a value of an existing enum', async () => {
    await expectFindings(
      'renaming-enum-value',
      "\nALTER TYPE mood\n  RENAME VALUE 'sad' TO 'unhappy';",
      [
        {
          line: 2,
          column: 1,
          breaking: true,
          object: 'public.mood',
          lock: null,
          message:
            "Renaming value 'sad' of enum `public.mood` to 'unhappy' breaks the running release, whose writes of 'sad' now fail with \"invalid input value for enum\"",
        },
      ],
      { history },
    );
  });

  it('reports schema-qualified and never-seen types', async () => {
    await expectFindings(
      'renaming-enum-value',
      "ALTER TYPE app.status RENAME VALUE 'on' TO 'active';\nALTER TYPE legacy RENAME VALUE 'a' TO 'b';",
      [{ object: 'app.status' }, { object: 'public.legacy' }],
      { history },
    );
  });

  it('ignores a type created in the same release, and ADD VALUE', async () => {
    await expectNoFindings(
      'renaming-enum-value',
      "CREATE TYPE t AS ENUM ('a');\nALTER TYPE t RENAME VALUE 'a' TO 'b';\nALTER TYPE mood ADD VALUE 'meh';",
      { history },
    );
  });
});
