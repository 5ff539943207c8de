/** The audit log page's filter (child reference, user, action, date range, page), read from its address. */
import { isAfter, parseDate, type PlainDate } from '../../domain/date.js';
import { auditActions, isAuditAction, type AuditFilter } from '../../store/index.js';
import type { FieldError } from '../views/components.js';

export interface AuditQueryValues {
  readonly child: string;
  readonly user: string;
  readonly action: string;
  readonly from: string;
  readonly to: string;
}

export type AuditQuery = { readonly values: AuditQueryValues; readonly filter: AuditFilter; readonly page: number; readonly errors: readonly FieldError[] };

const fieldNames = ['child', 'user', 'action', 'from', 'to'] as const;

/** Each value as typed (for the form); the filter holds only what is valid, each problem naming its field. */
export function parseAuditQuery(query: Readonly<Record<string, unknown>>): AuditQuery {
  const text = (name: string, max: number) => {
    const value = query[name];
    return typeof value === 'string' ? value.trim().slice(0, max) : '';
  };
  const values = Object.fromEntries(fieldNames.map((name) => [name, text(name, 200)])) as unknown as AuditQueryValues;
  const errors: FieldError[] = [];
  const date = (field: 'from' | 'to', words: string): PlainDate | undefined => {
    if (values[field] === '') return undefined;
    const parsed = parseDate(values[field]);
    if (parsed.ok) return parsed.value;
    errors.push({ field, message: `Enter the ${words} date as a real date, such as 2024-03-01 or 01/03/2024 (you entered ${values[field]})` });
    return undefined;
  };
  const from = date('from', 'from');
  const to = date('to', 'to');
  if (from && to && isAfter(from, to)) errors.push({ field: 'to', message: `The to date cannot be before the from date, ${from.toString()} (you entered ${values.to})` });
  if (values.action !== '' && !isAuditAction(values.action)) errors.push({ field: 'action', message: `Choose an action from the list: ${auditActions.join(', ')} (you entered ${values.action})` });
  const pageNumber = Number(text('page', 10) || '1');
  const filter: AuditFilter = {
    ...(values.child !== '' ? { childId: values.child } : {}),
    ...(values.user !== '' ? { username: values.user } : {}),
    ...(values.action !== '' && isAuditAction(values.action) ? { action: values.action } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  return { values, filter, page: Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= 1_000_000 ? pageNumber : 1, errors };
}
