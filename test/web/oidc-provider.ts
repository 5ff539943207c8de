// A real OpenID provider for the single sign-on tests (oidc-provider, on a loopback port), and a
// browser-like walk through its sign-in and consent pages.
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const redirectUri = 'http://localhost/sign-in/oidc/callback';

export interface TestAccount {
  readonly email?: string;
  readonly email_verified?: boolean;
}

export interface TestProvider {
  readonly issuer: string;
  /** The clients the provider knows, each with its secret. */
  readonly clients: Readonly<Record<'pace' | 'other', { readonly clientId: string; readonly clientSecret: string }>>;
  /** The provider's own signing key (kid test-key), for forging tokens it would sign. */
  readonly signingKey: KeyObject;
  close(): Promise<void>;
}

/** Starts a provider that knows two clients (pace and another) and signs in any of `accounts` with any password. */
export async function startProvider(accounts: Readonly<Record<string, TestAccount>>): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clients = {
    pace: { clientId: 'pace', clientSecret: randomBytes(24).toString('hex') },
    other: { clientId: 'other-service', clientSecret: randomBytes(24).toString('hex') },
  };
  const provider = new Provider(issuer, {
    clients: Object.values(clients).map((c) => ({ client_id: c.clientId, client_secret: c.clientSecret, redirect_uris: [redirectUri], response_types: ['code'], grant_types: ['authorization_code'], token_endpoint_auth_method: 'client_secret_basic' })),
    async findAccount(_ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // The e-mail claims in the ID token itself, where pace reads them.
    conformIdTokenClaims: false,
    pkce: { methods: ['S256'], required: () => true },
    jwks: { keys: [{ ...(privateKey.export({ format: 'jwk' }) as Record<string, string>), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: true } },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clients,
    signingKey: privateKey,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * Follows the provider's pages as a browser would, from the address pace sent the browser to,
 * signing in as `login` and consenting, until the provider sends the browser back to pace;
 * returns that address.
 */
export async function signInAtProvider(start: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = new URL(start);
  let form: URLSearchParams | null = null;
  for (let step = 0; step < 12; step++) {
    const response: Response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: form.toString() } : {}),
    });
    form = null;
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = (pair ?? '').indexOf('=');
      cookies.set((pair ?? '').slice(0, at), (pair ?? '').slice(at + 1));
    }
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location') ?? '', url);
      if (next.origin !== url.origin) return next;
      url = next;
      continue;
    }
    const html: string = await response.text();
    if (response.status !== 200) throw new Error(`the provider answered ${response.status}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on the provider's page: ${html.slice(0, 300)}`);
    url = new URL(action, url);
    form = html.includes('name="prompt" value="login"') ? new URLSearchParams({ prompt: 'login', login, password: 'anything' }) : new URLSearchParams({ prompt: 'consent' });
  }
  throw new Error('the provider never sent the browser back');
}
