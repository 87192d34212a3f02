import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'require-concurrent-detach-partition';
const history = `CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);
CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');`;

describe(RULE, () => {
  it('reports DETACH PARTITION without CONCURRENTLY, at the partition', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE events DETACH PARTITION events_2020;',
      [
        {
          line: 1,
          column: 37,
          severity: 'warning',
          breaking: false,
          object: 'public.events_2020',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'Detaching partition `public.events_2020` without CONCURRENTLY takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `public.events` and `public.events_2020` while it waits for running queries and until it commits.',
        },
      ],
      { history },
    );
  });

  it('says that PostgreSQL before 14 has no concurrent form', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE events DETACH PARTITION events_2020;',
      [{ message: 'PostgreSQL 13 has no DETACH PARTITION CONCURRENTLY (it arrived in 14)' }],
      { history, postgresVersion: 13 },
    );
  });

  it('accepts DETACH PARTITION CONCURRENTLY and FINALIZE outside a transaction', async () => {
    await expectNoFindings(
      RULE,
      'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;\nALTER TABLE events DETACH PARTITION events_2020 FINALIZE;',
      { history },
    );
  });

  it('reports DETACH PARTITION CONCURRENTLY inside a transaction as an error', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;',
      [
        {
          severity: 'error',
          lock: null,
          object: 'public.events_2020',
          message: 'cannot run inside a transaction block',
        },
      ],
      { history, transactional: true },
    );
  });

  it('accepts a partitioned table created in the same release', async () => {
    await expectNoFindings(
      RULE,
      "CREATE TABLE logs (at date) PARTITION BY RANGE (at);\nCREATE TABLE logs_1 PARTITION OF logs FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');\nALTER TABLE logs DETACH PARTITION logs_1;",
      { history, transactional: true },
    );
  });
});
