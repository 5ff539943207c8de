/**
 * Growable columns of small integers, for holding a million placements and events compactly:
 * day numbers, code indices, row numbers and child indices take 1–4 bytes each instead of an
 * object's worth, and the garbage collector never walks them.
 */
import { noCode } from '../store/row-columns.js';

/** A growable column over one kind of typed array, doubling its room as it fills. */
class GrowingColumn<Values extends Int32Array | Uint8Array> {
  #values: Values;
  #length = 0;

  constructor(
    private readonly make: (capacity: number) => Values,
    capacity: number,
  ) {
    this.#values = make(capacity);
  }

  get length(): number {
    return this.#length;
  }

  push(value: number): void {
    if (this.#length === this.#values.length) {
      const grown = this.make(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#length++] = value;
  }

  at(index: number): number {
    return this.#values[index] as number;
  }

  /** A copy of the values from `from` up to `to`. */
  slice(from: number, to: number): Values {
    return this.#values.slice(from, Math.min(to, this.#length)) as Values;
  }
}

export class IntColumn extends GrowingColumn<Int32Array> {
  constructor(capacity = 1024) {
    super((size) => new Int32Array(size), capacity);
  }
}

/** The same for numbers from 0 to 255 (a code's index, a status): a byte each. */
export class ByteColumn extends GrowingColumn<Uint8Array> {
  constructor(capacity = 1024) {
    super((size) => new Uint8Array(size), capacity);
  }

  override push(value: number): void {
    if ((value & 255) !== value) throw new Error(`a byte column cannot hold ${value}`);
    super.push(value);
  }
}

/** A code list's values as small numbers (`none` for an empty value), and back. */
export class CodeColumn<Code extends string> {
  /** As a writer takes NULL in a column of codes as bytes (row-columns.ts). */
  static readonly none = noCode;
  readonly #codes: readonly Code[];
  readonly #index: ReadonlyMap<string, number>;
  readonly #values = new ByteColumn();

  constructor(codes: readonly Code[]) {
    if (codes.length >= CodeColumn.none) throw new Error(`a code column holds fewer than ${CodeColumn.none} codes`);
    this.#codes = codes;
    this.#index = new Map(codes.map((code, i) => [code, i]));
  }

  push(code: Code | null): void {
    this.#values.push(code === null ? CodeColumn.none : (this.#index.get(code) as number));
  }

  at(index: number): Code | null {
    const value = this.#values.at(index);
    return value === CodeColumn.none ? null : (this.#codes[value] as Code);
  }

  /** The code list, in the order its indices count. */
  get codes(): readonly Code[] {
    return this.#codes;
  }

  /** A copy of the indices from `from` up to `to` (`none` for an empty value). */
  slice(from: number, to: number): Uint8Array {
    return this.#values.slice(from, to);
  }
}

/**
 * For each group (0…groups-1), the positions of its members, from each member's group: a counting
 * sort, so that a child's placements and events are found without a list per child.
 */
export function positionsByGroup(groupOf: IntColumn, groups: number): { readonly starts: Int32Array; readonly positions: Int32Array } {
  const starts = new Int32Array(groups + 1);
  for (let i = 0; i < groupOf.length; i++) {
    const slot = groupOf.at(i) + 1;
    starts[slot] = (starts[slot] as number) + 1;
  }
  for (let g = 0; g < groups; g++) starts[g + 1] = (starts[g + 1] as number) + (starts[g] as number);
  const next = starts.slice(0, groups);
  const positions = new Int32Array(groupOf.length);
  for (let i = 0; i < groupOf.length; i++) {
    const group = groupOf.at(i);
    positions[next[group] as number] = i;
    next[group] = (next[group] as number) + 1;
  }
  return { starts, positions };
}

/**
 * Ids found by their position without a Set or Map of them: the ids are put in order of a hash of
 * each, as plain numbers in one typed array, and only ids with the same hash are compared. For a
 * million ids this takes a fraction of the time and memory that a Map of them would.
 */
export class IdIndex {
  readonly #ids: readonly string[];
  /** Each key is a hash in the high bits and the position in the low bits: exact in a double's 53. */
  readonly #keys: Float64Array;
  readonly #scale: number;
  readonly #hashRange: number;

  constructor(ids: readonly string[]) {
    const count = ids.length;
    const positionBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
    this.#ids = ids;
    this.#scale = 2 ** positionBits;
    this.#hashRange = 2 ** Math.min(32, 53 - positionBits);
    this.#keys = new Float64Array(count);
    for (let i = 0; i < count; i++) this.#keys[i] = this.#hashOf(ids[i] as string) * this.#scale + i;
    this.#keys.sort();
  }

  /** The position found last (see `positionOf`). */
  #last = -1;
  /** Whether no id is held twice: known once `repeats` has been asked for (leaveOutRepeatedIds asks first). */
  #unique: boolean | null = null;

  /**
   * The first position of `id`, or -1 when it is not there. Ids asked for in the order they are held
   * are found without a search: the position after the one found last is tried first. (An unchanged
   * re-import's stored rows come back from the database in the order the same file wrote them.) An
   * id there is the first of its id when no id is held twice.
   */
  positionOf(id: string): number {
    const next = this.#last + 1;
    if (this.#ids[next] === id && (this.#unique ??= this.repeats().length === 0)) return (this.#last = next);
    const at = this.#search(id);
    if (at >= 0) this.#last = at;
    return at;
  }

  #search(id: string): number {
    const keys = this.#keys;
    const hash = this.#hashOf(id);
    const first = hash * this.#scale;
    // The first key of the hash, by halving.
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((keys[middle] as number) < first) low = middle + 1;
      else high = middle;
    }
    // Positions with one hash are in order, so the first equal id is the first of its id.
    for (let k = low; k < keys.length && (keys[k] as number) < first + this.#scale; k++) {
      const at = (keys[k] as number) - first;
      if (this.#ids[at] === id) return at;
    }
    return -1;
  }

  /** The positions that repeat an id seen before, each with the position where that id first appears, in order. */
  repeats(): { readonly at: number; readonly first: number }[] {
    const keys = this.#keys;
    const scale = this.#scale;
    const count = keys.length;
    const repeats: { at: number; first: number }[] = [];
    const distinct: number[] = [];
    let start = 0;
    while (start < count) {
      const hash = Math.floor((keys[start] as number) / scale);
      const next = (hash + 1) * scale;
      let end = start + 1;
      while (end < count && (keys[end] as number) < next) end++;
      // The positions with one hash, in order: each is the first of its id, or repeats one found before.
      if (end - start > 1) {
        distinct.length = 0;
        for (let j = start; j < end; j++) {
          const at = (keys[j] as number) - hash * scale;
          let first = -1;
          for (let k = 0; k < distinct.length && first < 0; k++) if (this.#ids[distinct[k] as number] === this.#ids[at]) first = distinct[k] as number;
          if (first < 0) distinct.push(at);
          else repeats.push({ at, first });
        }
      }
      start = end;
    }
    this.#unique = repeats.length === 0;
    return repeats.sort((a, b) => a.at - b.at);
  }

  #hashOf(id: string): number {
    return hashOf(id) % this.#hashRange;
  }
}

/** The positions in `ids` that repeat an id seen before, each with the position where that id first appears, in order. */
export function repeatedIds(ids: readonly string[]): { readonly at: number; readonly first: number }[] {
  return new IdIndex(ids).repeats();
}

/** FNV-1a, 32 bits. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
