// Per-statement memoisation for the readers several rules share: each statement is read once,
// whatever the number of rules that ask. Valid because every rule sees the same catalog for a statement.
import type { Statement } from '../../types.js';

export function perStatement<A extends unknown[], T>(
  fn: (statement: Statement, ...args: A) => T,
): (statement: Statement, ...args: A) => T {
  const cache = new WeakMap<Statement, T>();
  return (statement, ...args) => {
    if (cache.has(statement)) return cache.get(statement) as T;
    const value = fn(statement, ...args);
    cache.set(statement, value);
    return value;
  };
}
