
/**
 * What a rule says when it refuses. Services throw these; the API's exception filter maps `kind` to an
 * HTTP status and `code` to a message in the caller's language. No HTTP knowledge leaks into the domain.
 */
export type DomainErrorKind =
  | 'invalid' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'too_large' // 413
  | 'unprocessable' // 422
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** A message code: libs/i18n's, or a process module's own. */
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
