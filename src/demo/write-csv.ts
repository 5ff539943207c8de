/**
 * Writes records in the canonical CSV format of docs/measurement.md: children.csv, placements.csv and
 * events.csv, streamed row by row so a million rows never sit in memory as one string.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { ChildRecord } from '../domain/records.js';

export const canonicalColumns = {
  children: ['child_id', 'first_name', 'last_name', 'date_of_birth', 'sex', 'sibling_group', 'worker', 'team', 'locality'],
  placements: ['child_id', 'placement_id', 'start_date', 'end_date', 'placement_type', 'legal_basis', 'carer_ref', 'recorded_date'],
  events: ['child_id', 'event_id', 'event_type', 'date', 'route', 'note', 'recorded_date'],
} as const;

/** The events file's optional columns, written only when some record has a plan or a planned date (docs/decisions/0030-planned-events.md). */
export const planColumns = ['status', 'planned_date'] as const;

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180); empty for null. */
export function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvLine(values: readonly (string | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/** Writes the three canonical files into `dir` (created if missing) and returns how many rows each has. */
export async function writeCanonicalCsv(dir: string, records: readonly ChildRecord[]): Promise<{ children: number; placements: number; events: number }> {
  mkdirSync(dir, { recursive: true });
  const children = createWriteStream(join(dir, 'children.csv'));
  const placements = createWriteStream(join(dir, 'placements.csv'));
  const events = createWriteStream(join(dir, 'events.csv'));
  await write(children, csvLine(canonicalColumns.children));
  await write(placements, csvLine(canonicalColumns.placements));
  // Records without plans are written exactly as before plans were known.
  const withPlans = records.some((r) => (r.plans?.length ?? 0) > 0 || r.events.some((e) => e.plannedDate !== undefined && e.plannedDate !== null));
  await write(events, csvLine(withPlans ? [...canonicalColumns.events, ...planColumns] : canonicalColumns.events));
  const counts = { children: 0, placements: 0, events: 0 };
  for (const { child, placements: ps, events: es, plans } of records) {
    await write(children, csvLine([child.childId, child.firstName, child.lastName, child.dateOfBirth.toString(), child.sex, child.siblingGroup, child.worker, child.team, child.locality]));
    counts.children += 1;
    for (const p of ps) {
      await write(placements, csvLine([p.childId, p.placementId, p.start.toString(), p.end?.toString() ?? null, p.type, p.legalBasis, p.carerRef, p.recordedDate?.toString() ?? null]));
      counts.placements += 1;
    }
    for (const e of es) {
      const held = [e.childId, e.eventId, e.type, e.date.toString(), e.route, e.note, e.recordedDate?.toString() ?? null];
      await write(events, csvLine(withPlans ? [...held, null, e.plannedDate?.toString() ?? null] : held));
      counts.events += 1;
    }
    for (const p of plans ?? []) {
      await write(events, csvLine([p.childId, p.eventId, p.type, null, p.route, p.reason, p.recordedDate?.toString() ?? null, p.status, p.plannedDate.toString()]));
      counts.events += 1;
    }
  }
  await Promise.all([close(children), close(placements), close(events)]);
  return counts;
}
