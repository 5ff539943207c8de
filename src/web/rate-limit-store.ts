/**
 * The store @fastify/rate-limit counts sign-in attempts in: the database (src/store/rate-limits.ts)
 * rather than each process's memory, so that several web processes behind one load balancer count
 * the same attempts, and a restart does not forget them (issue 18, point 2). Each limited route
 * counts under its own key, with the client's address.
 */
import { attemptsSoFar, countAttempt, forgetAttemptsBefore, type Connection } from '../store/index.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface StoreOptions {
  readonly routeInfo?: { readonly method?: unknown; readonly url?: string };
}

/** Windows older than this are deleted now and then. */
const keepMs = 24 * 60 * 60 * 1000;

/** A store class for @fastify/rate-limit's `store` option, over `connection`. */
export function databaseRateLimitStore(connection: Connection, now: () => number = Date.now) {
  let counted = 0;
  return class DatabaseRateLimitStore {
    readonly #route: string;

    // The plugin passes its options, with the route's own (`routeInfo`) for a route's store.
    constructor(options: object = {}) {
      const route = (options as StoreOptions).routeInfo;
      this.#route = route?.url ? `${String(route.method ?? '')} ${route.url}` : 'every route';
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      const at = now();
      countAttempt(connection, `${this.#route}|${key}`, at, timeWindow).then(
        (count) => callback(null, { current: count.hits, ttl: Math.max(0, count.windowStart + timeWindow - at) }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
      counted += 1;
      if (counted % 1000 === 0) forgetAttemptsBefore(connection, at - keepMs).catch(() => undefined);
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      const at = now();
      attemptsSoFar(connection, `${this.#route}|${key}`, at, timeWindow).then(
        (count) => callback(null, count ? { current: count.hits, ttl: Math.max(0, count.windowStart + timeWindow - at) } : { current: 0, ttl: 0 }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(routeOptions: object): DatabaseRateLimitStore {
      return new DatabaseRateLimitStore(routeOptions);
    }
  };
}
