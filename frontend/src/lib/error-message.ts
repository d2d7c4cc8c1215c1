import { ApiError, NetworkError } from './api-client';
import type { Translate } from './i18n/i18n';

/** What to tell a person about a failed request: the server's own words when it gave some. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.problem.detail) {
    return error.problem.detail;
  }
  if (error instanceof NetworkError) {
    return t('app.networkError');
  }
  return t('app.genericError');
}
