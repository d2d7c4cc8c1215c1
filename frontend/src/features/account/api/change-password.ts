import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import { SESSIONS } from './sessions';

export type PasswordChange = { currentPassword: string; newPassword: string };

export function changePassword(change: PasswordChange) {
  return api<void>('PUT', '/api/account/password', { json: change });
}

export function useChangePassword(onChanged: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      // the other sessions have just ended
      void queryClient.invalidateQueries({ queryKey: SESSIONS });
      onChanged();
    },
  });
}
