import { listName, unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';

export const banAlterDomainWithAddConstraint = {
  meta: {
    id: 'ban-alter-domain-with-add-constraint',
    type: 'blocking',
    description:
      'ALTER DOMAIN ADD CONSTRAINT (or SET NOT NULL) without NOT VALID, which checks every column of the domain in every table.',
    severity: 'error',
    breaking: false,
    messages: {
      add: 'Adding constraint `{{constraint}}` to domain `{{domain}}` checks every column of that domain in every table, holding a SHARE lock that blocks writes on each of those tables until its check finishes.',
      notNull:
        'Setting NOT NULL on domain `{{domain}}` checks every column of that domain in every table, holding a SHARE lock that blocks writes on each of those tables until its check finishes.',
    },
    help: 'Put the CHECK on the table columns instead (ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT), or add it to the domain with NOT VALID and validate it at a quiet time.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'AlterDomainStmt') return;
    const [, n] = unwrap(statement.node);
    const domain = listName(n.typeName);
    if (!domain.name || ctx.catalog.isNewType(domain)) return;
    if (n.subtype === 'O') {
      ctx.report({ messageId: 'notNull', data: { domain: domain.key }, object: domain.key, lock: 'SHARE' });
      return;
    }
    if (n.subtype !== 'C') return;
    const [kind, con] = unwrap(n.def);
    if (kind !== 'Constraint' || con.skip_validation) return;
    if (con.contype !== 'CONSTR_CHECK' && con.contype !== 'CONSTR_NOTNULL') return;
    const name = typeof con.conname === 'string' ? con.conname : `${domain.name}_check`;
    ctx.report({
      messageId: 'add',
      data: { constraint: name, domain: domain.key },
      location: typeof con.location === 'number' ? con.location : undefined,
      object: `${domain.key}.${name}`,
      lock: 'SHARE',
    });
  },
} satisfies Rule;
