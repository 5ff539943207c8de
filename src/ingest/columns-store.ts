/**
 * Growable columns of small integers, for holding a million placements and events compactly:
 * day numbers, code indices, row numbers and child indices take 1–4 bytes each instead of an
 * object's worth, and the garbage collector never walks them.
 */

export class IntColumn {
  #values: Int32Array;
  #length = 0;

  constructor(capacity = 1024) {
    this.#values = new Int32Array(capacity);
  }

  get length(): number {
    return this.#length;
  }

  push(value: number): void {
    if (this.#length === this.#values.length) {
      const grown = new Int32Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#length++] = value;
  }

  at(index: number): number {
    return this.#values[index] as number;
  }
}

/** A code list's values as small numbers (`none` for an empty value), and back. */
export class CodeColumn<Code extends string> {
  static readonly none = 255;
  readonly #codes: readonly Code[];
  readonly #index: ReadonlyMap<string, number>;
  readonly #values = new IntColumn();

  constructor(codes: readonly Code[]) {
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
