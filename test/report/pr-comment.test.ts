import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import {
  commentMarker,
  hasMarker,
  OPEN_PLAN_LENGTH,
  renderNoMigrationsComment,
  renderPrComment,
  type PrCommentContext,
} from '../../src/report/pr-comment.js';
import {
  bigReport,
  entry,
  finding,
  hugeSql,
  plan,
  planReport,
  SPLIT_NAME_PATH,
  splitNamePlan,
  trace,
} from '../fixtures/pr-comment/builders.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const CTX: PrCommentContext = {
  repository: 'acme/app',
  headSha: SHA,
  today: new Date('2026-03-01T12:00:00Z'),
  contractAfterDays: 7,
  splitMode: 'label',
  summaryUrl: 'https://github.com/acme/app/actions/runs/42',
  docsBase: 'https://github.com/tools/expand-contract/blob/v1/',
};
const ZWJ = '\u200d';

/** Renders Markdown as GitHub would (GFM, inline HTML kept). */
function html(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** The cells of each body row of the findings table, as rendered. */
function tableRows(markdown: string): string[][] {
  const body =
    /<th>Why<\/th>\s*<\/tr>\s*<\/thead>\s*<tbody>([\s\S]*?)<\/tbody>/.exec(html(markdown))?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...(r[1] ?? '').matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1] ?? ''),
  );
}

/** What a reader sees of some rendered HTML. */
function text(rendered: string): string {
  return rendered
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

const TAGS = new Set(
  'p a code pre table thead tbody tr th td br strong em details summary sub ul li h4 blockquote'.split(' '),
);

/** Why `markdown` would not render as intended on GitHub (empty when it is well-formed). */
function problems(markdown: string): string[] {
  const out: string[] = [];
  // Fences: every one opened is closed by a line of at least as many backticks.
  let open: string | null = null;
  let fences = 0;
  const prose: string[] = [];
  for (const line of markdown.split('\n')) {
    const m = /^ {0,3}(`{3,})(.*)$/.exec(line);
    if (open === null && m) {
      open = m[1] as string;
      fences++;
    } else if (open !== null && m && (m[1] as string).length >= open.length && (m[2] ?? '').trim() === '')
      open = null;
    else if (open === null) prose.push(line);
  }
  // GitHub's tag filter would neuter a raw <script>; it must not be there to neuter.
  if (/<script/i.test(prose.join('\n'))) out.push('raw <script in the Markdown');
  if (open !== null) out.push('a code fence is not closed');
  const rendered = html(markdown).replace(/<!--[\s\S]*?-->/g, '');
  if ((rendered.match(/<pre>/g) ?? []).length !== fences) out.push('fences and <pre> blocks differ');
  for (const tag of ['details', 'summary', 'sub']) {
    const opened = (rendered.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length;
    const closed = (rendered.match(new RegExp(`</${tag}>`, 'g')) ?? []).length;
    if (opened !== closed) out.push(`${opened} <${tag}> but ${closed} </${tag}>`);
  }
  for (const m of rendered.matchAll(/<\/?([a-zA-Z][\w-]*)/g))
    if (!TAGS.has((m[1] as string).toLowerCase())) out.push(`raw <${m[1]}> tag`);
  if (/@(?!\u200d)[\w-]/.test(text(rendered.replace(/<pre>[\s\S]*?<\/pre>/g, ''))))
    out.push('an @mention outside code');
  // GFM drops the cells beyond the header's and ends the table at a line without pipes: count in the source.
  const lines = markdown.split('\n');
  const start = lines.indexOf('| File | Rule | Lock | Why |');
  let rows = 0;
  for (let i = start + 2; start >= 0 && i < lines.length && lines[i] !== ''; i++, rows++) {
    const cells = ((lines[i] as string).match(/\|/g) ?? []).length - 1;
    if (cells !== 4) out.push(`a table row of ${cells} cells`);
  }
  if (tableRows(markdown).length !== rows) out.push('the table renders another number of rows');
  return [...new Set(out)];
}

const one = (over: Parameters<typeof planReport>[0] = {}) =>
  planReport({
    findings: [finding(), finding({ rule: 'require-lock-timeout', severity: 'warning', breaking: false })],
    plans: [entry(splitNamePlan())],
    files: 2,
    ...over,
  });

describe('commentMarker and hasMarker', () => {
  it('puts the marker of the configured name on the first line', () => {
    expect(commentMarker()).toBe('<!-- expand-contract:comment name="expand-contract" -->');
    expect(renderPrComment(one(), CTX).split('\n')[0]).toBe(commentMarker('expand-contract'));
    expect(renderPrComment(one(), { ...CTX, name: 'api' }).split('\n')[0]).toBe(
      '<!-- expand-contract:comment name="api" -->',
    );
  });

  it('matches exactly one name, so two uses in one repository keep two comments', () => {
    const api = renderPrComment(one(), { ...CTX, name: 'api' });
    const apiTwo = renderPrComment(one(), { ...CTX, name: 'api-2' });
    expect(hasMarker(api, 'api')).toBe(true);
    expect(hasMarker(api, 'api-2')).toBe(false);
    expect(hasMarker(apiTwo, 'api')).toBe(false);
    expect(hasMarker(api, 'expand-contract')).toBe(false);
    expect(hasMarker(renderPrComment(one(), CTX))).toBe(true);
    expect(hasMarker(api.replace(/\n/g, '\r\n'), 'api')).toBe(true);
    expect(hasMarker(`quoting:\n${api}`, 'api')).toBe(false);
  });

  it('encodes a name that could end the comment or the attribute', () => {
    const name = 'x" --> <script>alert(1)</script> --!> <!--';
    const marker = commentMarker(name);
    expect(marker.slice(4, -4)).not.toMatch(/-->|--!>|<!--|>|"\s/);
    expect(marker.match(/"/g)).toHaveLength(2);
    expect(commentMarker('a')).not.toBe(commentMarker('a ')); // distinct names stay distinct
    const body = renderPrComment(one(), { ...CTX, name });
    expect(hasMarker(body, name)).toBe(true);
    expect(html(body)).not.toContain('<script');
    expect(problems(body)).toEqual([]);
  });
});

describe('the verdict', () => {
  const verdict = (body: string): string => body.split('\n')[1] ?? '';

  it('counts breaking changes and the rest', () => {
    expect(verdict(renderPrComment(one(), CTX))).toBe(
      '❌ **1 breaking change** in migrations that ship now — split them before merging (also 1 warning)',
    );
    const two = planReport({ findings: [finding(), finding({ line: 12 })] });
    expect(verdict(renderPrComment(two, CTX))).toContain('**2 breaking changes**');
  });

  it('says when nothing is breaking', () => {
    const warnings = planReport({
      findings: [1, 2, 3].map((line) => finding({ line, breaking: false, severity: 'warning' })),
    });
    expect(verdict(renderPrComment(warnings, CTX))).toBe('⚠️ 3 warnings, nothing breaking');
    const errors = planReport({
      findings: [finding({ breaking: false }), finding({ breaking: false, severity: 'warning' })],
    });
    expect(verdict(renderPrComment(errors, CTX))).toBe('❌ **1 error and 1 warning**, nothing breaking');
    const clean = renderPrComment(planReport({ files: 4 }), CTX);
    expect(verdict(clean)).toBe('✅ No breaking change in 4 migrations');
    expect(clean).not.toContain('| File |');
    expect(clean).not.toContain('Next step');
  });

  it('says when a plan failed its proof', () => {
    const body = renderPrComment(one({ plans: [entry(splitNamePlan(), 'failed')] }), CTX);
    expect(body.split('\n')[3]).toBe(
      '❌ **1 plan failed its proof**: the phases do not end where the migration ends; do not ship it as planned.',
    );
    expect(body).toContain('FAILED on PGlite');
    expect(body).toContain('column public.users.c2 is text in the plan');
    expect(body).toContain(
      '**Next step**: nothing can be split automatically (a plan that fails its proof is never split);',
    );
  });

  it('names a configured name', () => {
    expect(verdict(renderPrComment(one(), { ...CTX, name: 'billing @db' }))).toMatch(
      new RegExp(`^\\*\\*billing @${ZWJ}db\\*\\*: ❌`),
    );
  });
});

describe('the findings table', () => {
  it('links each file at the head commit and each rule to its docs', () => {
    const body = renderPrComment(one(), CTX);
    expect(body.split('\n').slice(3, 5)).toEqual([
      '| File | Rule | Lock | Why |',
      '| --- | --- | --- | --- |',
    ]);
    const rendered = html(body);
    expect(rendered).toContain(
      `<a href="https://github.com/acme/app/blob/${SHA}/db/migrations/002_split_full_name.sql#L9">`,
    );
    expect(rendered).toContain(
      '<a href="https://github.com/tools/expand-contract/blob/v1/docs/rules/ban-drop-column.md">ban-drop-column</a>',
    );
    const [row] = tableRows(body);
    expect(text(row?.[0] ?? '')).toBe(`${SPLIT_NAME_PATH}:9`);
    expect(text(row?.[1] ?? '')).toBe('ban-drop-column (error, breaking)');
    expect(text(row?.[2] ?? '')).toBe('ACCESS EXCLUSIVE');
    expect(row?.[3]).toContain('<code>public.users.full_name</code> breaks the running release');
  });

  it('uses the server URL, docs URLs as they are, and no docs link without a base', () => {
    const report = planReport({
      findings: [finding({ lock: null }), finding({ docs: 'https://example.com/rules/x (y).md' })],
    });
    const { docsBase: _, ...noDocs } = CTX;
    const body = renderPrComment(report, { ...noDocs, serverUrl: 'https://ghe.example.com/' });
    expect(body).toContain(`(https://ghe.example.com/acme/app/blob/${SHA}/db/migrations/`);
    expect(body).toContain('[ban-drop-column](https://example.com/rules/x%20%28y%29.md)');
    const [first] = tableRows(body);
    expect(first?.[1]).toBe('ban-drop-column (error, <strong>breaking</strong>)');
    expect(text(first?.[2] ?? '')).toBe('\u2014');
  });

  it('leaves ignored findings out, with a count', () => {
    const body = renderPrComment(
      one({ suppressed: [finding({ line: 40, suppressed: { reason: 'ok' } })] }),
      CTX,
    );
    expect(tableRows(body)).toHaveLength(2);
    expect(body).not.toContain('#L40');
    expect(body).toContain('1 finding ignored by an ignore directive is not shown.');
  });

  it('puts breaking findings first', () => {
    const report = planReport({
      findings: [
        finding({ line: 1, breaking: false, severity: 'notice' }),
        finding({ line: 2, breaking: false, severity: 'warning' }),
        finding({ line: 3 }),
      ],
    });
    expect(
      tableRows(renderPrComment(report, CTX)).map((r) =>
        text(r[0] ?? '')
          .split(':')
          .pop(),
      ),
    ).toEqual(['3', '2', '1']);
  });
});

describe('escaping', () => {
  const EVIL = 'db/<img src=x>@team.sql';
  const evil = planReport({
    findings: [
      finding({
        path: EVIL,
        rule: 'r|<b>x</b>',
        message: 'See #123 and @org/team, <script>alert(1)</script> | a `@x | y` span\nsecond line',
        help: 'Ask @dba',
      }),
    ],
    plans: [
      entry(
        plan(EVIL, {
          expand: 'SELECT 1;\n```\n<script>alert(1)</script>\n</details>\n````',
          app: { dualWrite: ['Tell @org/team about #42 <b>now</b>'], switchReads: [], ignore: [] },
        }),
      ),
    ],
    notices: ['The history of @dba <i>failed</i>'],
  });

  it('shows a file named `<img src=x>@team.sql` as text and mentions no one', () => {
    const body = renderPrComment(evil, CTX);
    expect(problems(body)).toEqual([]);
    const rendered = html(body);
    expect(rendered).not.toMatch(/<img|<b>|<i>/);
    const [row] = tableRows(body);
    expect(text(row?.[0] ?? '')).toBe(`db/<img src=x>@${ZWJ}team.sql:9`);
    expect(rendered).toContain(`/blob/${SHA}/db/%3Cimg%20src%3Dx%3E%40team.sql#L9"`);
    expect(text(row?.[1] ?? '')).toBe('r|<b>x</b> (error, breaking)');
    expect(text(row?.[3] ?? '')).toBe(
      `See #${ZWJ}123 and @${ZWJ}org/team, <script>alert(1)</script> | a @${ZWJ}x | y span second lineHelp: Ask @${ZWJ}dba`,
    );
    expect(rendered).toContain(
      `<h4>✅ Plan for <a href="https://github.com/acme/app/blob/${SHA}/db/%3Cimg%20src%3Dx%3E%40team.sql">db/&lt;img src=x&gt;@${ZWJ}team.sql</a></h4>`,
    );
    const two = renderPrComment({ ...evil, plans: [...evil.plans, entry(plan('z.sql'))] }, CTX);
    expect(two).toContain(
      `<details><summary>✅ Plan for <code>db/&lt;img src=x&gt;@${ZWJ}team.sql</code>: proven</summary>`,
    );
    expect(problems(two)).toEqual([]);
    expect(text(rendered)).toContain(`Tell @${ZWJ}org/team about #${ZWJ}42 <b>now</b>`);
  });

  it('keeps SQL with ``` and </details> inside its fence', () => {
    const body = renderPrComment(evil, CTX);
    expect(body).toContain('`````sql\nSELECT 1;\n```\n<script>alert(1)</script>\n</details>\n````\n`````');
    const rendered = html(body);
    expect(rendered).toContain('<code class="language-sql">SELECT 1;\n```\n&lt;script&gt;');
    expect(problems(body)).toEqual([]);
  });

  it('quotes a path the shell would split', () => {
    const body = renderPrComment(evil, { ...CTX, splitMode: 'off' });
    expect(body).toContain("```sh\nnpx expand-contract split 'db/<img src=x>@team.sql' --write\n```");
  });
});

describe('the plan', () => {
  it('shows one breaking migration’s phases open: SQL, app steps, proof and traced locks', () => {
    const body = renderPrComment(one(), CTX);
    expect(body).toContain(`#### ✅ Plan for [db/migrations/002\\_split\\_full\\_name.sql](`);
    expect(body).not.toContain('<details><summary>✅ Plan');
    expect(body).toContain(
      '✅ proven on PGlite\\: expand, later migrations, backfill and contract end at the schema and data',
    );
    expect(body).toContain(
      "**1. Expand**: ships now, in this migration\n\n```sql\nSET lock_timeout = '5s';\n-- Split users.full_name",
    );
    expect(body).toContain('**3. Backfill**');
    expect(body).toContain('- Deploy code that writes the new values itself');
    expect(body).toContain(
      '**5. Contract**: eligible 7 days after the expand phase is deployed, no earlier than 2026-03-08',
    );
    expect(body).toContain(
      '<details><summary>Locks traced while the proof ran, beside the documented ones</summary>',
    );
    expect(body).toContain('| phase | statement | locks (traced) | documented | rewrite | ms |');
    expect(body).toContain(
      '| original | ALTER TABLE users ADD COLUMN c0 text | ACCESS EXCLUSIVE on public.users | ACCESS EXCLUSIVE on public.users |  | 0.5 |',
    );
    expect(problems(body)).toEqual([]);
  });

  it('collapses each plan when there is more than one, breaking migrations first', () => {
    const report = planReport({
      findings: [
        finding({ path: 'b.sql', breaking: false, severity: 'warning' }),
        finding({ path: 'a.sql' }),
      ],
      plans: [entry(plan('b.sql'), 'not-run'), entry(plan('a.sql'))],
    });
    const body = renderPrComment(report, CTX);
    const summaries = [...body.matchAll(/<details><summary>(.*)<\/summary>/g)].map((m) => m[1]);
    expect(summaries).toEqual([
      '✅ Plan for <code>a.sql</code>: proven',
      'Locks traced while the proof ran, beside the documented ones',
      '⚠️ Plan for <code>b.sql</code>: not proven',
    ]);
    expect(body).toContain('⚠️ not proven\\: the proof was turned off');
    expect(body).not.toContain('####');
    expect(problems(body)).toEqual([]);
  });

  it('leaves out plans with nothing to split', () => {
    const report = one({ plans: [entry({ ...splitNamePlan(), recipes: [] }, 'not-run')] });
    const body = renderPrComment(report, CTX);
    expect(body).not.toContain('Plan for');
    expect(body).toContain('**Next step**: nothing can be split automatically (no recipe applies)');
  });

  it('gives the contract date once for all plans', () => {
    const body = renderPrComment(one(), { ...CTX, today: new Date('2026-12-30T23:00:00Z') });
    expect(body).toContain(
      '📅 **Contract**: eligible 7 days after the expand phase is deployed, no earlier than 2027-01-06.',
    );
    expect(body.match(/📅/g)).toHaveLength(1);
    const two = renderPrComment(one({ plans: [entry(plan('a.sql')), entry(plan('b.sql'))] }), {
      ...CTX,
      contractAfterDays: 14,
    });
    expect(two.match(/📅[^\n]*/g)).toEqual([
      '📅 **Contract**: eligible 14 days after the expand phase is deployed, no earlier than 2026-03-15.',
    ]);
    const oneDay = one({ plans: [entry({ ...splitNamePlan(), contractAfterDays: 1 })] });
    expect(renderPrComment(oneDay, CTX)).toContain(
      'eligible 1 day after the expand phase is deployed, no earlier than 2026-03-02',
    );
    const noContract = one({ plans: [entry({ ...splitNamePlan(), contract: null })] });
    expect(renderPrComment(noContract, CTX)).not.toContain('📅');
  });

  it('shows notices from the pipeline', () => {
    const body = renderPrComment(one({ notices: ['The history does not replay: `x` fails'] }), CTX);
    expect(body).toContain('> The history does not replay\\: <code>x</code> fails');
  });
});

describe('the next step', () => {
  it('asks for the label', () => {
    expect(renderPrComment(one(), CTX)).toContain(
      '**Next step**: add the label `expand-contract:split` and the Action commits the split files to this branch.',
    );
    expect(renderPrComment(one(), { ...CTX, splitLabel: 'split `me`' })).toContain(
      'add the label `` split `me` `` and',
    );
  });

  it('says the Action commits, or has committed', () => {
    expect(renderPrComment(one(), { ...CTX, splitMode: 'commit' })).toContain(
      '**Next step**: the Action commits the split files to this branch; pull before you push again.',
    );
    const done = renderPrComment(one(), { ...CTX, splitMode: 'commit', splitCommit: 'fedcba9876543210' });
    expect(done).toContain(
      '**Split**: the Action committed the split files to this branch in [fedcba9](https://github.com/acme/app/commit/fedcba9876543210); pull before you push again.',
    );
  });

  it('gives the command when splitting is off', () => {
    expect(renderPrComment(one(), { ...CTX, splitMode: 'off' })).toContain(
      `**Next step**: split the migration and commit the files:\n\n\`\`\`sh\nnpx expand-contract split ${SPLIT_NAME_PATH} --write\n\`\`\``,
    );
  });
});

describe('renderNoMigrationsComment', () => {
  it('says the pull request no longer changes migrations, under the same marker', () => {
    const body = renderNoMigrationsComment({ ...CTX, name: 'api' });
    expect(hasMarker(body, 'api')).toBe(true);
    expect(body).toContain('**api**: ✅ This pull request no longer changes any migration');
    expect(body).toContain(`checked at [0123456](https://github.com/acme/app/commit/${SHA})`);
    expect(problems(body)).toEqual([]);
  });
});

describe('folding to the size limit', () => {
  it('(a) keeps a short single plan open, with everything', () => {
    const body = renderPrComment(one(), CTX);
    expect(body.length).toBeLessThan(OPEN_PLAN_LENGTH);
    expect(body).toContain('#### ✅ Plan for');
  });

  it('(b) collapses a long plan', () => {
    const report = one({
      plans: [entry({ ...splitNamePlan(), expand: hugeSql(400) })],
    });
    const body = renderPrComment(report, CTX);
    expect(body.length).toBeGreaterThan(OPEN_PLAN_LENGTH);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain(
      '<details><summary>✅ Plan for <code>db/migrations/002_split_full_name.sql</code>: proven</summary>',
    );
    expect(body).toContain('Locks traced');
    expect(body).not.toContain('SQL shortened');
    expect(problems(body)).toEqual([]);
  });

  it('(c) drops the traced locks, then shortens long SQL with a note', () => {
    const report = one({
      plans: [entry({ ...splitNamePlan(), expand: hugeSql(300) }, 'proven', trace(150))],
    });
    const full = renderPrComment(report, { ...CTX, maxLength: 1e9 });
    expect(full).toContain('Locks traced');
    const noTrace = renderPrComment(report, { ...CTX, maxLength: full.length - 1 });
    expect(noTrace).not.toContain('Locks traced');
    expect(noTrace).toContain(hugeSql(300));
    expect(problems(noTrace)).toEqual([]);

    const shortened = renderPrComment(report, { ...CTX, maxLength: noTrace.length - 1 });
    expect(shortened.length).toBeLessThan(noTrace.length);
    expect(shortened).toContain('_SQL shortened to 40 lines of 300: the split files hold all of it._');
    expect(shortened).toContain(`${hugeSql(40)}\n\`\`\``);
    expect(shortened).toContain('**5. Contract**'); // the short phases stay whole
    expect(problems(shortened)).toEqual([]);
  });

  it('(d) keeps the verdict and the first rows, pointing to the job summary', () => {
    const report = bigReport(300, 4, 200);
    const body = renderPrComment(report, CTX);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.split('\n')[1]).toContain('**300 breaking changes**');
    const rows = tableRows(body);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.length).toBeLessThan(1200);
    expect(body).toContain(
      `…and ${1200 - rows.length} more findings: every finding is in [the job summary](https://github.com/acme/app/actions/runs/42).`,
    );
    expect(body).toContain('The phase plans of 300 migrations are too long for a comment');
    expect(body).toContain('**Next step**: add the label');
    expect(body).not.toContain('```sql');
    expect(problems(body)).toEqual([]);
  });

  it('stays well-formed and under any limit', () => {
    const report = bigReport(12, 3, 40);
    for (const maxLength of [300, 1000, 3000, 10_000, 30_000, 60_000, 1e9]) {
      for (const splitMode of ['label', 'off'] as const) {
        const body = renderPrComment(report, { ...CTX, maxLength, splitMode });
        expect(body.length).toBeLessThanOrEqual(maxLength);
        expect(hasMarker(body)).toBe(true);
        expect(problems(body)).toEqual([]);
      }
    }
  });

  it('points to the run when there is no summary URL', () => {
    const { summaryUrl: _, ...ctx } = CTX;
    const body = renderPrComment(bigReport(100, 4, 10), { ...ctx, maxLength: 10_000 });
    expect(body).toContain('every finding is in the job summary of this workflow run.');
    expect(body.length).toBeLessThanOrEqual(10_000);
  });
});

describe('the well-formedness check of these tests', () => {
  it('catches what it looks for', () => {
    expect(problems('```sql\nSELECT 1;\n')).toContain('a code fence is not closed');
    expect(problems('<details><summary>x</summary>\n\ny\n')).toContain('1 <details> but 0 </details>');
    expect(problems('a <script>alert(1)</script>')).toContain('raw <script in the Markdown');
    expect(problems('```\n<script>\n```\n')).toEqual([]);
    expect(problems('a <img src=x>')).toContain('raw <img> tag');
    expect(problems('ask @team')).toContain('an @mention outside code');
    const table = '| File | Rule | Lock | Why |\n| --- | --- | --- | --- |\n';
    expect(problems(`${table}| a | b &#124; c | d | e |\n| a | b | c | d |`)).toEqual([]);
    expect(problems(`${table}| a | b | c | d | e |`)).toContain('a table row of 5 cells');
    expect(problems(`${table}| a | b\nc | d | e |`)).toContain('a table row of 2 cells');
  });
});
