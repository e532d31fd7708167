import type { FailureKind } from './domain-error.js';

interface ErrorDefinition {
  kind: FailureKind;
  /** HTTP's own status where the kind's is too coarse (413, 415). */
  status?: number;
  title: { 'zh-CN': string; en: string };
}

/**
 * Every stable error code the APIs return. Codes are part of the public contract:
 * never rename one; add new ones. docs/errors.md lists them and a test keeps both in step.
 */
export const errorCatalog = {
  'request.invalid': {
    kind: 'invalid',
    title: { 'zh-CN': '请求参数无效', en: 'The request is invalid' },
  },
  'request.unsupported-media-type': {
    kind: 'invalid',
    status: 415,
    title: { 'zh-CN': '不支持的内容类型', en: 'Unsupported media type' },
  },
  'request.too-large': {
    kind: 'invalid',
    status: 413,
    title: { 'zh-CN': '请求体过大', en: 'The request body is too large' },
  },
  'request.too-deep': {
    kind: 'invalid',
    title: { 'zh-CN': '请求体嵌套过深', en: 'The request body is nested too deeply' },
  },
  'route.not-found': {
    kind: 'not_found',
    title: { 'zh-CN': '接口不存在', en: 'No such endpoint' },
  },
  'auth.missing-credentials': {
    kind: 'unauthorized',
    title: { 'zh-CN': '缺少身份凭据', en: 'Credentials are missing' },
  },
  'auth.invalid-credentials': {
    kind: 'unauthorized',
    title: { 'zh-CN': '身份凭据无效', en: 'Credentials are invalid' },
  },
  'auth.forbidden': {
    kind: 'forbidden',
    title: { 'zh-CN': '无权执行此操作', en: 'Not allowed' },
  },
  'auth.totp-required': {
    kind: 'unauthorized',
    title: { 'zh-CN': '需要动态口令', en: 'A one-time code is required' },
  },
  /** Retired (issue 15): logins are throttled, never locked; kept so the code is never reused. */
  'auth.account-locked': {
    kind: 'unauthorized',
    title: { 'zh-CN': '账号已临时锁定', en: 'The account is temporarily locked' },
  },
  'auth.too-many-attempts': {
    kind: 'unavailable',
    status: 429,
    title: { 'zh-CN': '登录失败次数过多，请稍后再试', en: 'Too many failed logins; try again later' },
  },
  'request.rate-limited': {
    kind: 'unavailable',
    status: 429,
    title: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  },

  'account.username-taken': {
    kind: 'conflict',
    title: { 'zh-CN': '用户名已被占用', en: 'The username is taken' },
  },
  'account.password-weak': {
    kind: 'invalid',
    title: { 'zh-CN': '密码强度不足', en: 'The password is too weak' },
  },
  'account.totp-invalid': {
    kind: 'invalid',
    title: { 'zh-CN': '动态口令错误', en: 'The one-time code is wrong' },
  },
  'account.not-found': {
    kind: 'not_found',
    title: { 'zh-CN': '账号或密钥不存在', en: 'No such account or key' },
  },
  'participant.application-invalid': {
    kind: 'invalid',
    title: { 'zh-CN': '入驻申请信息有误', en: 'The application is invalid' },
  },
  'participant.duplicate-uscc': {
    kind: 'conflict',
    title: { 'zh-CN': '该统一社会信用代码已申请或已入驻', en: 'This USCC has already applied or been admitted' },
  },
  'participant.not-found': {
    kind: 'not_found',
    title: { 'zh-CN': '参与方不存在', en: 'No such participant' },
  },
  'participant.transition-invalid': {
    kind: 'conflict',
    title: { 'zh-CN': '当前状态不允许此操作', en: 'The participant is not in a state that allows this' },
  },
  'participant.verification-failed': {
    kind: 'conflict',
    title: { 'zh-CN': '身份核验未通过', en: 'Identity verification failed' },
  },
  'enrollment.token-invalid': {
    kind: 'unauthorized',
    title: { 'zh-CN': '连接器注册令牌无效', en: 'The enrollment token is invalid' },
  },
  'enrollment.proof-invalid': {
    kind: 'invalid',
    title: { 'zh-CN': '密钥持有证明无效', en: 'The proof of possession is invalid' },
  },
  'identity.token-invalid': {
    kind: 'unauthorized',
    title: { 'zh-CN': '身份令牌无效', en: 'The identity token is invalid' },
  },
  'identity.not-enrolled': {
    kind: 'conflict',
    title: { 'zh-CN': '连接器尚未完成身份注册', en: 'The connector is not enrolled yet' },
  },
  'identity.operator-unreachable': {
    kind: 'unavailable',
    title: { 'zh-CN': '无法连接运营方', en: 'The operator cannot be reached' },
  },
  'trust.issuer-invalid': {
    kind: 'invalid',
    title: { 'zh-CN': '可信签发方无效', en: 'The trusted issuer is invalid' },
  },
  'trust.issuer-not-found': {
    kind: 'not_found',
    title: { 'zh-CN': '可信签发方不存在', en: 'No such trusted issuer' },
  },
  'ledger.entry-not-found': {
    kind: 'not_found',
    title: { 'zh-CN': '存证条目不存在', en: 'No such ledger entry' },
  },
  'ledger.range-invalid': {
    kind: 'invalid',
    title: { 'zh-CN': '存证范围无效', en: 'The ledger range is invalid' },
  },
  'ledger.evidence-invalid': {
    kind: 'invalid',
    title: { 'zh-CN': '存证内容无效', en: 'The evidence entry is invalid' },
  },
  'ledger.entry-type-not-relayable': {
    kind: 'invalid',
    title: { 'zh-CN': '该类型的存证不可由连接器转存', en: 'Connectors do not relay entries of this type' },
  },
  'ledger.author-not-allowed': {
    kind: 'forbidden',
    title: { 'zh-CN': '无权记录该存证', en: 'The caller may not author this entry' },
  },
  'ledger.agreement-unverified': {
    kind: 'invalid',
    title: { 'zh-CN': '合约签名未通过验证', en: "The agreement's signatures do not verify" },
  },
  'ledger.evidence-time-skewed': {
    kind: 'invalid',
    title: { 'zh-CN': '存证时间超出允许范围', en: 'The entry is dated outside the accepted window' },
  },
  'ledger.personal-data': {
    kind: 'invalid',
    title: { 'zh-CN': '公开存证中含有个人信息', en: 'The entry carries personal data' },
  },
  'ledger.relay-quota-exceeded': {
    kind: 'invalid',
    status: 429,
    title: { 'zh-CN': '存证转存过于频繁', en: 'Too many entries relayed' },
  },
  'ledger.integrity-failed': {
    kind: 'unavailable',
    title: { 'zh-CN': '存证账本自检未通过', en: 'The ledger failed its self-verification' },
  },
  'catalog.entry-invalid': {
    kind: 'invalid',
    title: { 'zh-CN': '目录条目无效', en: 'The catalog entry is invalid' },
  },
  'catalog.import-invalid': {
    kind: 'invalid',
    title: { 'zh-CN': '导入的元数据无效', en: 'The imported metadata is invalid' },
  },
  'catalog.entry-not-found': {
    kind: 'not_found',
    title: { 'zh-CN': '目录条目不存在', en: 'No such catalog entry' },
  },
  'catalog.not-provider': {
    kind: 'forbidden',
    title: { 'zh-CN': '只有数据提供方可以发布', en: 'Only an admitted provider may publish' },
  },
  'catalog.invalid-transition': {
    kind: 'conflict',
    title: { 'zh-CN': '当前状态不允许此操作', en: 'The entry is not in a state that allows this' },
  },
  'catalog.version-conflict': {
    kind: 'conflict',
    title: { 'zh-CN': '条目已被他人修改', en: 'The entry was changed meanwhile' },
  },
  'catalog.not-acceptable': {
    kind: 'not_acceptable',
    title: { 'zh-CN': '不支持请求的表示格式', en: 'No representation in the requested format' },
  },
  'dashboard.period-invalid': {
    kind: 'invalid',
    title: { 'zh-CN': '统计期间无效', en: 'The dashboard period is invalid' },
  },
  'asset.invalid': {
    kind: 'invalid',
    title: { 'zh-CN': '数据资源登记信息无效', en: 'The asset is invalid' },
  },
  'asset.not-found': {
    kind: 'not_found',
    title: { 'zh-CN': '数据资源不存在', en: 'No such asset' },
  },
  'asset.name-taken': {
    kind: 'conflict',
    title: { 'zh-CN': '资源名称已被使用', en: 'Another asset already has this name' },
  },
  'asset.version-conflict': {
    kind: 'conflict',
    title: { 'zh-CN': '数据资源已被他人修改', en: 'The asset was changed meanwhile' },
  },
  'asset.source-unreadable': {
    kind: 'invalid',
    title: { 'zh-CN': '无法读取数据源', en: 'The data source cannot be read' },
  },
  'asset.not-published': {
    kind: 'conflict',
    title: { 'zh-CN': '数据资源尚未发布', en: 'The asset is not published' },
  },
  'policy.invalid': {
    kind: 'invalid',
    title: { 'zh-CN': '使用策略无法执行', en: 'The usage policy cannot be enforced' },
  },
  'contract.conflict': {
    kind: 'conflict',
    title: { 'zh-CN': '合约记录已被修改，请重试', en: 'The contract record changed meanwhile; try again' },
  },
  'negotiation.not-found': {
    kind: 'not_found',
    title: { 'zh-CN': '合约协商不存在', en: 'No such negotiation' },
  },
  'negotiation.invalid': {
    kind: 'invalid',
    title: { 'zh-CN': '合约协商请求无效', en: 'The negotiation request is invalid' },
  },
  'negotiation.not-allowed': {
    kind: 'conflict',
    title: { 'zh-CN': '当前状态不允许此操作', en: 'The negotiation does not allow this now' },
  },
  'agreement.not-found': {
    kind: 'not_found',
    title: { 'zh-CN': '合约不存在', en: 'No such agreement' },
  },
  'agreement.not-active': {
    kind: 'conflict',
    title: { 'zh-CN': '合约未生效或已失效', en: 'The agreement is not in force' },
  },
  'transfer.not-found': {
    kind: 'not_found',
    title: { 'zh-CN': '数据传输不存在', en: 'No such transfer' },
  },
  'transfer.invalid': {
    kind: 'invalid',
    title: { 'zh-CN': '数据传输请求无效', en: 'The transfer request is invalid' },
  },
  'transfer.channel-not-allowed': {
    kind: 'forbidden',
    title: { 'zh-CN': '合约不允许以此方式交付数据', en: 'The agreement does not allow this delivery channel' },
  },
  'policy.operand-unsupported': {
    kind: 'invalid',
    title: { 'zh-CN': '策略使用了本空间无法取值的条件', en: 'The policy uses a condition this space cannot evaluate' },
  },
  'policy.channel-mismatch': {
    kind: 'invalid',
    title: { 'zh-CN': '要约的访问模式与策略不一致', en: "The offer's access mode disagrees with its policy" },
  },
  'transfer.not-allowed': {
    kind: 'conflict',
    title: { 'zh-CN': '当前状态不允许此操作', en: 'The transfer does not allow this now' },
  },
  'dsp.peer-failed': {
    kind: 'unavailable',
    status: 502,
    title: { 'zh-CN': '对方连接器未能处理请求', en: 'The other connector did not accept the message' },
  },
  'dataplane.token-invalid': {
    kind: 'unauthorized',
    title: { 'zh-CN': '数据访问令牌无效或已过期', en: 'The data access token is invalid or expired' },
  },
  'dataplane.access-refused': {
    kind: 'forbidden',
    title: { 'zh-CN': '合约不允许此次访问', en: 'The agreement does not allow this access' },
  },
  'dataplane.range-invalid': {
    kind: 'invalid',
    status: 416,
    title: { 'zh-CN': '请求的数据范围无效', en: 'The requested range cannot be served' },
  },
  'dataplane.purpose-invalid': {
    kind: 'invalid',
    title: { 'zh-CN': '声明的使用目的无法解码', en: 'The declared purpose cannot be decoded' },
  },
  'sandbox.not-permitted': {
    kind: 'forbidden',
    title: { 'zh-CN': '该合约不允许沙箱计算', en: 'The agreement does not allow sandbox use' },
  },
  'sandbox.job-not-found': {
    kind: 'not_found',
    title: { 'zh-CN': '沙箱作业不存在', en: 'No such sandbox job' },
  },
  'sandbox.job-state': {
    kind: 'conflict',
    title: { 'zh-CN': '沙箱作业的当前状态不允许此操作', en: 'The sandbox job does not allow this now' },
  },
  'sandbox.too-many-jobs': {
    kind: 'unavailable',
    status: 429,
    title: { 'zh-CN': '排队中的沙箱作业过多', en: 'Too many sandbox jobs waiting' },
  },
  'sandbox.algorithm-not-found': {
    kind: 'not_found',
    title: { 'zh-CN': '登记算法不存在', en: 'No such registered algorithm' },
  },
  'sandbox.algorithm-exists': {
    kind: 'conflict',
    title: { 'zh-CN': '该算法版本已登记', en: 'This algorithm version is registered already' },
  },
  'onward.refused': {
    kind: 'forbidden',
    title: { 'zh-CN': '合约不允许再流转', en: 'The agreement does not allow passing this data on' },
  },
  'service.unavailable': {
    kind: 'unavailable',
    title: { 'zh-CN': '服务暂不可用', en: 'The service is unavailable' },
  },
  'internal.unexpected': {
    kind: 'unexpected',
    title: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof errorCatalog;

export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];
