import { describe, expect, it } from 'vitest';
import { locales } from '../i18n/locale.js';
import { fieldTypes, piiKinds, type DataDictionary, type DictionaryField } from './data-dictionary.js';
import {
  describeTableSchemaProblem,
  fromTableSchema,
  tableSchemaMessages,
  tableSchemaRules,
  toTableSchema,
  type TableSchemaProblem,
} from './frictionless-table-schema.js';

const aField = (overrides: Partial<DictionaryField> = {}): DictionaryField => ({ name: 'kwh', type: 'number', ...overrides });
const aDictionary = (overrides: Partial<DataDictionary> = {}): DataDictionary => ({ fields: [aField()], ...overrides });

const imported = (input: unknown): DataDictionary => {
  const result = fromTableSchema(input);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result.value;
};
const problemsOf = (input: unknown): TableSchemaProblem[] => {
  const result = fromTableSchema(input);
  if (result.ok) throw new Error('expected the schema to be refused');
  return result.problems;
};
const through = (dictionary: DataDictionary) => imported(JSON.parse(JSON.stringify(toTableSchema(dictionary))));

/** mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const maybe = <T>(make: () => T): T | undefined => (next() < 0.5 ? make() : undefined);
  return { int, pick, maybe, next };
}

/** A dictionary with every member we model set or left out at random, and foreign extras. */
function aRandomDictionary(seed: number): DataDictionary {
  const r = random(seed);
  const words = ['用电量', 'kwh', 'a/b', 'x~y', '企业 名称', 'Amount', '', '"quoted"', 'month'];
  const text = () => `${r.pick(words)}${r.int(100)}`;
  const json = (): unknown => r.pick([() => text(), () => r.int(1000) - 500, () => r.next() < 0.5, () => null, () => [text(), r.int(9)], () => ({ k: text() })])();
  const texts = () => {
    const t: Partial<Record<'zh-CN' | 'en', string>> = {};
    if (r.next() < 0.7) t['zh-CN'] = text();
    if (r.next() < 0.7) t.en = text();
    return t;
  };
  const extra = (reserved: readonly string[]) => {
    const out: Record<string, unknown> = {};
    for (let i = r.int(3); i > 0; i--) out[r.pick(['rdfType', 'x-note', 'example', 'tds:future', 'bareNumber'])] = json();
    for (const key of reserved) delete out[key];
    return Object.keys(out).length > 0 ? out : undefined;
  };
  const fields: DictionaryField[] = Array.from({ length: 1 + r.int(6) }, (_, i) => {
    const field: DictionaryField = { name: `${text()}-${i}`, type: r.pick(fieldTypes) };
    const set = <K extends keyof DictionaryField>(key: K, value: DictionaryField[K] | undefined) => {
      if (value !== undefined) field[key] = value;
    };
    set('format', r.maybe(() => r.pick(['default', 'any', 'email', '%Y-%m-%d %H:%M:%S'])));
    set('title', r.maybe(texts));
    set('description', r.maybe(texts));
    set('unit', r.maybe(() => r.pick(['kW.h', 'CNY', '%'])));
    set('required', r.maybe(() => r.next() < 0.5));
    set('pii', r.maybe(() => ({ kind: r.pick(piiKinds), sensitive: r.next() < 0.5 })));
    set('concept', r.maybe(() => r.pick(['tds:uscc', 'tds:amount'])));
    set('statistics', r.maybe(() => ({ rows: r.int(1000), nulls: r.int(10), ...(r.next() < 0.5 ? { distinct: r.int(50), min: r.int(9), max: 'z', mean: r.next() } : {}) })));
    const fieldExtra = extra([]);
    const constraints = r.maybe(() => ({ unique: true, maximum: r.int(100) }));
    set('extra', constraints ? { ...fieldExtra, constraints } : fieldExtra);
    return field;
  });
  const dictionary: DataDictionary = { fields };
  if (r.next() < 0.5) dictionary.primaryKey = [r.pick(fields).name];
  if (r.next() < 0.5) dictionary.missingValues = r.pick([[''], ['', 'NA', '-']]);
  const schemaExtra = extra([]);
  if (schemaExtra) dictionary.extra = schemaExtra;
  return dictionary;
}

describe('toTableSchema', () => {
  it('writes the spec’s members the spec’s way, with the Chinese title as the title', () => {
    const dictionary = aDictionary({
      fields: [aField({ format: 'default', title: { 'zh-CN': '用电量', en: 'Consumption' }, description: { en: 'Monthly' }, required: true })],
      primaryKey: ['kwh'],
      missingValues: ['', 'NA'],
    });
    expect(toTableSchema(dictionary)).toEqual({
      fields: [
        {
          name: 'kwh',
          type: 'number',
          format: 'default',
          title: '用电量',
          description: 'Monthly',
          constraints: { required: true },
          'tds:title': { 'zh-CN': '用电量', en: 'Consumption' },
          'tds:description': { en: 'Monthly' },
        },
      ],
      primaryKey: ['kwh'],
      missingValues: ['', 'NA'],
    });
  });

  it('carries our extras in tds: members and foreign members as they were', () => {
    const field = aField({
      unit: 'kW.h',
      pii: { kind: 'phone', sensitive: false },
      concept: 'tds:electricity-consumption',
      statistics: { rows: 3, nulls: 0, min: 1, max: 9, mean: 5 },
      extra: { rdfType: 'https://schema.org/Energy', constraints: { minimum: 0 } },
    });
    expect(toTableSchema(aDictionary({ fields: [field], extra: { foreignKeys: [] } }))).toEqual({
      fields: [
        {
          name: 'kwh',
          type: 'number',
          constraints: { minimum: 0 },
          'tds:unit': 'kW.h',
          'tds:pii': { kind: 'phone', sensitive: false },
          'tds:concept': 'tds:electricity-consumption',
          'tds:statistics': { rows: 3, nulls: 0, min: 1, max: 9, mean: 5 },
          rdfType: 'https://schema.org/Energy',
        },
      ],
      foreignKeys: [],
    });
  });
});

describe('fromTableSchema', () => {
  it('reads a schema another tool wrote: default type, one-field key, title language from its script', () => {
    const schema = { fields: [{ name: 'id', title: 'Identifier' }, { name: 'mc', type: 'string', title: '名称' }], primaryKey: 'id' };
    expect(imported(schema)).toEqual({
      fields: [
        { name: 'id', type: 'string', title: { en: 'Identifier' } },
        { name: 'mc', type: 'string', title: { 'zh-CN': '名称' } },
      ],
      primaryKey: ['id'],
    });
  });

  it('keeps members it does not know, of the schema, each field and its constraints, and writes them back', () => {
    const schema = {
      $schema: 'https://frictionlessdata.io/schemas/table-schema.json',
      fields: [{ name: 'a', type: 'integer', rdfType: 'x', constraints: { required: false, unique: true }, 'tds:future': 1 }],
      foreignKeys: [{ fields: 'a', reference: { resource: 'other', fields: 'id' } }],
    };
    const dictionary = imported(schema);
    expect(dictionary.fields[0]).toEqual({ name: 'a', type: 'integer', required: false, extra: { rdfType: 'x', 'tds:future': 1, constraints: { unique: true } } });
    expect(toTableSchema(dictionary)).toEqual(schema);
  });

  it('lets a title edited by another tool replace the text in its language and keep the other', () => {
    const schema = { fields: [{ name: 'a', type: 'string', title: '新标题', 'tds:title': { 'zh-CN': '旧标题', en: 'Title' } }] };
    expect(imported(schema).fields[0]?.title).toEqual({ 'zh-CN': '新标题', en: 'Title' });
  });

  it.each([
    [null, [{ rule: 'table-schema.object', pointer: '' }]],
    [{}, [{ rule: 'table-schema.fields', pointer: '/fields' }]],
    [{ fields: ['a'] }, [{ rule: 'table-schema.field', pointer: '/fields/0' }]],
    [{ fields: [{ type: 'string' }] }, [{ rule: 'table-schema.name', pointer: '/fields/0/name' }]],
    [{ fields: [{ name: 'a' }, { name: 'a' }] }, [{ rule: 'table-schema.name-duplicate', pointer: '/fields/1/name', actual: 'a' }]],
    [{ fields: [{ name: 'a', type: 'text' }] }, [{ rule: 'table-schema.type', pointer: '/fields/0/type', actual: 'text' }]],
    [{ fields: [{ name: 'a', format: 1 }] }, [{ rule: 'table-schema.format', pointer: '/fields/0/format' }]],
    [{ fields: [{ name: 'a', title: {} }] }, [{ rule: 'table-schema.title', pointer: '/fields/0/title' }]],
    [{ fields: [{ name: 'a', description: 2 }] }, [{ rule: 'table-schema.description', pointer: '/fields/0/description' }]],
    [{ fields: [{ name: 'a', constraints: [] }] }, [{ rule: 'table-schema.constraints', pointer: '/fields/0/constraints' }]],
    [{ fields: [{ name: 'a', constraints: { required: 'yes' } }] }, [{ rule: 'table-schema.constraints', pointer: '/fields/0/constraints/required' }]],
    [{ fields: [{ name: 'a' }], primaryKey: 'b' }, [{ rule: 'table-schema.primary-key', pointer: '/primaryKey', actual: 'b' }]],
    [{ fields: [{ name: 'a' }], primaryKey: ['a', 'b'] }, [{ rule: 'table-schema.primary-key', pointer: '/primaryKey/1', actual: 'b' }]],
    [{ fields: [{ name: 'a' }], primaryKey: 3 }, [{ rule: 'table-schema.primary-key', pointer: '/primaryKey' }]],
    [{ fields: [], missingValues: [null] }, [{ rule: 'table-schema.missing-values', pointer: '/missingValues' }]],
    [{ fields: [{ name: 'a', 'tds:title': { ja: 'x' } }] }, [{ rule: 'table-schema.extension', pointer: '/fields/0/tds:title' }]],
    [{ fields: [{ name: 'a', 'tds:pii': { kind: 'dna', sensitive: true } }] }, [{ rule: 'table-schema.extension', pointer: '/fields/0/tds:pii' }]],
    [{ fields: [{ name: 'a', 'tds:statistics': { rows: -1, nulls: 0 } }] }, [{ rule: 'table-schema.extension', pointer: '/fields/0/tds:statistics' }]],
    [{ fields: [{ name: 'a', 'tds:statistics': { rows: 1, nulls: 0, median: 3 } }] }, [{ rule: 'table-schema.extension', pointer: '/fields/0/tds:statistics' }]],
    [{ fields: [{ name: 'a', 'tds:unit': 5, 'tds:concept': [] }] }, [{ rule: 'table-schema.extension', pointer: '/fields/0/tds:unit' }, { rule: 'table-schema.extension', pointer: '/fields/0/tds:concept' }]],
  ])('refuses %j with the rule and the pointer at fault', (input, expected) => {
    expect(problemsOf(input)).toMatchObject(expected);
  });

  it('reports every problem at once, not only the first', () => {
    const problems = problemsOf({ fields: [{ name: '' }, { name: 'b', type: 'real' }, 7], missingValues: 'NA' });
    expect(problems.map((p) => p.pointer)).toEqual(['/fields/0/name', '/fields/1/type', '/fields/2', '/missingValues']);
  });

  it('describes every problem in both languages, leaving no placeholder', () => {
    const problems = [
      ...problemsOf(null),
      ...problemsOf({}),
      ...problemsOf({ fields: [{ name: '', type: 'x', format: 1, title: 1, description: 1, constraints: 1, 'tds:unit': 1 }, 1, { name: 'a' }, { name: 'a' }], primaryKey: 'z', missingValues: 1 }),
    ];
    expect(new Set(problems.map((p) => p.rule))).toEqual(new Set(tableSchemaRules));
    for (const problem of problems) for (const locale of locales) expect(describeTableSchemaProblem(problem, locale)).not.toMatch(/\{\w+\}/);
    for (const rule of tableSchemaRules) for (const locale of locales) expect(tableSchemaMessages[rule][locale]).not.toBe('');
  });
});

describe('round trip', () => {
  it('carries each field’s desensitization rule in tds:desensitization and refuses a malformed one', () => {
    const fields = [aField({ name: 'phone', type: 'string', desensitization: { method: 'mask', format: 'phone', keepEnd: 2 } }), aField({ desensitization: { method: 'noise', mechanism: 'laplace', scale: 2.5 } })];
    const schema = toTableSchema(aDictionary({ fields }));
    expect(schema.fields[0]?.['tds:desensitization']).toEqual({ method: 'mask', format: 'phone', keepEnd: 2 });
    expect(through(aDictionary({ fields }))).toStrictEqual(aDictionary({ fields }));
    expect(problemsOf({ fields: [{ name: 'a', 'tds:desensitization': { method: 'mask', format: 'passport' } }] })).toEqual([
      expect.objectContaining({ rule: 'table-schema.extension', pointer: '/fields/0/tds:desensitization/format' }),
    ]);
  });

  it('gives back every generated dictionary unchanged through JSON', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const dictionary = aRandomDictionary(seed);
      expect(through(dictionary), `seed ${seed}`).toStrictEqual(dictionary);
    }
  });

  it('writes the schema of a generated dictionary again unchanged after reading it', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const schema = toTableSchema(aRandomDictionary(seed));
      expect(toTableSchema(imported(schema)), `seed ${seed}`).toStrictEqual(schema);
    }
  });
});
