import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverPaths } from '../../src/discover/index.js';
import { FIXTURES, released, removeTree, tempTree } from './helpers.js';

const CWD = join(FIXTURES, 'supabase');

describe('supabase', () => {
  const temps: string[] = [];
  afterEach(async () => {
    await Promise.all(temps.splice(0).map(removeTree));
  });

  it('detects supabase/migrations, orders by timestamp, each file transactional', async () => {
    const files = released(await discoverPaths(['supabase/migrations'], {}, CWD));
    expect(files.map((f) => basename(f.path))).toEqual([
      '20240101000000_init.sql',
      '20240201000000_profile_avatar.sql',
    ]);
    expect(files.every((f) => f.framework === 'supabase' && f.transactional)).toBe(true);
  });

  it('gives the later file the earlier one as history', async () => {
    const input = await discoverPaths(['supabase/migrations/20240201000000_profile_avatar.sql'], {}, CWD);
    expect(input.history.map((f) => basename(f.path))).toEqual(['20240101000000_init.sql']);
  });

  it('explains a file the Supabase CLI skips for its name', async () => {
    const root = await tempTree({
      'supabase/migrations/20240101000000_init.sql': 'create table t ();\n',
      'supabase/migrations/fix.sql': 'drop table t;\n',
    });
    temps.push(root);
    const files = released(await discoverPaths([join(root, 'supabase/migrations')]));
    expect(files.map((f) => [basename(f.path), f.diagnostics[0]?.severity])).toEqual([
      ['20240101000000_init.sql', undefined],
      ['fix.sql', 'notice'],
    ]);
  });
});
