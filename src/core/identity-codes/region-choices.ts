import type { Localized } from '../i18n/locale.js';
import { provinces } from './region-table.js';

/**
 * The regions a picker offers, by name with their GB/T 2260 code: every province-level division
 * (`410000` 河南省) and, below Henan, the prefectures and Zhengzhou's districts and counties the
 * demo's data covers, with English names. Other prefectures and counties stay valid codes (typed
 * by hand) but are not offered by name yet: `region-table.ts` has their Chinese names only.
 */
export interface RegionChoice {
  code: string;
  name: Localized;
  /** The code of the division it lies in; absent for a province. */
  parent?: string;
}

const henan = `
410100|郑州市|Zhengzhou
410200|开封市|Kaifeng
410300|洛阳市|Luoyang
410400|平顶山市|Pingdingshan
410500|安阳市|Anyang
410600|鹤壁市|Hebi
410700|新乡市|Xinxiang
410800|焦作市|Jiaozuo
410900|濮阳市|Puyang
411000|许昌市|Xuchang
411100|漯河市|Luohe
411200|三门峡市|Sanmenxia
411300|南阳市|Nanyang
411400|商丘市|Shangqiu
411500|信阳市|Xinyang
411600|周口市|Zhoukou
411700|驻马店市|Zhumadian
419000|省直辖县级行政区划|County-level divisions under the province
410102|中原区|Zhongyuan District
410103|二七区|Erqi District
410104|管城回族区|Guancheng Hui District
410105|金水区|Jinshui District
410106|上街区|Shangjie District
410108|惠济区|Huiji District
410122|中牟县|Zhongmou County
410181|巩义市|Gongyi
410182|荥阳市|Xingyang
410183|新密市|Xinmi
410184|新郑市|Xinzheng
410185|登封市|Dengfeng
`;

const parentOf = (code: string): string => (code.endsWith('00') ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`);

export const regionChoices: readonly RegionChoice[] = [
  ...Object.entries(provinces).map(([two, name]) => ({ code: `${two}0000`, name: { 'zh-CN': name['zh-CN'], en: name.en } })),
  ...henan
    .trim()
    .split('\n')
    .map((line) => {
      const [code = '', zh = '', en = ''] = line.split('|');
      return { code, name: { 'zh-CN': zh, en }, parent: parentOf(code) };
    }),
];
