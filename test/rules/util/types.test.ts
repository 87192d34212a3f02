import { describe, expect, it } from 'vitest';
import type { TypeRef } from '../../../src/parse/ast.js';
import { classifyTypeChange, isBinaryCoercible, isTrivialUsing } from '../../../src/rules/util/types.js';

function t(name: string, mods: number[] = [], arrayDims = 0, schema: string | null = null): TypeRef {
  return { name, schema, mods, arrayDims, display: name };
}

describe('isBinaryCoercible', () => {
  it.each([
    ['varchar(10) -> varchar(10)', t('varchar', [10]), t('varchar', [10])],
    ['varchar(10) -> varchar(20)', t('varchar', [10]), t('varchar', [20])],
    ['varchar(10) -> varchar', t('varchar', [10]), t('varchar')],
    ['varchar(10) -> text', t('varchar', [10]), t('text')],
    ['text -> varchar', t('text'), t('varchar')],
    ['numeric(10,2) -> numeric(12,2)', t('numeric', [10, 2]), t('numeric', [12, 2])],
    ['numeric(10,2) -> numeric', t('numeric', [10, 2]), t('numeric')],
    ['varbit(8) -> varbit', t('varbit', [8]), t('varbit')],
    ['cidr -> inet', t('cidr'), t('inet')],
    ['serial4 -> int4', t('serial4'), t('int4')],
    ['timestamp(3) -> timestamp', t('timestamp', [3]), t('timestamp')],
    ['varchar(5)[] -> text[]', t('varchar', [5], 1), t('text', [], 1)],
    ['mood -> public.mood', t('mood'), t('mood', [], 0, 'public')],
  ])('%s is compatible', (_, from, to) => {
    expect(isBinaryCoercible(from, to)).toBe(true);
  });

  it.each([
    ['varchar(20) -> varchar(10)', t('varchar', [20]), t('varchar', [10])],
    ['varchar -> varchar(10)', t('varchar'), t('varchar', [10])],
    ['text -> varchar(10)', t('text'), t('varchar', [10])],
    ['numeric(10,2) -> numeric(12,3)', t('numeric', [10, 2]), t('numeric', [12, 3])],
    ['numeric -> numeric(10,2)', t('numeric'), t('numeric', [10, 2])],
    ['int4 -> int8', t('int4'), t('int8')],
    ['inet -> cidr', t('inet'), t('cidr')],
    ['timestamp -> timestamp(3)', t('timestamp'), t('timestamp', [3])],
    ['bpchar(5) -> bpchar(10)', t('bpchar', [5]), t('bpchar', [10])],
    ['text -> text[]', t('text'), t('text', [], 1)],
    ['a.mood -> b.mood', t('mood', [], 0, 'a'), t('mood', [], 0, 'b')],
  ])('%s is a real change', (_, from, to) => {
    expect(isBinaryCoercible(from, to)).toBe(false);
  });
});

describe('classifyTypeChange', () => {
  const pg = { using: false, postgresVersion: 16 };
  it('treats USING as a rewrite even to the same type', () => {
    expect(classifyTypeChange(t('text'), t('text'), { ...pg, using: true })).toEqual({
      kind: 'change',
      rewrite: 'yes',
    });
  });
  it('says "maybe" when the old type is unknown', () => {
    expect(classifyTypeChange(undefined, t('text'), pg)).toEqual({ kind: 'change', rewrite: 'maybe' });
    expect(classifyTypeChange(t('unknown'), t('text'), pg)).toEqual({ kind: 'change', rewrite: 'maybe' });
  });
  it('knows timestamp <-> timestamptz skips the rewrite under UTC from PostgreSQL 12', () => {
    expect(classifyTypeChange(t('timestamp'), t('timestamptz'), pg)).toEqual({
      kind: 'change',
      rewrite: 'unless-utc',
    });
    expect(classifyTypeChange(t('timestamptz'), t('timestamp'), { ...pg, postgresVersion: 11 })).toEqual({
      kind: 'change',
      rewrite: 'yes',
    });
  });
  it('returns compatible for widenings', () => {
    expect(classifyTypeChange(t('varchar', [5]), t('text'), pg)).toEqual({ kind: 'compatible' });
  });
});

describe('isTrivialUsing', () => {
  const using = (expr: unknown, to: TypeRef): boolean => isTrivialUsing(expr, 'c', to);
  const col = (...fields: string[]): unknown => ({
    ColumnRef: { fields: fields.map((sval) => ({ String: { sval } })) },
  });
  const cast = (arg: unknown, name: string[], mods: number[] = []): unknown => ({
    TypeCast: {
      arg,
      typeName: {
        names: name.map((sval) => ({ String: { sval } })),
        typmods: mods.map((ival) => ({ A_Const: { ival: { ival } } })),
      },
    },
  });

  it('accepts the bare column and a cast to the new type', () => {
    expect(using(col('c'), t('text'))).toBe(true);
    expect(using(col('t', 'c'), t('text'))).toBe(true);
    expect(using(cast(col('c'), ['pg_catalog', 'varchar'], [80]), t('varchar', [80]))).toBe(true);
  });

  it('rejects other columns, other cast types, chains and expressions', () => {
    expect(using(col('d'), t('text'))).toBe(false);
    expect(using(cast(col('c'), ['varchar'], [10]), t('varchar', [80]))).toBe(false);
    expect(using(cast(cast(col('c'), ['text']), ['mood']), t('mood'))).toBe(false);
    expect(
      using({ FuncCall: { funcname: [{ String: { sval: 'trim' } }], args: [col('c')] } }, t('text')),
    ).toBe(false);
  });
});
