import { format, type Locale, type Localized } from '../i18n/locale.js';
import { addDuration, parseDuration } from './iso-duration.js';
import type { AtomicConstraint, ConstraintNode, Duty, Policy } from './odrl-policy.js';
import { rightValues } from './odrl-policy.js';
import { compactTerm, joinPointer } from './odrl-terms.js';
import { actionTitle } from './policy-actions.js';
import { firstInstant, lastInstant, parseDateValue, type DateValue } from './xsd-date-time.js';

/**
 * Duties become tasks. We do not read ODRL's duty as a pre-condition of its permission: "delete
 * within 30 days" or "notify on every use" can only be fulfilled after the use they govern, so a
 * permitted decision returns its duties and they are tracked here, with evidence of fulfilment or
 * breach; the data plane may then refuse further access while a duty is breached.
 *
 * - `on-use` (inform = notify, attribute, watermark): due after each use, within the duty's
 *   `elapsedTime` constraint (`elapsedTime lteq PT1H`), else within {@link DEFAULT_ON_USE_WINDOW}.
 * - `at-time` (everything else): due by the earliest upper bound of its time constraints:
 *   `elapsedTime lteq P30D` → the agreement's signing + 30 days, `dateTime lteq T` → T. Without
 *   one the duty has no deadline: pending until performed, never breached.
 * Only constraints at the top level or under `and` / `andSequence` schedule a duty.
 */
export type DutyTrigger = 'on-use' | 'at-time';

export const DEFAULT_ON_USE_WINDOW = 'P1D';
const onUseActions = ['inform', 'attribute', 'watermark'];

export interface DutyTask {
  /** Where the duty is in the policy: `/permission/0/duty/1`, `/obligation/0`. */
  pointer: string;
  uid?: string;
  action: string;
  constraints: ConstraintNode[];
  trigger: DutyTrigger;
  /** `at-time`: the deadline, when known. */
  dueAt?: Date;
  /** `on-use`: the ISO 8601 duration after each use within which the duty is due. */
  window?: string;
  /** `at-time` with an `elapsedTime` bound but no signed agreement yet: the duration it will run. */
  afterSigning?: string;
  detail: Localized;
}

const upperBound = (c: AtomicConstraint) => c.operator === 'lt' || c.operator === 'lteq' || c.operator === 'eq';

function timeBounds(nodes: readonly ConstraintNode[]): AtomicConstraint[] {
  return nodes.flatMap((n) => (n.kind === 'atomic' ? [n] : n.op === 'and' || n.op === 'andSequence' ? timeBounds(n.constraints) : []))
    .filter((c) => (c.leftOperand === 'elapsedTime' || c.leftOperand === 'dateTime') && upperBound(c));
}

const firstValue = (c: AtomicConstraint): string => String(rightValues(c)[0]?.value ?? '');

/** `dateTime lt 2025-06-20` is due by the end of 19 June; `lteq` / `eq` by the end of the 20th. */
function deadlineOf(date: DateValue, operator: AtomicConstraint['operator']): Date {
  if (date.kind === 'dateTime') return new Date(date.ms);
  return operator === 'lt' ? new Date(firstInstant(date).getTime() - 1) : lastInstant(date);
}

const messages = {
  dueBy: { 'zh-CN': '{action}：须于 {dueAt} 前履行', en: '{action} by {dueAt}' },
  afterSigning: { 'zh-CN': '{action}：须于合约生效后 {duration} 内履行', en: '{action} within {duration} of the agreement' },
  noDeadline: { 'zh-CN': '{action}：须履行（无期限）', en: '{action} (no deadline)' },
  onUse: { 'zh-CN': '每次使用后 {window} 内{action}', en: '{action} within {window} of each use' },
} satisfies Record<string, Localized>;

const localized = (template: Localized, values: Record<Locale, Record<string, string>>): Localized => ({
  'zh-CN': format(template['zh-CN'], values['zh-CN']),
  en: format(template.en, values.en),
});

/** The task for one duty; `signedAt` is when the agreement was signed, if it is. */
export function scheduleDuty(duty: Duty, pointer: string, signedAt?: Date): DutyTask {
  const title = actionTitle(duty.action);
  const named = (extra: Record<string, string> = {}) => ({ 'zh-CN': { action: title['zh-CN'], ...extra }, en: { action: title.en, ...extra } });
  const base = { pointer, ...(duty.uid ? { uid: duty.uid } : {}), action: duty.action, constraints: duty.constraints };
  const bounds = timeBounds(duty.constraints);
  const elapsed = bounds.find((c) => c.leftOperand === 'elapsedTime');
  if (onUseActions.includes(duty.action)) {
    const window = elapsed && parseDuration(firstValue(elapsed)) ? firstValue(elapsed) : DEFAULT_ON_USE_WINDOW;
    return { ...base, trigger: 'on-use', window, detail: localized(messages.onUse, named({ window })) };
  }
  const deadlines: Date[] = [];
  let afterSigning: string | undefined;
  for (const c of bounds) {
    const value = firstValue(c);
    const duration = c.leftOperand === 'elapsedTime' ? parseDuration(value) : undefined;
    const date = c.leftOperand === 'dateTime' ? parseDateValue(value) : undefined;
    if (duration && signedAt) deadlines.push(addDuration(signedAt, duration));
    else if (duration) afterSigning = value;
    if (date) deadlines.push(deadlineOf(date, c.operator));
  }
  const dueAt = deadlines.sort((a, b) => a.getTime() - b.getTime())[0];
  if (dueAt) return { ...base, trigger: 'at-time', dueAt, detail: localized(messages.dueBy, named({ dueAt: dueAt.toISOString() })) };
  if (afterSigning) return { ...base, trigger: 'at-time', afterSigning, detail: localized(messages.afterSigning, named({ duration: afterSigning })) };
  return { ...base, trigger: 'at-time', detail: localized(messages.noDeadline, named()) };
}

/** Every duty an agreement creates: each permission's duties and the policy's obligations. */
export function scheduleAgreementDuties(policy: Policy, signedAt: Date): DutyTask[] {
  return [
    ...policy.permissions.flatMap((p, i) => p.duties.map((d, j) => scheduleDuty(d, joinPointer('', 'permission', i, 'duty', j), signedAt))),
    ...policy.obligations.map((d, k) => scheduleDuty(d, joinPointer('', 'obligation', k), signedAt)),
  ];
}

/** What happened: a use of the asset, or a duty's action performed (with the ledger entry that proves it). */
export type DutyEvent =
  | { kind: 'use'; at: Date; evidence?: string }
  | { kind: 'performed'; action: string; at: Date; /** The task's pointer, when the event names it. */ duty?: string; evidence?: string };

export interface DutyStatus {
  status: 'pending' | 'fulfilled' | 'breached';
  /** Fulfilled: the events that fulfilled it. Breached: the uses left without their duty, or the late performances. */
  evidence: DutyEvent[];
  /** The earliest deadline still open (pending) or missed (breached). */
  dueAt?: Date;
}

const byTime = (a: DutyEvent, b: DutyEvent) => a.at.getTime() - b.at.getTime();

/** Where a task stands at `now`, from the events so far; events after `now` are not yet known. */
export function dutyStatus(task: DutyTask, events: readonly DutyEvent[], now: Date): DutyStatus {
  const known = events.filter((e) => e.at.getTime() <= now.getTime()).sort(byTime);
  const performed = known.filter((e) => e.kind === 'performed' && compactTerm(e.action) === task.action && (e.duty === undefined || e.duty === task.pointer));
  if (task.trigger === 'at-time') {
    const { dueAt } = task;
    const inTime = performed.find((e) => !dueAt || e.at.getTime() <= dueAt.getTime());
    if (inTime) return { status: 'fulfilled', evidence: [inTime] };
    if (dueAt && now.getTime() > dueAt.getTime()) return { status: 'breached', evidence: performed, dueAt };
    return { status: 'pending', evidence: [], ...(dueAt ? { dueAt } : {}) };
  }
  const window = parseDuration(task.window ?? DEFAULT_ON_USE_WINDOW) ?? parseDuration(DEFAULT_ON_USE_WINDOW);
  const unused = [...performed];
  const matched: DutyEvent[] = [];
  const open: Array<{ use: DutyEvent; deadline: Date }> = [];
  for (const use of known.filter((e) => e.kind === 'use')) {
    const deadline = window ? addDuration(use.at, window) : use.at;
    const i = unused.findIndex((p) => p.at.getTime() >= use.at.getTime() && p.at.getTime() <= deadline.getTime());
    if (i >= 0) matched.push(...unused.splice(i, 1));
    else open.push({ use, deadline });
  }
  const missed = open.filter((o) => o.deadline.getTime() < now.getTime());
  if (missed.length) return { status: 'breached', evidence: missed.map((o) => o.use), dueAt: missed[0]?.deadline };
  if (open.length) return { status: 'pending', evidence: [], dueAt: open[0]?.deadline };
  return matched.length ? { status: 'fulfilled', evidence: matched } : { status: 'pending', evidence: [] };
}
