import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import type { Shift } from '../../../lib/reference-data';

export type Shifts = { availableAtShiftStart: boolean; shifts: Shift[] };

const SHIFTS = ['volunteers', 'me', 'shifts'];

/** The volunteer's weekly shifts, in the time of their own département. */
export function useShifts(enabled: boolean) {
  return useQuery({
    queryKey: SHIFTS,
    queryFn: () => api<Shifts>('GET', '/api/volunteers/me/shifts'),
    enabled,
  });
}

export function useSaveShifts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shifts: Shifts) => api<Shifts>('PUT', '/api/volunteers/me/shifts', { json: shifts }),
    onSuccess: (saved) => queryClient.setQueryData(SHIFTS, saved),
  });
}
