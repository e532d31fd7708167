import type { FailureKind } from './domain-error.js';

interface ErrorDefinition {
  kind: FailureKind;
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
    title: { 'zh-CN': '不支持的内容类型', en: 'Unsupported media type' },
  },
  'request.too-large': {
    kind: 'invalid',
    title: { 'zh-CN': '请求体过大', en: 'The request body is too large' },
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
