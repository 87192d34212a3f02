// The contract every rule implements: metadata first, then `check`, reporting by message id.
import type { SchemaCatalog } from '../catalog/model.js';
import type { LockMode, MigrationFile, Severity, Statement } from '../types.js';

export type RuleType = 'breaking' | 'blocking' | 'data' | 'advisory';

export interface RuleMeta {
  /** Kebab-case id: file name, config key, SARIF ruleId and docs slug. */
  id: string;
  type: RuleType;
  /** One line: what the rule finds. */
  description: string;
  /** Default severity (config may change it). */
  severity: Severity;
  /** True when a finding means old application code can fail or change meaning. */
  breaking: boolean;
  /** Message templates by id, with `{{placeholder}}` slots; one sentence each. */
  messages: Record<string, string>;
  /** Short advice starting with the change to make. */
  help: string;
}

export interface ReportInput {
  messageId: string;
  data?: Record<string, string | number>;
  /** libpg-query `location` of the offending clause (bytes, as in the node); defaults to the statement. */
  location?: number;
  /** `schema.table[.column]` or another qualified object name. */
  object?: string | null;
  lock?: LockMode | null;
  /** Overrides `meta.breaking` for this finding. */
  breaking?: boolean;
  /** Overrides the severity for this finding (before config overrides). */
  severity?: Severity;
}

/** What the transaction of the current statement has done so far. */
export interface TransactionState {
  /** Statements that ran before this one in the same transaction (empty outside a transaction). */
  previous: Statement[];
  /** `SET lock_timeout` seen earlier in the file's session (a `SET LOCAL` only inside this transaction). */
  lockTimeoutSet: boolean;
  statementTimeoutSet: boolean;
}

export interface RuleContext {
  /** The schema just before this statement runs. */
  catalog: SchemaCatalog;
  file: MigrationFile;
  /** All statements of the file, in order (for net-effect checks). */
  fileStatements: Statement[];
  /** Statements of the same release that run after this one (this file's rest, then later files). */
  later(): readonly Statement[];
  tx: TransactionState;
  postgresVersion: number;
  /** Options from config for this rule (validated against nothing yet: plain values). */
  options: Record<string, unknown>;
  report(input: ReportInput): void;
}

export interface Rule {
  meta: RuleMeta;
  check(statement: Statement, ctx: RuleContext): void;
}
