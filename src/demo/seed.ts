/** The demo authority a newcomer sees on first start. */
import { Temporal } from '../domain/date.js';
import type { PlainDate } from '../domain/date.js';
import { listAuthorities, type Connection } from '../store/index.js';
import { loadDemoImprovement } from './improvement.js';
import { generateAuthorities } from './generate.js';
import { loadGenerated } from './load.js';

export interface DemoSeed {
  readonly seeded: boolean;
  readonly code: string;
  readonly name: string;
}

/**
 * On an empty database, creates one clearly labelled synthetic demo authority so that a newcomer
 * sees real charts at once. Does nothing when any authority exists.
 */
export async function seedDemoIfEmpty(connection: Connection, options: { asAt?: PlainDate; children?: number; seed?: string } = {}): Promise<DemoSeed> {
  const authorities = await listAuthorities(connection);
  const first = authorities[0];
  if (first) return { seeded: false, code: first.authority.code, name: first.authority.name };
  const asAt = options.asAt ?? Temporal.Now.plainDateISO('Europe/London');
  const [generated] = generateAuthorities({ authorities: 1, children: options.children ?? 2000, seed: options.seed ?? 'pace-demo', asAt });
  if (!generated) throw new Error('the generator made no authority');
  const loaded = await loadGenerated(connection, generated);
  if (!loaded.ok) throw new Error(`authority ${generated.authority.code} appeared while the demo was being loaded`);
  // Its improvement work too: a driver diagram, tests of change with their cycles, and meetings with packs.
  await loadDemoImprovement(connection, loaded.value.stored.scope, asAt);
  return { seeded: true, code: generated.authority.code, name: generated.authority.name };
}
