// The read-only query runner for the production database's migration history (see src/db/read-only.ts).
import { DatabaseError } from '../../db/database.js';
import {
  checkReadOnlyUrl,
  readOnlySession,
  type DatabaseTimeouts,
  type ReadOnlyPurpose,
  type ReadOnlySession,
} from '../../db/read-only.js';

export type { DatabaseTimeouts, ReadOnlySession };

/** Reading the history table failed. `code` is PostgreSQL's SQLSTATE when the server refused a statement. */
export class DeployAgeError extends DatabaseError {
  override name = 'DeployAgeError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const DEPLOY_AGE: ReadOnlyPurpose = {
  what: 'the production database',
  applicationName: 'expand-contract (deploy age, read only)',
  reading: 'reading the migration history',
  privilegeHint: 'grant the role in the URL SELECT on the history table (and USAGE on its schema)',
  error: (message, code) => new DeployAgeError(message, code),
  owns: (e) => e instanceof DeployAgeError,
};

/** Runs `fn` in a read-only transaction on the production database (see readOnlySession). */
export function readOnly<T>(
  url: string,
  fn: (session: ReadOnlySession) => Promise<T>,
  timeouts: DatabaseTimeouts = {},
): Promise<T> {
  return readOnlySession(url, DEPLOY_AGE, fn, timeouts);
}

/** Checks the URL; gives `host:port/database` to name it in messages. The URL itself is never shown. */
export function checkUrl(url: string): { url: URL; display: string } {
  return checkReadOnlyUrl(url, DEPLOY_AGE);
}
