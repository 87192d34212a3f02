// Message and docs helpers shared by every rule.
import type { RuleMeta } from './types.js';

/** Fills `{{name}}` slots of a rule's message template. */
export function ruleMessage(
  meta: RuleMeta,
  messageId: string,
  data: Record<string, string | number> = {},
): string {
  const template = meta.messages[messageId];
  if (template === undefined) throw new Error(`rule ${meta.id} has no message '${messageId}'`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) =>
    key in data ? String(data[key]) : `{{${key}}}`,
  );
}

/** The docs page of a rule, relative to the repository root. */
export function ruleDocs(id: string): string {
  return `docs/rules/${id}.md`;
}

/** Findings the engine reports itself, not through a rule in the registry. */
export const BUILTIN_RULE_IDS = [
  'editing-applied-migration',
  'expired-ignore',
  'input-error',
  'invalid-ignore',
  'syntax-error',
  'unanalysed-sql',
  'unused-ignore',
] as const;
