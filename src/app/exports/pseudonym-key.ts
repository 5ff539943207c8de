/**
 * Keyed pseudonyms: HMAC-SHA256 (RFC 2104) with a secret key from the environment
 * (`PACE_PSEUDONYM_KEY`). Without the key a pseudonym cannot be reversed or recomputed from a
 * guessed id; with the same key the same id always gives the same pseudonym, so extracts made at
 * different times can be linked. The key is the data controller's to keep, never stored by pace.
 */
import { createHmac, createSecretKey } from 'node:crypto';
import type { PseudonymKind, Pseudonymiser } from '../../domain/exports/pseudonymise.js';

export const pseudonymKeyVariable = 'PACE_PSEUDONYM_KEY';

/** Fewer characters than this and a key could be guessed by trying keys against known ids. */
export const minimumKeyLength = 32;

export type PseudonymKeyResult = { readonly ok: true; readonly key: string } | { readonly ok: false; readonly error: { readonly code: 'no-key' | 'key-too-short'; readonly message: string } };

/** The key from the environment's value, or why there is none to use. */
export function readPseudonymKey(value: string | undefined): PseudonymKeyResult {
  const key = value ?? '';
  if (key.trim() === '') return { ok: false, error: { code: 'no-key', message: `${pseudonymKeyVariable} is not set: a pseudonymised extract needs a secret key (for example: ${pseudonymKeyVariable}=$(openssl rand -hex 32))` } };
  if (key.length < minimumKeyLength) return { ok: false, error: { code: 'key-too-short', message: `${pseudonymKeyVariable} is too short: ${key.length} characters (at least ${minimumKeyLength})` } };
  return { ok: true, key };
}

/**
 * Pseudonyms for one authority's ids: the hex HMAC-SHA256 of `authority code, kind, id` (joined by
 * a character no code holds), so that the same id in two authorities, or a child and an event that
 * share an id, get different pseudonyms.
 */
export function hmacPseudonymiser(key: string, authorityCode: string): Pseudonymiser {
  // The key prepared once, not for each of an extract's 300,000 ids.
  const secret = createSecretKey(Buffer.from(key, 'utf8'));
  return (kind: PseudonymKind, id: string) => createHmac('sha256', secret).update(`${authorityCode}\u001f${kind}\u001f${id}`, 'utf8').digest('hex');
}
