import { describe, expect, it } from 'vitest';
import { locales } from '../i18n/locale.js';
import { fieldTypes, type DataDictionary, type DictionaryField } from './data-dictionary.js';
import {
  describeMappingFinding,
  fieldsMatchingConcept,
  findConcept,
  mappingMessages,
  mappingRules,
  narrowerConcepts,
  suggestConcepts,
  validateMapping,
  vocabulary,
} from './vocabulary.js';

const aField = (overrides: Partial<DictionaryField> = {}): DictionaryField => ({ name: 'f', type: 'string', ...overrides });
const ids = (concepts: ReadonlyArray<{ id: string }>) => concepts.map((c) => c.id).sort();
const suggested = (field: DictionaryField) => suggestConcepts(field).map((s) => s.concept);

describe('vocabulary', () => {
  it('ships about 25 concepts with unique tds: ids and labels in both languages', () => {
    expect(vocabulary.length).toBeGreaterThanOrEqual(25);
    expect(new Set(vocabulary.map((c) => c.id)).size).toBe(vocabulary.length);
    for (const concept of vocabulary) {
      expect(concept.id).toMatch(/^tds:[a-z][a-z-]*$/);
      for (const locale of locales) expect(concept.label[locale]).not.toBe('');
    }
  });

  it('gives every concept valid field types and absolute IRIs for its equivalents', () => {
    for (const concept of vocabulary) {
      expect(concept.types.length).toBeGreaterThan(0);
      for (const type of concept.types) expect(fieldTypes).toContain(type);
      if (concept.equivalent !== undefined) expect(concept.equivalent).toMatch(/^https?:\/\/\S+$/);
    }
  });

  it('links only to concepts it has, related both ways, broader without cycles', () => {
    for (const concept of vocabulary) {
      for (const id of [...(concept.broader ?? []), ...(concept.related ?? [])]) expect(findConcept(id), `${concept.id} → ${id}`).toBeDefined();
      for (const id of concept.related ?? []) expect(findConcept(id)?.related, `${id} → ${concept.id}`).toContain(concept.id);
      expect(ids(narrowerConcepts(concept.id))).not.toContain(concept.id);
    }
  });

  it('gives no synonym to two concepts, so a name never suggests two concepts equally', () => {
    const owners = new Map<string, string>();
    for (const concept of vocabulary) {
      for (const synonym of concept.synonyms) {
        expect(owners.get(synonym), `${synonym} in ${concept.id}`).toBeUndefined();
        owners.set(synonym, concept.id);
      }
    }
  });

  it('maps the issue’s concepts to the public terms they equal', () => {
    expect(findConcept('tds:enterprise')?.equivalent).toBe('http://www.w3.org/ns/org#Organization');
    expect(findConcept('tds:phone')?.equivalent).toBe('https://schema.org/telephone');
    expect(findConcept('tds:uscc')?.broader).toEqual(['tds:enterprise-identifier']);
    expect(findConcept('tds:nothing')).toBeUndefined();
  });
});

describe('narrowerConcepts', () => {
  it('follows broader links down any number of steps', () => {
    expect(ids(narrowerConcepts('tds:enterprise'))).toEqual(['tds:enterprise-identifier', 'tds:enterprise-name', 'tds:uscc']);
    expect(ids(narrowerConcepts('tds:amount'))).toEqual(['tds:loan-amount', 'tds:registered-capital', 'tds:revenue', 'tds:tax-amount']);
  });

  it('finds nothing below a leaf or an unknown id', () => {
    expect(narrowerConcepts('tds:uscc')).toEqual([]);
    expect(narrowerConcepts('tds:nothing')).toEqual([]);
  });
});

describe('validateMapping', () => {
  it('accepts fields mapped to known concepts with fitting types, and unmapped fields', () => {
    const dictionary: DataDictionary = {
      fields: [aField({ concept: 'tds:uscc' }), aField({ name: 'kwh', type: 'number', concept: 'tds:electricity-consumption' }), aField({ name: 'x' })],
    };
    expect(validateMapping(dictionary)).toEqual([]);
  });

  it('takes a field of type any as fitting every concept', () => {
    expect(validateMapping({ fields: [aField({ type: 'any', concept: 'tds:amount' })] })).toEqual([]);
  });

  it('reports a concept the vocabulary does not have, at the field’s concept', () => {
    expect(validateMapping({ fields: [aField(), aField({ name: 'g', concept: 'tds:unicorn' })] })).toEqual([
      { rule: 'mapping.unknown-concept', field: 'g', pointer: '/fields/1/concept', actual: 'tds:unicorn' },
    ]);
  });

  it('reports a type the concept does not allow, at the field’s type', () => {
    expect(validateMapping({ fields: [aField({ name: 'amt', type: 'string', concept: 'tds:amount' })] })).toEqual([
      { rule: 'mapping.type-incompatible', field: 'amt', pointer: '/fields/0/type', expected: 'number, integer', actual: 'string' },
    ]);
  });

  it('describes every finding in both languages, leaving no placeholder', () => {
    const findings = validateMapping({ fields: [aField({ concept: 'tds:x' }), aField({ type: 'boolean', concept: 'tds:date' })] });
    expect(findings.map((f) => f.rule)).toEqual([...mappingRules]);
    for (const finding of findings) for (const locale of locales) expect(describeMappingFinding(finding, locale)).not.toMatch(/\{\w+\}/);
    for (const rule of mappingRules) for (const locale of locales) expect(mappingMessages[rule][locale]).not.toBe('');
  });
});

describe('suggestConcepts', () => {
  it('proposes the concept whose synonym is the name, with full score', () => {
    expect(suggestConcepts(aField({ name: '统一社会信用代码' }))[0]).toEqual({ concept: 'tds:uscc', score: 1, reason: 'name' });
    expect(suggestConcepts(aField({ name: 'USCC' }))[0]?.concept).toBe('tds:uscc');
  });

  it('reads English names in any case and separator style', () => {
    for (const name of ['loan_amount', 'loanAmount', 'LOAN-AMOUNT', 'Loan Amount']) {
      expect(suggested(aField({ name, type: 'number' }))[0], name).toBe('tds:loan-amount');
    }
  });

  it('ranks the concept matching more of the name first', () => {
    expect(suggested(aField({ name: '月度贷款金额', type: 'number' })).slice(0, 2)).toEqual(['tds:loan-amount', 'tds:amount']);
    expect(suggested(aField({ name: 'monthly_kwh', type: 'number' }))[0]).toBe('tds:electricity-consumption');
  });

  it('matches English synonyms as whole words only', () => {
    expect(suggested(aField({ name: 'hotel_rating' }))).not.toContain('tds:phone');
    expect(suggested(aField({ name: 'contact_tel' }))).toContain('tds:phone');
  });

  it('proposes from a title when the name says nothing, a little less surely', () => {
    expect(suggestConcepts(aField({ name: 'c7', type: 'number', title: { 'zh-CN': '用电量' } }))).toEqual([{ concept: 'tds:electricity-consumption', score: 0.9, reason: 'title' }]);
  });

  it('proposes from the personal information a field holds', () => {
    expect(suggestConcepts(aField({ name: 'c1', pii: { kind: 'phone', sensitive: false } }))).toEqual([{ concept: 'tds:phone', score: 0.8, reason: 'pii' }]);
  });

  it('leaves out concepts the field’s type does not fit', () => {
    expect(suggested(aField({ name: '金额', type: 'boolean' }))).toEqual([]);
    expect(suggested(aField({ name: 'amount', type: 'integer' }))).toEqual(['tds:amount']);
  });

  it('proposes nothing for a name that means nothing to the vocabulary', () => {
    expect(suggestConcepts(aField({ name: 'zzz_9' }))).toEqual([]);
  });
});

describe('fieldsMatchingConcept', () => {
  const dictionary: DataDictionary = {
    fields: [
      aField({ name: 'xydm', concept: 'tds:uscc' }),
      aField({ name: 'qymc', concept: 'tds:enterprise-name' }),
      aField({ name: 'yf', type: 'yearmonth', concept: 'tds:month' }),
      aField({ name: 'kwh', type: 'number', concept: 'tds:electricity-consumption' }),
      aField({ name: 'other', concept: 'x:custom' }),
      aField({ name: 'plain' }),
    ],
  };
  const names = (conceptId: string) => fieldsMatchingConcept(dictionary, conceptId).map((f) => f.name);

  it('finds fields mapped to the concept and to concepts narrower than it', () => {
    expect(names('tds:uscc')).toEqual(['xydm']);
    expect(names('tds:enterprise-identifier')).toEqual(['xydm']);
    expect(names('tds:enterprise')).toEqual(['xydm', 'qymc']);
    expect(names('tds:date')).toEqual(['yf']);
  });

  it('does not find fields of broader or merely related concepts', () => {
    expect(names('tds:enterprise-name')).toEqual(['qymc']);
    expect(names('tds:amount')).toEqual([]);
  });

  it('matches a concept outside the vocabulary exactly', () => {
    expect(names('x:custom')).toEqual(['other']);
  });
});
