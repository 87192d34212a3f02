// GitHub's published OpenAPI description (@octokit/openapi, api.github.com.json, the non-dereferenced file),
// loaded once per process on first use, with a route table and per-operation validators compiled lazily and
// cached. Two Ajv instances: one coerces path/query strings (and fills defaults) for parameters, the other
// validates JSON bodies and responses strictly against `#/components/schemas` added once under the id `gh`.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

export interface Operation {
  method: string; // upper case
  template: string;
  operationId: string;
  docsUrl: string;
  segments: string[]; // template split on '/', params as '{name}'
  literals: number;
  parameters: Json[]; // resolved parameter objects
  requestBody: { required: boolean; schema: unknown } | undefined;
  responses: Json;
}

export interface RouteMatch {
  op: Operation;
  pathParams: Record<string, string>;
}

interface Spec {
  doc: Json;
  byMethod: Map<string, Operation[]>;
  byId: Map<string, Operation>;
  ajv: Ajv;
  paramAjv: Ajv;
  cache: Map<string, ValidateFunction>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
// A last parameter with these names may hold slashes unencoded (`git/ref/heads/main`), as GitHub accepts
// (the description marks `branch` and `basehead` `x-multi-segment`).
const GREEDY = new Set(['{ref}', '{path}', '{branch}', '{basehead}']);
let loaded: Spec | undefined;

function components(doc: Json, kind: string): Json {
  return ((doc['components'] as Json)[kind] ?? {}) as Json;
}

function resolve(doc: Json, node: unknown): Json {
  let current = node as Json;
  for (let i = 0; i < 10 && typeof current['$ref'] === 'string'; i++) {
    const [, , kind, name] = (current['$ref'] as string).split('/');
    current = components(doc, kind!)[name!] as Json;
  }
  return current;
}

/** A copy of a schema with every `#/components/...` reference pointing into the `gh` document instead. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `gh${value}` : rebase(value);
  }
  return out;
}

/**
 * OpenAPI 3.0's `nullable: true` next to an `enum` without null (check-run `conclusion`, for one) means
 * "or null" in GitHub's description, while Ajv keeps the enum strict; add null to such enums, in place.
 */
export function nullableEnums(node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(nullableEnums);
  const schema = node as Json;
  if (schema['nullable'] === true && Array.isArray(schema['enum']) && !schema['enum'].includes(null)) {
    schema['enum'] = [...(schema['enum'] as unknown[]), null];
  }
  // `nullable` without `type` (a nullable `anyOf`, as the compare API's commit `author`): Ajv refuses to
  // compile it, so it becomes "this or null".
  if (schema['nullable'] === true && !('type' in schema)) {
    const { nullable: _nullable, ...rest } = schema;
    for (const key of Object.keys(schema)) delete schema[key];
    schema['anyOf'] = [rest, { type: 'null' }];
  }
  for (const value of Object.values(schema)) nullableEnums(value);
}

function load(): Spec {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Json;
  const byMethod = new Map<string, Operation[]>();
  const byId = new Map<string, Operation>();
  for (const [template, item] of Object.entries(doc['paths'] as Record<string, Json>)) {
    const shared = (item['parameters'] as unknown[] | undefined) ?? [];
    for (const method of METHODS) {
      const raw = item[method] as Json | undefined;
      if (!raw) continue;
      const segments = template.split('/');
      const body = raw['requestBody'] ? resolve(doc, raw['requestBody']) : undefined;
      const op: Operation = {
        method: method.toUpperCase(),
        template,
        operationId: raw['operationId'] as string,
        docsUrl:
          ((raw['externalDocs'] as Json | undefined)?.['url'] as string) ?? 'https://docs.github.com/rest',
        segments,
        literals: segments.filter((s) => !s.startsWith('{')).length,
        parameters: [...shared, ...((raw['parameters'] as unknown[]) ?? [])].map((p) => resolve(doc, p)),
        requestBody: body && {
          required: body['required'] === true,
          schema: ((body['content'] as Json)['application/json'] as Json | undefined)?.['schema'],
        },
        responses: raw['responses'] as Json,
      };
      const list = byMethod.get(op.method) ?? [];
      list.push(op);
      byMethod.set(op.method, list);
      byId.set(op.operationId, op);
    }
  }
  for (const list of byMethod.values()) list.sort((a, b) => b.literals - a.literals);
  nullableEnums(components(doc, 'schemas'));
  nullableEnums(doc['paths']);
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  ajv.addFormat('repo.nwo', /^[^/\s]+\/[^/\s]+$/); // `owner/name`, used by POST /pulls `head_repo`
  ajv.addSchema({ components: { schemas: components(doc, 'schemas') } }, 'gh');
  const paramAjv = new Ajv({
    strict: false,
    allErrors: true,
    coerceTypes: 'array',
    useDefaults: true,
    validateSchema: false,
  });
  addFormats.default(paramAjv);
  loaded = { doc, byMethod, byId, ajv, paramAjv, cache: new Map() };
  return loaded;
}

/** Loads the description now (about 0.3 s) instead of on the first request. */
export function preloadSpec(): void {
  load();
}

export function operationById(operationId: string): Operation | undefined {
  return load().byId.get(operationId);
}

/** A deep copy of `#/components/examples/<name>`'s value, used as a template for responses. */
export function specExample<T = Json>(name: string): T {
  const example = components(load().doc, 'examples')[name] as Json | undefined;
  if (!example) throw new Error(`fake GitHub: no example "${name}" in the OpenAPI description`);
  return structuredClone(example['value']) as T;
}

function matchSegments(op: Operation, parts: string[]): Record<string, string> | undefined {
  const greedy = GREEDY.has(op.segments[op.segments.length - 1]!) && parts.length > op.segments.length;
  if (parts.length !== op.segments.length && !greedy) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < op.segments.length; i++) {
    const seg = op.segments[i]!;
    const last = i === op.segments.length - 1;
    const part = greedy && last ? parts.slice(i).join('/') : parts[i]!;
    if (seg.startsWith('{')) {
      if (part === '') return undefined;
      params[seg.slice(1, -1)] = part;
    } else if (seg !== part) return undefined;
  }
  return params;
}

/** The operation for a method and URL path (still percent-encoded), preferring more literal segments. */
export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
  const parts = pathname.replace(/\/+$/, '').split('/');
  const ops = load().byMethod.get(method.toUpperCase()) ?? [];
  for (const exact of [true, false]) {
    for (const op of ops) {
      if (exact !== (op.segments.length === parts.length)) continue;
      const raw = matchSegments(op, parts);
      if (!raw) continue;
      const pathParams: Record<string, string> = {};
      for (const [k, v] of Object.entries(raw)) pathParams[k] = decodeURIComponent(v);
      return { op, pathParams };
    }
  }
  return undefined;
}

/** Whether any operation (any method) has this path: tells 404-worthy paths from wrong methods. */
export function pathExists(pathname: string): boolean {
  const parts = pathname.replace(/\/+$/, '').split('/');
  for (const ops of load().byMethod.values()) if (ops.some((op) => matchSegments(op, parts))) return true;
  return false;
}

function inline(doc: Json, schema: unknown, depth = 0): unknown {
  if (depth > 8 || schema === null || typeof schema !== 'object') return schema;
  if (Array.isArray(schema)) return schema.map((s) => inline(doc, s, depth + 1));
  const node = resolve(doc, schema);
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(doc, v, depth + 1)]));
}

function cached(key: string, build: () => ValidateFunction): ValidateFunction {
  const spec = load();
  let fn = spec.cache.get(key);
  if (!fn) {
    fn = build();
    spec.cache.set(key, fn);
  }
  return fn;
}

function describe(errors: ErrorObject[] | null | undefined, where: string): string {
  return (errors ?? [])
    .slice(0, 8)
    .map((e) => `${where}${e.instancePath} ${e.message ?? e.keyword}${paramsText(e)}`)
    .join('; ');
}

function paramsText(e: ErrorObject): string {
  const p = e.params as Json;
  if (p['allowedValues']) return ` (${JSON.stringify(p['allowedValues'])})`;
  if (p['additionalProperty']) return ` ("${String(p['additionalProperty'])}")`;
  return '';
}

/**
 * Validates and coerces path or query parameters in place (integers become numbers, defaults are filled).
 * Returns an error text, or undefined when they are valid.
 */
export function validateParameters(
  op: Operation,
  location: 'path' | 'query',
  values: Record<string, unknown>,
  rejectUnknown: boolean,
): string | undefined {
  const fn = cached(`${op.operationId}:${location}:${rejectUnknown}`, () => {
    const doc = load().doc;
    const mine = op.parameters.filter((p) => p['in'] === location);
    const schema = {
      type: 'object',
      properties: Object.fromEntries(mine.map((p) => [p['name'], inline(doc, p['schema'] ?? {})])),
      required: mine.filter((p) => p['required'] === true).map((p) => p['name']),
      additionalProperties: !rejectUnknown,
    };
    return load().paramAjv.compile(schema);
  });
  return fn(values) ? undefined : describe(fn.errors, location);
}

/** Validates a JSON request body against the operation's requestBody schema. */
export function validateRequestBody(op: Operation, body: unknown): string | undefined {
  if (!op.requestBody) return body === undefined ? undefined : 'the operation takes no request body';
  if (body === undefined) return op.requestBody.required ? 'a request body is required' : undefined;
  const schema = op.requestBody.schema;
  if (!schema) return undefined;
  const fn = cached(`${op.operationId}:body`, () => load().ajv.compile(rebase(schema) as Json));
  return fn(body) ? undefined : describe(fn.errors, 'body');
}

/** The documented JSON schema of a response, or undefined when the status has no JSON content. */
export function responseSchema(op: Operation, status: number): { documented: boolean; schema?: unknown } {
  const doc = load().doc;
  const raw = op.responses[String(status)] ?? op.responses['default'];
  if (!raw) {
    const error = status >= 400 ? { $ref: '#/components/schemas/basic-error' } : undefined;
    return { documented: false, schema: error };
  }
  const response = resolve(doc, raw);
  const content = response['content'] as Json | undefined;
  const json = (content?.['application/json'] ?? content?.['application/scim+json']) as Json | undefined;
  // Some errors are documented without content (409 of create-deployment) while GitHub sends its usual
  // error body: hold that body to the basic-error shape.
  if (!json && status >= 400)
    return { documented: true, schema: { $ref: '#/components/schemas/basic-error' } };
  return { documented: true, schema: json?.['schema'] };
}

/** Validates a response body against the schema documented for its status. */
export function validateResponseBody(op: Operation, status: number, body: unknown): string | undefined {
  const { documented, schema } = responseSchema(op, status);
  if (!documented && status < 400) return `status ${status} is not documented for ${op.operationId}`;
  if (!schema) return body === undefined ? undefined : `status ${status} is documented without a body`;
  const fn = cached(`${op.operationId}:response:${status}`, () => load().ajv.compile(rebase(schema) as Json));
  return fn(body) ? undefined : describe(fn.errors, 'response');
}
