// add-foreign-key-not-valid: FOREIGN KEY ... NOT VALID now, VALIDATE CONSTRAINT in a later migration.
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

export const addForeignKeyNotValid = {
  id: 'add-foreign-key-not-valid',
  rules: ['adding-foreign-key-constraint', 'constraint-missing-not-valid'],
  kind: 'primary',
  appliesTo: (finding) =>
    finding.rule === 'adding-foreign-key-constraint' || finding.rule === 'constraint-missing-not-valid',
  validate: (target, ctx) => readNotValid(target, ctx, 'CONSTR_FOREIGN', 'FOREIGN KEY'),
  object: (s) => `${s.table.name.key}.${s.constraint}`,
  summary: (s) => notValidSummary(s, 'foreign key'),
  expand: notValidExpand,
  later: notValidLater,
  contract: notValidContract,
  rollback: notValidRollback,
  app: () => NO_APP,
  drops: () => [],
} satisfies Recipe<NotValidSpec>;
