import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'adding-primary-key-constraint';
const history = `CREATE TABLE events (id bigint, code text NOT NULL, at timestamptz);
CREATE UNIQUE INDEX CONCURRENTLY events_id_idx ON events (id);
CREATE UNIQUE INDEX CONCURRENTLY events_code_idx ON events (code);`;

describe(RULE, () => {
  it('reports ADD PRIMARY KEY on an existing table, with the NULL check on a nullable column', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE events ADD PRIMARY KEY (id);',
      [
        {
          line: 1,
          column: 24,
          severity: 'error',
          breaking: false,
          object: 'public.events.events_pkey',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'Adding primary key `events_pkey` builds its index and checks every row for NULLs under an ACCESS EXCLUSIVE lock, blocking reads and writes on `public.events` until it finishes.',
        },
      ],
      { history, transactional: true },
    );
  });

  it('does not claim a NULL check on NOT NULL columns', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE events ADD CONSTRAINT pk PRIMARY KEY (code);',
      [
        {
          object: 'public.events.pk',
          message: 'Adding primary key `pk` builds its index under an ACCESS EXCLUSIVE lock',
        },
      ],
      { history },
    );
  });

  it('reports a PRIMARY KEY column added to an existing table', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE events ADD COLUMN event_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;',
      [{ object: 'public.events.events_pkey', message: 'Adding column `event_id` as PRIMARY KEY' }],
      { history },
    );
  });

  it('reports USING INDEX over nullable columns: SET NOT NULL scans the table', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_idx;',
      [{ message: 'USING INDEX sets NOT NULL on `id`, scanning every row of `public.events`' }],
      { history },
    );
  });

  it('accepts USING INDEX over NOT NULL columns', async () => {
    await expectNoFindings(
      RULE,
      'ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_code_idx;',
      { history },
    );
    await expectNoFindings(
      RULE,
      'ALTER TABLE events ALTER COLUMN id SET NOT NULL;\nALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_idx;',
      { history },
    );
  });

  it('accepts USING INDEX after a validated CHECK that may prove NOT NULL', async () => {
    await expectNoFindings(
      RULE,
      'ALTER TABLE events ADD CONSTRAINT id_nn CHECK (id IS NOT NULL) NOT VALID;\nALTER TABLE events VALIDATE CONSTRAINT id_nn;\nALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_idx;',
      { history },
    );
  });

  it('accepts a table created in the same release', async () => {
    await expectNoFindings(RULE, 'CREATE TABLE t (a int);\nALTER TABLE t ADD PRIMARY KEY (a);', {
      history,
      transactional: true,
    });
  });
});
