import { useQuery } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

import { type Ticket } from './console-state';

export const RECENT = ['tickets', 'recent'];

/** The volunteer's own recent requests (those they hold or worked on), newest first. */
export function useRecentTickets() {
  return useQuery({
    queryKey: RECENT,
    queryFn: async () => (await api<{ items: Ticket[] }>('GET', '/api/tickets?size=8')).items,
  });
}
