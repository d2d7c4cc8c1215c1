import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

import { CONSOLE } from './console-state';

/** Where a new volunteer stands in their training. */
export type Training = {
  approvedAt: string | null;
  charterAcceptedAt: string | null;
  practiceCalls: number;
  practiceCallsRequired: number;
  trainedAt: string | null;
};

export const TRAINING = ['volunteers', 'me', 'training'];

/**
 * Where the signed-in volunteer stands. A coordinator's approval and a practice call come from elsewhere: with the
 * console's live channel connected, its TRAINING events have it read again; without (before approval), it is read
 * every 5 s.
 */
export function useTraining(live: boolean) {
  return useQuery({
    queryKey: TRAINING,
    queryFn: () => api<Training>('GET', '/api/volunteers/me/training'),
    refetchInterval: live ? false : 5000,
  });
}

/** Accepts the volunteers' charter; the console may then offer more. */
export function useAcceptCharter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<Training>('POST', '/api/volunteers/me/charter', { json: {} }),
    onSuccess: (next) => {
      queryClient.setQueryData(TRAINING, next);
      void queryClient.invalidateQueries({ queryKey: CONSOLE });
    },
  });
}
