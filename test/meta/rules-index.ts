import { RULES } from '../../src/rules/index.js';
import { BUILTIN_RULE_IDS } from '../../src/rules/meta.js';

const TYPES = [
  ['breaking', 'Breaking: the running release fails or reads wrong data'],
  ['blocking', 'Blocking: locks, scans and rewrites that stall traffic'],
  ['data', 'Data changes inside schema migrations'],
  ['advisory', 'Types, robustness and transactions'],
] as const;

export function renderRulesIndex(): string {
  const lines = [
    '# Rules',
    '',
    'Every finding names its rule; each rule has a page with the problem, why it breaks a rolling deploy, the',
    'lock it takes and the safe expand/contract way. Severities are defaults: change them, or turn a rule off,',
    'in `.github/expand-contract.yml` (see [configuration](../configuration.md)).',
    '',
  ];
  for (const [type, title] of TYPES) {
    lines.push(`## ${title}`, '', '| rule | severity | breaking | what it finds |', '|---|---|---|---|');
    for (const r of RULES.filter((x) => x.meta.type === type)) {
      lines.push(
        `| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.severity} | ${r.meta.breaking ? 'yes' : 'no'} | ${r.meta.description} |`,
      );
    }
    lines.push('');
  }
  lines.push('## Reported by the tool itself', '', '| finding | about |', '|---|---|');
  const about: Record<string, string> = {
    'editing-applied-migration':
      'a pull request that edits, deletes or renames a migration already on the base branch (the Action)',
    'expired-ignore': 'an ignore comment whose `until=` date has passed',
    'input-error':
      'a file that cannot be read as SQL: too large, not UTF-8, psql-only input, unknown placeholders',
    'invalid-ignore': 'an ignore comment without a rule or a reason, or with a bad date',
    'syntax-error': 'a statement PostgreSQL cannot parse',
    'unanalysed-sql': 'SQL built at run time (dynamic EXECUTE) or an unparseable PL/pgSQL body',
    'unused-ignore': 'an ignore comment that silences nothing',
  };
  for (const id of BUILTIN_RULE_IDS) lines.push(`| [${id}](${id}.md) | ${about[id] ?? ''} |`);
  lines.push('');
  return lines.join('\n');
}
