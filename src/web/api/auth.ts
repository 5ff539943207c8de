/**
 * The API's authentication: `Authorization: Bearer pace_…`, a token made with `pace user token
 * USERNAME`. The request acts with the token's user's roles. Cookies are never read here, so a page
 * in another site cannot make a signed-in browser call the API (no CSRF surface).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findApiTokenUser, grantsOf, type Connection } from '../../store/index.js';
import type { SignedInUser } from '../auth/access.js';
import { sha256 } from '../../app/secrets.js';
import { HttpError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    apiUser: SignedInUser | null;
  }
}

export function registerTokenAuth(api: FastifyInstance, connection: Connection): void {
  api.decorateRequest('apiUser', null);
  api.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      reply.header('www-authenticate', 'Bearer realm="pace"');
      throw new HttpError(401, 'Send an API token: Authorization: Bearer <token> (make one with: pace user token USERNAME).');
    }
    const found = await findApiTokenUser(connection, sha256(match[1] as string));
    if (!found) {
      reply.header('www-authenticate', 'Bearer realm="pace", error="invalid_token"');
      throw new HttpError(401, 'That API token is not known, or has been revoked.', 'invalid-token');
    }
    // A partner's role opens nothing through the API (docs/decisions/0027-partner-access.md): its
    // authority does not exist for the token, as for one the user holds no role in.
    const grants = (await grantsOf(connection, found.userId)).filter((g) => g.role !== 'partner');
    request.apiUser = { id: found.userId, username: found.username, displayName: null, grants };
  });
}

export function apiUserOf(request: FastifyRequest): SignedInUser {
  if (!request.apiUser) throw new HttpError(401, 'Send an API token.');
  return request.apiUser;
}
