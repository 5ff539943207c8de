/**
 * Which proxies pace believes about the client (TRUST_PROXY). Behind a proxy every request comes
 * from the proxy's address, and the proxy says who the client was in `X-Forwarded-For` (and how
 * they came, in `X-Forwarded-Proto`, and to which host, in `X-Forwarded-Host`). A proxy *appends*
 * to `X-Forwarded-For`, so everything left of what it added is whatever the client sent: believing
 * the whole chain lets a client choose its own address (and so escape the sign-in limit, and write
 * any address into the audit log). So pace believes only the proxies it is told of:
 *
 * - a number of hops: `1` trusts the one proxy in front of pace, so the client is the rightmost
 *   address in `X-Forwarded-For`; `2` a chain of two; `0` (or unset) none. A hop count trusts
 *   whatever connects to pace directly, so pace must not be reachable except through the proxy;
 * - or the proxies' addresses or CIDR ranges (`10.0.0.1`, `10.0.0.0/8, fd00::/8`): a request is
 *   believed only when it comes from one of them, however pace can be reached.
 */
import { isIP } from 'node:net';

export type TrustProxy = { readonly kind: 'none' } | { readonly kind: 'hops'; readonly hops: number } | { readonly kind: 'addresses'; readonly addresses: readonly string[] };

/** What Fastify's `trustProxy` option takes. */
export type FastifyTrustProxy = false | string[] | ((address: string, hop: number) => boolean);

export const trustNoProxy: TrustProxy = { kind: 'none' };

const hopCount = /^(0|[1-9][0-9]?)$/;

/** TRUST_PROXY read: unset, empty or `0` trusts no proxy. */
export function trustProxyFromEnv(env: Readonly<Record<string, string | undefined>>): { ok: true; value: TrustProxy } | { ok: false; error: string } {
  const value = (env.TRUST_PROXY ?? '').trim();
  if (value === '') return { ok: true, value: trustNoProxy };
  if (hopCount.test(value)) return { ok: true, value: Number(value) === 0 ? trustNoProxy : { kind: 'hops', hops: Number(value) } };
  const addresses = value.split(',').map((address) => address.trim());
  if (addresses.every(isAddressOrRange)) return { ok: true, value: { kind: 'addresses', addresses } };
  return { ok: false, error: `invalid TRUST_PROXY: ${env.TRUST_PROXY ?? ''} (give the number of proxies in front of pace, 0 for none, or a comma-separated list of their addresses or CIDR ranges)` };
}

/**
 * The option for Fastify. A hop count is a function of the hop alone: Fastify 5.12 refuses a
 * number (it trusts nothing then) because a hop count cannot tell the proxy from a client that
 * reaches pace directly; that is the documented condition of using one (README.md).
 */
export function fastifyTrustProxy(trust: TrustProxy): FastifyTrustProxy {
  switch (trust.kind) {
    case 'none':
      return false;
    case 'hops':
      return (_address, hop) => hop < trust.hops;
    case 'addresses':
      return [...trust.addresses];
    default:
      return unreachable(trust);
  }
}

/** `192.0.2.1`, `2001:db8::1`, `10.0.0.0/8` or `fd00::/8`. */
function isAddressOrRange(text: string): boolean {
  const [address = '', prefix, ...rest] = text.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^(0|[1-9][0-9]{0,2})$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

function unreachable(value: never): never {
  throw new Error(`unhandled trust of proxies: ${JSON.stringify(value)}`);
}
