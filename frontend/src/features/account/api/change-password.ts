import { useMutation } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

export type PasswordChange = { currentPassword: string; newPassword: string };

export function changePassword(change: PasswordChange) {
  return api<void>('PUT', '/api/account/password', { json: change });
}

export function useChangePassword(onChanged: () => void) {
  return useMutation({ mutationFn: changePassword, onSuccess: onChanged });
}
