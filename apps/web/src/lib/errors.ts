import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/**
 * What to tell the user when a call failed: the API's own message when it answered (already in the
 * user's language, and specific: "Chỉ cán bộ của … mới được quyết định"), else that the server could not be reached.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return error.message;
  return t('common.networkError');
}
