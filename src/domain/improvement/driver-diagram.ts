/**
 * A driver diagram (docs/domain.md, "Quality Improvement objects"): an aim, its primary drivers, their
 * secondary drivers, and the change ideas under those. Stored as nodes, each with its parent; this
 * module builds the tree and says what may be removed.
 */

export const driverNodeKinds = ['primary', 'secondary', 'change-idea'] as const;
export type DriverNodeKind = (typeof driverNodeKinds)[number];

export const driverNodeKindLabels: Readonly<Record<DriverNodeKind, string>> = { primary: 'Primary driver', secondary: 'Secondary driver', 'change-idea': 'Change idea' };

export interface DriverNode {
  /** 1, 2, 3 … within the authority. */
  readonly id: number;
  readonly aimId: string;
  readonly kind: DriverNodeKind;
  /** A secondary driver's primary; a change idea's secondary; null for a primary driver. */
  readonly parentId: number | null;
  readonly text: string;
  /** The library idea a change idea came from, if any. */
  readonly libraryIdea: number | null;
  /** Order among its siblings. */
  readonly position: number;
}

export interface DriverTreeNode {
  readonly node: DriverNode;
  readonly children: readonly DriverTreeNode[];
}

/** The kind of node that may sit under a node of `kind` (null: nothing). */
export function childKind(kind: DriverNodeKind | 'aim'): DriverNodeKind | null {
  switch (kind) {
    case 'aim':
      return 'primary';
    case 'primary':
      return 'secondary';
    case 'secondary':
      return 'change-idea';
    case 'change-idea':
      return null;
    default:
      return unreachable(kind);
  }
}

/** The aim's primary drivers, each with its secondaries and their change ideas, in position order. */
export function driverTree(nodes: readonly DriverNode[], aimId: string): DriverTreeNode[] {
  const ofAim = nodes.filter((n) => n.aimId === aimId);
  const byParent = new Map<number | null, DriverNode[]>();
  for (const n of ofAim) byParent.set(n.parentId, [...(byParent.get(n.parentId) ?? []), n]);
  const build = (parent: number | null, kind: DriverNodeKind): DriverTreeNode[] =>
    (byParent.get(parent) ?? [])
      .filter((n) => n.kind === kind)
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .map((node) => {
        const next = childKind(node.kind);
        return { node, children: next ? build(node.id, next) : [] };
      });
  return build(null, 'primary');
}

export type DriverParentError = { readonly code: 'wrong-parent'; readonly kind: DriverNodeKind } | { readonly code: 'has-children'; readonly count: number };

/** Whether `parent` may hold a node of `kind` (a primary driver has no parent). */
export function checkParent(kind: DriverNodeKind, parent: DriverNode | null, aimId: string): DriverParentError | null {
  if (kind === 'primary') return parent === null ? null : { code: 'wrong-parent', kind };
  if (parent === null || parent.aimId !== aimId || childKind(parent.kind) !== kind) return { code: 'wrong-parent', kind };
  return null;
}

/** A node with nodes under it is not removed: its children would be left without a place. */
export function checkRemove(node: DriverNode, nodes: readonly DriverNode[]): DriverParentError | null {
  const count = nodes.filter((n) => n.parentId === node.id).length;
  return count > 0 ? { code: 'has-children', count } : null;
}

function unreachable(value: never): never {
  throw new Error(`unhandled driver node kind: ${JSON.stringify(value)}`);
}
