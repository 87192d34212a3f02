// The recipe registry, in the order the planner tries them on a statement.
import { addCheckNotValid } from './add-check-not-valid.js';
import { addForeignKeyNotValid } from './add-foreign-key-not-valid.js';
import { addRequiredColumn } from './add-required-column.js';
import { addUniqueUsingIndex } from './add-unique-using-index.js';
import { backfill } from './backfill.js';
import { changeColumnType } from './change-column-type.js';
import { createIndexConcurrently } from './create-index-concurrently.js';
import { register } from './define.js';
import { dropColumn } from './drop-column.js';
import { dropIndexConcurrently } from './drop-index-concurrently.js';
import { dropTable } from './drop-table.js';
import { lockTimeout } from './lock-timeout.js';
import { lostRename } from './lost-rename.js';
import { renameColumn } from './rename-column.js';
import { renameTable } from './rename-table.js';
import { setNotNull } from './set-not-null.js';
import { volatileDefault } from './volatile-default.js';
import type { RegisteredRecipe } from '../types.js';

export const RECIPES: readonly RegisteredRecipe[] = [
  register(dropColumn),
  register(dropTable),
  register(renameColumn),
  register(renameTable),
  register(changeColumnType),
  register(setNotNull),
  register(addRequiredColumn),
  register(backfill),
  register(createIndexConcurrently),
  register(dropIndexConcurrently),
  register(addForeignKeyNotValid),
  register(addCheckNotValid),
  register(addUniqueUsingIndex),
  register(volatileDefault),
  register(lostRename),
  register(lockTimeout),
];
