/**
 * The driver diagrams as a partner reads them (docs/decisions/0027-partner-access.md): each aim's
 * primary drivers, secondary drivers and change ideas, as the team wrote them, with any whose words
 * could identify one of the authority's children (a reference, a name, a date of birth, or a worker
 * or team of fewer than 5 children: domain/improvement/poster.ts, partnerIdentifiersIn) withheld — the text is the team's, and nothing
 * made it child-free when it was typed.
 */
import { driverNodeKindLabels, driverTree, type DriverNodeKind, type DriverTreeNode } from '../domain/improvement/driver-diagram.js';
import { partnerIdentifiersIn } from '../domain/improvement/poster.js';
import type { IdentifyingValues } from '../domain/improvement/identifying-text.js';
import { identifyingValuesOf, listAims, listDriverNodes, type Connection, type StoredAuthority } from '../store/index.js';

export interface PartnerDriver {
  readonly kind: DriverNodeKind;
  readonly kindLabel: string;
  /** The team's words, or null when withheld. */
  readonly text: string | null;
  readonly children: readonly PartnerDriver[];
}

export interface PartnerDriverDiagram {
  readonly aimName: string;
  readonly drivers: readonly PartnerDriver[];
}

/** The driver diagram of every aim that has one, in the order of the aims. */
export async function partnerDriverDiagrams(connection: Connection, stored: StoredAuthority): Promise<PartnerDriverDiagram[]> {
  const [aims, nodes, identifying] = await Promise.all([listAims(connection, stored.scope), listDriverNodes(connection, stored.scope), identifyingValuesOf(connection, stored.scope)]);
  return aims.map((aim) => ({ aimName: aim.name, drivers: driverTree(nodes, aim.id).map((n) => partnerDriver(n, identifying)) })).filter((d) => d.drivers.length > 0);
}

function partnerDriver(tree: DriverTreeNode, identifying: IdentifyingValues): PartnerDriver {
  const { node } = tree;
  return {
    kind: node.kind,
    kindLabel: driverNodeKindLabels[node.kind],
    text: partnerIdentifiersIn(node.text, identifying).length > 0 ? null : node.text,
    children: tree.children.map((c) => partnerDriver(c, identifying)),
  };
}
