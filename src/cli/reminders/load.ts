/** What every reminders command reads (app/reminder-inputs.ts), and the arguments they share. */
import { InvalidArgumentError } from 'commander';
export { loadReminderInputs } from '../../app/reminder-inputs.js';

/** A window of days ahead: a whole number from 0 to 366. */
export function windowArgument(value: string): number {
  const days = Number(value);
  if (!/^\d+$/.test(value.trim()) || days > 366) throw new InvalidArgumentError(`not a number of days from 0 to 366: ${value}`);
  return days;
}

/** A worker's or team's name as on the children's records. */
export function nameArgument(value: string): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (name === '' || name.length > 200) throw new InvalidArgumentError(`not a name: ${JSON.stringify(value)}`);
  return name;
}

export const defaultWindowDays = 14;
