// A deterministic catalog for bench/catalog.ts: N published-looking entries from ~1,000
// providers, described in Chinese and English from the vocabularies of catalog-corpus.ts, with
// the facets and search tokens the product computes for them (entryFacets, indexTokens).
import { entryFacets, searchableTexts, type FacetValue } from '../../src/core/catalog/catalog-facets.js';
import type { CatalogOffer, PriceModel } from '../../src/core/catalog/catalog-offer.js';
import type { CatalogEntryStatus } from '../../src/core/catalog/catalog-entry-status.js';
import { canonicalVisibility, type Viewer, type Visibility } from '../../src/core/catalog/catalog-visibility.js';
import { indexTokens } from '../../src/core/catalog/search-tokens.js';
import type { AccessMode, CatalogEntry } from '../../src/core/metadata/catalog-entry.js';
import type { DictionaryField, FieldType } from '../../src/core/metadata/data-dictionary.js';
import { commonFields, domains, frequencies, generalWords, regions, resourceNouns, type Domain, type Word } from './catalog-corpus.js';
import { seededRandom } from '../../src/core/random/seeded-random.js';

/** Bump when the generated catalog changes: cached databases are keyed by it. */
export const GENERATOR_VERSION = 1;

const SPACE = 'bench.space';
const PROVIDERS = 1000;
const PARTICIPANTS = 3000;
const START = Date.parse('2023-01-01T00:00:00Z');
const SPAN = Date.parse('2026-06-30T00:00:00Z') - START;
const DAY = 86_400_000;

/** The member whose searches are timed: a bank in Zhengzhou, partner of a few providers. */
export const benchViewer: Extract<Viewer, { kind: 'participant' }> = {
  kind: 'participant',
  participantId: 'p_viewer0001',
  admitted: true,
  roles: ['consumer'],
  industries: ['J', 'J66'],
  region: '410105',
};

export interface Provider {
  id: string;
  name: string;
  nameEn: string;
  domain: Domain;
  section: string;
  division: string;
  region: (typeof regions)[number];
  partners: string[];
}

/** One catalog_entry row and its index, as CatalogStore would write them. */
export interface GeneratedRow {
  seq: number;
  id: string;
  providerId: string;
  providerName: string;
  kind: string;
  status: CatalogEntryStatus;
  version: number;
  entry: string;
  offers: string;
  visibility: string;
  piiScan: string;
  review: string;
  titleZh: string;
  titleEn: string;
  connectorUrl: string;
  tokens: string[];
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  facets: FacetValue[];
}


function weighted<T>(items: readonly T[], weight: (t: T) => number): (r: number) => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (const item of items) cumulative.push((sum += weight(item)));
  return (r) => {
    const target = r * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

const brands = ['华信', '中原', '恒通', '瑞丰', '东方', '汇智', '九州', '金桥', '天成', '安泰', '鼎盛', '宏达', '新元', '长风', '云启', '星河', '博远', '正和', '联创', '数联'];
const brandsEn = ['Huaxin', 'Zhongyuan', 'Hengtong', 'Ruifeng', 'Dongfang', 'Huizhi', 'Jiuzhou', 'Jinqiao', 'Tiancheng', 'Antai', 'Dingsheng', 'Hongda', 'Xinyuan', 'Changfeng', 'Yunqi', 'Xinghe', 'Boyuan', 'Zhenghe', 'Lianchuang', 'Shulian'];
const priceModels: ReadonlyArray<readonly [PriceModel, number]> = [['free', 25], ['payPerUse', 20], ['subscription', 15], ['payAfterUse', 10], ['negotiated', 10], ['oneTime', 8], ['freeTrial', 7], ['revenueShare', 5]];
const accessModes: ReadonlyArray<readonly [AccessMode, number]> = [['api', 40], ['download', 35], ['sandbox', 25]];
const mediaTypes: Record<AccessMode, string> = { api: 'application/json', download: 'text/csv', sandbox: 'text/csv' };
const enterprise: Word = ['企业', 'enterprise'];
const sections = ['A', 'C', 'D', 'F', 'G', 'I', 'J', 'K', 'L', 'M', 'N', 'P', 'Q', 'S'];

export class CatalogGenerator {
  readonly providers: Provider[] = [];
  private readonly rand = seededRandom(20_261_124);
  private readonly pickProvider: (r: number) => Provider;
  private readonly pickDomain = weighted(domains, (d) => d.weight);
  private readonly pickRegion = weighted(regions, (r) => r[3]);
  private readonly pickPrice = weighted(priceModels, (p) => p[1]);
  private readonly pickAccess = weighted(accessModes, (a) => a[1]);

  constructor(private readonly total: number) {
    const names = new Set<string>();
    for (let i = 0; i < PROVIDERS; i++) {
      const domain = this.pickDomain(this.rand());
      const region = this.pickRegion(this.rand());
      const division = this.pick(domain.divisions);
      const [org, orgEn] = this.pick(domain.org);
      const b = Math.floor(this.rand() * brands.length);
      const government = division.startsWith('S') || division === 'Q84' || division === 'P83' || division === 'M74' || division === 'N77';
      let name = government ? `${region[1]}${org}` : `${region[1]}${brands[b]}${org}`;
      let nameEn = government ? `${region[2]} ${orgEn}` : `${region[2]} ${brandsEn[b]} ${orgEn}`;
      if (names.has(name)) {
        name = `${name}第${i}分支机构`;
        nameEn = `${nameEn}, branch ${i}`;
      }
      names.add(name);
      const partners = Array.from({ length: 4 }, () => participantId(Math.floor(this.rand() * PARTICIPANTS)));
      // The viewer is a partner of about 1% of providers, so named entries reach it too.
      if (this.rand() < 0.01) partners[0] = benchViewer.participantId;
      this.providers.push({ id: `p_prov${String(i).padStart(4, '0')}`, name, nameEn, domain, section: division.slice(0, 1), division, region, partners });
    }
    // Few providers publish much, most publish a little (Zipf-like, exponent 0.8).
    this.pickProvider = weighted(this.providers, (p) => 1 / Math.pow(this.providers.indexOf(p) + 1, 0.8));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }

  private some<T>(items: readonly T[], n: number): T[] {
    const out = new Set<T>();
    while (out.size < Math.min(n, items.length)) out.add(this.pick(items));
    return [...out];
  }

  /** The next entry; call with seq = 1, 2, 3, … (the sequence, not the seq, drives the PRNG). */
  row(seq: number): GeneratedRow {
    const r = this.rand;
    const provider = this.pickProvider(r());
    const domain = r() < 0.85 ? provider.domain : this.pickDomain(r());
    const region = r() < 0.7 ? provider.region : this.pickRegion(r());
    const words = this.some(domain.words, 2 + Math.floor(r() * 3));
    const general = this.some(generalWords, 3);
    const noun = this.pick(resourceNouns);
    const [w1, w2] = words as [Word, Word];
    // Datasets keyed by enterprise (a USCC column) are often titled 企业…: 企业用电, 企业纳税.
    const subject = domain.fields.some((f) => f[4] === 'tds:uscc') && r() < 0.35 ? enterprise : r() < 0.4 ? general[0]! : undefined;
    const titleParts: Word[] = [...(r() < 0.6 ? [[region[1], region[2]] as Word] : []), ...(subject ? [subject] : []), w1, ...(r() < 0.5 ? [w2] : []), ...(r() < 0.5 ? [general[1]!] : []), noun];
    const freq = this.pick(frequencies);
    const fromYear = 2015 + Math.floor(r() * 9);
    const toYear = Math.min(2026, fromYear + 1 + Math.floor(r() * 5));
    const list = (ws: readonly Word[], lang: 0 | 1, sep: string) => ws.map((w) => w[lang]).join(sep);
    const kind = r() < 0.8 ? 'dataset' : r() < 0.6 ? 'dataService' : 'product';
    const offers = this.offers(seq);
    const entry: CatalogEntry = {
      kind,
      id: `urn:tds:${SPACE}:${provider.id}:r${seq}`,
      version: `1.${Math.floor(r() * 4)}.0`,
      title: { 'zh-CN': list(titleParts, 0, ''), en: capitalise(list(titleParts, 1, ' ')) },
      description: {
        'zh-CN': `${provider.name}提供的${region[1]}${list(words, 0, '、')}${general[1]![0]}${noun[0]}，覆盖${fromYear}年至${toYear}年，${freq[1]}更新，可用于${general[2]![0]}${general[0]![0]}分析。`,
        en: `${capitalise(list(words, 1, ', '))} ${general[1]![1]} ${noun[1]} of ${region[2]} provided by ${provider.nameEn}, covering ${fromYear} to ${toYear}, updated ${freq[2]}, for ${general[2]![1]} ${general[0]![1]} analysis.`,
      },
      keywords: { 'zh-CN': [...words.map((w) => w[0]), general[0]![0]], en: [...words.map((w) => w[1]), general[0]![1]] },
      themes: [`http://publications.europa.eu/resource/authority/data-theme/${domain.theme}`],
      publisher: { id: provider.id, name: provider.name },
      license: 'https://w3id.org/trustspace/licence/restricted-1.0',
      spatial: [region[0]],
      temporal: { start: `${fromYear}-01-01`, end: `${toYear}-12-31` },
      accrualPeriodicity: freq[0],
      distributions: [{ title: { 'zh-CN': `${noun[0]}服务` }, accessUrl: `https://connector.${provider.id}.example.cn/api/v1/${kind}/${seq}`, mediaType: mediaTypes[offers[0]!.accessMode], accessMode: offers[0]!.accessMode }],
      classification: r() < 0.05 ? { level: 'important' } : { level: 'general', grade: (1 + Math.min(3, Math.floor(r() * r() * 5))) as 1 | 2 | 3 | 4 },
      shareAttribute: 'unconditional',
      openAttribute: r() < 0.3 ? 'conditional' : 'none',
      dictionary: { fields: this.fields(domain) },
      priceModel: offers[0]!.priceModel,
    };
    const status: CatalogEntryStatus = ((x) => (x < 0.97 ? 'published' : x < 0.985 ? 'pending_review' : x < 0.995 ? 'unpublished' : 'withdrawn'))(r());
    const created = START + (SPAN * seq) / this.total - Math.floor(r() * 3 * DAY);
    const republished = r() < 0.15;
    const version = republished ? 2 + Math.floor(r() * 2) : 1;
    const updated = Math.min(START + SPAN, created + (republished ? Math.floor(r() * 180 * DAY) : Math.floor(r() * 6 * 3_600_000)));
    const visibility = this.visibility(provider);
    return {
      seq,
      id: entry.id,
      providerId: provider.id,
      providerName: provider.name,
      kind,
      status,
      version,
      entry: JSON.stringify(entry),
      offers: JSON.stringify(offers),
      visibility: canonicalVisibility(visibility),
      piiScan: JSON.stringify({ threshold: 0.6, fields: entry.dictionary!.fields.map((f) => ({ field: f.name, scanned: 1000, matchRatio: 0, evidence: [] })) }),
      review: JSON.stringify({ version, automatic: { outcome: 'passed', findings: [], at: new Date(updated).toISOString() } }),
      titleZh: entry.title['zh-CN']!,
      titleEn: entry.title.en!,
      connectorUrl: `https://connector.${provider.id}.example.cn`,
      tokens: indexTokens(searchableTexts(entry, provider.name)),
      publishedAt: status === 'pending_review' && version === 1 ? null : new Date(updated).toISOString(),
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(updated).toISOString(),
      facets: entryFacets(entry, offers, { id: provider.id, name: provider.name, industries: [provider.section, provider.division] }),
    };
  }

  private offers(seq: number): CatalogOffer[] {
    return Array.from({ length: this.rand() < 0.7 ? 1 : 2 }, (_, i) => {
      const priceModel = this.pickPrice(this.rand())[0];
      const accessMode = this.pickAccess(this.rand())[0];
      return {
        id: `r${seq}-offer-${i}`,
        accessMode,
        priceModel,
        ...(priceModel === 'free' || priceModel === 'negotiated' ? {} : { price: { amount: Math.round(this.rand() * 5000) + 10, currency: 'CNY' as const, unit: accessMode === 'api' ? '千次调用' : '次' } }),
        policy: { '@type': 'Offer', permission: [{ action: 'use', constraint: [{ leftOperand: 'purpose', operator: 'eq', rightOperand: 'risk-control' }] }] },
      };
    });
  }

  private fields(domain: Domain): DictionaryField[] {
    const templates = [...this.some(domain.fields, 2 + Math.floor(this.rand() * 3)), ...(this.rand() < 0.6 ? [this.pick(commonFields)] : [])];
    return templates.map(([name, zh, en, type, concept]) => ({ name, type: type as FieldType, title: { 'zh-CN': zh, en }, ...(concept ? { concept } : {}) }));
  }

  /** ~70% members, 20% public, 8% restricted by industry and/or region, 2% named partners. */
  private visibility(provider: Provider): Visibility {
    const x = this.rand();
    if (x < 0.7) return { scope: 'members' };
    if (x < 0.9) return { scope: 'public' };
    if (x < 0.98) {
      const province = `${this.pick(regions)[0].slice(0, 2)}0000`;
      const industry = this.rand() < 0.5 ? provider.section : this.pick(sections);
      const y = this.rand();
      if (y < 0.4) return { scope: 'restricted', industries: [industry] };
      if (y < 0.8) return { scope: 'restricted', regions: [this.rand() < 0.5 ? `${provider.region[0].slice(0, 2)}0000` : province] };
      return { scope: 'restricted', industries: [industry], regions: [province], roles: ['consumer'] };
    }
    return { scope: 'named', participants: this.some(provider.partners, 1 + Math.floor(this.rand() * 2)) };
  }
}

function participantId(i: number): string {
  return `p_part${String(i).padStart(4, '0')}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
