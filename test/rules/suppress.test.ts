// Ignore directives, through the engine: which findings they silence and what they report themselves.
import { describe, expect, it } from 'vitest';
import { analyze, DEFAULT_OPTIONS } from '../../src/engine.js';
import type { Finding, MigrationFile, Report } from '../../src/types.js';
import { RULES } from '../../src/rules/index.js';
import { findings as allFindings, type RunOptions } from '../helpers/rule-tester.js';

const history = 'CREATE TABLE users (id int, full_name text);';
const TODAY = '2026-01-01';
/** Every rule but ban-drop-column is off, so that only directives and that rule report. */
const rules = Object.fromEntries(
  RULES.filter((r) => r.meta.id !== 'ban-drop-column').map((r) => [r.meta.id, { severity: 'off' as const }]),
);

function findings(sql: string, opts: RunOptions = {}): Promise<Finding[]> {
  return allFindings(sql, { ...opts, rules });
}

/** The full report (findings and suppressed) for one changed file after the history above. */
async function report(sql: string, opts: { today?: string; history?: string } = {}): Promise<Report> {
  const file = (path: string, text: string): MigrationFile => ({
    path,
    framework: 'sql',
    orderKey: path,
    transactional: false,
    sql: text,
    diagnostics: [],
  });
  return analyze(
    {
      history: [file('000_history.sql', opts.history ?? history)],
      releases: [[file('001_change.sql', sql)]],
    },
    { ...DEFAULT_OPTIONS, rules, today: opts.today ?? TODAY },
  );
}

/** rule@line for each finding, in report order. */
function where(list: Finding[]): string[] {
  return list.map((f) => `${f.rule}@${f.line}`);
}

describe('statement-level ignore', () => {
  it('silences the named rule on the next statement only', async () => {
    const r = await report(
      [
        '-- expand-contract-ignore ban-drop-column contract phase of PR #41, release 12 no longer reads it',
        'ALTER TABLE users DROP COLUMN full_name;',
        'ALTER TABLE users DROP COLUMN id;',
      ].join('\n'),
    );
    expect(where(r.findings)).toEqual(['ban-drop-column@3']);
    expect(where(r.suppressed)).toEqual(['ban-drop-column@2']);
    expect(r.suppressed[0]?.suppressed).toEqual({
      reason: 'contract phase of PR #41, release 12 no longer reads it',
    });
  });

  it('does not silence another rule on the same statement', async () => {
    const r = await report(
      '-- expand-contract-ignore ban-drop-table not this one\nALTER TABLE users DROP COLUMN full_name;',
    );
    expect(where(r.findings)).toEqual(['unused-ignore@1', 'ban-drop-column@2']);
    expect(r.suppressed).toEqual([]);
  });

  it('accepts a comma-separated list of rules', async () => {
    const r = await report(
      '-- expand-contract-ignore ban-drop-table,ban-drop-column two rules, one reason\nALTER TABLE users DROP COLUMN full_name;',
    );
    expect(r.findings).toEqual([]);
    expect(r.suppressed).toMatchObject([
      { rule: 'ban-drop-column', line: 2, suppressed: { reason: 'two rules, one reason' } },
    ]);
  });

  it('accepts `all` for every rule', async () => {
    const r = await report(
      '-- expand-contract-ignore all reviewed by the DBA team\nALTER TABLE users DROP COLUMN full_name;',
    );
    expect(r.findings).toEqual([]);
    expect(where(r.suppressed)).toEqual(['ban-drop-column@2']);
  });

  it('works with blank lines and other comments between it and the statement', async () => {
    const r = await report(
      '-- expand-contract-ignore ban-drop-column reviewed\n\n-- drop the old name\nALTER TABLE users DROP COLUMN full_name;',
    );
    expect(r.findings).toEqual([]);
    expect(where(r.suppressed)).toEqual(['ban-drop-column@4']);
  });

  it('applies to a statement that is not the first of the file', async () => {
    const r = await report(
      [
        'ALTER TABLE users ADD COLUMN display_name text;',
        '-- expand-contract-ignore ban-drop-column reviewed',
        'ALTER TABLE users DROP COLUMN full_name;',
      ].join('\n'),
    );
    expect(r.findings).toEqual([]);
    expect(where(r.suppressed)).toEqual(['ban-drop-column@3']);
  });

  it('applies inside an explicit transaction block', async () => {
    const r = await report(
      'BEGIN;\n-- expand-contract-ignore ban-drop-column reviewed\nALTER TABLE users DROP COLUMN full_name;\nCOMMIT;',
    );
    expect(r.findings).toEqual([]);
    expect(where(r.suppressed)).toEqual(['ban-drop-column@3']);
  });

  it('above a DO block, covers the statements the block runs', async () => {
    const r = await report(
      '-- expand-contract-ignore ban-drop-column reviewed\nDO $$\nBEGIN\n  ALTER TABLE users DROP COLUMN full_name;\nEND\n$$;',
    );
    expect(r.findings).toEqual([]);
    expect(where(r.suppressed)).toEqual(['ban-drop-column@4']);
  });

  it('inside a DO block, covers the statement right below it only', async () => {
    const r = await report(
      'DO $$\nBEGIN\n  -- expand-contract-ignore ban-drop-column reviewed\n  ALTER TABLE users DROP COLUMN full_name;\n  ALTER TABLE users DROP COLUMN id;\nEND\n$$;',
    );
    expect(where(r.findings)).toEqual(['ban-drop-column@5']);
    expect(where(r.suppressed)).toEqual(['ban-drop-column@4']);
  });

  it('keeps an until date that has not passed in the suppression', async () => {
    const r = await report(
      '-- expand-contract-ignore ban-drop-column until=2026-03-31 dropped in the contract PR\nALTER TABLE users DROP COLUMN full_name;',
    );
    expect(r.findings).toEqual([]);
    expect(r.suppressed[0]?.suppressed).toEqual({
      reason: 'dropped in the contract PR',
      until: '2026-03-31',
    });
  });

  it('still applies on its until date', async () => {
    const r = await report(
      '-- expand-contract-ignore ban-drop-column until=2026-01-01 last day\nALTER TABLE users DROP COLUMN full_name;',
    );
    expect(r.findings).toEqual([]);
  });
});

describe('file-level ignore', () => {
  it('silences the rule on every statement of the file, wherever it stands', async () => {
    const r = await report(
      [
        'ALTER TABLE users DROP COLUMN full_name;',
        'ALTER TABLE users DROP COLUMN id;',
        '-- expand-contract-ignore-file ban-drop-column this is the contract migration',
      ].join('\n'),
    );
    expect(r.findings).toEqual([]);
    expect(where(r.suppressed)).toEqual(['ban-drop-column@1', 'ban-drop-column@2']);
    expect(r.suppressed.map((f) => f.suppressed?.reason)).toEqual([
      'this is the contract migration',
      'this is the contract migration',
    ]);
  });

  it('does not reach other files', async () => {
    const f = await findings('ALTER TABLE users DROP COLUMN full_name;', {
      history,
      sameRelease: [
        '-- expand-contract-ignore-file ban-drop-column only here\nALTER TABLE users DROP COLUMN id;',
      ],
    });
    expect(f.map((x) => `${x.path}:${x.rule}@${x.line}`)).toEqual(['001_change.sql:ban-drop-column@1']);
  });
});

describe('invalid directives', () => {
  it('reports a missing reason at the directive line and silences nothing', async () => {
    const f = await findings(
      'SELECT 1;\n-- expand-contract-ignore ban-drop-column\nALTER TABLE users DROP COLUMN full_name;',
      {
        history,
      },
    );
    expect(where(f)).toEqual(['invalid-ignore@2', 'ban-drop-column@3']);
    expect(f[0]?.message).toBe(
      'expand-contract-ignore ban-drop-column gives no reason; add one after the rule ids.',
    );
  });

  it('reports a missing reason on a file-level directive', async () => {
    const f = await findings(
      'ALTER TABLE users DROP COLUMN full_name;\n-- expand-contract-ignore-file ban-drop-column',
      {
        history,
      },
    );
    expect(where(f)).toEqual(['ban-drop-column@1', 'invalid-ignore@2']);
    expect(f[1]?.message).toBe(
      'expand-contract-ignore-file ban-drop-column gives no reason; add one after the rule ids.',
    );
  });

  it('reports a directive that names no rule', async () => {
    const f = await findings('-- expand-contract-ignore\nALTER TABLE users DROP COLUMN full_name;', {
      history,
    });
    expect(where(f)).toEqual(['invalid-ignore@1', 'ban-drop-column@2']);
    expect(f[0]?.message).toBe(
      'expand-contract-ignore names no rule; write -- expand-contract-ignore <rule> <reason>.',
    );
  });

  it('reports an until that is not a date', async () => {
    const f = await findings(
      '-- expand-contract-ignore ban-drop-column until=31/12/2026 waiting for the backfill\nALTER TABLE users DROP COLUMN full_name;',
      { history },
    );
    expect(where(f)).toEqual(['invalid-ignore@1', 'ban-drop-column@2']);
    expect(f[0]?.message).toBe('until=31/12/2026 is not a date; write until=YYYY-MM-DD.');
  });

  it('reports an until with the right shape but an impossible month', async () => {
    const f = await findings(
      '-- expand-contract-ignore ban-drop-column until=2026-13-01 waiting\nALTER TABLE users DROP COLUMN full_name;',
      { history },
    );
    expect(where(f)).toEqual(['invalid-ignore@1', 'ban-drop-column@2']);
  });
});

describe('expired and unused directives', () => {
  it('reports an expired directive and the finding it no longer silences', async () => {
    const r = await report(
      '-- expand-contract-ignore ban-drop-column until=2025-12-31 until the backfill is done\nALTER TABLE users DROP COLUMN full_name;',
    );
    expect(where(r.findings)).toEqual(['expired-ignore@1', 'ban-drop-column@2']);
    expect(r.findings[0]?.message).toBe(
      'expand-contract-ignore ban-drop-column expired on 2025-12-31; fix the statement or renew the date.',
    );
    expect(r.suppressed).toEqual([]);
  });

  it('reports an expired file-level directive', async () => {
    const r = await report(
      '-- expand-contract-ignore-file ban-drop-column until=2025-06-01 old\nALTER TABLE users DROP COLUMN full_name;',
    );
    expect(where(r.findings)).toEqual(['expired-ignore@1', 'ban-drop-column@2']);
  });

  it('reports a directive that silences nothing', async () => {
    const r = await report(
      '-- expand-contract-ignore ban-drop-column left over\nALTER TABLE users ADD COLUMN nickname text;',
    );
    expect(where(r.findings)).toEqual(['unused-ignore@1']);
    expect(r.findings[0]?.message).toBe(
      'expand-contract-ignore ban-drop-column suppresses nothing here; remove it.',
    );
  });

  it('reports a file-level directive that silences nothing', async () => {
    const r = await report(
      'ALTER TABLE users ADD COLUMN nickname text;\n-- expand-contract-ignore-file ban-drop-column left over',
    );
    expect(where(r.findings)).toEqual(['unused-ignore@2']);
  });

  it('reports a statement-level directive with no statement after it', async () => {
    const r = await report(
      'ALTER TABLE users ADD COLUMN nickname text;\n-- expand-contract-ignore ban-drop-column nothing follows\n',
    );
    expect(where(r.findings)).toEqual(['unused-ignore@2']);
  });
});

describe('goose StatementBegin blocks', () => {
  const goose = (body: string[]): string =>
    ['-- +goose Up', ...body, '', '-- +goose Down', '-- (down section blanked by discovery)'].join('\n');

  it('applies a directive written inside the block', async () => {
    const r = await report(
      goose([
        '-- +goose StatementBegin',
        '-- expand-contract-ignore ban-drop-column contract phase',
        'ALTER TABLE users DROP COLUMN full_name;',
        '-- +goose StatementEnd',
      ]),
    );
    expect(r.findings).toEqual([]);
    expect(where(r.suppressed)).toEqual(['ban-drop-column@4']);
  });

  it('applies a directive written just before the block', async () => {
    const r = await report(
      goose([
        '-- expand-contract-ignore ban-drop-column contract phase',
        '-- +goose StatementBegin',
        'ALTER TABLE users DROP COLUMN full_name;',
        '-- +goose StatementEnd',
      ]),
    );
    expect(r.findings).toEqual([]);
    expect(where(r.suppressed)).toEqual(['ban-drop-column@4']);
  });

  it('does not carry over to the next block', async () => {
    const r = await report(
      goose([
        '-- +goose StatementBegin',
        '-- expand-contract-ignore ban-drop-column contract phase',
        'ALTER TABLE users DROP COLUMN full_name;',
        '-- +goose StatementEnd',
        '-- +goose StatementBegin',
        'ALTER TABLE users DROP COLUMN id;',
        '-- +goose StatementEnd',
      ]),
    );
    expect(where(r.findings)).toEqual(['ban-drop-column@7']);
    expect(where(r.suppressed)).toEqual(['ban-drop-column@4']);
  });
});
