// add-check-not-valid: CHECK ... NOT VALID now, VALIDATE CONSTRAINT in a later migration.
import { notValidLater, notValidRollback, readNotValid, type NotValidSpec } from '../not-valid.js';
import type { Recipe } from '../types.js';
import { NO_APP } from './define.js';

export const addCheckNotValid = {
  id: 'add-check-not-valid',
  rules: ['constraint-missing-not-valid'],
  kind: 'primary',
  appliesTo: (finding) => finding.rule === 'constraint-missing-not-valid',
  validate: (target) => readNotValid(target, 'CONSTR_CHECK', 'CHECK'),
  object: (s) => `${s.table.name.key}.${s.constraint}`,
  summary: (s) =>
    `Add check ${s.constraint} on ${s.table.name.key} NOT VALID (new writes are checked at once), and VALIDATE it in a later migration without blocking traffic.`,
  expand: (s) => [s.add],
  later: notValidLater,
  contract: () => [],
  rollback: notValidRollback,
  app: () => NO_APP,
  drops: () => [],
} satisfies Recipe<NotValidSpec>;
