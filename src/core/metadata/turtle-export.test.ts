import { describe, expect, it } from 'vitest';
import { aCatalogEntry, generatedEntries } from './catalog-entry-fixtures.js';
import { fromDcatJsonLd, toDcatJsonLd } from './dcat-jsonld.js';
import { externalDcatAp } from './dcat-jsonld-fixtures.js';
import { toTurtle } from './turtle-export.js';
import { fromTurtle } from './turtle-import.js';

describe('Turtle export', () => {
  it('prints prefixed DCAT with nested blank nodes and lists', async () => {
    const ttl = await toTurtle(aCatalogEntry());
    expect(ttl).toContain('@prefix dcat: <http://www.w3.org/ns/dcat#>.');
    expect(ttl).toContain('<urn:tds:henan:p_grid01:electricity-2024> a dcat:Dataset;');
    // n3 writes language tags in lower case (BCP 47 tags are case-insensitive).
    expect(ttl).toContain('dct:title "企业用电数据"@zh-cn, "Enterprise electricity consumption"@en;');
    expect(ttl).toContain('tds:primaryKey ("uscc" "month")');
    expect(ttl).toContain('dcat:mediaType <https://www.iana.org/assignments/media-types/text/csv>');
    expect(ttl).not.toMatch(/_:\w+/);
  });

  it('round-trips generated entries (Chinese, English, Unicode, awkward characters) losslessly', async () => {
    for (const entry of generatedEntries(60, 3)) {
      expect(await fromTurtle(await toTurtle(entry))).toEqual(entry);
    }
  });

  it('agrees with JSON-LD: entry → JSON-LD → entry → Turtle → entry', async () => {
    for (const entry of generatedEntries(20, 5)) {
      const viaJsonLd = await fromDcatJsonLd(toDcatJsonLd(entry));
      expect(await fromTurtle(await toTurtle(viaJsonLd))).toEqual(entry);
    }
  });

  it('keeps unknown properties of an imported DCAT-AP document through Turtle and back to JSON-LD', async () => {
    const entry = await fromDcatJsonLd(externalDcatAp());
    const viaTurtle = await fromTurtle(await toTurtle(entry));
    expect(viaTurtle).toEqual(entry);
    expect(await fromDcatJsonLd(toDcatJsonLd(viaTurtle))).toEqual(entry);
  });

  it('keeps nested unknown nodes, typed literals and sheet columns', async () => {
    const entry = aCatalogEntry({
      extra: {
        'http://example.org/ns#measured': [{ '@value': '2024-01-01T00:00:00Z', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' }, { '@value': 7 }, { '@value': true }],
        'http://example.org/ns#source': [{ 'http://example.org/ns#system': [{ '@value': '营销系统', '@language': 'zh-CN' }] }],
        目录编码: 'HN-001',
      },
    });
    expect(await fromTurtle(await toTurtle(entry))).toEqual(entry);
  });

  it('refuses what RDF cannot hold rather than dropping it', async () => {
    const entry = aCatalogEntry({ extra: { 'http://example.org/ns#see': [{ '@id': 'relative/path' }] } });
    await expect(toTurtle(entry)).rejects.toMatchObject({ rule: 'turtle.unrepresentable' });
  });
});
