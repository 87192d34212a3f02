// Identifiers written back as SQL.

/** An identifier as it must be written in SQL: bare when it is a plain lower-case name, else quoted. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
