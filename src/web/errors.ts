/**
 * Expected failures of a request, as HTTP statuses. Only the web layer maps codes to statuses
 * (docs/architecture.md, "How the code reads" 6); the error handler in app.ts turns these into pages or JSON.
 */
export type HttpStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

export class HttpError extends Error {
  constructor(
    readonly statusCode: HttpStatus,
    message: string,
    /** A machine-readable code for the JSON API. */
    readonly code: string = defaultCodes[statusCode],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const defaultCodes: Readonly<Record<HttpStatus, string>> = {
  400: 'bad-request',
  401: 'not-signed-in',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  415: 'unsupported-media-type',
  422: 'invalid',
  429: 'too-many-requests',
  503: 'unavailable',
};

/** The plain-English title of the error page for each status. */
export const statusTitles: Readonly<Record<number, string>> = {
  400: 'There is a problem with that request',
  401: 'You need to sign in',
  403: 'You cannot do that',
  404: 'Page not found',
  409: 'That conflicts with a record that already exists',
  413: 'That file is too large',
  415: 'That kind of file or request is not accepted',
  422: 'There is a problem with that request',
  429: 'Too many attempts',
  503: 'That is not available on this server yet',
  500: 'Sorry, there is a problem with the service',
};
