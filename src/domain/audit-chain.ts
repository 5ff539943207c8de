/**
 * The audit log's hash chain (docs/decisions/0015-audit-chain.md). Each authority's entries form
 * one chain in the order they were written: an entry holds the hash of the entry before it
 * (`prevHash`; the first holds `genesisHash`) and its own hash, SHA-256 of the previous hash and the
 * entry's content. A changed entry no longer gives its hash; a deleted one leaves the next entry
 * pointing at nothing; an inserted one leaves the entry after it pointing past it. The chain's head
 * (the last entry's id and hash, kept apart and moved with every entry) shows entries deleted from
 * the end and entries added by anything but pace. The hash function is passed in: the domain does
 * no I/O and imports no Node module.
 */

/** The previous hash of an authority's first entry. */
export const genesisHash = '0'.repeat(64);

/** What an entry says, as its hash covers it. `at` is the ISO instant, as `Date.prototype.toISOString` writes it. */
export interface AuditContent {
  readonly authorityId: number;
  readonly username: string;
  readonly action: string;
  readonly entity: string;
  readonly recordId: string;
  readonly childId: string | null;
  readonly clientIp: string | null;
  readonly at: string;
}

/** The canonical text of an entry: a JSON array, so that no value can run into the next. */
export function auditContentText(entry: AuditContent): string {
  return JSON.stringify([entry.authorityId, entry.username, entry.action, entry.entity, entry.recordId, entry.childId, entry.clientIp, entry.at]);
}

/** The hash of an entry that follows an entry whose hash is `prevHash`. */
export function auditEntryHash(prevHash: string, entry: AuditContent, sha256: (text: string) => string): string {
  return sha256(`${prevHash}\n${auditContentText(entry)}`);
}

/** An entry as stored: its id (the order of the chain), content and the two hashes (null when written by something other than pace). */
export interface ChainedAuditEntry {
  readonly id: number;
  readonly content: AuditContent;
  readonly prevHash: string | null;
  readonly hash: string | null;
}

/** An entry and its hash: the chain's head, or an anchor an earlier check printed. */
export interface ChainPoint {
  readonly id: number;
  readonly hash: string;
}

/** Where the chain is broken, and how; `id` is the first entry found wrong. */
export type AuditChainBreak =
  | { readonly kind: 'changed'; readonly id: number }
  | { readonly kind: 'not-following'; readonly id: number; readonly previousId: number | null }
  | { readonly kind: 'inserted'; readonly id: number; readonly beforeId: number | null; readonly afterId: number }
  | { readonly kind: 'after-head'; readonly id: number; readonly head: ChainPoint | null }
  | { readonly kind: 'deleted-at-end'; readonly lastId: number | null; readonly head: ChainPoint }
  | { readonly kind: 'head-replaced'; readonly lastId: number; readonly head: ChainPoint }
  | { readonly kind: 'anchor-missing'; readonly anchor: ChainPoint }
  | { readonly kind: 'anchor-differs'; readonly anchor: ChainPoint };

/** The entry a break is found at, or null when it is found only after the last entry. */
export function breakEntryId(found: AuditChainBreak): number | null {
  switch (found.kind) {
    case 'changed':
    case 'not-following':
    case 'inserted':
    case 'after-head':
      return found.id;
    case 'deleted-at-end':
    case 'head-replaced':
      return found.lastId;
    case 'anchor-missing':
    case 'anchor-differs':
      return found.anchor.id;
    default: {
      const unknown: never = found;
      return unknown;
    }
  }
}

/**
 * Checks one authority's chain, one entry at a time in id order (the log can be long): `add` each
 * entry, then `finish`; each gives the first break found, or null.
 */
export class AuditChainCheck {
  readonly #head: ChainPoint | null;
  readonly #anchor: ChainPoint | null;
  readonly #sha256: (text: string) => string;
  #last: { id: number; hash: string } | null = null;
  #beforeLast: string = genesisHash;
  #beforeLastId: number | null = null;
  #headPassed = false;
  #anchorSeen = false;
  #entries = 0;

  constructor(head: ChainPoint | null, anchor: ChainPoint | null, sha256: (text: string) => string) {
    this.#head = head;
    this.#anchor = anchor;
    this.#sha256 = sha256;
  }

  /** How many entries have been checked. */
  get entries(): number {
    return this.#entries;
  }

  /** The last entry checked. */
  get last(): ChainPoint | null {
    return this.#last;
  }

  add(entry: ChainedAuditEntry): AuditChainBreak | null {
    this.#entries += 1;
    if (entry.hash === null || entry.prevHash === null || auditEntryHash(entry.prevHash, entry.content, this.#sha256) !== entry.hash) return { kind: 'changed', id: entry.id };
    const last = this.#last;
    const expected = last?.hash ?? genesisHash;
    if (entry.prevHash !== expected) {
      // Pointing past the entry before it, to the one before that: that entry was put in between.
      if (last !== null && entry.prevHash === this.#beforeLast) return { kind: 'inserted', id: last.id, beforeId: this.#beforeLastId, afterId: entry.id };
      return { kind: 'not-following', id: entry.id, previousId: last?.id ?? null };
    }
    if (this.#headPassed || this.#head === null) return { kind: 'after-head', id: entry.id, head: this.#head };
    if (this.#anchor !== null && !this.#anchorSeen && entry.id >= this.#anchor.id) {
      if (entry.id !== this.#anchor.id) return { kind: 'anchor-missing', anchor: this.#anchor };
      if (entry.hash !== this.#anchor.hash) return { kind: 'anchor-differs', anchor: this.#anchor };
      this.#anchorSeen = true;
    }
    if (entry.hash === this.#head.hash) this.#headPassed = true;
    this.#beforeLast = expected;
    this.#beforeLastId = last?.id ?? null;
    this.#last = { id: entry.id, hash: entry.hash };
    return null;
  }

  finish(): AuditChainBreak | null {
    const head = this.#head;
    const last = this.#last;
    if (head !== null && !this.#headPassed) {
      if (last === null || last.id < head.id) return { kind: 'deleted-at-end', lastId: last?.id ?? null, head };
      return { kind: 'head-replaced', lastId: last.id, head };
    }
    if (this.#anchor !== null && !this.#anchorSeen) return { kind: 'anchor-missing', anchor: this.#anchor };
    return null;
  }
}

/** The break in words, after "broken at entry N: " or "broken after entry N: ". */
export function describeAuditChainBreak(found: AuditChainBreak): string {
  switch (found.kind) {
    case 'changed':
      return `entry ${found.id} has been changed since it was written (its contents no longer give its hash)`;
    case 'not-following':
      return found.previousId === null
        ? `entry ${found.id} is the first entry, but does not start the chain: the entries before it have been deleted`
        : `entry ${found.id} does not follow entry ${found.previousId}: the entries between them have been deleted, or entry ${found.previousId} has been replaced`;
    case 'inserted':
      return found.beforeId === null
        ? `entry ${found.id} has been inserted before the first entry, ${found.afterId}`
        : `entry ${found.id} has been inserted between entry ${found.beforeId} and entry ${found.afterId}, which follows entry ${found.beforeId}`;
    case 'after-head':
      return found.head === null ? `entry ${found.id} was not written by pace: the chain has no head` : `entry ${found.id} was not written by pace: the chain’s head is entry ${found.head.id}`;
    case 'deleted-at-end':
      return found.lastId === null
        ? `every entry has been deleted (the chain’s head is entry ${found.head.id})`
        : `the entries after entry ${found.lastId} have been deleted (the chain’s head is entry ${found.head.id})`;
    case 'head-replaced':
      return `the last entry, ${found.lastId}, is not the chain’s head (entry ${found.head.id}): entries at the end have been replaced`;
    case 'anchor-missing':
      return `entry ${found.anchor.id}, which an earlier check found with hash ${found.anchor.hash}, is no longer in the log`;
    case 'anchor-differs':
      return `entry ${found.anchor.id} is not the entry an earlier check found (its hash was ${found.anchor.hash}): the log has been rewritten up to it`;
    default: {
      const unknown: never = found;
      return unknown;
    }
  }
}
