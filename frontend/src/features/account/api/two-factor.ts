import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

export type TwoFactorStatus = { enabled: boolean; mandatory: boolean; recoveryCodesLeft: number };

/** A new secret for the authenticator app: typed as `secret`, or scanned from a QR code of `uri`. */
export type TwoFactorSetup = { secret: string; uri: string };

const STATUS = ['account', 'two-factor'];

export function useTwoFactorStatus() {
  return useQuery({
    queryKey: STATUS,
    queryFn: () => api<TwoFactorStatus>('GET', '/api/account/two-factor'),
  });
}

/** Starts setting up (or moving to a new phone: the password is then asked again). */
export function useBeginTwoFactor() {
  return useMutation({
    mutationFn: (password?: string) =>
      api<TwoFactorSetup>('POST', '/api/account/two-factor/setup', { json: { password } }),
  });
}

/** Confirms the new secret with a code from the app; answers the recovery codes, shown once. */
export function useConfirmTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api<{ recoveryCodes: string[] }>('POST', '/api/account/two-factor/confirm', { json: { code } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: STATUS }),
  });
}

export function useRenewRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) =>
      api<{ recoveryCodes: string[] }>('POST', '/api/account/two-factor/recovery-codes', {
        json: { password },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: STATUS }),
  });
}

export function useDisableTwoFactor(onDisabled: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) =>
      api<void>('POST', '/api/account/two-factor/disable', { json: { password } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: STATUS });
      onDisabled();
    },
  });
}
