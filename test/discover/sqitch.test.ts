import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPlan } from '../../src/discover/frameworks/sqitch.js';
import { discoverPaths } from '../../src/discover/index.js';
import { FIXTURES, expectSameShape, released, removeTree, tempTree } from './helpers.js';

const CWD = join(FIXTURES, 'sqitch');

describe('sqitch', () => {
  const temps: string[] = [];
  afterEach(async () => {
    await Promise.all(temps.splice(0).map(removeTree));
  });

  it('follows sqitch.plan, runs the reworked change from name@tag.sql first, and skips revert/verify', async () => {
    const files = released(await discoverPaths(['.'], {}, CWD));
    expect(files.map((f) => f.path)).toEqual([
      'deploy/users@v1.sql',
      'deploy/users_email.sql',
      'deploy/users.sql',
    ]);
    expect(files.every((f) => f.framework === 'sqitch' && !f.transactional)).toBe(true);
    expect(files.flatMap((f) => f.diagnostics)).toEqual([]);
    for (const f of files) expectSameShape(await readFile(join(CWD, f.path), 'utf8'), f.sql);
  });

  it('finds the plan above a deploy script named alone and gives it the earlier changes as history', async () => {
    const input = await discoverPaths(['deploy/users.sql'], {}, CWD);
    expect(input.history.map((f) => f.path)).toEqual(['deploy/users@v1.sql', 'deploy/users_email.sql']);
    expect(released(input).map((f) => f.path)).toEqual(['deploy/users.sql']);
  });

  it('explains a revert script named on the command line', async () => {
    const [revert] = released(await discoverPaths(['revert/users.sql'], {}, CWD));
    expect(revert?.diagnostics[0]?.message).toContain('revert script');
  });

  it('explains a deploy script that the plan does not list', async () => {
    const root = await tempTree({
      'sqitch.plan': '%project=x\n\na 2024-01-01T00:00:00Z A <a@example.com> # a\n',
      'deploy/a.sql': 'BEGIN; CREATE TABLE a (); COMMIT;\n',
      'deploy/b.sql': 'BEGIN; CREATE TABLE b (); COMMIT;\n',
    });
    temps.push(root);
    const files = released(await discoverPaths([root]));
    expect(files.map((f) => [f.path.slice(root.length + 1), f.diagnostics.length])).toEqual([
      ['deploy/a.sql', 0],
      ['deploy/b.sql', 1],
    ]);
    expect(files[1]?.diagnostics[0]?.message).toContain('not a change in sqitch.plan');
  });

  it('reads reworks: each earlier instance is named after a tag before the next one', () => {
    const plan = [
      '%syntax-version=1.0.0',
      'f 2024-01-01T00:00:00Z A <a@x> # one',
      '@t1 2024-01-02T00:00:00Z A <a@x> # tag',
      'g 2024-01-02T00:00:00Z A <a@x> # other',
      '@t2 2024-01-03T00:00:00Z A <a@x> # tag',
      'f [f@t2] 2024-01-04T00:00:00Z A <a@x> # two',
      '@t3 2024-01-05T00:00:00Z A <a@x> # tag',
      'f [f@t3] 2024-01-06T00:00:00Z A <a@x> # three',
      '',
    ].join('\n');
    expect(readPlan(plan)).toEqual([
      { name: 'f', reworkTags: ['t1', 't2'], last: false },
      { name: 'g', reworkTags: [], last: true },
      { name: 'f', reworkTags: ['t3'], last: false },
      { name: 'f', reworkTags: [], last: true },
    ]);
  });
});
