/** Command-line values become domain values here, once; a bad one is a usage error naming itself. */
import { InvalidArgumentError } from 'commander';
import { parseDate, type PlainDate } from '../domain/date.js';

export function dateArgument(value: string): PlainDate {
  const parsed = parseDate(value);
  if (!parsed.ok) throw new InvalidArgumentError(`not a date: ${value} (write YYYY-MM-DD or DD/MM/YYYY)`);
  return parsed.value;
}

export function positiveIntegerArgument(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError(`not a whole number of 1 or more: ${value}`);
  return number;
}

export function authorityCodeArgument(value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z0-9_-]{2,20}$/.test(code)) throw new InvalidArgumentError(`not an authority code: ${value} (2–20 letters, digits, - or _)`);
  return code;
}
