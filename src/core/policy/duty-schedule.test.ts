import { describe, expect, it } from 'vitest';
import { dutyStatus, scheduleAgreementDuties, scheduleDuty, type DutyEvent } from './duty-schedule.js';
import { aConstraint, anOfferJson, policyOf, SIGNED_AT } from './fixtures/policy-fixtures.js';
import type { Duty } from './odrl-policy.js';

const dutyOf = (json: Record<string, unknown>): Duty => policyOf(anOfferJson({ permission: [{ action: 'use', duty: [json] }] })).permissions[0]!.duties[0]!;
const at = (iso: string) => new Date(iso);
const use = (iso: string): DutyEvent => ({ kind: 'use', at: at(iso) });
const performed = (action: string, iso: string, evidence = 'ledger:1'): DutyEvent => ({ kind: 'performed', action, at: at(iso), evidence });

describe('scheduling duties', () => {
  it('delete with elapsedTime lteq P30D is due 30 days after signing', () => {
    const task = scheduleDuty(dutyOf({ action: 'delete', constraint: [aConstraint('elapsedTime', 'lteq', 'P30D')] }), '/permission/0/duty/0', SIGNED_AT);
    expect(task).toMatchObject({ action: 'delete', trigger: 'at-time', dueAt: at('2025-07-01T00:00:00Z') });
    expect(task.detail).toEqual({ 'zh-CN': '删除：须于 2025-07-01T00:00:00.000Z 前履行', en: 'delete by 2025-07-01T00:00:00.000Z' });
  });

  it('takes months and hours as the calendar has them (P1Y2M, PT12H)', () => {
    expect(scheduleDuty(dutyOf({ action: 'delete', constraint: [aConstraint('elapsedTime', 'lteq', 'P1Y2M')] }), '/d', SIGNED_AT).dueAt).toEqual(at('2026-08-01T00:00:00Z'));
    expect(scheduleDuty(dutyOf({ action: 'anonymize', constraint: [aConstraint('elapsedTime', 'lt', 'PT12H')] }), '/d', SIGNED_AT).dueAt).toEqual(at('2025-06-01T12:00:00Z'));
  });

  it('takes the earliest bound, including a date (the end of that day in its zone) and bounds under and', () => {
    const task = scheduleDuty(
      dutyOf({ action: 'delete', constraint: [{ and: [aConstraint('elapsedTime', 'lteq', 'P90D'), aConstraint('dateTime', 'lteq', '2025-06-20+08:00')] }] }),
      '/d',
      SIGNED_AT,
    );
    expect(task.dueAt).toEqual(at('2025-06-20T15:59:59.999Z'));
    const before = scheduleDuty(dutyOf({ action: 'delete', constraint: [aConstraint('dateTime', 'lt', '2025-06-20+08:00')] }), '/d', SIGNED_AT);
    expect(before.dueAt).toEqual(at('2025-06-19T15:59:59.999Z'));
  });

  it('before signing, keeps the period to run; without a bound, there is no deadline', () => {
    const waiting = scheduleDuty(dutyOf({ action: 'delete', constraint: [aConstraint('elapsedTime', 'lteq', 'P30D')] }), '/d');
    expect(waiting).toMatchObject({ trigger: 'at-time', afterSigning: 'P30D' });
    expect(waiting.dueAt).toBeUndefined();
    expect(waiting.detail.en).toBe('delete within P30D of the agreement');
    const open = scheduleDuty(dutyOf({ action: 'compensate' }), '/d', SIGNED_AT);
    expect(open.dueAt).toBeUndefined();
    expect(open.detail['zh-CN']).toBe('支付：须履行（无期限）');
  });

  it('notify (inform), attribute and watermark are due on each use, within their window', () => {
    expect(scheduleDuty(dutyOf({ action: 'inform' }), '/d', SIGNED_AT)).toMatchObject({ trigger: 'on-use', window: 'P1D' });
    expect(scheduleDuty(dutyOf({ action: 'notify', constraint: [aConstraint('elapsedTime', 'lteq', 'PT1H')] }), '/d')).toMatchObject({ action: 'inform', trigger: 'on-use', window: 'PT1H' });
    expect(scheduleDuty(dutyOf({ action: 'attribute' }), '/d').detail['zh-CN']).toBe('每次使用后 P1D 内署名');
  });

  it('lists every duty of an agreement: each permission’s and the obligations', () => {
    const policy = policyOf(
      anOfferJson({
        permission: [{ action: 'read', duty: [{ action: 'inform' }] }, { action: 'aggregate', duty: [{ action: 'delete', constraint: [aConstraint('elapsedTime', 'lteq', 'P7D')] }] }],
        obligation: [{ action: 'compensate' }],
      }),
    );
    expect(scheduleAgreementDuties(policy, SIGNED_AT).map((t) => [t.pointer, t.action, t.dueAt?.toISOString()])).toEqual([
      ['/permission/0/duty/0', 'inform', undefined],
      ['/permission/1/duty/0', 'delete', '2025-06-08T00:00:00.000Z'],
      ['/obligation/0', 'compensate', undefined],
    ]);
  });
});

describe('duty status', () => {
  const deletion = scheduleDuty(dutyOf({ action: 'delete', constraint: [aConstraint('elapsedTime', 'lteq', 'P30D')] }), '/permission/0/duty/0', SIGNED_AT);

  it('a deadline duty is pending until due, fulfilled by a performance in time, breached after', () => {
    expect(dutyStatus(deletion, [], at('2025-06-20T00:00:00Z'))).toEqual({ status: 'pending', evidence: [], dueAt: at('2025-07-01T00:00:00Z') });
    const done = performed('delete', '2025-06-30T10:00:00Z');
    expect(dutyStatus(deletion, [done], at('2025-08-01T00:00:00Z'))).toEqual({ status: 'fulfilled', evidence: [done] });
    expect(dutyStatus(deletion, [], at('2025-07-01T00:00:01Z'))).toEqual({ status: 'breached', evidence: [], dueAt: at('2025-07-01T00:00:00Z') });
  });

  it('a late performance is evidence of the breach, not a fulfilment', () => {
    const late = performed('delete', '2025-07-03T00:00:00Z');
    expect(dutyStatus(deletion, [late], at('2025-07-05T00:00:00Z'))).toMatchObject({ status: 'breached', evidence: [late] });
  });

  it('ignores events after now, other actions and events for another duty', () => {
    const events = [performed('delete', '2025-06-30T00:00:00Z'), performed('inform', '2025-06-02T00:00:00Z'), { ...performed('delete', '2025-06-05T00:00:00Z'), duty: '/obligation/0' }];
    expect(dutyStatus(deletion, events, at('2025-06-20T00:00:00Z')).status).toBe('pending');
  });

  it('an on-use duty needs a performance within the window after each use', () => {
    const notify = scheduleDuty(dutyOf({ action: 'inform', constraint: [aConstraint('elapsedTime', 'lteq', 'PT1H')] }), '/permission/0/duty/0', SIGNED_AT);
    const uses = [use('2025-06-02T08:00:00Z'), use('2025-06-02T09:00:00Z')];
    expect(dutyStatus(notify, [], at('2025-06-02T07:00:00Z'))).toEqual({ status: 'pending', evidence: [] });
    const first = performed('inform', '2025-06-02T08:10:00Z');
    const second = performed('inform', '2025-06-02T09:30:00Z');
    expect(dutyStatus(notify, [...uses, first, second], at('2025-06-03T00:00:00Z'))).toEqual({ status: 'fulfilled', evidence: [first, second] });
    expect(dutyStatus(notify, [...uses, first], at('2025-06-02T09:30:00Z'))).toEqual({ status: 'pending', evidence: [], dueAt: at('2025-06-02T10:00:00Z') });
    expect(dutyStatus(notify, [...uses, first], at('2025-06-02T10:00:01Z'))).toEqual({ status: 'breached', evidence: [uses[1]], dueAt: at('2025-06-02T10:00:00Z') });
  });

  it('one notification does not answer for two uses', () => {
    const notify = scheduleDuty(dutyOf({ action: 'inform' }), '/d', SIGNED_AT);
    const events = [use('2025-06-02T08:00:00Z'), use('2025-06-02T08:05:00Z'), performed('inform', '2025-06-02T08:06:00Z')];
    expect(dutyStatus(notify, events, at('2025-06-04T00:00:00Z'))).toMatchObject({ status: 'breached', evidence: [events[1]] });
  });
});
