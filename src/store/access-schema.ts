/**
 * The tables of people and access (migration 0004), as Kysely sees them. Kept beside the record
 * schema rather than in it: the store's access modules reach them through `accessDb`.
 */
import type { Generated, Kysely } from 'kysely';
import type { Connection } from './dialect.js';
import type { Database, Timestamp } from './schema.js';

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string | null;
  /** `scrypt$N$r$p$salt$hash`, never the password. */
  password_hash: string;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
  /** The OpenID Connect subject (`sub`) the user signs in as through single sign-on (migration 0008). */
  oidc_subject: string | null;
  /** Lower-case e-mail address by which a first single sign-on links the user to their subject. */
  oidc_email: string | null;
}

export interface UserRoleTable {
  user_id: number;
  authority_id: number;
  role: string;
  granted_at: Timestamp;
  granted_by: string;
}

export interface SessionTable {
  /** SHA-256 of the session id the browser holds. */
  id_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** SHA-256 of the token the client holds. */
  token_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  authority_id: number;
  username: string;
  action: string;
  entity: string;
  record_id: string;
  at: Timestamp;
  /** The child the entry is about (migration 0008); null for an import or an aim. */
  child_id: string | null;
  /** Where the request came from: the client's IP address, or `cli` for the pace command (migration 0008). */
  client_ip: string | null;
  /** The hash of the authority's entry before this one (its first: 64 zeros), migration 0013. */
  prev_hash: string | null;
  /** SHA-256 of prev_hash and this entry's content (src/domain/audit-chain.ts), migration 0013. */
  hash: string | null;
}

/** The end of each authority's audit chain (migration 0013): its last entry, moved with every entry pace writes. */
export interface AuditChainHeadTable {
  authority_id: number;
  last_id: number;
  hash: string;
}

/** A single sign-on in progress (migration 0008): what the callback must find to finish it. */
export interface OidcSignInTable {
  /** SHA-256 of the random id in the browser's short-lived cookie. */
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  next: string;
  expires_at: Timestamp;
}

// A type alias, not an interface: Kysely's withTables wants a record type.
export type AccessTables = {
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  audit_chain_heads: AuditChainHeadTable;
  oidc_sign_ins: OidcSignInTable;
};

export type AccessDatabase = Database & AccessTables;

export function accessDb(connection: Connection): Kysely<AccessDatabase> {
  return connection.db.withTables<AccessTables>();
}
