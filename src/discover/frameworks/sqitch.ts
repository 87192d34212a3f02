// sqitch: `sqitch.plan` lists the changes in deploy order; each runs `deploy/<change>.sql`. A change
// listed again later is "reworked": its earlier instances run `deploy/<change>@<tag>.sql`, named after
// a tag between that instance and the next. revert/ and verify/ scripts are not deploys. sqitch runs
// scripts through psql without a transaction of its own (scripts usually say BEGIN; ... COMMIT;).
import { numericKey, padNumber } from '../text.js';
import {
  inputDiagnostic,
  type ExtractContext,
  type Extracted,
  type Folder,
  type OrderResult,
} from './types.js';

export const name = 'sqitch';

const PLAN = 'sqitch.plan';

export function detect(folder: Folder): number {
  return folder.aux(PLAN) !== undefined && folder.files.some((f) => f.startsWith('deploy/')) ? 1 : 0;
}

export function auxFiles(): string[] {
  return [PLAN];
}

interface Instance {
  name: string;
  /** Tags written after this instance and before the next instance of the same change. */
  reworkTags: string[];
  last: boolean;
}

/** The deploy instances of a plan, in order. */
export function readPlan(plan: string): Instance[] {
  const instances: Instance[] = [];
  const latest = new Map<string, Instance>();
  const tagsSince = new Map<string, string[]>();
  for (const raw of plan.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('%')) continue;
    if (line.startsWith('@')) {
      const tag = /^@([^\s#]+)/.exec(line)?.[1];
      if (tag) for (const list of tagsSince.values()) list.push(tag);
      continue;
    }
    const m = /^([+-]?)([^\s[#@]+)/.exec(line);
    if (!m || m[1] === '-') continue;
    const change = m[2] as string;
    const previous = latest.get(change);
    if (previous) {
      previous.reworkTags = tagsSince.get(change) ?? [];
      previous.last = false;
    }
    const instance: Instance = { name: change, reworkTags: [], last: true };
    instances.push(instance);
    latest.set(change, instance);
    tagsSince.set(change, []);
  }
  return instances;
}

export function order(folder: Folder): OrderResult {
  const result: OrderResult = { entries: [], skipped: [], diagnostics: [] };
  const deploy = folder.files.filter((f) => f.startsWith('deploy/'));
  for (const rel of folder.files) {
    if (rel.startsWith('revert/')) {
      result.skipped.push({
        rel,
        reason: 'a sqitch revert script (it runs only on `sqitch revert`)',
        notice: false,
      });
    } else if (rel.startsWith('verify/')) {
      result.skipped.push({
        rel,
        reason: 'a sqitch verify script (it checks a deploy, it changes nothing)',
        notice: false,
      });
    }
  }
  const plan = folder.aux(PLAN);
  if (plan === undefined) {
    deploy.forEach((rel) => result.entries.push({ rel, orderKey: numericKey(rel) }));
    if (deploy[0] !== undefined) {
      result.diagnostics.push({
        rel: deploy[0],
        diagnostic: inputDiagnostic(
          'warning',
          1,
          1,
          `no ${PLAN} in ${folder.root}, so the deploy order is unknown; files were taken in name order`,
        ),
      });
    }
    return result;
  }
  const present = new Set(deploy);
  const used = new Set<string>();
  readPlan(plan).forEach((instance, index) => {
    const rel = scriptOf(instance, present);
    if (!present.has(rel) || used.has(rel)) return;
    used.add(rel);
    result.entries.push({ rel, orderKey: padNumber(String(index)) });
  });
  for (const rel of deploy) {
    if (!used.has(rel)) {
      result.skipped.push({
        rel,
        reason: `not a change in ${PLAN}, so sqitch does not deploy it; add it with \`sqitch add\``,
        notice: true,
      });
    }
  }
  return result;
}

function scriptOf(instance: Instance, present: Set<string>): string {
  if (instance.last) return `deploy/${instance.name}.sql`;
  const candidates = instance.reworkTags.map((tag) => `deploy/${instance.name}@${tag}.sql`);
  return candidates.find((c) => present.has(c)) ?? candidates[0] ?? `deploy/${instance.name}.sql`;
}

export function extract(text: string, _ctx: ExtractContext): Extracted {
  return { sql: text, transactional: false, diagnostics: [] };
}
