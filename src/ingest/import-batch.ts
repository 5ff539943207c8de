/**
 * The records of one import, held compactly as rows are read: children as records, placements and
 * events as columns (a million of them would otherwise take an object each). Each child's records
 * are put together again as domain records, a child at a time, for the rules; each remembers the
 * row it came from, so that a problem can still name its file and row. For saving, the records of
 * each kind are given by position and found by id, to be compared with the stored ones.
 */
import { eventTypes, legalBases, placementTypes, routes, type EventType, type LegalBasis, type PlacementType, type Route } from '../domain/codes.js';
import { dateOfEpochDay, epochDay } from '../domain/date.js';
import type { ChildRecords } from '../domain/quality/child-rules.js';
import { isPlannedEvent, withPlannedDate, type AnyEvent } from '../domain/planned.js';
import type { CaseEvent, Child, Placement, PlannedEvent } from '../domain/records.js';
import { noDay, type ColumnRows, type RecordColumns, type RecordsByPosition, type SentColumn } from '../store/index.js';
import { ByteColumn, CodeColumn, IdIndex, IntColumn, positionsByGroup } from './columns-store.js';
import type { TableName } from './tables.js';

/** One child's records with the rows they came from (0 for a child not in the children file). */
export interface ChildGroup extends ChildRecords {
  readonly childRow: number;
  readonly placementRows: readonly number[];
  readonly eventRows: readonly number[];
  /** The child's events planned or cancelled, apart from the held ones the rules read. */
  readonly plans: readonly PlannedEvent[];
  readonly planRows: readonly number[];
}

/** An event's status by number, in the batch's column: held, planned, cancelled. */
const statusCodes = [null, 'planned', 'cancelled'] as const;

/** A column of the batch as a writer takes it: its values for a range of positions, and its code list if it has one. */
interface BatchColumn {
  readonly values: () => SentColumn;
  readonly codes?: readonly string[];
}

/**
 * A copy of text read from a file that holds only its own characters. A value the CSV parser cuts
 * from a chunk of the file is, from 13 characters, a slice that keeps the whole chunk (64 KB)
 * alive: a note on one event in forty kept every chunk of a large events file, about 100 MB.
 */
export function ownText(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

function ownTextOrNull(text: string | null): string | null {
  return text === null ? null : ownText(text);
}

export class ImportBatch implements RecordColumns {
  readonly #childIndex = new Map<string, number>();
  readonly #childIds: string[] = [];
  readonly #children: (Child | null)[] = [];
  readonly #childRows: number[] = [];
  /** Positions of placements and events left out because their id was used on an earlier row. */
  readonly #left: Record<'placements' | 'events', Set<number>> = { placements: new Set(), events: new Set() };
  /** Placement and event ids by position, once their file has been read. */
  readonly #index: Record<'placements' | 'events', IdIndex | null> = { placements: null, events: null };
  #lastChildId: string | null = null;
  #lastChildIndex = -1;
  readonly #placements = { child: new IntColumn(), row: new IntColumn(), id: [] as string[], start: new IntColumn(), end: new IntColumn(), type: new CodeColumn<PlacementType>(placementTypes), basis: new CodeColumn<LegalBasis>(legalBases), carer: [] as (string | null)[], recorded: new IntColumn() };
  readonly #events = { child: new IntColumn(), row: new IntColumn(), id: [] as string[], day: new IntColumn(), type: new CodeColumn<EventType>(eventTypes), route: new CodeColumn<Route>(routes), note: [] as (string | null)[], recorded: new IntColumn(), status: new ByteColumn(), planned: new IntColumn() };
  /** Children whose row was present but had errors: not unknown, just not readable. */
  readonly presentChildIds = new Set<string>();
  readonly counts: Record<TableName, number> = { children: 0, placements: 0, events: 0 };
  /** For each table, the data columns its file did not carry: a record saved keeps the stored values (`ColumnMap.keptAsStored`). */
  readonly #keptAsStored: Record<TableName, readonly string[]> = { children: [], placements: [], events: [] };

  /** Says which data columns a table's file did not carry, once its header is read. */
  keepStored(table: TableName, columns: readonly string[]): void {
    this.#keptAsStored[table] = columns;
  }

  /** The data columns a table's file did not carry, whose stored values its records keep. */
  keptAsStored(table: TableName): readonly string[] {
    return this.#keptAsStored[table];
  }

  /** Adds a child at its position, or gives the row that already holds the child's id (and adds nothing). */
  addChild(child: Child, row: number): { readonly position: number; readonly firstRow: number | null } {
    const position = this.#childIndexOf(child.childId);
    if (this.#children[position] !== null) return { position, firstRow: this.#childRows[position] as number };
    this.#children[position] = {
      childId: this.#childIds[position] as string,
      firstName: ownTextOrNull(child.firstName),
      lastName: ownTextOrNull(child.lastName),
      dateOfBirth: child.dateOfBirth,
      sex: child.sex,
      siblingGroup: ownTextOrNull(child.siblingGroup),
      worker: ownTextOrNull(child.worker),
      team: ownTextOrNull(child.team),
      locality: ownTextOrNull(child.locality),
    };
    this.#childRows[position] = row;
    this.counts.children += 1;
    return { position, firstRow: null };
  }

  /**
   * Leaves out each placement or event whose id was used on an earlier row of its file, giving
   * what a report says of each: the id, its child, its row and the row where the id was first used.
   */
  leaveOutRepeatedIds(table: 'placements' | 'events'): { readonly id: string; readonly childId: string; readonly row: number; readonly firstRow: number }[] {
    const columns = table === 'placements' ? this.#placements : this.#events;
    const left = this.#left[table];
    const index = new IdIndex(columns.id);
    this.#index[table] = index;
    return index.repeats().map(({ at, first }) => {
      left.add(at);
      this.counts[table] -= 1;
      return { id: columns.id[at] as string, childId: this.#childIds[columns.child.at(at)] as string, row: columns.row.at(at), firstRow: columns.row.at(first) };
    });
  }

  /** Adds a placement, giving its position. */
  addPlacement(placement: Placement, row: number): number {
    const p = this.#placements;
    p.child.push(this.#childIndexOf(placement.childId));
    p.row.push(row);
    p.id.push(ownText(placement.placementId));
    p.start.push(epochDay(placement.start));
    p.end.push(placement.end === null ? noDay : epochDay(placement.end));
    p.type.push(placement.type);
    p.basis.push(placement.legalBasis);
    p.carer.push(ownTextOrNull(placement.carerRef));
    p.recorded.push(placement.recordedDate === null ? noDay : epochDay(placement.recordedDate));
    this.counts.placements += 1;
    return p.id.length - 1;
  }

  /** Adds an event (held, planned or cancelled), giving its position. */
  addEvent(event: AnyEvent, row: number): number {
    const e = this.#events;
    e.child.push(this.#childIndexOf(event.childId));
    e.row.push(row);
    e.id.push(ownText(event.eventId));
    e.type.push(event.type);
    e.route.push(event.route);
    e.recorded.push(event.recordedDate === null ? noDay : epochDay(event.recordedDate));
    if (isPlannedEvent(event)) {
      e.day.push(epochDay(event.plannedDate));
      e.note.push(ownTextOrNull(event.reason));
      e.status.push(statusCodes.indexOf(event.status));
      e.planned.push(epochDay(event.plannedDate));
    } else {
      e.day.push(epochDay(event.date));
      e.note.push(ownTextOrNull(event.note));
      e.status.push(0);
      e.planned.push(event.plannedDate === undefined || event.plannedDate === null ? noDay : epochDay(event.plannedDate));
    }
    this.counts.events += 1;
    return e.id.length - 1;
  }

  /** Each child's records, a child at a time, in the order the children were first met. */
  *children(): Generator<ChildGroup> {
    const count = this.#childIds.length;
    const byChild = { placements: positionsByGroup(this.#placements.child, count), events: positionsByGroup(this.#events.child, count) };
    const left = this.#left;
    for (let index = 0; index < count; index++) {
      // Each child's rows straight from the positions, leaving out those left out: no list made on the way.
      const placements: Placement[] = [];
      const placementRows: number[] = [];
      for (let k = byChild.placements.starts[index] as number; k < (byChild.placements.starts[index + 1] as number); k++) {
        const i = byChild.placements.positions[k] as number;
        if (left.placements.size > 0 && left.placements.has(i)) continue;
        placements.push(this.#placement(i));
        placementRows.push(this.#placements.row.at(i));
      }
      // The rules across a child's records read held events only: a plan is not a milestone.
      const events: CaseEvent[] = [];
      const eventRows: number[] = [];
      const plans: PlannedEvent[] = [];
      const planRows: number[] = [];
      for (let k = byChild.events.starts[index] as number; k < (byChild.events.starts[index + 1] as number); k++) {
        const i = byChild.events.positions[k] as number;
        if (left.events.size > 0 && left.events.has(i)) continue;
        if (this.#events.status.at(i) === 0) {
          events.push(this.#event(i) as CaseEvent);
          eventRows.push(this.#events.row.at(i));
        } else {
          plans.push(this.#event(i) as PlannedEvent);
          planRows.push(this.#events.row.at(i));
        }
      }
      yield { childId: this.#childIds[index] as string, child: this.#children[index] ?? null, childRow: this.#childRows[index] ?? 0, placements, placementRows, events, eventRows, plans, planRows };
    }
  }

  /** The children read, by position in the order first met, and found by id. */
  childrenRead(): RecordsByPosition<Child> {
    return { count: this.#childIds.length, positionOf: (id) => this.#childIndex.get(id) ?? -1, has: (i) => (this.#children[i] ?? null) !== null, at: (i) => this.#children[i] ?? null };
  }

  /** The placements read, by position in file order (none where one was left out), and found by id. */
  placementsRead(): RecordsByPosition<Placement> {
    const index = this.#idIndex('placements');
    const has = (i: number) => i >= 0 && i < this.#placements.id.length && !this.#left.placements.has(i);
    return { count: this.#placements.id.length, positionOf: (id) => index.positionOf(id), has, at: (i) => (has(i) ? this.#placement(i) : null) };
  }

  /** The events read, by position in file order (none where one was left out), and found by id. */
  eventsRead(): RecordsByPosition<AnyEvent> {
    const index = this.#idIndex('events');
    const has = (i: number) => i >= 0 && i < this.#events.id.length && !this.#left.events.has(i);
    return { count: this.#events.id.length, positionOf: (id) => index.positionOf(id), has, at: (i) => (has(i) ? this.#event(i) : null) };
  }

  #placement(i: number): Placement {
    const p = this.#placements;
    const end = p.end.at(i);
    const recorded = p.recorded.at(i);
    return {
      childId: this.#childIds[p.child.at(i)] as string,
      placementId: p.id[i] as string,
      start: dateOfEpochDay(p.start.at(i)),
      end: end === noDay ? null : dateOfEpochDay(end),
      type: p.type.at(i) as PlacementType,
      legalBasis: p.basis.at(i),
      carerRef: p.carer[i] ?? null,
      recordedDate: recorded === noDay ? null : dateOfEpochDay(recorded),
    };
  }

  #event(i: number): AnyEvent {
    // One literal of one shape for each kind, as normalise.ts writes them (no spread of a shared part).
    const e = this.#events;
    const recorded = e.recorded.at(i);
    const recordedDate = recorded === noDay ? null : dateOfEpochDay(recorded);
    const status = statusCodes[e.status.at(i)] ?? null;
    const planned = e.planned.at(i);
    if (status !== null) {
      return { childId: this.#childIds[e.child.at(i)] as string, eventId: e.id[i] as string, type: e.type.at(i) as EventType, status, plannedDate: dateOfEpochDay(planned), route: e.route.at(i), reason: e.note[i] ?? null, recordedDate };
    }
    const held: CaseEvent = { childId: this.#childIds[e.child.at(i)] as string, eventId: e.id[i] as string, type: e.type.at(i) as EventType, date: dateOfEpochDay(e.day.at(i)), route: e.route.at(i), note: e.note[i] ?? null, recordedDate };
    return planned === noDay ? held : withPlannedDate(held, dateOfEpochDay(planned));
  }

  count(table: 'placements' | 'events'): number {
    return (table === 'placements' ? this.#placements : this.#events).id.length;
  }

  /**
   * The placements or events from position `from` up to `to` as a writer takes them
   * (row-columns.ts): `columns` of each, by their stored names, led by their positions when asked.
   * Days and codes go as the numbers the batch holds them as, made into no record or row on the
   * way; each code list goes with a table's first rows.
   */
  columnRows(table: 'placements' | 'events', from: number, to: number, columns: readonly string[], withPositions: boolean): ColumnRows {
    const held = table === 'placements' ? this.#placementColumns(from, to) : this.#eventColumns(from, to);
    const chosen = columns.map((name) => {
      const column = held[name];
      if (column === undefined) throw new Error(`the import's ${table} have no column ${name}`);
      return column;
    });
    return {
      rows: to - from,
      columns: chosen.map((column) => column.values()),
      added: chosen.map((column) => (from === 0 ? (column.codes ?? []) : [])),
      positions: withPositions ? Int32Array.from({ length: to - from }, (_, i) => from + i) : null,
    };
  }

  #placementColumns(from: number, to: number): Readonly<Record<string, BatchColumn>> {
    const p = this.#placements;
    return {
      placement_id: { values: () => p.id.slice(from, to) },
      child_id: { values: () => this.#childIdsAt(p.child, from, to) },
      start_date: { values: () => ({ days: p.start.slice(from, to) }) },
      end_date: { values: () => ({ days: p.end.slice(from, to) }) },
      placement_type: { values: () => p.type.slice(from, to), codes: p.type.codes },
      legal_basis: { values: () => p.basis.slice(from, to), codes: p.basis.codes },
      carer_ref: { values: () => p.carer.slice(from, to) },
      recorded_date: { values: () => ({ days: p.recorded.slice(from, to) }) },
    };
  }

  #eventColumns(from: number, to: number): Readonly<Record<string, BatchColumn>> {
    const e = this.#events;
    return {
      event_id: { values: () => e.id.slice(from, to) },
      child_id: { values: () => this.#childIdsAt(e.child, from, to) },
      event_type: { values: () => e.type.slice(from, to), codes: e.type.codes },
      // A plan's day is its event_date as well (rows.ts), as the batch holds it.
      event_date: { values: () => ({ days: e.day.slice(from, to) }) },
      route: { values: () => e.route.slice(from, to), codes: e.route.codes },
      note: { values: () => e.note.slice(from, to) },
      recorded_date: { values: () => ({ days: e.recorded.slice(from, to) }) },
      // Held (0) is NULL; planned and cancelled are the list's first and second.
      status: { values: () => e.status.slice(from, to).map((status) => (status === 0 ? CodeColumn.none : status - 1)), codes: statusCodes.slice(1) as string[] },
      planned_date: { values: () => ({ days: e.planned.slice(from, to) }) },
    };
  }

  #childIdsAt(children: IntColumn, from: number, to: number): string[] {
    const ids = new Array<string>(to - from);
    for (let i = from; i < to; i++) ids[i - from] = this.#childIds[children.at(i)] as string;
    return ids;
  }

  #idIndex(table: 'placements' | 'events'): IdIndex {
    return (this.#index[table] ??= new IdIndex((table === 'placements' ? this.#placements : this.#events).id));
  }

  #childIndexOf(childId: string): number {
    // Exports list a child's rows together: the same child as the row before needs no look-up.
    if (childId === this.#lastChildId) return this.#lastChildIndex;
    let index = this.#childIndex.get(childId);
    if (index === undefined) {
      index = this.#childIds.length;
      const own = ownText(childId);
      this.#childIndex.set(own, index);
      this.#childIds.push(own);
      this.#children.push(null);
      this.#childRows.push(0);
    }
    this.#lastChildId = childId;
    this.#lastChildIndex = index;
    return index;
  }
}
