// The statements a StaticCatalog has applied, kept per catalog instance. The catalog model keeps the
// names, kinds and columns of constraints and indexes but not their definitions (a CHECK expression,
// a foreign key's target, an index's expressions and WHERE clause); the column swap needs them to
// copy what depends on a column. Recording only: the catalog's behaviour is unchanged.
// TODO: drop this module once ConstraintModel and IndexModel carry their definitions.
import { StaticCatalog } from '../catalog/static-catalog.js';
import type { SchemaCatalog } from '../catalog/model.js';
import type { Statement } from '../types.js';

const logs = new WeakMap<object, Statement[]>();

interface Recordable {
  apply(statement: Statement): void;
}

const RECORDING = Symbol.for('expand-contract.ddl-log');
const proto = StaticCatalog.prototype as unknown as Recordable & { [RECORDING]?: true };
if (!proto[RECORDING]) {
  const apply = proto.apply;
  proto.apply = function record(this: object, statement: Statement): void {
    let log = logs.get(this);
    if (!log) logs.set(this, (log = []));
    log.push(statement);
    apply.call(this, statement);
  };
  proto[RECORDING] = true;
}

/** Every statement applied to `catalog` so far, in order; undefined for a catalog that applied none. */
export function appliedStatements(catalog: SchemaCatalog): readonly Statement[] | undefined {
  return logs.get(catalog);
}
