import { describe, expect, it } from 'vitest';
import { fastifyTrustProxy, trustProxyFromEnv } from './trust-proxy.js';

describe('TRUST_PROXY', () => {
  it('is a number of proxy hops or a list of proxy addresses and ranges; unset, empty or 0 trusts none', () => {
    const read = (value: string | undefined) => trustProxyFromEnv({ TRUST_PROXY: value });
    expect(read(undefined)).toEqual({ ok: true, value: { kind: 'none' } });
    expect(read('')).toEqual({ ok: true, value: { kind: 'none' } });
    expect(read('0')).toEqual({ ok: true, value: { kind: 'none' } });
    expect(read('1')).toEqual({ ok: true, value: { kind: 'hops', hops: 1 } });
    expect(read(' 2 ')).toEqual({ ok: true, value: { kind: 'hops', hops: 2 } });
    expect(read('10.0.0.1')).toEqual({ ok: true, value: { kind: 'addresses', addresses: ['10.0.0.1'] } });
    expect(read('10.0.0.0/8, 192.0.2.7,fd00::/8 ,::1')).toEqual({ ok: true, value: { kind: 'addresses', addresses: ['10.0.0.0/8', '192.0.2.7', 'fd00::/8', '::1'] } });
  });

  it('refuses any other value, naming the variable and the value', () => {
    const refusals = ['true', 'yes', '-1', '1.5', '01', '100', '10.0.0.256', '10.0.0.0/33', 'fd00::/129', '10.0.0.1,', '10.0.0.1/8/8', 'proxy.example'].map((value) => {
      const read = trustProxyFromEnv({ TRUST_PROXY: value });
      return read.ok ? `${value}: accepted` : read.error;
    });
    expect(refusals).toEqual(['true', 'yes', '-1', '1.5', '01', '100', '10.0.0.256', '10.0.0.0/33', 'fd00::/129', '10.0.0.1,', '10.0.0.1/8/8', 'proxy.example'].map((value) => `invalid TRUST_PROXY: ${value} (give the number of proxies in front of pace, 0 for none, or a comma-separated list of their addresses or CIDR ranges)`));
  });

  it('trusts as many hops as it is told and no more, whatever the address', () => {
    const oneHop = fastifyTrustProxy({ kind: 'hops', hops: 1 });
    const twoHops = fastifyTrustProxy({ kind: 'hops', hops: 2 });
    if (typeof oneHop !== 'function' || typeof twoHops !== 'function') throw new Error('a hop count is a function');
    expect([oneHop('10.0.0.1', 0), oneHop('10.0.0.5', 1), oneHop('6.6.6.6', 2)]).toEqual([true, false, false]);
    expect([twoHops('10.0.0.1', 0), twoHops('10.0.0.5', 1), twoHops('6.6.6.6', 2)]).toEqual([true, true, false]);
    expect(fastifyTrustProxy({ kind: 'none' })).toBe(false);
    expect(fastifyTrustProxy({ kind: 'addresses', addresses: ['10.0.0.0/8'] })).toEqual(['10.0.0.0/8']);
  });
});
