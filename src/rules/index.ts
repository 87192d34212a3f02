// The registry: every rule, sorted by id. The only list of rules.
import { banDropColumn } from './ban-drop-column.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  banDropColumn,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
