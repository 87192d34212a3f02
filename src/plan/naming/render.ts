// The text of each migration in its framework's own form: goose and dbmate markers (with a down
// section that undoes the expand phase), a note where a framework cannot be told to skip its
// transaction, and goose's StatementBegin/End around statements with bodies.
import type { FrameworkName } from '../../types.js';
import { statementsOf } from './statements.js';

export interface RenderedFile {
  /** Path relative to the migration's own path (`''` = that path; `.conf`, `.down.sql` ...). */
  suffix: string;
  content: string;
}

export interface ExpandInput {
  framework: FrameworkName;
  planId: string;
  sql: string;
  /** Undoes the expand phase, newest first (statements without semicolons). */
  rollback: readonly string[];
  transactional: boolean;
  pending: string;
}

export interface LaterInput {
  framework: FrameworkName;
  planId: string;
  source: string;
  sql: string;
  why: string;
  outsideTransaction: boolean;
  /** True when the framework's index (drizzle's journal, sqitch.plan) lists this migration already. */
  indexed?: boolean;
}

/** Frameworks whose files carry no marker that turns their transaction off. */
const NO_MARKER = new Set<FrameworkName>(['prisma', 'drizzle', 'supabase', 'sql', 'sqitch']);

export function renderExpand(input: ExpandInput): RenderedFile[] {
  const header = [
    `-- expand-contract ${input.planId}: expand phase (the contract waits in ${input.pending})`,
  ];
  const up = statementsOf(input.sql);
  const down = input.rollback.map((text) => ({ text: text.replace(/;\s*$/, ''), hasBody: false }));
  switch (input.framework) {
    case 'goose':
      return [
        {
          suffix: '',
          content: lines([
            ...header,
            '-- +goose Up',
            ...(input.transactional ? [] : ['-- +goose NO TRANSACTION']),
            ...gooseBody(up),
            ...(down.length > 0 ? ['', '-- +goose Down', ...gooseBody(down)] : []),
          ]),
        },
      ];
    case 'dbmate':
      return [
        {
          suffix: '',
          content: lines([
            ...header,
            input.transactional ? '-- migrate:up' : '-- migrate:up transaction:false',
            ...up.map(statement),
            '',
            '-- migrate:down',
            ...down.map(statement),
          ]),
        },
      ];
    case 'golang-migrate': {
      const files = [{ suffix: '', content: lines([...header, ...up.map(statement)]) }];
      if (down.length > 0) {
        files.push({
          suffix: '.down.sql',
          content: lines([
            `-- expand-contract ${input.planId}: undoes the expand phase`,
            ...down.map(statement),
          ]),
        });
      }
      return files;
    }
    default:
      return [{ suffix: '', content: lines([...header, ...up.map(statement)]) }];
  }
}

export function renderLater(input: LaterInput): RenderedFile[] {
  const header = [`-- expand-contract ${input.planId}: runs after ${input.source}`, `-- ${input.why}`];
  const stmts = statementsOf(input.sql);
  const outside = input.outsideTransaction;
  switch (input.framework) {
    case 'goose':
      return [
        {
          suffix: '',
          content: lines([
            ...header,
            '-- +goose Up',
            ...(outside ? ['-- +goose NO TRANSACTION'] : []),
            ...gooseBody(stmts),
          ]),
        },
      ];
    case 'dbmate':
      return [
        {
          suffix: '',
          content: lines([
            ...header,
            outside ? '-- migrate:up transaction:false' : '-- migrate:up',
            ...stmts.map(statement),
            '',
            '-- migrate:down',
          ]),
        },
      ];
    case 'flyway': {
      const files = [{ suffix: '', content: lines([...header, ...stmts.map(statement)]) }];
      if (outside) files.push({ suffix: '.conf', content: 'executeInTransaction=false\n' });
      return files;
    }
    default: {
      const note =
        NO_MARKER.has(input.framework) && outside
          ? ['-- expand-contract: this migration must run outside a transaction block; run it on its own.']
          : [];
      if (input.framework === 'drizzle' && input.indexed !== true)
        note.push('-- expand-contract: add this file to meta/_journal.json.');
      if (input.framework === 'sqitch' && input.indexed !== true)
        note.push('-- expand-contract: add this change to sqitch.plan.');
      return [{ suffix: '', content: lines([...header, ...note, ...stmts.map(statement)]) }];
    }
  }
}

function statement(s: { text: string }): string {
  return `${s.text};`;
}

function gooseBody(stmts: ReadonlyArray<{ text: string; hasBody: boolean }>): string[] {
  return stmts.flatMap((s) =>
    s.hasBody ? ['-- +goose StatementBegin', statement(s), '-- +goose StatementEnd'] : [statement(s)],
  );
}

function lines(list: readonly string[]): string {
  return `${list.join('\n')}\n`;
}
