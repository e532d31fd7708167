import { describe, expect, it } from 'vitest';
import { CatalogFormatError } from './catalog-entry-error.js';
import { aCatalogEntry } from './catalog-entry-fixtures.js';
import { externalDcatApEntry, externalTurtle } from './dcat-jsonld-fixtures.js';
import { toTurtle } from './turtle-export.js';
import { fromTurtle } from './turtle-import.js';

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CatalogFormatError);
  return (error as CatalogFormatError).problems[0];
}

describe('Turtle import', () => {
  it('imports a DCAT-AP Turtle file written elsewhere, unknown properties in extra', async () => {
    expect(await fromTurtle(externalTurtle)).toEqual(externalDcatApEntry());
  });

  it('refuses a syntax error with its line', async () => {
    const lines = (await toTurtle(aCatalogEntry())).split('\n');
    const broken = [...lines.slice(0, 14), '    dct:title "unterminated ;', ...lines.slice(14)].join('\n');
    expect(await refusal(fromTurtle(broken))).toMatchObject({ rule: 'turtle.syntax', line: 15 });
    expect(await refusal(fromTurtle('@prefix dct: <http://purl.org/dc/terms/> .\n\n<urn:x> nope:title "x" .\n'))).toMatchObject({ rule: 'turtle.syntax', line: 3 });
  });

  it('refuses a wrong value naming its property path', async () => {
    const ttl = (await toTurtle(aCatalogEntry())).replace('tds:classificationLevel "general"', 'tds:classificationLevel "secret"');
    const problem = await refusal(fromTurtle(ttl));
    expect(problem).toMatchObject({ rule: 'jsonld.classification' });
    expect(problem?.detail).toContain('tds:classification[0] tds:classificationLevel[0]');
  });

  it('refuses a document with no entry or with two', async () => {
    expect(await refusal(fromTurtle('<urn:x> <http://purl.org/dc/terms/title> "x" .'))).toMatchObject({ rule: 'jsonld.no-entry' });
    const two = '@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<urn:a> a dcat:Dataset .\n<urn:b> a dcat:Dataset .\n';
    expect(await refusal(fromTurtle(two))).toMatchObject({ rule: 'jsonld.ambiguous-entry' });
  });

  it('resolves relative IRIs against a base when given one', async () => {
    const ttl = '@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<ds/1> a dcat:Dataset .\n';
    expect((await fromTurtle(ttl, { baseIri: 'https://data.example.cn/' })).id).toBe('https://data.example.cn/ds/1');
  });
});
