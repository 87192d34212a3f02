// The analysis pipeline: parsed migrations -> schema model -> rules -> Report.
// Reads no environment, opens no sockets: the CLI and the Action are front ends over it.
import { historyModel, type CatalogSnapshot } from './catalog/replay-seed.js';
import { loadParser, parseFile } from './parse/index.js';
import { ruleDocs, ruleMessage } from './rules/meta.js';
import { RULES } from './rules/index.js';
import { isExpired, matches, readDirective, type Directive } from './rules/suppress.js';
import type { ReportInput, Rule, RuleContext, TransactionState } from './rules/types.js';
import type { Diagnostic, Finding, MigrationFile, ParsedFile, Report, Severity, Statement } from './types.js';

export interface RuleSetting {
  /** `off` disables the rule. */
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
}

export interface EngineOptions {
  /** PostgreSQL major version the migrations run on (default 16). */
  postgresVersion: number;
  rules: Record<string, RuleSetting>;
  /** Today as YYYY-MM-DD, for `until=` on ignore directives. */
  today: string;
  /**
   * The schema after the history, read from a database that replayed it: the model starts there
   * instead of reading the history statically (the history is still parsed, for the planner).
   */
  seed?: CatalogSnapshot;
}

export interface AnalysisInput {
  /** Migrations that already ran: they build the schema model and are not reported on. */
  history: MigrationFile[];
  /** Changes to analyse, in order; each is one release (shipped together). */
  releases: MigrationFile[][];
}

export const DEFAULT_OPTIONS: EngineOptions = {
  postgresVersion: 16,
  rules: {},
  today: new Date().toISOString().slice(0, 10),
};

/** One analysed statement with the findings its rules reported; a silenced one carries `suppressed`. */
export interface AnalysedStatement {
  file: MigrationFile;
  /** Index of the release the statement belongs to (0-based, as in AnalysisInput.releases). */
  release: number;
  statement: Statement;
  findings: Finding[];
}

export interface DetailedAnalysis {
  report: Report;
  /** Every statement of every release, in the order it runs. */
  statements: AnalysedStatement[];
  /** The parsed files of the history (already deployed), in order. */
  history: ParsedFile[];
  /** The replayed schema the model started from, when one was given. */
  seed?: CatalogSnapshot;
}

export async function analyze(
  input: AnalysisInput,
  options: EngineOptions = DEFAULT_OPTIONS,
): Promise<Report> {
  return (await analyzeDetailed(input, options)).report;
}

/** `analyze`, keeping each statement and its findings: what the planner works from. */
export async function analyzeDetailed(
  input: AnalysisInput,
  options: EngineOptions = DEFAULT_OPTIONS,
): Promise<DetailedAnalysis> {
  await loadParser();
  const history = input.history.map((file) => parseFile(file));
  const catalog = historyModel(history, options.seed);
  const statements: AnalysedStatement[] = [];

  const rules = RULES.filter((r) => options.rules[r.meta.id]?.severity !== 'off');
  const report: Report = { version: 1, files: [], findings: [], suppressed: [] };

  input.releases.forEach((releaseFiles, i) => {
    catalog.beginRelease(i + 1);
    const parsed = releaseFiles.map((f) => parseFile(f));
    const flat: Statement[] = parsed.flatMap((p) => p.statements);
    let flatIndex = 0;
    for (const p of parsed) {
      report.files.push({ path: p.file.path, framework: p.file.framework, statements: p.statements.length });
      const perStatement: Array<{ statement: Statement; findings: Finding[] }> = [];
      let sessionLockTimeout = false;
      let sessionStatementTimeout = false;
      let txState: { id: number; previous: Statement[]; lock: boolean; statement: boolean } | undefined;

      for (const statement of p.statements) {
        const index = flatIndex++;
        if (!txState || txState.id !== statement.transactionId) {
          txState = { id: statement.transactionId, previous: [], lock: false, statement: false };
        }
        const tx: TransactionState = {
          // Shared, not copied: the statement joins the list only after every rule has run on it.
          previous: statement.inTransaction ? txState.previous : [],
          lockTimeoutSet: sessionLockTimeout || txState.lock,
          statementTimeoutSet: sessionStatementTimeout || txState.statement,
        };
        const own: Finding[] = [];
        // One context per statement; `report` files findings under the rule being run.
        let current = rules[0] as Rule;
        const ctx: RuleContext = {
          catalog,
          file: p.file,
          fileStatements: p.statements,
          later: () => flat.slice(index + 1),
          tx,
          postgresVersion: options.postgresVersion,
          options: {},
          report: (input) => own.push(toFinding(current, statement, input, p.file.path, options)),
        };
        for (const rule of rules) {
          current = rule;
          ctx.options = options.rules[rule.meta.id]?.options ?? {};
          rule.check(statement, ctx);
        }
        perStatement.push({ statement, findings: own });
        statements.push({ file: p.file, release: i, statement, findings: own });
        catalog.apply(statement);
        if (statement.inTransaction) txState.previous.push(statement);
        const setting = timeoutSetting(statement);
        if (setting) {
          const local = setting.local && statement.inTransaction;
          if (setting.name === 'lock_timeout') {
            if (local) txState.lock = setting.on;
            else sessionLockTimeout = setting.on;
          } else if (local) txState.statement = setting.on;
          else sessionStatementTimeout = setting.on;
        }
      }
      applyDirectives(p, perStatement, report, options);
    }
  });

  const order = new Map(report.files.map((f, i) => [f.path, i]));
  const byPlace = (a: Finding, b: Finding): number =>
    (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0) || a.line - b.line || a.column - b.column;
  report.findings.sort(byPlace);
  report.suppressed.sort(byPlace);
  return { report, statements, history, ...(options.seed ? { seed: options.seed } : {}) };
}

function toFinding(
  rule: Rule,
  statement: Statement,
  input: ReportInput,
  path: string,
  options: EngineOptions,
): Finding {
  const setting = options.rules[rule.meta.id]?.severity;
  const at = statement.locate(input.location);
  return {
    rule: rule.meta.id,
    severity: setting && setting !== 'off' ? setting : (input.severity ?? rule.meta.severity),
    breaking: input.breaking ?? rule.meta.breaking,
    path,
    line: at.line,
    column: at.column,
    statementLine: statement.line,
    object: input.object ?? null,
    lock: input.lock ?? null,
    message: ruleMessage(rule.meta, input.messageId, input.data),
    help: rule.meta.help,
    docs: ruleDocs(rule.meta.id),
  };
}

/** Applies ignore directives to one file's findings and adds the file's diagnostics. */
function applyDirectives(
  parsed: ParsedFile,
  perStatement: Array<{ statement: Statement; findings: Finding[] }>,
  report: Report,
  options: EngineOptions,
): void {
  const path = parsed.file.path;
  const own: Finding[] = [];
  for (const d of parsed.diagnostics) {
    const setting = options.rules[d.rule]?.severity;
    if (setting === 'off') continue;
    own.push(diagnosticFinding(path, setting ? { ...d, severity: setting } : d));
  }
  const all: Directive[] = [];
  const fileDirectives: Directive[] = [];
  const byLine = new Map<number, Directive | undefined>();

  // Every directive in the file, read once by line; statements then pick up the ones above them.
  parsed.file.sql.split('\n').forEach((text, i) => {
    if (!text.includes('expand-contract-ignore')) return;
    const d = readDirective(text, i + 1);
    if (!d) return;
    if ('error' in d) {
      own.push(metaFinding(path, d.line, 'invalid-ignore', d.error));
      byLine.set(i + 1, undefined);
      return;
    }
    all.push(d);
    byLine.set(i + 1, d);
    if (d.scope === 'file') fileDirectives.push(d);
  });

  // A directive above a DO block also covers the statements the block runs.
  let enclosing: Directive[] = [];
  for (const { statement, findings } of perStatement) {
    // Inside a PL/pgSQL body the directives are the comment lines right above the statement.
    const lines = statement.plpgsql
      ? linesAbove(byLine, statement.line)
      : statement.leadingComments.map((c) => c.line);
    const local = lines
      .map((line) => byLine.get(line))
      .filter((d): d is Directive => d !== undefined && d.scope === 'statement');
    if (!statement.plpgsql) enclosing = local;
    const applicable = statement.plpgsql ? [...local, ...enclosing] : local;
    for (const f of findings) {
      const d = [...applicable, ...fileDirectives].find((x) => matches(x, f) && !isExpired(x, options.today));
      if (d) {
        d.used = true;
        // Marked in place, so a statement's findings (analyzeDetailed) show the suppression too.
        f.suppressed = { reason: d.reason, ...(d.until ? { until: d.until } : {}) };
        report.suppressed.push(f);
      } else own.push(f);
    }
  }

  for (const d of all) {
    const name = d.scope === 'file' ? 'expand-contract-ignore-file' : 'expand-contract-ignore';
    if (isExpired(d, options.today)) {
      own.push(
        metaFinding(
          path,
          d.line,
          'expired-ignore',
          `${name} ${d.rules.join(',')} expired on ${d.until}; fix the statement or renew the date.`,
        ),
      );
    } else if (!d.used) {
      own.push(
        metaFinding(
          path,
          d.line,
          'unused-ignore',
          `${name} ${d.rules.join(',')} suppresses nothing here; remove it.`,
        ),
      );
    }
  }
  report.findings.push(...own);
}

function linesAbove(byLine: Map<number, Directive | undefined>, line: number): number[] {
  const out: number[] = [];
  for (let l = line - 1; byLine.has(l); l--) out.push(l);
  return out;
}

function diagnosticFinding(path: string, d: Diagnostic): Finding {
  return {
    rule: d.rule,
    severity: d.severity,
    breaking: false,
    path,
    line: d.line,
    column: d.column,
    statementLine: d.line,
    object: null,
    lock: null,
    message: d.message,
    docs: ruleDocs(d.rule),
  };
}

function metaFinding(path: string, line: number, rule: string, message: string): Finding {
  return {
    rule,
    severity: 'warning',
    breaking: false,
    path,
    line,
    column: 1,
    statementLine: line,
    object: null,
    lock: null,
    message,
    docs: ruleDocs(rule),
  };
}

function timeoutSetting(
  s: Statement,
): { name: 'lock_timeout' | 'statement_timeout'; local: boolean; on: boolean } | undefined {
  if (s.kind !== 'VariableSetStmt') return undefined;
  const n = s.node.VariableSetStmt as { name?: string; is_local?: boolean; kind?: string; args?: unknown[] };
  if (n.name !== 'lock_timeout' && n.name !== 'statement_timeout') return undefined;
  // lock_timeout = 0 (or '0', or DEFAULT/RESET) means "wait forever".
  const arg = (n.args?.[0] ?? {}) as { A_Const?: { ival?: { ival?: number }; sval?: { sval?: string } } };
  const value = arg.A_Const?.sval?.sval ?? String(arg.A_Const?.ival?.ival ?? 0);
  const off = n.kind !== 'VAR_SET_VALUE' || /^0+\s*(ms|s|min)?$/i.test(value.trim());
  return { name: n.name, local: Boolean(n.is_local), on: !off };
}
