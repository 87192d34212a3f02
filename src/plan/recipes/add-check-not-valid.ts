// add-check-not-valid: CHECK ... NOT VALID now, VALIDATE CONSTRAINT in a later migration.
import {
  notValidContract,
  notValidExpand,
  notValidLater,
  notValidRollback,
  notValidSummary,
  readNotValid,
  type NotValidSpec,
} from '../not-valid.js';
import type { Recipe } from '../types.js';
import { NO_APP } from './define.js';

export const addCheckNotValid = {
  id: 'add-check-not-valid',
  rules: ['constraint-missing-not-valid'],
  kind: 'primary',
  appliesTo: (finding) => finding.rule === 'constraint-missing-not-valid',
  validate: (target, ctx) => readNotValid(target, ctx, 'CONSTR_CHECK', 'CHECK'),
  object: (s) => `${s.table.name.key}.${s.constraint}`,
  summary: (s) => notValidSummary(s, 'check'),
  expand: notValidExpand,
  later: notValidLater,
  contract: notValidContract,
  rollback: notValidRollback,
  app: () => NO_APP,
  drops: () => [],
} satisfies Recipe<NotValidSpec>;
