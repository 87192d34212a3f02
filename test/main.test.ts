import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as core from './__fixtures__/core.js';

vi.mock('@actions/core', () => core);
const { run } = await import('../src/main.js');

const repo = resolve(import.meta.dirname, '..');

beforeEach(() => {
  vi.clearAllMocks();
  core.inputs.clear();
  core.summaryText.length = 0;
  process.env.GITHUB_WORKSPACE = repo;
  process.env.RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'ec-action-'));
  delete process.env.GITHUB_BASE_REF;
  // A push run: no pull request, no token; the migrations come from the input.
  process.env.GITHUB_EVENT_NAME = 'push';
  process.env.GITHUB_REPOSITORY = 'octo-org/octo-repo';
  process.env.GITHUB_SHA = '0123456789abcdef0123456789abcdef01234567';
});

describe('the Action', () => {
  it(
    'annotates the migration lines, sets the outputs, writes the report and fails on a breaking change',
    { timeout: 120_000 },
    async () => {
      core.inputs.set('migrations', 'examples/split-name/migrations/*.sql');
      await run();
      expect(core.error).toHaveBeenCalledWith(
        expect.stringContaining('Dropping column `public.users.full_name`'),
        {
          file: 'examples/split-name/migrations/002_split_full_name.sql',
          startLine: 9,
          startColumn: 19,
          title: 'ban-drop-column',
        },
      );
      expect(core.setOutput).toHaveBeenCalledWith('breaking', 'true');
      expect(core.setOutput).toHaveBeenCalledWith('findings', '3');
      const reportPath = core.setOutput.mock.calls.find((c) => c[0] === 'report')?.[1] as string;
      const report = JSON.parse(await readFile(reportPath, 'utf8')) as {
        version: number;
        findings: unknown[];
      };
      expect(report.version).toBe(1);
      expect(report.findings).toHaveLength(3);
      expect(core.summaryText.join('')).toContain('1 breaking change');
      expect(core.setFailed).toHaveBeenCalledWith(
        'expand-contract found 1 finding at or above fail-on: error; see the annotations and the job summary.',
      );
    },
  );

  it('passes with fail-on: never and still reports', { timeout: 120_000 }, async () => {
    core.inputs.set('migrations', 'examples/rename-column/migrations/*.sql');
    core.inputs.set('fail-on', 'never');
    await run();
    expect(core.setOutput).toHaveBeenCalledWith('breaking', 'true');
    expect(core.setFailed).not.toHaveBeenCalled();
  });

  it.each([
    ['fail-on', 'sometimes', "fail-on: 'sometimes' is not one of error, warning, never"],
    ['postgres-version', '9', "postgres-version: '9' is not a whole number from 10 to 18"],
  ])('fails the step with one line naming the bad input %s', async (name, value, message) => {
    core.inputs.set('migrations', 'examples/split-name/migrations/*.sql');
    core.inputs.set(name, value);
    await run();
    expect(core.setFailed).toHaveBeenCalledWith(message);
    expect(core.setOutput).not.toHaveBeenCalled();
  });
});

describe('the Action inputs', () => {
  it('fails the step with one line for a framework it does not know', async () => {
    core.inputs.set('migrations', 'examples/split-name/migrations/*.sql');
    core.inputs.set('framework', 'liquibase');
    await run();
    expect(core.setFailed).toHaveBeenCalledWith(
      "framework: 'liquibase' is not one of sql, prisma, golang-migrate, flyway, dbmate, goose, sqitch, supabase, drizzle",
    );
  });
});
