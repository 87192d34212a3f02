// Validates the text of a configuration file into a Config. Every problem is collected and thrown as
// one ConfigError, a line each: `<file>:<line>: <key>: <what is wrong>; <what to do>`.
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type YAMLMap,
} from 'yaml';
import { FRAMEWORK_NAMES, type FrameworkName, type Severity } from '../types.js';
import { readExposure } from './exposure.js';
import { suggest } from './suggest.js';
import {
  ConfigError,
  DEFAULT_CONFIG,
  parseSize,
  FAIL_ON,
  REFERENCES,
  type Config,
  type RuleConfig,
} from './types.js';

export const CONFIG_KEYS = [
  'paths',
  'framework',
  'postgres-version',
  'fail-on',
  'rules',
  'disable',
  'placeholders',
  'max-file-size',
  'contract-after',
  'references',
  'exposure',
] as const;

export const FRAMEWORKS: readonly FrameworkName[] = FRAMEWORK_NAMES;
const SEVERITIES: readonly (Severity | 'off')[] = ['error', 'warning', 'notice', 'off'];
const DOCS = 'see docs/configuration.md';

/** One problem as the user sees it. */
export function formatConfigError(
  file: string,
  line: number,
  key: string,
  problem: string,
  advice: string,
): string {
  return `${file}:${line}: ${key}: ${problem}; ${advice}`;
}

/** Validates the text of a configuration file; `file` is the name used in messages. */
export function parseConfig(text: string, file: string, knownRules: readonly string[]): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lineOf(syntax.pos[0]);
    if (syntax.code === 'DUPLICATE_KEY') {
      const key =
        /^[^:\n]*/
          .exec(text.slice(syntax.pos[0]))?.[0]
          .trim()
          .replace(/^["']|["']$/g, '') ?? '';
      throw new ConfigError(formatConfigError(file, line, key, 'duplicate key', 'keep only one of the two'));
    }
    if (syntax.code === 'MULTIPLE_DOCS') {
      throw new ConfigError(
        `${file}:${line}: invalid YAML: a second document starts here (---); keep a single document`,
      );
    }
    const { col } = lineCounter.linePos(syntax.pos[0]);
    const what = syntax.message.split('\n')[0]?.replace(/\.$/, '') ?? 'syntax error';
    throw new ConfigError(`${file}:${line}: invalid YAML: ${what} (column ${col}); fix the syntax, ${DOCS}`);
  }
  const config = defaults(file);
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return config;
  const checker = new Checker(file, doc, lineOf, knownRules);
  if (!isMap(doc.contents)) {
    checker.fail(
      doc.contents,
      'configuration',
      `expected a mapping of settings, got ${checker.show(doc.contents)}`,
      DOCS,
    );
  } else {
    checker.top(doc.contents, config);
  }
  if (checker.problems.length > 0) throw new ConfigError(checker.problems.join('\n'));
  return config;
}

type Node = unknown;

class Checker {
  readonly problems: string[] = [];

  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lineOf: (offset: number) => number,
    private readonly knownRules: readonly string[],
  ) {}

  top(map: YAMLMap, config: Config): void {
    let disabled: { ids: string[]; node: Node } | undefined;
    for (const pair of map.items) {
      const key = this.keyName(pair.key);
      const value = this.resolve(pair.value);
      const at = isScalar(value) && value.value === null ? pair.key : value;
      switch (key) {
        case 'paths':
          config.paths = this.strings(
            at,
            value,
            'paths',
            'a glob or a list of globs',
            "write globs such as 'db/migrations/*.sql'",
          );
          break;
        case 'framework': {
          const name = this.choice(at, value, 'framework', FRAMEWORKS);
          if (name) config.framework = name;
          break;
        }
        case 'postgres-version':
          config.postgresVersion = this.version(at, value) ?? config.postgresVersion;
          break;
        case 'fail-on':
          config.failOn = this.choice(at, value, 'fail-on', FAIL_ON) ?? config.failOn;
          break;
        case 'rules':
          config.rules = this.rules(at, value);
          break;
        case 'disable': {
          const ids = this.strings(
            at,
            value,
            'disable',
            'a list of rule ids',
            'write disable: [rule-id, ...]',
          );
          disabled = {
            ids: ids.filter((id, i) => this.ruleId(seqItem(value, i) ?? at, 'disable', id)),
            node: at,
          };
          break;
        }
        case 'placeholders':
          config.placeholders = this.placeholders(at, value);
          break;
        case 'max-file-size':
          config.maxFileBytes = this.size(at, value) ?? config.maxFileBytes;
          break;
        case 'contract-after':
          config.contractAfterDays = this.days(at, value) ?? config.contractAfterDays;
          break;
        case 'references':
          config.references = this.choice(at, value, 'references', REFERENCES) ?? config.references;
          break;
        case 'exposure':
          config.exposure = readExposure(this, at, value, config.exposure);
          break;
        default: {
          const hint = suggest(key, CONFIG_KEYS);
          this.fail(
            pair.key,
            key,
            'unknown key',
            hint ? `did you mean ${hint}?` : `accepted keys are ${CONFIG_KEYS.join(', ')}`,
          );
        }
      }
    }
    for (const id of disabled?.ids ?? []) {
      const severity = config.rules[id]?.severity;
      if (severity !== undefined && severity !== 'off') {
        this.fail(
          disabled?.node,
          `disable.${id}`,
          `also set to ${severity} under rules`,
          'keep only one of the two',
        );
      }
      config.rules[id] = { ...config.rules[id], severity: 'off' };
    }
  }

  private rules(at: Node, value: Node): Record<string, RuleConfig> {
    const out = new Map<string, RuleConfig>();
    if (!isMap(value)) {
      this.fail(
        at,
        'rules',
        `expected a mapping of rule ids, got ${this.show(value)}`,
        'write rules: { rule-id: warning }',
      );
      return {};
    }
    for (const pair of value.items) {
      const id = this.keyName(pair.key);
      const key = `rules.${id}`;
      if (!this.ruleId(pair.key, 'rules', id)) continue;
      const v = this.resolve(pair.value);
      const vAt = isScalar(v) && v.value === null ? pair.key : v;
      const severityAdvice = `use one of ${SEVERITIES.join(', ')}, or { severity, options }`;
      if (isMap(v)) {
        const rule: RuleConfig = {};
        for (const inner of v.items) {
          const name = this.keyName(inner.key);
          const iv = this.resolve(inner.value);
          const ivAt = isScalar(iv) && iv.value === null ? inner.key : iv;
          if (name === 'severity') {
            const severity = this.choice(ivAt, iv, `${key}.severity`, SEVERITIES);
            if (severity) rule.severity = severity;
          } else if (name === 'options') {
            if (isMap(iv)) rule.options = iv.toJS(this.doc) as Record<string, unknown>;
            else
              this.fail(
                ivAt,
                `${key}.options`,
                `expected a mapping, got ${this.show(iv)}`,
                'write options: { name: value }',
              );
          } else {
            const hint = suggest(name, ['severity', 'options']);
            this.fail(
              inner.key,
              `${key}.${name}`,
              'unknown key',
              hint ? `did you mean ${hint}?` : 'use severity or options',
            );
          }
        }
        out.set(id, rule);
      } else {
        const severity = this.choice(vAt, v, key, SEVERITIES, severityAdvice);
        if (severity) out.set(id, { severity });
      }
    }
    return Object.fromEntries(out);
  }

  private placeholders(at: Node, value: Node): Record<string, string> {
    const out = new Map<string, string>();
    if (!isMap(value)) {
      this.fail(
        at,
        'placeholders',
        `expected a mapping of names to values, got ${this.show(value)}`,
        'write placeholders: { schema: app }',
      );
      return {};
    }
    for (const pair of value.items) {
      const name = this.keyName(pair.key);
      const v = this.resolve(pair.value);
      if (isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number')) {
        // Numbers keep their written form: 1.0 stays "1.0", 0x1F stays "0x1F".
        out.set(name, typeof v.value === 'number' ? (v.source ?? String(v.value)) : v.value);
      } else {
        const vAt = isScalar(v) && v.value === null ? pair.key : v;
        this.fail(
          vAt,
          `placeholders.${name}`,
          `expected a string or a number, got ${this.show(v)}`,
          `quote the value, as in ${name}: 'text'`,
        );
      }
    }
    return Object.fromEntries(out);
  }

  private version(at: Node, value: Node): number | undefined {
    const advice = 'write a PostgreSQL major version from 10 to 18, such as 16';
    if (!isScalar(value) || typeof value.value !== 'number') {
      this.fail(at, 'postgres-version', `expected a number, got ${this.show(value)}`, advice);
      return undefined;
    }
    const v = value.value;
    if (!Number.isInteger(v))
      this.fail(at, 'postgres-version', `${this.show(value)} is not a major version`, advice);
    else if (v < 10 || v > 18) this.fail(at, 'postgres-version', `${v} is not supported`, advice);
    else return v;
    return undefined;
  }

  private days(at: Node, value: Node): number | undefined {
    const advice = 'write a whole number of days from 0 to 365, such as 7';
    const v = isScalar(value) ? value.value : undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 365) {
      this.fail(at, 'contract-after', `${this.show(value)} is not a number of days`, advice);
      return undefined;
    }
    return v;
  }

  private size(at: Node, value: Node): number | undefined {
    const advice = "write a number of bytes, such as 5242880, or a size such as '5MB' or '512KiB'";
    if (!isScalar(value) || (typeof value.value !== 'number' && typeof value.value !== 'string')) {
      this.fail(at, 'max-file-size', `expected a size, got ${this.show(value)}`, advice);
      return undefined;
    }
    let bytes: number;
    if (typeof value.value === 'number') {
      bytes = value.value;
    } else {
      const parsed = parseSize(value.value);
      if (parsed === undefined) {
        this.fail(
          at,
          'max-file-size',
          `${this.show(value)} is not a size`,
          `${advice} (units: B, KB, MB, GB, KiB, MiB, GiB)`,
        );
        return undefined;
      }
      bytes = parsed;
    }
    if (!Number.isSafeInteger(bytes) || bytes < 1) {
      this.fail(at, 'max-file-size', `${this.show(value)} is not a positive whole number of bytes`, advice);
      return undefined;
    }
    return bytes;
  }

  private strings(at: Node, value: Node, key: string, expected: string, advice: string): string[] {
    if (isScalar(value) && typeof value.value === 'string' && value.value !== '') return [value.value];
    if (!isSeq(value)) {
      this.fail(at, key, `expected ${expected}, got ${this.show(value)}`, advice);
      return [];
    }
    const out: string[] = [];
    value.items.forEach((raw, i) => {
      const item = this.resolve(raw);
      if (isScalar(item) && typeof item.value === 'string' && item.value !== '') out.push(item.value);
      else {
        this.fail(item ?? at, `${key}[${i}]`, `expected a non-empty string, got ${this.show(item)}`, advice);
        out.push('');
      }
    });
    return out;
  }

  private choice<T extends string>(
    at: Node,
    value: Node,
    key: string,
    allowed: readonly T[],
    advice?: string,
  ): T | undefined {
    const list = advice ?? `use one of ${allowed.join(', ')}`;
    if (!isScalar(value) || typeof value.value !== 'string') {
      const shown = this.show(value);
      this.fail(at, key, shown === 'nothing' ? 'no value given' : `${shown} is not a valid value`, list);
      return undefined;
    }
    const v = value.value;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    const hint = suggest(v, allowed);
    this.fail(at, key, `'${v}' is not a valid value`, hint ? `did you mean ${hint}?` : list);
    return undefined;
  }

  /** False (after reporting) when `id` is not a known rule; empty ids were reported already. */
  private ruleId(at: Node, key: string, id: string): boolean {
    if (id === '') return false;
    if (this.knownRules.includes(id)) return true;
    const hint = suggest(id, this.knownRules);
    this.fail(
      at,
      `${key}.${id}`,
      'unknown rule',
      hint ? `did you mean ${hint}?` : 'see docs/rules/ for the rule ids',
    );
    return false;
  }

  fail(at: Node, key: string, problem: string, advice: string): void {
    this.problems.push(formatConfigError(this.file, this.line(at), key, problem, advice));
  }

  private line(node: Node): number {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? this.lineOf(range[0]) : 1;
  }

  keyName(key: Node): string {
    const k = this.resolve(key);
    if (isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number')) return String(k.value);
    return String(k ?? '');
  }

  resolve(node: Node): Node {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }

  show(node: Node): string {
    const n = this.resolve(node);
    if (isMap(n)) return 'a mapping';
    if (isSeq(n)) return 'a list';
    if (!isScalar(n) || n.value === null || n.value === undefined) return 'nothing';
    const v = n.value;
    if (typeof v === 'string') return `'${v}'`;
    if (typeof v === 'number') return n.source ?? String(v);
    if (typeof v === 'boolean') return String(v);
    return 'a value of another type';
  }
}

function seqItem(value: Node, i: number): Node {
  return isSeq(value) ? value.items[i] : undefined;
}

export function defaults(source: string | null): Config {
  return {
    ...DEFAULT_CONFIG,
    paths: [],
    rules: {},
    placeholders: {},
    exposure: { ...DEFAULT_CONFIG.exposure },
    source,
  };
}
