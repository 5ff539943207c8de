/** Putting generated authorities into the store, each as a new authority: never into one that exists. */
import { addAuthority, findAuthority, listAuthorities, saveRecords, type AddAuthorityResult, type Connection, type SaveSummary, type StoredAuthority } from '../store/index.js';
import { demoAuthorityIdentity, type GeneratedAuthority } from './generate.js';

export const demoRecorder = 'demo generator';

export type LoadResult = { ok: true; value: { stored: StoredAuthority; saved: SaveSummary } } | Extract<AddAuthorityResult, { ok: false }>;

/**
 * Adds the authority and saves its records. An authority with the same code already exists: the
 * load is refused and nothing is written, for a command must never change an authority it was
 * not asked to make (a demo loaded over a real or another demo authority replaced its children).
 */
export async function loadGenerated(connection: Connection, generated: GeneratedAuthority): Promise<LoadResult> {
  const added = await addAuthority(connection, generated.authority, demoRecorder);
  if (!added.ok) return added;
  const { records } = generated;
  const saved = await saveRecords(connection, added.value.scope, { children: records.map((r) => r.child), placements: records.flatMap((r) => r.placements), events: records.flatMap((r) => [...r.events, ...(r.plans ?? [])]) }, { by: demoRecorder });
  // As stored, read back: what the command prints is what pace holds.
  const stored = (await findAuthority(connection, added.value.scope.code)) ?? added.value;
  return { ok: true, value: { stored, saved } };
}

export interface DemoIdentity {
  /** Its place among the demo authorities (0-based): it names it and seeds its data. */
  readonly index: number;
  readonly code: string;
  readonly name: string;
}

/**
 * The first `count` demo authorities whose codes are free (DEMO01, DEMO02, … skipping any that
 * exist), and the codes of the first `count` that exist already and are passed over.
 */
export async function freeDemoIdentities(connection: Connection, count: number): Promise<{ chosen: DemoIdentity[]; passedOver: string[] }> {
  const taken = new Set((await listAuthorities(connection)).map((a) => a.scope.code));
  const chosen: DemoIdentity[] = [];
  const passedOver: string[] = [];
  for (let index = 0; chosen.length < count; index++) {
    const identity = demoAuthorityIdentity(index);
    if (!taken.has(identity.code)) chosen.push({ index, ...identity });
    else if (index < count) passedOver.push(identity.code);
  }
  return { chosen, passedOver };
}
