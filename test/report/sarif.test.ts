import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { artifactUri, renderSarif, type SarifOptions, type SarifRule } from '../../src/report/sarif.js';
import type { Report } from '../../src/types.js';
import { dropFinding, emptyReport, reportOf, sampleReport, WEIRD_PATH } from './fixture.js';

// The SARIF 2.1.0 schema (rtm.5, the schema published with the standard, JSON Schema draft-04), as
// shipped by Microsoft's @microsoft/jest-sarif; validated with Ajv's draft-04 build and formats.
const require = createRequire(import.meta.url);
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as Record<string, unknown>;
// The schema's language-tag pattern (`...]?$`) is only valid without the `u` flag, as in draft-04 days.
const ajv = new AjvDraft04.default({ allErrors: true, unicodeRegExp: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function expectValid(sarif: string): void {
  const ok = validate(JSON.parse(sarif));
  expect(ajv.errorsText(validate.errors, { separator: '\n' })).toBe('No errors');
  expect(ok).toBe(true);
}

const RULES: SarifRule[] = [
  {
    id: 'ban-drop-column',
    description: 'Dropping a column that the running application may still read or write.',
    help: 'Stop using the column in the application first, deploy, then drop it in a later (contract) migration.',
    docs: 'docs/rules/ban-drop-column.md',
    severity: 'error',
  },
  {
    id: 'require-concurrent-index-creation',
    description: 'Creating an index without CONCURRENTLY on an existing table.',
    help: 'Use CREATE INDEX CONCURRENTLY, outside a transaction.',
    docs: 'docs/rules/require-concurrent-index-creation.md',
    severity: 'warning',
  },
];

const OPTIONS: SarifOptions = {
  toolVersion: '0.1.0',
  rules: RULES,
  informationUri: 'https://github.com/o/expand-contract',
  docsBase: 'https://github.com/o/expand-contract/blob/v0.1.0/',
};

interface Log {
  version: string;
  runs: Array<{
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri?: string;
        rules: Array<Record<string, unknown>>;
      };
    };
    results: Array<Record<string, unknown> & { ruleIndex: number; ruleId: string }>;
  }>;
}

function parse(report: Report, options: SarifOptions = OPTIONS): Log {
  return JSON.parse(renderSarif(report, options)) as Log;
}

describe('renderSarif', () => {
  it('renders the sample report', async () => {
    await expect(renderSarif(sampleReport(), OPTIONS)).toMatchFileSnapshot('__snapshots__/sample.sarif.json');
  });

  it('is valid SARIF 2.1.0', () => {
    expectValid(renderSarif(sampleReport(), OPTIONS));
    expectValid(renderSarif(sampleReport(), { toolVersion: '0.1.0', rules: [] }));
    expectValid(renderSarif(emptyReport(), OPTIONS));
    expectValid(renderSarif(reportOf({ path: 'C:\\work\\db\\001 init.sql' }), OPTIONS));
    expectValid(renderSarif(reportOf({ path: '/abs/path/x#1.sql' }), OPTIONS));
  });

  it('the validator rejects what is not SARIF', () => {
    const log = parse(sampleReport());
    (log.runs[0]?.results[0] as Record<string, unknown>).level = 'notice';
    expect(validate(log)).toBe(false);
    const noTool = { version: '2.1.0', runs: [{ results: [] }] };
    expect(validate(noTool)).toBe(false);
    // Formats are checked too: helpUri must be an absolute URI.
    expect(validate(JSON.parse(renderSarif(sampleReport(), { ...OPTIONS, docsBase: 'relative/' })))).toBe(
      false,
    );
  });

  it('describes the tool and its rules', () => {
    const run = parse(sampleReport()).runs[0];
    expect(run?.tool.driver.name).toBe('expand-contract');
    expect(run?.tool.driver.version).toBe('0.1.0');
    expect(run?.tool.driver.informationUri).toBe('https://github.com/o/expand-contract');
    expect(run?.tool.driver.rules[0]).toEqual({
      id: 'ban-drop-column',
      shortDescription: { text: RULES[0]?.description },
      help: { text: RULES[0]?.help },
      helpUri: 'https://github.com/o/expand-contract/blob/v0.1.0/docs/rules/ban-drop-column.md',
      defaultConfiguration: { level: 'error' },
    });
  });

  it('adds a rule for findings of rules it was not told about', () => {
    const run = parse(sampleReport()).runs[0];
    const notice = run?.results.find((r) => r.ruleId === 'prefer-comment');
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual([
      'ban-drop-column',
      'require-concurrent-index-creation',
      'prefer-comment',
    ]);
    expect(notice?.ruleIndex).toBe(2);
    expect(run?.tool.driver.rules[2]).toMatchObject({
      id: 'prefer-comment',
      defaultConfiguration: { level: 'note' },
      helpUri: 'https://github.com/o/expand-contract/blob/v0.1.0/docs/rules/prefer-comment.md',
    });
  });

  it('points every ruleIndex at its rule', () => {
    const run = parse(sampleReport()).runs[0];
    for (const r of run?.results ?? []) expect(run?.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
  });

  it('maps severities to levels and carries the finding details', () => {
    const results = parse(sampleReport()).runs[0]?.results ?? [];
    expect(results.map((r) => r.level)).toEqual(['error', 'warning', 'note', 'error']);
    expect(results[0]).toEqual({
      ruleId: 'ban-drop-column',
      ruleIndex: 0,
      level: 'error',
      message: { text: dropFinding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'migrations/0002_drop_note.sql', uriBaseId: '%SRCROOT%' },
            region: { startLine: 4, startColumn: 19 },
          },
        },
      ],
      properties: { breaking: true, lock: 'ACCESS EXCLUSIVE', object: 'public.café.note', statementLine: 3 },
    });
  });

  it('marks ignored findings as suppressed in source, with the reason', () => {
    const results = parse(sampleReport()).runs[0]?.results ?? [];
    expect(results).toHaveLength(4);
    expect(results.filter((r) => 'suppressions' in r)).toHaveLength(1);
    expect(results[3]?.suppressions).toEqual([
      {
        kind: 'inSource',
        justification: 'unused since 2023 | ask @dba, see <ops>',
        properties: { until: '2030-01-01' },
      },
    ]);
  });

  it('leaves out helpUri and informationUri when no absolute URL is known', () => {
    const run = parse(sampleReport(), { toolVersion: '0.1.0', rules: RULES }).runs[0];
    expect(run?.tool.driver).not.toHaveProperty('informationUri');
    expect(run?.tool.driver.rules[0]).not.toHaveProperty('helpUri');
    expect(run?.tool.driver.rules[0]?.properties).toEqual({ docs: 'docs/rules/ban-drop-column.md' });
    const absolute = parse(reportOf({ rule: 'x', docs: 'https://example.org/x.md' }), {
      toolVersion: '1',
      rules: [],
    });
    expect(absolute.runs[0]?.tool.driver.rules[0]?.helpUri).toBe('https://example.org/x.md');
  });

  it('lists the known rules even when nothing was found', () => {
    const run = parse(emptyReport()).runs[0];
    expect(run?.results).toEqual([]);
    expect(run?.tool.driver.rules).toHaveLength(2);
  });
});

describe('artifactUri', () => {
  it('encodes relative paths with forward slashes', () => {
    expect(artifactUri(WEIRD_PATH)).toEqual({
      uri: 'db/migrations/0003%20idx%7Cby%60name%60.sql',
      relative: true,
    });
    expect(artifactUri('db\\migrations\\001.sql')).toEqual({ uri: 'db/migrations/001.sql', relative: true });
    expect(artifactUri('./m/100%#?.sql')).toEqual({ uri: 'm/100%25%23%3F.sql', relative: true });
    expect(artifactUri('m/café (1).sql').uri).toBe('m/caf%C3%A9%20%281%29.sql');
  });

  it('turns absolute paths into file URIs', () => {
    expect(artifactUri('/abs/path/x#1.sql')).toEqual({ uri: 'file:///abs/path/x%231.sql', relative: false });
    expect(artifactUri('C:\\work\\db\\001 init.sql')).toEqual({
      uri: 'file:///C:/work/db/001%20init.sql',
      relative: false,
    });
  });
});
