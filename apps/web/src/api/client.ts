import createClient, { type Middleware } from 'openapi-fetch';
import { currentLanguage } from '../i18n';
import { getSession } from '../auth/session';
import type { components, paths } from './schema';

/** The API's DTOs by their OpenAPI names (CaseDetailDto, InboxDto, …), generated from the API code. */
export type Schemas = components['schemas'];

/** An error the API answered with: `{ statusCode, code, message, details? }`, message in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Called when the API says the token is no longer good (expired, or signed by another server). */
let onUnauthorized: () => void = () => undefined;
export function handleUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    const session = getSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
    // Error messages and notifications come back in the language the user reads.
    request.headers.set('Accept-Language', currentLanguage());
    return request;
  },
  onResponse({ request, response }) {
    // A wrong password is a 401 too, and belongs to the sign-in form, not to session expiry.
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/api/auth/login')) onUnauthorized();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });
api.use(auth);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful answer, or the API's error as an ApiError (the message is shown to the user as is). */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { code?: string; message?: string; details?: unknown };
  throw new ApiError(response.status, body.code ?? 'http', body.message ?? response.statusText, body.details);
}
