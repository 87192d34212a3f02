import { listName, unwrap } from '../parse/ast.js';
import type { Rule } from './types.js';

export const banCreateDomainWithConstraint = {
  meta: {
    id: 'ban-create-domain-with-constraint',
    type: 'blocking',
    description:
      'CREATE DOMAIN with a CHECK constraint, which cannot be changed online later and hides the check from the tables.',
    severity: 'warning',
    breaking: false,
    messages: {
      create:
        'Domain `{{domain}}` carries a CHECK constraint, which cannot be changed later without checking every column of the domain in every table under locks, and which readers of those tables’ definitions do not see.',
    },
    help: 'Declare the domain without a CHECK and put the CHECK constraint on the table columns, where NOT VALID and VALIDATE CONSTRAINT let you change it online.',
  },
  check(statement, ctx) {
    if (statement.kind !== 'CreateDomainStmt') return;
    const [, n] = unwrap(statement.node);
    const domain = listName(n.domainname);
    const check = (Array.isArray(n.constraints) ? n.constraints : [])
      .map((c) => unwrap(c)[1])
      .find((c) => c.contype === 'CONSTR_CHECK');
    if (!check) return;
    ctx.report({
      messageId: 'create',
      data: { domain: domain.key },
      location: typeof check.location === 'number' ? check.location : undefined,
      object: domain.key,
      lock: null,
    });
  },
} satisfies Rule;
