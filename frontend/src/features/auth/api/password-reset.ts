import { useMutation } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

/** Asks for a reset link; the server answers the same whether the address has an account or not. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => api<void>('POST', '/api/password-reset', { json: { email } }),
  });
}

export type PasswordReset = { token: string; password: string };

/** Sets the new password with the link's token; the account's sessions end. */
export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: (reset: PasswordReset) => api<void>('POST', '/api/password-reset/complete', { json: reset }),
  });
}

/** Chooses the password of an invited account with its invitation's token. */
export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (acceptance: PasswordReset) =>
      api<void>('POST', '/api/invitations/accept', { json: acceptance }),
  });
}
