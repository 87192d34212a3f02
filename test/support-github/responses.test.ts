// Every implemented route's responses (successes and GitHub-style errors) validated against the schema
// GitHub documents for that status, twice: by the server itself (`validateResponses`) and here, with an
// independent Ajv (strict: false, ajv-formats) over @octokit/openapi's api.github.com.json.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  ACCEPTED_PERMISSIONS,
  fakeSha,
  PERMISSIONS,
  startFakeGitHub,
  type FakeGitHub,
} from '../support/github/index.js';
import { octokitFor, repoOf, seedPr } from './helpers.js';

type Json = Record<string, unknown>;
interface Captured {
  status: number;
  data: unknown;
}

const require = createRequire(import.meta.url);
const spec = JSON.parse(
  readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'),
) as { paths: Record<string, Record<string, Json>>; components: Record<string, Record<string, Json>> };
// OpenAPI 3.0: `nullable: true` beside an enum lacking null still allows null (GitHub sends a null
// check-run conclusion while the run is in progress); Ajv's `nullable` keeps such enums strict.
function nullableEnums(node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(nullableEnums);
  const schema = node as Json;
  if (schema['nullable'] === true && Array.isArray(schema['enum']) && !schema['enum'].includes(null)) {
    schema['enum'].push(null);
  }
  // `nullable` without `type` (the compare API's commit `author`) does not compile in Ajv: "this or null".
  if (schema['nullable'] === true && !('type' in schema)) {
    const { nullable: _nullable, ...rest } = schema;
    for (const key of Object.keys(schema)) delete schema[key];
    schema['anyOf'] = [rest, { type: 'null' }];
  }
  Object.values(schema).forEach(nullableEnums);
}
nullableEnums(spec);
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats.default(ajv);
ajv.addFormat('repo.nwo', /^[^/\s]+\/[^/\s]+$/);
ajv.addSchema({ components: { schemas: spec.components['schemas'] } }, 'spec');

const validators = new Map<string, ValidateFunction | undefined>();
function validatorFor(operationId: string, status: number): ValidateFunction | undefined {
  const key = `${operationId} ${status}`;
  if (!validators.has(key)) validators.set(key, compileValidator(operationId, status));
  return validators.get(key);
}

function compileValidator(operationId: string, status: number): ValidateFunction | undefined {
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item)) {
      if (op['operationId'] !== operationId) continue;
      const responses = op['responses'] as Record<string, Json>;
      let response = responses[String(status)] ?? responses['default'];
      if (!response && status >= 400)
        response = {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/basic-error' } } },
        };
      if (!response) throw new Error(`${operationId} documents no ${status} response`);
      if (typeof response['$ref'] === 'string')
        response = spec.components['responses']![response['$ref'].split('/').pop()!]!;
      const schema = ((response['content'] as Json | undefined)?.['application/json'] as Json | undefined)?.[
        'schema'
      ];
      // GitHub sends its error body also where the description documents none (409 of create-deployment).
      if (!schema)
        return status >= 400 ? ajv.compile({ $ref: 'spec#/components/schemas/basic-error' }) : undefined;
      return ajv.compile(
        JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"spec#/components/')) as Json,
      );
    }
  }
  throw new Error(`no operation ${operationId}`);
}

let github: FakeGitHub;
let octokit: Octokit;
const captured: Captured[] = [];
beforeAll(async () => {
  github = await startFakeGitHub({ validateResponses: true, quiet: true });
  octokit = octokitFor(github);
  octokit.hook.wrap('request', async (request, options) => {
    try {
      const response = await request(options);
      captured.push({ status: response.status, data: response.data });
      return response;
    } catch (error) {
      const response = (error as { response?: { status: number; data: unknown } }).response;
      if (response) captured.push({ status: response.status, data: response.data });
      throw error;
    }
  });
});
afterAll(() => github.close());

const fails = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable(),
    () => undefined,
  );

it('answers the pull request, comment, label, check and status operations', async () => {
  const { owner, repo } = repoOf(github);
  const pr = seedPr(github, 1, 5, ['migrations']);
  const forkPr = github.seedPullRequest({
    number: 2,
    head: { sha: 'f'.repeat(40), fork: true },
    base: { sha: pr.base.sha },
  });
  const sha = pr.head.sha;

  await octokit.rest.repos.get({ owner, repo });
  await octokit.rest.repos.get({ owner: 'contributor', repo });
  await octokit.rest.pulls.get({ owner, repo, pull_number: 1 });
  await octokit.rest.pulls.get({ owner, repo, pull_number: forkPr.number });
  await fails(octokit.rest.pulls.get({ owner, repo, pull_number: 404 }));
  await octokit.rest.pulls.listFiles({ owner, repo, pull_number: 1, per_page: 2 });
  const { data: comment } = await octokit.rest.issues.createComment({
    owner,
    repo,
    issue_number: 1,
    body: 'hello',
  });
  await fails(octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: ' ' }));
  await octokit.rest.issues.getComment({ owner, repo, comment_id: comment.id });
  await octokit.rest.issues.updateComment({ owner, repo, comment_id: comment.id, body: 'edited' });
  await octokit.rest.issues.listComments({ owner, repo, issue_number: 1 });
  await octokit.rest.issues.deleteComment({ owner, repo, comment_id: comment.id });
  await octokit.rest.issues.addLabels({ owner, repo, issue_number: 1, labels: ['a', 'b'] });
  await octokit.rest.issues.setLabels({ owner, repo, issue_number: 1, labels: ['a', 'c'] });
  await octokit.rest.issues.listLabelsOnIssue({ owner, repo, issue_number: 1 });
  await octokit.rest.issues.removeLabel({ owner, repo, issue_number: 1, name: 'a' });
  await fails(octokit.rest.issues.removeLabel({ owner, repo, issue_number: 1, name: 'a' }));
  const annotation = {
    path: 'a.sql',
    start_line: 1,
    end_line: 1,
    annotation_level: 'failure' as const,
    message: 'm',
  };
  const { data: run } = await octokit.rest.checks.create({
    owner,
    repo,
    name: 'ec',
    head_sha: sha,
    status: 'in_progress',
  });
  await octokit.rest.checks.update({
    owner,
    repo,
    check_run_id: run.id,
    conclusion: 'success',
    output: { title: 't', summary: 's', annotations: [annotation] },
  });
  await fails(
    octokit.rest.checks.create({
      owner,
      repo,
      name: 'ec',
      head_sha: sha,
      output: { title: 't', summary: 's', annotations: Array(51).fill(annotation) },
    }),
  );
  await fails(octokit.rest.checks.create({ owner, repo, name: 'ec', head_sha: 'a'.repeat(40) }));
  await octokit.rest.checks.get({ owner, repo, check_run_id: run.id });
  await octokit.rest.checks.listAnnotations({ owner, repo, check_run_id: run.id });
  await octokit.rest.checks.listForRef({ owner, repo, ref: sha });
  await octokit.rest.repos.createCommitStatus({ owner, repo, sha, state: 'pending', context: 'ec' });
  await octokit.rest.repos.createCommitStatus({
    owner,
    repo,
    sha,
    state: 'success',
    context: 'ec',
    target_url: null,
  });
  await octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref: 'feature-1' });
  await octokit.rest.repos.listCommitStatusesForRef({ owner, repo, ref: sha });
  await octokit.rest.git.getRef({ owner, repo, ref: 'heads/main' });
  await fails(octokit.rest.git.getRef({ owner, repo, ref: 'heads/nope' }));
  await octokit.rest.rateLimit.get();
  const readOnly = octokitFor(github, github.addToken(PERMISSIONS.readAll));
  await fails(readOnly.rest.checks.create({ owner, repo, name: 'ec', head_sha: sha }));

  expect(github.violations).toEqual([]);
});

it('answers the deployment, pull request list/create/update, compare and branch operations', async () => {
  const { owner, repo } = repoOf(github);
  const history = [fakeSha('c0'), fakeSha('c1'), fakeSha('c2'), fakeSha('c3')];
  github.state.isAncestor = (a, d) => history.indexOf(a) >= 0 && history.indexOf(a) <= history.indexOf(d);
  github.setRef('main', history[1]!);
  github.setRef('contract/1', history[3]!);
  github.addCommit(history[2]!);
  await octokit.rest.repos.createCommitStatus({
    owner,
    repo,
    sha: history[2]!,
    state: 'failure',
    context: 'ci',
  });

  const { data: deployment } = await octokit.rest.repos.createDeployment({
    owner,
    repo,
    ref: 'main',
    required_contexts: [],
  });
  if (!('id' in deployment)) throw new Error('expected a deployment');
  await fails(octokit.rest.repos.createDeployment({ owner, repo, ref: 'nope' }));
  await fails(octokit.rest.repos.createDeployment({ owner, repo, ref: history[2]! })); // 409: ci failed
  const deployment_id = deployment.id;
  await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id, state: 'in_progress' });
  await octokit.rest.repos.createDeploymentStatus({
    owner,
    repo,
    deployment_id,
    state: 'success',
    log_url: 'https://example.com/log',
  });
  await fails(
    octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id,
      state: 'failure',
      description: 'x'.repeat(141),
    }),
  );
  github.seedDeployment({
    sha: history[0]!,
    statuses: [{ state: 'success', createdAt: '2024-01-01T00:00:00Z' }],
  });
  await octokit.rest.repos.listDeployments({ owner, repo, environment: 'production', per_page: 1 });
  await octokit.rest.repos.getDeployment({ owner, repo, deployment_id });
  await fails(octokit.rest.repos.getDeployment({ owner, repo, deployment_id: 1 }));
  await octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id });
  await fails(octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: 1 }));

  const { data: opened } = await octokit.rest.pulls.create({
    owner,
    repo,
    title: 'Contract',
    head: 'contract/1',
    base: 'main',
    body: 'drops the old column',
    draft: true,
  });
  await fails(octokit.rest.pulls.create({ owner, repo, title: 'again', head: 'contract/1', base: 'main' }));
  await fails(octokit.rest.pulls.create({ owner, repo, title: 'x', head: 'nope', base: 'main' }));
  await octokit.rest.pulls.list({ owner, repo, state: 'all', head: `${owner}:contract/1`, per_page: 1 });
  await octokit.rest.pulls.update({ owner, repo, pull_number: opened.number, title: 'Contract!' });
  await octokit.rest.pulls.update({ owner, repo, pull_number: opened.number, state: 'closed' });
  await fails(octokit.rest.pulls.update({ owner, repo, pull_number: opened.number, base: 'nope' }));
  github.closePullRequest(1, { merged: true, mergeCommitSha: history[1]! });
  await octokit.rest.pulls.get({ owner, repo, pull_number: 1 });

  await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: 'main...contract/1' });
  await octokit.rest.repos.compareCommitsWithBasehead({
    owner,
    repo,
    basehead: `${history[3]!}...${history[0]!}`,
    per_page: 1,
  });
  await fails(
    octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `main...${'9'.repeat(40)}` }),
  );
  await octokit.rest.repos.getBranch({ owner, repo, branch: 'contract/1' });
  await fails(octokit.rest.repos.getBranch({ owner, repo, branch: 'nope' }));
  const restricted = octokitFor(github, github.addToken(PERMISSIONS.restricted));
  await fails(restricted.rest.repos.listDeployments({ owner, repo }));
  expect(github.violations).toEqual([]);
});

it('validated every response against the documented schema, for every implemented operation', () => {
  expect(validatorFor('pulls/get', 200)!({ number: 1 })).toBe(false); // the validators do bite
  const hooked = github.requests.filter((r) => r.token === github.token);
  expect(captured).toHaveLength(hooked.length); // the read-only and restricted clients are not hooked
  for (const [i, response] of captured.entries()) {
    const { operationId, status } = hooked[i]!;
    expect(response.status).toBe(status);
    const validate = validatorFor(operationId!, status);
    if (!validate) {
      expect(response.data === undefined || response.data === '', `${operationId} ${status} has a body`).toBe(
        true,
      );
      continue;
    }
    const valid = validate(response.data);
    expect(ajv.errorsText(validate.errors), `${operationId} ${status}`).toBe('No errors');
    expect(valid).toBe(true);
  }
  const succeeded = new Set(github.requests.filter((r) => r.status < 300).map((r) => r.operationId));
  expect([...succeeded].sort()).toEqual(Object.keys(ACCEPTED_PERMISSIONS).sort());
  expect(new Set(github.requests.map((r) => r.status))).toEqual(new Set([200, 201, 204, 403, 404, 409, 422]));
  expect(github.violations).toEqual([]);
});
