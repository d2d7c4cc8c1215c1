import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import type { Ticket, TicketStatus } from '../../../lib/ticket';

export type Status = TicketStatus;

/** A request as coordinators see it: a ticket, with its région, priority and next attempt. */
export type Request = Ticket & {
  regionCode: string;
  priority: number;
  nextAttemptAt: string | null;
};

export type RequestPage = { items: Request[]; page: number; size: number; total: number };

/** What the worklist is narrowed to; `olderThanHours` 0 for any age. */
export type Filters = { statuses: Status[]; topic: string; departement: string; olderThanHours: number };

export const WAITING: Status[] = ['QUEUED', 'OFFERED', 'ASSIGNED', 'SCHEDULED'];

const WORKLIST = ['worklist'];

export const PAGE_SIZE = 25;

export function useWorklist(filters: Filters, page: number, now: number) {
  const query = new URLSearchParams({ order: 'oldest', page: String(page), size: String(PAGE_SIZE) });
  (filters.statuses.length > 0 ? filters.statuses : WAITING).forEach((status) =>
    query.append('status', status),
  );
  if (filters.topic) query.set('topic', filters.topic);
  if (filters.departement) query.set('departement', filters.departement);
  if (filters.olderThanHours > 0)
    query.set('to', new Date(now - filters.olderThanHours * 3_600_000).toISOString());
  return useQuery({
    queryKey: [...WORKLIST, query.toString()],
    queryFn: () => api<RequestPage>('GET', `/api/tickets?${query.toString()}`),
  });
}

export type TimelineEntry = { at: string; actorId: number | null; type: string; detail: string | null };
export type Note = { id: number; authorId: number; writtenAt: string; body: string };
export type Outcome = { completion: string; autonomy: string; durationMinutes: number } | null;

export type RequestDetails = {
  ticket: Request;
  timeline: TimelineEntry[];
  notes: Note[];
  outcome: Outcome;
  earlierRequests: Request[];
};

const requestKey = (id: number) => [...WORKLIST, 'request', id];

export function useRequest(id: number) {
  return useQuery({
    queryKey: requestKey(id),
    queryFn: () => api<RequestDetails>('GET', `/api/tickets/${id}`),
  });
}

export type Assignee = {
  id: number;
  name: string;
  presence: 'AVAILABLE' | 'BUSY' | 'PAUSED' | 'OFFLINE';
  departement: string;
  nearness: number;
};

export function useAssignees(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...requestKey(id), 'assignees'],
    queryFn: () => api<Assignee[]>('GET', `/api/tickets/${id}/assignees`),
    enabled,
  });
}

/** Every action answers the request as it now is; the list and the request are read again. */
function useRequestAction<T>(send: (change: T) => Promise<Request>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WORKLIST }),
  });
}

export function usePrioritise(id: number) {
  return useRequestAction(() => api<Request>('POST', `/api/tickets/${id}/priority`, { json: {} }));
}

export function useReschedule(id: number) {
  return useRequestAction((at: string | null) =>
    api<Request>('POST', `/api/tickets/${id}/reschedule`, { json: { at } }),
  );
}

export function useAssign(id: number) {
  return useRequestAction((volunteerId: number) =>
    api<Request>('POST', `/api/tickets/${id}/assign`, { json: { volunteerId } }),
  );
}

export function useCancel(id: number) {
  return useRequestAction((reason: string) =>
    api<Request>('POST', `/api/tickets/${id}/cancel`, { json: { reason } }),
  );
}
