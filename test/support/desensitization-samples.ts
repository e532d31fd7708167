import { residentIdCheckCharacter } from '../../src/core/identity-codes/resident-id.js';
import { commonSurnames, compoundSurnames } from '../../src/core/metadata/pii-detection.js';
import { seededRandom } from '../../src/core/random/seeded-random.js';

/**
 * Generated cell texts for the desensitization cross-check: realistic values of each kind, then
 * the awkward ones (quotes, backslashes, astral characters, line breaks, near misses).
 */

type Pick = <T>(items: readonly T[]) => T;

function tools(seed: number) {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick: Pick = (items) => items[int(items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => int(10)).join('');
  return { next, int, pick, digits };
}

const regions = ['410105', '410102', '410181', '110105', '310115', '440305', '650102', '152501', '429021', '510104'];
const awkward = ["O'Brien", "a'';DROP TABLE t;--", '\\x41\\x42', 'back\\slash', '𠮷野家', '😀😀', 'line\nbreak', ' 2024-03-15 ', '　', 'x', '-', '.'];

export function residentIds(count: number, seed = 1): string[] {
  const { int, pick, digits } = tools(seed);
  return Array.from({ length: count }, () => {
    const birth = `${1930 + int(90)}${String(1 + int(12)).padStart(2, '0')}${String(1 + int(28)).padStart(2, '0')}`;
    const first17 = `${pick(regions)}${birth}${digits(3)}`;
    return `${first17}${residentIdCheckCharacter(first17)}`;
  }).concat(['41010519900101123', '4101051990010112345', '41010519900101123x', ...awkward]);
}

export function phones(count: number, seed = 2): string[] {
  const { pick, digits } = tools(seed);
  return Array.from({ length: count }, () => `1${pick(['3', '5', '7', '8', '9'])}${digits(9)}`).concat(['+8613812345678', '0371-12345678', '138 1234 5678', '12', ...awkward]);
}

export function names(count: number, seed = 3): string[] {
  const { int, pick } = tools(seed);
  const given = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚'];
  return Array.from({ length: count }, () => {
    const surname = int(5) === 0 ? pick(compoundSurnames) : pick(commonSurnames);
    return surname + Array.from({ length: 1 + int(2) }, () => pick(given)).join('');
  }).concat(['张', '欧阳', '欧阳修', '司马相如', '阿卜杜拉·艾尼', 'John Smith', ...awkward]);
}

export function addresses(count: number, seed = 4): string[] {
  const { int, pick } = tools(seed);
  const heads = [
    '河南省郑州市金水区', '河南省郑州市新郑市', '河南省兰考县', '北京市朝阳区', '上海市浦东新区', '新疆维吾尔自治区乌鲁木齐市天山区',
    '内蒙古自治区锡林郭勒盟锡林浩特市', '湖北省恩施土家族苗族自治州恩施市', '黑龙江省大兴安岭地区漠河市', '湖北省神农架林区', '广东省东莞市', '郑州高新区', '',
  ];
  const tails = ['花园路100号', '建国路88号院3号楼2单元501室', '龙湖镇张庄村', '南城街道鸿福路1号', '科学大道100号', ''];
  return Array.from({ length: count }, () => pick(heads) + pick(tails) + (int(4) === 0 ? `${int(99)}号` : '')).concat(['某某路100号', '100 Main St', ...awkward]);
}

export function emails(count: number, seed = 5): string[] {
  const { int, pick, digits } = tools(seed);
  const locals = ['zhangsan', 'li.si', 'w', 'data+tag', '张三', 'a.b.c'];
  return Array.from({ length: count }, () => `${pick(locals)}${int(2) ? digits(2) : ''}@${pick(['example.com', 'grid.example.cn', '163.com'])}`).concat([
    'a@b@c.com', '@x.com', 'noat', 'x@', 'line\n@break.com', ...awkward,
  ]);
}

export function dates(count: number, seed = 6): string[] {
  const { int, pick } = tools(seed);
  return Array.from({ length: count }, () => {
    const [y, m, d] = [1950 + int(80), 1 + int(12), 1 + int(28)];
    const [mm, dd] = [String(m).padStart(2, '0'), String(d).padStart(2, '0')];
    return pick([`${y}-${mm}-${dd}`, `${y}-${mm}`, `${y}`, `${y}/${m}/${d}`, `${y}${mm}${dd}`, `${y}${mm}`, `${y}年${m}月${d}日`, `${y}年${m}月`, `${y}-${mm}-${dd}T08:30:00+08:00`, `${y}-${mm}-${dd} 08:30:00`]);
  }).concat(['2024-13-01', '2024-00', '2024-3', '24-03-15', '2024年', '2024-03-15x', ...awkward]);
}

export function ages(count: number, seed = 7): string[] {
  const { int, pick } = tools(seed);
  return Array.from({ length: count }, () => pick([`${int(120)}`, `${int(100)}.${int(10)}`, `${int(90)}岁`])).concat(['150', '151', '999', '-1', '0', '1e2', ...awkward]);
}

export function regionCodes(count: number, seed = 8): string[] {
  const { pick, digits } = tools(seed);
  return Array.from({ length: count }, () => pick(regions) + pick(['', '', digits(3), digits(6)])).concat(['41010', '4101050', '000000', '910000', ...awkward]);
}

export function numbers(count: number, seed = 9): string[] {
  const { int, pick, digits } = tools(seed);
  return Array.from({ length: count }, () => {
    const sign = int(4) === 0 ? '-' : '';
    return sign + pick([digits(1 + int(6)).replace(/^0+(?=\d)/, ''), `${int(100000)}.${digits(1 + int(8))}`, `${int(10)}.${pick(['0', '05', '3', '30', '99999'])}`]);
  }).concat(['0', '-0', '-0.000', '0.3', '0.7', '0.57', '-0.3', '999999999999.999999999999', '1e3', '+5', '1,234', '1234567890123', ...awkward]);
}

export function bankCards(count: number, seed = 10): string[] {
  const { int, pick, digits } = tools(seed);
  return Array.from({ length: count }, () => `62${digits(14 + int(4))}`).concat([`6222 ${digits(4)} ${digits(4)} ${digits(4)}`, '123', pick(awkward), ...awkward]);
}

export function texts(count: number, seed = 11): string[] {
  const { pick } = tools(seed);
  const pool = [...residentIds(20, seed), ...names(20, seed), ...addresses(20, seed), ...emails(20, seed)];
  return Array.from({ length: count }, () => pick(pool)).concat(awkward);
}
