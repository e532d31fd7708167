import { format, type Localized } from '../i18n/locale.js';

/**
 * Why the query gate refused a job, as a stable code and words in zh-CN and English. The codes
 * are what tests and the console key on; the words are what the consumer reads.
 */
export const refusalTexts = {
  'sandbox.syntax': { 'zh-CN': 'SQL 无法解析：{detail}', en: 'The SQL does not parse: {detail}' },
  'sandbox.not-select': { 'zh-CN': '只允许一条 SELECT 查询；{detail}', en: 'Only a single SELECT query is allowed; {detail}' },
  'sandbox.unsupported-syntax': { 'zh-CN': '沙箱不支持 {what}', en: 'The sandbox does not support {what}' },
  'sandbox.unknown-view': { 'zh-CN': '“{name}”不是本协议授权的视图；可用视图：{views}', en: "'{name}' is not a view this agreement grants; granted views: {views}" },
  'sandbox.qualified-name': { 'zh-CN': '表名“{name}”不能带模式或库名限定', en: "The table name '{name}' may not be qualified with a schema or catalog" },
  'sandbox.table-function': { 'zh-CN': '不允许表函数或文件读取（{name}）', en: 'Table functions and file readers are not allowed ({name})' },
  'sandbox.unknown-column': { 'zh-CN': '列“{name}”不在授权视图中', en: "The column '{name}' is not in a granted view" },
  'sandbox.ambiguous-column': { 'zh-CN': '列“{name}”在多个视图中出现，请加表别名', en: "The column '{name}' is in more than one view; qualify it with the table alias" },
  'sandbox.identifier-column': {
    'zh-CN': '标识列“{name}”只能用于视图之间的连接条件，不能输出、分组或筛选',
    en: "The identifier column '{name}' may only join views; it cannot be output, grouped or filtered on",
  },
  'sandbox.function-not-allowed': { 'zh-CN': '函数或运算“{name}”不在沙箱允许的清单中', en: "The function or operator '{name}' is not on the sandbox's allow list" },
  'sandbox.type-not-allowed': { 'zh-CN': '不允许转换为类型 {name}', en: 'Casting to {name} is not allowed' },
  'sandbox.type-mismatch': {
    'zh-CN': '“{expr}”混用了不同类型的值（{detail}）：请用 TRY_CAST 显式转换',
    en: "'{expr}' mixes kinds of values ({detail}): convert explicitly with TRY_CAST",
  },
  'sandbox.condition-shape': {
    'zh-CN': '“{expr}”：{place}中的条件只能是“值 运算符 常量”形式，不能嵌套条件（CASE、比较、nullif、greatest 等）',
    en: "'{expr}': conditions in {place} must be value-operator-constant, with no condition nested inside (CASE, comparisons, nullif, greatest, …)",
  },
  'sandbox.having': {
    'zh-CN': 'HAVING 只能检验聚合值（“{expr}”不是）：按分组键筛选请写在 WHERE 中',
    en: "HAVING may only test aggregates ('{expr}' is not one): filter on grouping keys in WHERE",
  },
  'sandbox.too-complex': { 'zh-CN': '查询过于复杂（{detail}）', en: 'The query is too complex ({detail})' },
  'sandbox.constant': { 'zh-CN': '常量 {detail} 不受支持', en: 'The constant {detail} is not supported' },
  'sandbox.star': { 'zh-CN': '不允许 * 或 COLUMNS(...)：请列出要输出的列或聚合', en: 'No * or COLUMNS(...): name the columns or aggregates to output' },
  'sandbox.subquery': { 'zh-CN': '不允许子查询：在已发布的结果上做进一步计算', en: 'Subqueries are not allowed: compute further on the released result instead' },
  'sandbox.aggregate-required': {
    'zh-CN': '协议只允许聚合输出：“{expr}”既不是分组键也不是聚合',
    en: "The agreement allows aggregated output only: '{expr}' is neither a grouping key nor an aggregate",
  },
  'sandbox.aggregate-argument': {
    'zh-CN': '聚合 {name} 的参数必须是单独一列（不允许表达式、FILTER 或排序），以免单个主体被挑出',
    en: 'The argument of {name} must be a single column (no expression, FILTER or ORDER BY), so no single subject can be singled out',
  },
  'sandbox.join': { 'zh-CN': '视图之间只能按列相等做内连接（{detail}）', en: 'Views may only be inner-joined on column equality ({detail})' },
  'sandbox.group-by': { 'zh-CN': '分组方式不受支持：{detail}', en: 'Unsupported grouping: {detail}' },
  'sandbox.too-many-conditions': { 'zh-CN': '筛选条件过多（{count} 个，至多 {max} 个）', en: 'Too many conditions ({count}; at most {max})' },
  'sandbox.differencing': {
    'zh-CN': '条件“{condition}”在某个分组中只涉及少于 {k} 个主体：这是差分攻击的形态，查询被拒绝',
    en: "The condition '{condition}' touches fewer than {k} subjects of a group: that is the shape of a differencing attack, so the query is refused",
  },
  'sandbox.query-set': {
    'zh-CN': '分组“{group}”与作业 {job} 已发布的分组只差少于 {k} 个主体：两者相减即可得出这些主体的值（追踪攻击），查询被拒绝',
    en: "The group '{group}' differs from a group job {job} released by fewer than {k} subjects: subtracting one from the other would give their values (a tracker attack), so the query is refused",
  },
  'sandbox.limit': { 'zh-CN': 'LIMIT/OFFSET 必须是非负整数常量', en: 'LIMIT and OFFSET must be non-negative integer constants' },
  'sandbox.small-groups': {
    'zh-CN': '没有任何分组覆盖至少 {k} 个不同主体，结果全部被抑制',
    en: 'No group covers at least {k} distinct subjects, so the whole result is suppressed',
  },
  'sandbox.result-too-large': { 'zh-CN': '结果超过 {max} 行的上限', en: 'The result exceeds the limit of {max} rows' },
  'sandbox.dp-unsupported': {
    'zh-CN': '差分隐私模式下每个输出列必须是分组键或单个 count/sum/avg 聚合（{expr}）',
    en: 'Under differential privacy each output column is a grouping key or a single count, sum or avg ({expr})',
  },
  'sandbox.bounds-required': {
    'zh-CN': '差分隐私下对“{name}”求和或均值需要数据字典声明的截断边界（提供方未声明，或所请求的边界与之不相交；不支持 DISTINCT）',
    en: "Under differential privacy, summing or averaging '{name}' needs clamping bounds declared in the data dictionary (the provider declared none, or the bounds asked for miss them; DISTINCT is not supported)",
  },
  'sandbox.budget-exhausted': {
    'zh-CN': '隐私预算不足：本次需要 ε={needed}，剩余 ε={left}',
    en: 'Privacy budget exhausted: this job needs ε={needed}, ε={left} is left',
  },
  'sandbox.timeout': { 'zh-CN': '查询超过 {seconds} 秒的时间上限，已中止', en: 'The query ran past the {seconds}-second time limit and was stopped' },
  'sandbox.memory': { 'zh-CN': '查询超过内存上限，已中止', en: 'The query ran past the memory limit and was stopped' },
  'sandbox.policy': { 'zh-CN': '协议策略不允许本次沙箱使用：{detail}', en: 'The agreement policy does not allow this sandbox use: {detail}' },
  'sandbox.algorithm': { 'zh-CN': '算法 {detail}', en: 'Algorithm {detail}' },
  'sandbox.entity-unauthorized': {
    'zh-CN': '逐主体输出须有主体授权，以下 {count} 个参数条目缺少有效授权：',
    en: 'A per-entity output needs the entity\'s authorization; these {count} parameter entries lack a valid one: ',
  },
  'sandbox.execution': { 'zh-CN': '执行失败：{detail}', en: 'Execution failed: {detail}' },
} as const satisfies Record<string, Localized>;

export type RefusalCode = keyof typeof refusalTexts;

/** One reason a job was refused; `at` is the character offset in the SQL, when the parser knows it. */
export interface Refusal {
  code: RefusalCode;
  message: Localized;
  at?: number;
}

export function refusal(code: RefusalCode, values: Record<string, string | number> = {}, at?: number): Refusal {
  const texts: Localized = refusalTexts[code];
  return { code, message: { 'zh-CN': format(texts['zh-CN'], values), en: format(texts.en, values) }, ...(at !== undefined ? { at } : {}) };
}

/** Thrown inside the gate's translation and caught at its boundary: a refusal is a result, never an error. */
export class GateRefusal extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message.en);
  }
}

export const refuse = (code: RefusalCode, values: Record<string, string | number> = {}, at?: number): never => {
  throw new GateRefusal(refusal(code, values, at));
};
