// The documented table locks of each traced statement, beside the traced ones: read from the statement
// with the same lock table the rules use, over the schema model before the change.
import type { SchemaCatalog } from '../catalog/model.js';
import { parseFile } from '../parse/index.js';
import { strongest, tableLocks } from '../rules/util/locks.js';
import type { LockMode } from '../types.js';
import type { PhaseTrace } from '../verify/trace.js';

export function addDocumentedLocks(
  trace: readonly PhaseTrace[],
  catalog: SchemaCatalog,
  postgresVersion: number,
): void {
  for (const phase of trace) {
    for (const s of phase.statements) {
      const parsed = parseFile({
        path: 'traced.sql',
        framework: 'sql',
        orderKey: '',
        transactional: false,
        sql: s.sql,
        diagnostics: [],
      });
      const statement = parsed.statements[0];
      if (parsed.statements.length !== 1 || !statement) continue;
      const best = new Map<string, LockMode>();
      for (const lock of tableLocks(statement, catalog, postgresVersion)) {
        const had = best.get(lock.table.key);
        best.set(lock.table.key, had ? strongest(had, lock.mode) : lock.mode);
      }
      s.documented = [...best].map(([relation, mode]) => ({ relation, mode }));
    }
  }
}
