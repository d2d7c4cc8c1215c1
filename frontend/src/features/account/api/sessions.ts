import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

/** One place the staff member is signed in; `reference` names it without giving its identifier away. */
export type SignedInSession = { reference: string; createdAt: string; lastUsedAt: string; current: boolean };

export const SESSIONS = ['account', 'sessions'];

export function useMySessions() {
  return useQuery({
    queryKey: SESSIONS,
    queryFn: () => api<SignedInSession[]>('GET', '/api/account/sessions'),
  });
}

/** Ends one other session (by its reference), or all the others (none given), the password confirmed. */
export function useEndSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ password, session }: { password: string; session?: string }) =>
      api<{ ended: number }>('POST', '/api/account/sessions/end', { json: { password, session } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: SESSIONS }),
  });
}
