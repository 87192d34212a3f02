import { describe, expect, it } from 'vitest';
import { analyzeDetailed, DEFAULT_OPTIONS } from '../src/engine.js';
import type { MigrationFile } from '../src/types.js';

const file = (path: string, sql: string): MigrationFile => ({
  path,
  framework: 'sql',
  orderKey: path,
  transactional: false,
  sql,
  diagnostics: [],
});

describe('analyzeDetailed', () => {
  it('keeps every statement of every release with its findings, suppressed ones marked', async () => {
    const result = await analyzeDetailed(
      {
        history: [file('001.sql', 'CREATE TABLE users (id int, a text, b text);')],
        releases: [
          [
            file(
              '002.sql',
              'ALTER TABLE users DROP COLUMN a;\n-- expand-contract-ignore ban-drop-column unused since 2024\nALTER TABLE users DROP COLUMN b;',
            ),
          ],
          [file('003.sql', 'CREATE INDEX users_id ON users (id);')],
        ],
      },
      { ...DEFAULT_OPTIONS, today: '2026-01-01' },
    );
    expect(result.history.map((h) => h.statements.length)).toEqual([1]);
    expect(
      result.statements.map((s) => [
        s.file.path,
        s.release,
        s.statement.line,
        s.findings.map((f) => `${f.rule}${f.suppressed ? ' (suppressed)' : ''}`),
      ]),
    ).toEqual([
      ['002.sql', 0, 1, ['ban-drop-column', 'require-lock-timeout']],
      ['002.sql', 0, 3, ['ban-drop-column (suppressed)']],
      ['003.sql', 1, 1, ['require-concurrent-index-creation']],
    ]);
    expect(result.report.suppressed.map((f) => f.suppressed?.reason)).toEqual(['unused since 2024']);
  });
});
