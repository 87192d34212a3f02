import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history = 'CREATE SEQUENCE order_numbers;\nCREATE SCHEMA app;\nCREATE SEQUENCE app.ticket_seq;';

describe('ban-drop-sequence', () => {
  it('reports dropping an existing sequence', async () => {
    await expectFindings(
      'ban-drop-sequence',
      '\n\nDROP SEQUENCE order_numbers;',
      [
        {
          line: 3,
          column: 1,
          breaking: true,
          object: 'public.order_numbers',
          lock: 'ACCESS EXCLUSIVE',
          message: "still calls nextval('public.order_numbers')",
        },
      ],
      { history },
    );
  });

  it('reports schema-qualified and never-seen sequences, one finding each', async () => {
    await expectFindings(
      'ban-drop-sequence',
      'DROP SEQUENCE app.ticket_seq,\n  users_id_seq;',
      [{ object: 'app.ticket_seq' }, { object: 'public.users_id_seq' }],
      { history },
    );
  });

  it('reports a known sequence dropped and created again (its value restarts)', async () => {
    await expectFindings(
      'ban-drop-sequence',
      'DROP SEQUENCE order_numbers;\nCREATE SEQUENCE order_numbers;',
      [{ object: 'public.order_numbers' }],
      { history },
    );
  });

  it('ignores the sequence of a serial column whose default was dropped just before (Prisma, Django)', async () => {
    await expectNoFindings(
      'ban-drop-sequence',
      'ALTER TABLE "users" ALTER COLUMN "id" DROP DEFAULT;\nDROP SEQUENCE IF EXISTS "users_id_seq" CASCADE;',
      { history: 'CREATE TABLE users (id serial PRIMARY KEY);' },
    );
  });

  it('still reports the sequence of another column', async () => {
    await expectFindings(
      'ban-drop-sequence',
      'ALTER TABLE users ALTER COLUMN id DROP DEFAULT;\nDROP SEQUENCE users_code_seq;',
      [{ line: 2, object: 'public.users_code_seq' }],
      { history: 'CREATE TABLE users (id serial PRIMARY KEY);' },
    );
  });

  it('ignores a sequence created in the same release', async () => {
    await expectNoFindings('ban-drop-sequence', 'CREATE SEQUENCE s;\nDROP SEQUENCE s;');
  });

  it('ignores the idempotent "DROP SEQUENCE IF EXISTS x; CREATE SEQUENCE x" of a sequence never seen', async () => {
    await expectNoFindings('ban-drop-sequence', 'DROP SEQUENCE IF EXISTS s;\nCREATE SEQUENCE s;');
  });
});
