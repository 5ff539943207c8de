/** A digest address from its form: a worker's, or a team manager's, each field read with a message naming it. */
import { z } from 'zod';
import type { Contact, ContactKind } from '../../domain/reminders/digest.js';
import type { FieldError } from '../views/components.js';
import type { ParseResult } from './records.js';

export type ContactFormValues = Readonly<Record<'kind' | 'name' | 'email', string>>;

export const blankContactForm: ContactFormValues = { kind: 'worker', name: '', email: '' };

const emailSchema = z.email();

export function parseContactForm(body: unknown): { values: ContactFormValues; result: ParseResult<Contact> } {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string).trim() : '');
  // The name as the store keeps it: spaces collapsed.
  const values: ContactFormValues = { kind: text('kind'), name: text('name').replace(/\s+/g, ' '), email: text('email') };
  const errors: FieldError[] = [];
  if (values.kind !== 'worker' && values.kind !== 'team') errors.push({ field: 'kind', message: 'Choose whether the address is a worker’s or a team manager’s' });
  if (values.name === '' || values.name.length > 200) errors.push({ field: 'name', message: `Enter the name as on the children’s records, up to 200 characters (you entered ${values.name.length} characters)` });
  if (!emailSchema.safeParse(values.email).success) errors.push({ field: 'email', message: values.email === '' ? 'Enter the e-mail address' : `Enter an e-mail address such as name@council.gov.uk (you entered ${values.email})` });
  if (errors.length > 0) return { values, result: { ok: false, errors } };
  return { values, result: { ok: true, value: { kind: values.kind as ContactKind, name: values.name, email: values.email } } };
}
