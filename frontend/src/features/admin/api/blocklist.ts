import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, ApiError } from '../../../lib/api-client';

/** A number coordinators blocked, shown masked. */
export type BlockedNumber = {
  id: number;
  masked: string;
  reason: string;
  blockedBy: number | null;
  blockedAt: string;
};

const BLOCKED = ['blocked-numbers'];

export function useBlockedNumbers() {
  return useQuery({ queryKey: BLOCKED, queryFn: () => api<BlockedNumber[]>('GET', '/api/blocked-numbers') });
}

export function useUnblock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>('DELETE', `/api/blocked-numbers/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: BLOCKED }),
  });
}

/** Blocks the number of the request with this reference (nobody types a number). */
export function useBlockByReference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ reference, reason }: { reference: string; reason: string }) => {
      const page = await api<{ items: { id: number }[] }>(
        'GET',
        `/api/tickets?reference=${encodeURIComponent(reference.trim())}&size=1`,
      ).catch((refused: unknown) => {
        // the search reads the reference alone: whatever it refuses is about that field
        if (refused instanceof ApiError && refused.status === 400) {
          throw new ApiError({
            ...refused.problem,
            fields: [{ field: 'reference', message: refused.problem.detail ?? refused.message }],
          });
        }
        throw refused;
      });
      const ticket = page.items[0];
      if (!ticket) {
        throw new ApiError({ status: 404, code: 'ticket.not-found' });
      }
      return api<BlockedNumber>('POST', `/api/tickets/${ticket.id}/block`, { json: { reason } });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: BLOCKED }),
  });
}
