import { useQuery } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import type { Shift } from '../../../lib/reference-data';

/** The signed-in volunteer's weekly shifts, as the console lists them. */
export function useMyShifts() {
  return useQuery({
    queryKey: ['volunteers', 'me', 'shifts'],
    queryFn: () => api<{ shifts: Shift[] }>('GET', '/api/volunteers/me/shifts'),
  });
}
