/**
 * Single sign-on with a council's identity provider, by OpenID Connect (the authorization code
 * flow with PKCE, state and nonce), through `openid-client`. Configured per deployment from the
 * environment; when it is not configured there is no single sign-on and no button for it.
 *
 * Every check is openid-client's: the state, the issuer (`iss`) in the answer, the code exchanged
 * with the PKCE verifier, and the ID token's signature (against the provider's published keys),
 * issuer, audience, expiry and nonce. Anything that fails is refused and nobody is signed in.
 */
import * as client from 'openid-client';
import { z } from 'zod';

export interface OidcSettings {
  /** The provider's issuer URL (its discovery document is at /.well-known/openid-configuration). */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** This site's callback address, ending in /sign-in/oidc/callback, as registered with the provider. */
  readonly redirectUri: string;
  /** How pace reaches the provider (the default is the global fetch; tests tamper with answers). */
  readonly fetch?: client.CustomFetch;
}

export const oidcStartPath = '/sign-in/oidc';
export const oidcCallbackPath = '/sign-in/oidc/callback';

const required = z.string().trim().min(1);
const environment = z.object({
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }),
  OIDC_CLIENT_ID: required,
  OIDC_CLIENT_SECRET: required,
  OIDC_REDIRECT_URI: z.url({ protocol: /^https?$/ }).refine((uri) => URL.canParse(uri) && new URL(uri).pathname === oidcCallbackPath, { message: `must end in ${oidcCallbackPath}` }),
});
const names = Object.keys(environment.shape) as (keyof typeof environment.shape)[];

/** The settings in OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI: all four, or none (no single sign-on). */
export function oidcSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): { ok: true; value: OidcSettings | null } | { ok: false; error: string } {
  const given = names.filter((name) => (env[name] ?? '').trim() !== '');
  if (given.length === 0) return { ok: true, value: null };
  const parsed = environment.safeParse(Object.fromEntries(names.map((name) => [name, env[name]?.trim() ?? ''])));
  if (!parsed.success) return { ok: false, error: `single sign-on needs ${names.join(', ')}: ${parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`).join('; ')}` };
  const v = parsed.data;
  return { ok: true, value: { issuer: v.OIDC_ISSUER, clientId: v.OIDC_CLIENT_ID, clientSecret: v.OIDC_CLIENT_SECRET, redirectUri: v.OIDC_REDIRECT_URI } };
}

/** What the provider vouched for, once every check has passed. */
export interface OidcIdentity {
  readonly subject: string;
  /** Only an address the provider says it has verified. */
  readonly verifiedEmail: string | null;
}

export interface OidcChecks {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export class OidcSignIn {
  #configuration: Promise<client.Configuration> | null = null;

  constructor(readonly settings: OidcSettings) {}

  /** A new state, nonce and PKCE verifier, each random and used once. */
  static newChecks(): OidcChecks {
    return { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
  }

  /** Where to send the browser to sign in at the provider. */
  async authorizationUrl(checks: OidcChecks): Promise<URL> {
    const configuration = await this.configuration();
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid email',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
  }

  /** Exchanges the code in the callback's query for tokens and checks them; throws when anything is not right. */
  async finish(callbackQuery: string, checks: OidcChecks): Promise<OidcIdentity> {
    const configuration = await this.configuration();
    const currentUrl = new URL(this.settings.redirectUri);
    currentUrl.search = callbackQuery;
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, { pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true });
    const claims = tokens.claims();
    if (!claims) throw new Error('the provider sent no ID token');
    const email = typeof claims.email === 'string' && claims.email_verified === true ? claims.email : null;
    return { subject: claims.sub, verifiedEmail: email };
  }

  /** The provider's metadata, fetched once (again after a failure). */
  private configuration(): Promise<client.Configuration> {
    this.#configuration ??= this.discover().catch((error: unknown) => {
      this.#configuration = null;
      throw error;
    });
    return this.#configuration;
  }

  private async discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    // openid-client checks an ID token's signature only when asked: without this it trusts the
    // TLS connection to the token endpoint instead (OpenID Connect Core 3.1.3.7, item 6). Asked.
    const execute = [client.enableNonRepudiationChecks];
    // Plain HTTP only for a provider on this machine (a test's, or a developer's).
    if (isLoopback(new URL(issuer))) execute.push(client.allowInsecureRequests);
    return client.discovery(new URL(issuer), clientId, clientSecret, client.ClientSecretBasic(clientSecret), { execute, ...(this.settings.fetch ? { [client.customFetch]: this.settings.fetch } : {}) });
  }
}

function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]');
}
