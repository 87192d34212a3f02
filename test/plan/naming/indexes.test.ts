import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser } from '../../../src/parse/libpg.js';
import { addToJournal, journalPath, tagOf } from '../../../src/plan/naming/drizzle-journal.js';
import { updateIndex, type IndexInput } from '../../../src/plan/naming/indexes.js';
import { addToPlan, sqitchSource } from '../../../src/plan/naming/sqitch-plan.js';
import { sqitchScripts } from '../../../src/plan/naming/sqitch-scripts.js';
import { expectParses } from '../helpers.js';

beforeAll(() => loadParser());

const entry = (idx: number, when: number, tag: string): Record<string, unknown> => ({
  idx,
  version: '7',
  when,
  tag,
  breakpoints: true,
});
const journal = (entries: unknown[], indent: string | number = 2, end = ''): string =>
  JSON.stringify({ version: '7', dialect: 'postgresql', entries }, null, indent) + end;
const entries = (update: ReturnType<typeof addToJournal>): unknown =>
  'content' in update ? (JSON.parse(update.content) as { entries: unknown }).entries : update;

describe('addToJournal', () => {
  const init = entry(0, 1000, '0000_init');
  const change = entry(1, 2000, '0001_change');

  it('inserts after the source, `when` just above it, and moves the following idx up only as needed', () => {
    const text = journal([init, change, entry(2, 5000, '0002_next'), entry(9, 6000, '0009_last')]);
    expect(entries(addToJournal(text, '0001_change', ['0003_change_later1', '0004_change_later2']))).toEqual([
      init,
      change,
      entry(2, 2001, '0003_change_later1'),
      entry(3, 2002, '0004_change_later2'),
      entry(4, 5000, '0002_next'),
      entry(9, 6000, '0009_last'),
    ]);
  });

  it('gives the same journal when the later entries are there already', () => {
    const text = journal([init, change, entry(2, 5000, '0002_next')], 2, '\n');
    const once = addToJournal(text, '0001_change', ['0003_change_later1']);
    expect('content' in once && addToJournal(once.content, '0001_change', ['0003_change_later1'])).toEqual(
      once,
    );
  });

  it('keeps the indent, line ends and (missing) trailing newline it found', () => {
    const tabs = addToJournal(journal([change], '\t'), '0001_change', ['x']);
    expect(tabs).toEqual({ content: journal([change, entry(2, 2001, 'x')], '\t') });
    const crlf = journal([change], 2, '\n').replace(/\n/g, '\r\n');
    expect(addToJournal(crlf, '0001_change', ['x'])).toEqual({
      content: journal([change, entry(2, 2001, 'x')], 2, '\n').replace(/\n/g, '\r\n'),
    });
    const compact = addToJournal(journal([change], 0), '0001_change', ['x']);
    expect(compact).toEqual({ content: journal([change, entry(2, 2001, 'x')], 0) });
  });

  it('refuses when no `when` fits between the source and the next entry', () => {
    const text = journal([change, entry(2, 2002, '0002_next')]);
    const update = addToJournal(text, '0001_change', ['a', 'b']);
    expect(update).toEqual({
      refused:
        'lists 0002_next after 0001_change with a `when` not above 2002, so no `when` fits between them; ' +
        'drizzle runs only migrations newer than the last one applied, so an entry placed there would be ' +
        'skipped or run out of order',
    });
  });

  it('refuses a journal it cannot read, saying why', () => {
    expect(addToJournal('{"entries": [', 's', ['x'])).toMatchObject({ refused: /^is not valid JSON \(/ });
    expect(addToJournal('{"version": "7"}', 's', ['x'])).toEqual({ refused: 'has no `entries` list' });
    expect(addToJournal(journal([init]), 's', ['x'])).toEqual({ refused: 'has no entry with tag "s"' });
    expect(addToJournal('{"entries":[{"tag":"s"}]}', 's', ['x'])).toEqual({
      refused: 'has no numeric `when` in the entry of "s"',
    });
  });

  it('finds the journal and tags of a migration', () => {
    expect(journalPath('drizzle/0001_x.sql')).toBe('drizzle/meta/_journal.json');
    expect(journalPath('0001_x.sql')).toBe('meta/_journal.json');
    expect(tagOf('drizzle/0001_x.sql')).toBe('0001_x');
  });
});

describe('addToPlan', () => {
  const by = '2024-01-02T10:00:00Z Ann Dev <ann@example.com>';
  const head = ['%project=app', '', `init ${by} # Init.`, `users [init] ${by} # Users.`];
  const later = (name: string): string => `${name} [users] ${by} # note ${name}`;
  const changes = [
    { name: 'users_later1', note: 'note users_later1' },
    { name: 'users_later2', note: 'note\nusers_later2' },
  ];

  it('enters the changes after the source and the tags that follow it', () => {
    const text = [...head, '', `@v1 ${by} # Tag.`, '# end', ''].join('\n');
    expect(addToPlan(text, 'users', changes)).toEqual({
      content: [
        ...head,
        '',
        `@v1 ${by} # Tag.`,
        later('users_later1'),
        later('users_later2'),
        '# end',
        '',
      ].join('\n'),
    });
  });

  it('gives the same plan when the changes are there, keeping their lines as written', () => {
    const text = [...head, later('users_later1'), `users_later2 [users] ${by} # edited`].join('\r\n');
    expect(addToPlan(text, 'users', changes)).toEqual({ content: text });
  });

  it('enters after the last instance of a reworked change', () => {
    const text = [...head, `@v1 ${by} # Tag.`, `users [users@v1] ${by} # Rework.`].join('\n');
    const update = addToPlan(text, 'users', changes.slice(0, 1));
    expect(update).toEqual({ content: [text, `users_later1 [users] ${by} # note users_later1`].join('\n') });
  });

  it('refuses to insert before another change (it would change every following change ID)', () => {
    const text = [...head, `orgs ${by} # Orgs.`].join('\n');
    expect(addToPlan(text, 'users', changes)).toMatchObject({
      refused: /^lists change "orgs" after "users"; sqitch hashes each change's ID from the change before it/,
    });
    expect(addToPlan(head.join('\n'), 'nope', changes)).toEqual({ refused: 'has no change "nope"' });
    expect(addToPlan('users [init]\n', 'users', changes)).toEqual({
      refused: 'has no timestamp and planner on the line of "users"',
    });
  });

  it('reads the project layout of a deploy script', () => {
    expect(sqitchSource('db/deploy/app/users.sql')).toEqual({ root: 'db/', change: 'app/users' });
    expect(sqitchSource('deploy/users.sql')).toEqual({ root: '', change: 'users' });
    expect(sqitchSource('migrations/001.sql')).toBeNull();
  });
});

describe('sqitchScripts', () => {
  const cases: Array<[string, string[], string[]]> = [
    [
      'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Uq" ON app.users (a)',
      ['DROP INDEX CONCURRENTLY IF EXISTS app."Uq";'],
      [
        `SELECT 1 / count(*) FROM pg_catalog.pg_index WHERE indexrelid = to_regclass('app."Uq"') AND indisvalid;`,
      ],
    ],
    [
      'ALTER TABLE app.users ADD CONSTRAINT "Uq" UNIQUE USING INDEX "Uq"',
      [
        '-- Drops the index the constraint took over, too.',
        'ALTER TABLE app.users DROP CONSTRAINT IF EXISTS "Uq";',
      ],
      [
        `SELECT 1 / count(*) FROM pg_catalog.pg_constraint WHERE conrelid = to_regclass('app.users') AND conname = 'Uq';`,
      ],
    ],
    [
      'DROP INDEX CONCURRENTLY IF EXISTS app.old_idx',
      [
        '-- Not reverted: the index app.old_idx this change dropped is not rebuilt here; write its CREATE INDEX by hand if needed.',
      ],
      [`SELECT 1 / (to_regclass('app.old_idx') IS NULL)::int;`],
    ],
    [
      'ANALYZE users',
      ['-- expand-contract: no revert is generated for this statement; write it by hand if needed.'],
      ['SELECT 1;'],
    ],
  ];
  it.each(cases)('%s', async (sql, revert, verify) => {
    const scripts = sqitchScripts(sql, 'c', null);
    expect(scripts).toEqual({
      revert: ['-- Revert c from pg', '', ...revert, ''].join('\n'),
      verify: ['-- Verify c on pg', '', ...verify, ''].join('\n'),
    });
    await expectParses(scripts.revert);
    await expectParses(scripts.verify);
  });
});

describe('updateIndex', () => {
  const step = { sql: 'CREATE INDEX CONCURRENTLY i ON t (a)', outsideTransaction: true, why: 'w' };
  const input = (over: Partial<IndexInput>): IndexInput => ({
    framework: 'drizzle',
    planId: 'ec-1',
    source: 'd/0001_x.sql',
    later: [{ ...step, path: 'd/0002_x_later1.sql' }],
    ...over,
  });

  it('says why an index was not updated', () => {
    expect(updateIndex(input({})).notes).toEqual([
      'd/meta/_journal.json was not read (no readIndex given), so it was not updated: add each later migration to it by hand.',
    ]);
    const throws = updateIndex(
      input({
        readIndex: () => {
          throw new Error('EACCES');
        },
      }),
    );
    expect([throws.indexed, throws.notes[0]]).toEqual([
      false,
      'd/meta/_journal.json could not be read, so it was not updated: add each later migration to it by hand.',
    ]);
    expect(updateIndex(input({ framework: 'sqitch' })).notes).toEqual([
      'd/0001_x.sql is not a sqitch deploy script; add the later changes with `sqitch add`',
    ]);
  });

  it('has nothing to do for frameworks without an index, or without later steps', () => {
    expect(updateIndex(input({ framework: 'goose', readIndex: () => '' }))).toEqual({
      indexed: false,
      index: null,
      extra: [[]],
      notes: [],
    });
    expect(updateIndex(input({ later: [] })).notes).toEqual([]);
  });
});
