import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'adding-exclusion-constraint';
const history = 'CREATE TABLE bookings (id bigint PRIMARY KEY, room int, during tstzrange);';

describe(RULE, () => {
  it('reports ADD EXCLUDE on an existing table and says there is no concurrent way', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE bookings\n  ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);',
      [
        {
          line: 2,
          column: 7,
          severity: 'error',
          breaking: false,
          object: 'public.bookings.no_overlap',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'Adding exclusion constraint `no_overlap` builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes on `public.bookings` until the index is built, and PostgreSQL has no concurrent way to add one.',
        },
      ],
      { history, transactional: true },
    );
  });

  it('names an unnamed constraint as PostgreSQL does', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE bookings ADD EXCLUDE USING gist (during WITH &&);',
      [{ object: 'public.bookings.bookings_during_excl' }],
      { history },
    );
  });

  it('accepts a table created in the same release', async () => {
    await expectNoFindings(
      RULE,
      'CREATE TABLE t (r tstzrange);\nALTER TABLE t ADD EXCLUDE USING gist (r WITH &&);',
      { history },
    );
  });
});
