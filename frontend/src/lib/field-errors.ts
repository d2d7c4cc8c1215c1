import { ApiError } from './api-client';

/**
 * The reason the server gave for each field it refused (`capacity`, `shifts[1]`…), the first for each, to show
 * beside the field.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const field of error.problem.fields ?? []) {
      errors[field.field] ??= field.message;
    }
  }
  return errors;
}

/** Whether a change was refused because someone else changed the same thing meanwhile (409). */
export function changedMeanwhile(error: unknown) {
  return error instanceof ApiError && error.problem.code === 'problem.changed-meanwhile';
}
