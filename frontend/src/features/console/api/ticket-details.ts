import { useQuery } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

import { type Ticket } from './console-state';

export type TimelineEntry = { at: string; actorId: number | null; type: string; detail: string | null };
export type Note = { id: number; authorId: number; writtenAt: string; body: string };

export type TicketDetails = {
  ticket: Ticket;
  timeline: TimelineEntry[];
  notes: Note[];
  outcome: unknown;
  earlierRequests: Ticket[];
};

export const ticketKey = (id: number) => ['tickets', id];

export function useTicketDetails(id: number | null) {
  return useQuery({
    queryKey: ticketKey(id ?? 0),
    queryFn: () => api<TicketDetails>('GET', `/api/tickets/${id}`),
    enabled: id !== null,
  });
}
