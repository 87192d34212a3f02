import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, renderGithub } from '../../src/report/github.js';
import { emptyReport, reportOf, sampleReport } from './fixture.js';

describe('renderGithub', () => {
  it('renders one workflow command per finding, none for ignored ones', () => {
    expect(renderGithub(sampleReport())).toMatchInlineSnapshot(`
      "::error file=migrations/0002_drop_note.sql,line=4,col=19,title=ban-drop-column::Dropping column \`public.café.note\` breaks the running release, which still reads or writes it; it also takes an ACCESS EXCLUSIVE lock, blocking reads and writes on \`public.café\`.
      ::warning file=db/migrations/0003 idx|by\`name\`.sql,line=2,col=1,title=require-concurrent-index-creation::Creating index \`orders_by_name\` takes a SHARE lock, blocking writes on \`public.orders\` until it is built.
      ::notice file=migrations/0004_notes.sql,line=1,col=1,title=prefer-comment::Ask @team before <b>bold</b> changes | see \`notes\`%0Asecond line
      "
    `);
  });

  it('escapes data and properties the way the runner reads them', () => {
    const out = renderGithub(
      reportOf({ path: 'db/a,b:c%d\r\n.sql', rule: 'x:y,z', message: '100% sure:\r\nyes, really::' }),
    );
    expect(out).toBe(
      '::error file=db/a%2Cb%3Ac%25d%0D%0A.sql,line=4,col=19,title=x%3Ay%2Cz::100%25 sure:%0D%0Ayes, really::\n',
    );
    expect(out.split('\n')).toHaveLength(2);
  });

  it('escapes % first, so escapes are not escaped again', () => {
    expect(escapeData('%0A\n')).toBe('%250A%0A');
    expect(escapeProperty('%3A:')).toBe('%253A%3A');
  });

  it('renders nothing for an empty report', () => {
    expect(renderGithub(emptyReport(2))).toBe('');
  });
});
