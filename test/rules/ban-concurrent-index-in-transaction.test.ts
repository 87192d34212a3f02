import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'ban-concurrent-index-in-transaction';
const history = `CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE INDEX users_email_idx ON users (email);`;

describe(RULE, () => {
  it('reports CREATE INDEX CONCURRENTLY in a file the framework runs in a transaction', async () => {
    await expectFindings(
      RULE,
      'CREATE INDEX CONCURRENTLY users_id_idx ON users (id);',
      [
        {
          line: 1,
          column: 1,
          severity: 'error',
          breaking: false,
          object: 'public.users',
          lock: null,
          message:
            'CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and this file runs in one transaction, so PostgreSQL stops this migration with "ERROR: CREATE INDEX CONCURRENTLY cannot run inside a transaction block".',
        },
      ],
      { history, transactional: true },
    );
  });

  it('reports statements after an explicit BEGIN', async () => {
    await expectFindings(
      RULE,
      'BEGIN;\nDROP INDEX CONCURRENTLY users_email_idx;\nREINDEX TABLE CONCURRENTLY users;\nCOMMIT;\nCREATE INDEX CONCURRENTLY a ON users (id);',
      [
        {
          line: 2,
          object: 'public.users_email_idx',
          message:
            'DROP INDEX CONCURRENTLY cannot run inside a transaction block, and an explicit BEGIN opened one',
        },
        { line: 3, object: 'public.users', message: 'REINDEX CONCURRENTLY cannot run' },
      ],
      { history },
    );
  });

  it('reports it even on a table created in the same transaction (PostgreSQL refuses regardless)', async () => {
    await expectFindings(
      RULE,
      'CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY t_a ON t (a);',
      [{ line: 2, object: 'public.t' }],
      {
        transactional: true,
      },
    );
  });

  it('reports it inside a DO block', async () => {
    await expectFindings(
      RULE,
      'DO $$\nBEGIN\n  CREATE INDEX CONCURRENTLY users_id_idx ON users (id);\nEND\n$$;',
      [{ line: 3, message: 'cannot be executed from a function' }],
      { history },
    );
  });

  it('accepts concurrent statements outside a transaction', async () => {
    await expectNoFindings(
      RULE,
      'CREATE INDEX CONCURRENTLY a ON users (id);\nDROP INDEX CONCURRENTLY users_email_idx;\nREINDEX INDEX CONCURRENTLY a;',
      { history },
    );
  });

  it('accepts plain index statements in a transaction (other rules judge their locks)', async () => {
    await expectNoFindings(RULE, 'CREATE INDEX a ON users (id);\nDROP INDEX users_email_idx;', {
      history,
      transactional: true,
    });
  });
});
