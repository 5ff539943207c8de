/** A batch of records pushed through the API, checked whole before anything is saved. */
import type { AnyEvent } from '../../domain/planned.js';
import type { Child, Placement } from '../../domain/records.js';
import { findEvents, findRecordOwners, loadChildIds, type SaveBatch, type UserGrant } from '../../store/index.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import { anyEventFields, childFields, parseChild, parsePlacement, placementFields, readFields, type FieldWarning, type ParseResult } from '../forms/records.js';
import { parseEventBody } from './event-body.js';

export interface RecordIssue {
  /** Which record: `events[3]`, or `body`. */
  readonly record: string;
  readonly field: string;
  readonly message: string;
}

/** 422 with every problem, each naming the record and the field. */
export class InvalidRecords extends HttpError {
  constructor(readonly issues: readonly RecordIssue[]) {
    super(422, `${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}; nothing was saved: ${issues.slice(0, 3).map((i) => `${i.record} ${i.field}: ${i.message}`).join('; ')}${issues.length > 3 ? '; …' : ''}`, 'invalid-records');
  }
}

/** Something saved that is worth a look (a cancelled event without a reason), naming the record. */
export interface RecordWarning extends FieldWarning {
  readonly record: string;
}

export const maxBatchRecords = 10_000;

export async function parseBatch(ctx: WebContext, grant: UserGrant, body: unknown): Promise<{ batch: SaveBatch; warnings: RecordWarning[] }> {
  const object = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  if (!object) throw new InvalidRecords([{ record: 'body', field: 'body', message: 'send a JSON object with children, placements and events arrays' }]);
  const issues: RecordIssue[] = [];
  const list = (key: string): unknown[] => {
    const value = object[key] ?? [];
    if (!Array.isArray(value)) {
      issues.push({ record: key, field: key, message: 'must be an array' });
      return [];
    }
    return value;
  };
  const rows = { children: list('children'), placements: list('placements'), events: list('events') };
  const total = rows.children.length + rows.placements.length + rows.events.length;
  if (total > maxBatchRecords) throw new InvalidRecords([{ record: 'body', field: 'body', message: `at most ${maxBatchRecords} records at once (got ${total}); split the batch, or import a file` }]);
  const today = ctx.today();
  const warnings: RecordWarning[] = [];
  const parseAll = <T>(key: string, names: readonly string[], idField: string, parse: (fields: Record<string, string>, row: unknown) => ParseResult<T>, idOf: (t: T) => string): { index: number; value: T }[] => {
    const seen = new Set<string>();
    const parsed: { index: number; value: T }[] = [];
    (rows[key as keyof typeof rows] as unknown[]).forEach((row, index) => {
      const record = `${key}[${index}]`;
      const read = readFields(row, names);
      if (!read.ok) return issues.push(...read.errors.map((e) => ({ record, ...e })));
      if (read.value[idField] === '') return issues.push({ record, field: idField, message: `Enter the ${idField}` });
      const result = parse(read.value, row);
      if (!result.ok) return issues.push(...result.errors.map((e) => ({ record, ...e })));
      warnings.push(...(result.warnings ?? []).map((w) => ({ record, ...w })));
      const id = idOf(result.value);
      if (seen.has(id)) return issues.push({ record, field: idField, message: `${id} appears more than once in this batch` });
      seen.add(id);
      parsed.push({ index, value: result.value });
    });
    return parsed;
  };
  const children = parseAll<Child>('children', childFields, 'child_id', (f) => parseChild(f, today), (c) => c.childId);
  const placements = parseAll<Placement>('placements', ['child_id', ...placementFields], 'placement_id', (f) => (f.child_id ? parsePlacement(f, today, f.child_id, f.placement_id ?? '') : missingChild()), (p) => p.placementId);
  // The events held under these ids: what a body that leaves out planned_date or recorded_date keeps.
  const eventIds = rows.events.flatMap((row) => {
    const read = readFields(row, ['event_id']);
    return read.ok && read.value.event_id ? [read.value.event_id] : [];
  });
  const stored = await findEvents(ctx.connection, grant.scope, eventIds);
  const events = parseAll<AnyEvent>('events', ['child_id', ...anyEventFields], 'event_id', (f, row) => (f.child_id ? parseEventBody(row, f, today, f.child_id, f.event_id ?? '', stored.get(f.event_id ?? '')) : missingChild()), (e) => e.eventId);

  const known = new Set([...(await loadChildIds(ctx.connection, grant.scope)), ...children.map((c) => c.value.childId)]);
  const check = async (key: string, entity: 'placement' | 'event', items: readonly { index: number; value: { childId: string; id: string } }[]) => {
    const owners = await findRecordOwners(ctx.connection, grant.scope, entity, items.map((i) => i.value.id));
    for (const { index, value } of items) {
      if (!known.has(value.childId)) issues.push({ record: `${key}[${index}]`, field: 'child_id', message: `no child ${value.childId}: add the child first, or in this batch` });
      const owner = owners.get(value.id);
      if (owner && owner.childId !== value.childId) issues.push({ record: `${key}[${index}]`, field: `${entity}_id`, message: `${value.id} belongs to another child (${owner.childId})` });
    }
  };
  await check('placements', 'placement', placements.map((p) => ({ index: p.index, value: { childId: p.value.childId, id: p.value.placementId } })));
  await check('events', 'event', events.map((e) => ({ index: e.index, value: { childId: e.value.childId, id: e.value.eventId } })));
  if (issues.length) throw new InvalidRecords(issues);
  return { batch: { children: children.map((c) => c.value), placements: placements.map((p) => p.value), events: events.map((e) => e.value) }, warnings };
}

function missingChild<T>(): ParseResult<T> {
  return { ok: false, errors: [{ field: 'child_id', message: 'Enter the child_id' }] };
}
