// The registry: every rule, sorted by id. The only list of rules.
import { addingEnumValue } from './adding-enum-value.js';
import { addingExclusionConstraint } from './adding-exclusion-constraint.js';
import { addingFieldWithDefault } from './adding-field-with-default.js';
import { addingForeignKeyConstraint } from './adding-foreign-key-constraint.js';
import { addingPrimaryKeyConstraint } from './adding-primary-key-constraint.js';
import { addingRequiredField } from './adding-required-field.js';
import { addingSerialColumn } from './adding-serial-column.js';
import { addingStoredGeneratedColumn } from './adding-stored-generated-column.js';
import { addingUniqueConstraint } from './adding-unique-constraint.js';
import { backfillInMigration } from './backfill-in-migration.js';
import { banAlterDomainWithAddConstraint } from './ban-alter-domain-with-add-constraint.js';
import { banCharField } from './ban-char-field.js';
import { banCluster } from './ban-cluster.js';
import { banConcurrentIndexInTransaction } from './ban-concurrent-index-in-transaction.js';
import { banCreateDomainWithConstraint } from './ban-create-domain-with-constraint.js';
import { banDropCascade } from './ban-drop-cascade.js';
import { banDropColumn } from './ban-drop-column.js';
import { banDropDatabase } from './ban-drop-database.js';
import { banDropNotNull } from './ban-drop-not-null.js';
import { banDropSchema } from './ban-drop-schema.js';
import { banDropSequence } from './ban-drop-sequence.js';
import { banDropTable } from './ban-drop-table.js';
import { banDropType } from './ban-drop-type.js';
import { banDropView } from './ban-drop-view.js';
import { banReindexWithoutConcurrently } from './ban-reindex-without-concurrently.js';
import { banTruncate } from './ban-truncate.js';
import { banUncommittedTransaction } from './ban-uncommitted-transaction.js';
import { banVacuumFull } from './ban-vacuum-full.js';
import { changingColumnType } from './changing-column-type.js';
import { constraintMissingNotValid } from './constraint-missing-not-valid.js';
import { droppingColumnDefault } from './dropping-column-default.js';
import { identifierTooLong } from './identifier-too-long.js';
import { multipleAccessExclusiveLocks } from './multiple-access-exclusive-locks.js';
import { preferBigintPrimaryKey } from './prefer-bigint-primary-key.js';
import { preferIdentity } from './prefer-identity.js';
import { preferJsonb } from './prefer-jsonb.js';
import { preferRobustStmts } from './prefer-robust-stmts.js';
import { preferTimestamptz } from './prefer-timestamptz.js';
import { renamingColumn } from './renaming-column.js';
import { renamingEnumValue } from './renaming-enum-value.js';
import { renamingSchema } from './renaming-schema.js';
import { renamingTable } from './renaming-table.js';
import { requireConcurrentDetachPartition } from './require-concurrent-detach-partition.js';
import { requireConcurrentIndexCreation } from './require-concurrent-index-creation.js';
import { requireConcurrentIndexDeletion } from './require-concurrent-index-deletion.js';
import { requireLockTimeout } from './require-lock-timeout.js';
import { settingNotNull } from './setting-not-null.js';
import { transactionNesting } from './transaction-nesting.js';
import { validateConstraintInSameTransaction } from './validate-constraint-in-same-transaction.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  addingEnumValue,
  addingExclusionConstraint,
  addingFieldWithDefault,
  addingForeignKeyConstraint,
  addingPrimaryKeyConstraint,
  addingRequiredField,
  addingSerialColumn,
  addingStoredGeneratedColumn,
  addingUniqueConstraint,
  backfillInMigration,
  banAlterDomainWithAddConstraint,
  banCharField,
  banCluster,
  banConcurrentIndexInTransaction,
  banCreateDomainWithConstraint,
  banDropCascade,
  banDropColumn,
  banDropDatabase,
  banDropNotNull,
  banDropSchema,
  banDropSequence,
  banDropTable,
  banDropType,
  banDropView,
  banReindexWithoutConcurrently,
  banTruncate,
  banUncommittedTransaction,
  banVacuumFull,
  changingColumnType,
  constraintMissingNotValid,
  droppingColumnDefault,
  identifierTooLong,
  multipleAccessExclusiveLocks,
  preferBigintPrimaryKey,
  preferIdentity,
  preferJsonb,
  preferRobustStmts,
  preferTimestamptz,
  renamingColumn,
  renamingEnumValue,
  renamingSchema,
  renamingTable,
  requireConcurrentDetachPartition,
  requireConcurrentIndexCreation,
  requireConcurrentIndexDeletion,
  requireLockTimeout,
  settingNotNull,
  transactionNesting,
  validateConstraintInSameTransaction,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
