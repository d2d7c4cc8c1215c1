import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

export type Presence = 'AVAILABLE' | 'BUSY' | 'PAUSED' | 'OFFLINE';

export type TicketStatus =
  | 'NEW'
  | 'QUEUED'
  | 'OFFERED'
  | 'ASSIGNED'
  | 'IN_CALL'
  | 'SCHEDULED'
  | 'RESOLVED'
  | 'REDIRECTED'
  | 'UNREACHABLE'
  | 'CANCELLED';

/** A request as the staff see it: never the full phone number, only its masked form. */
export type Ticket = {
  id: number;
  reference: string;
  kind: 'LIVE_CALL' | 'CALLBACK';
  topicCode: string;
  postcode: string;
  departementCode: string;
  maskedPhone: string | null;
  firstName: string | null;
  status: TicketStatus;
  createdAt: string;
  waitingSince: string | null;
  attempts: number;
  assigneeId: number | null;
};

export type FigureRow = {
  departement: string;
  topic: string;
  kind: 'LIVE_CALL' | 'CALLBACK';
  waiting: number;
  offered: number;
  oldestSince: string;
};

export type RegionFigures = { region: string; rows: FigureRow[] };

export type ConsoleState = {
  presence: Presence | null;
  wrapUpUntil: string | null;
  qualified: boolean;
  offers: { ticket: Ticket; expiresAt: string }[];
  held: Ticket[];
  territories: { departement: string; departements: string[]; regions: string[]; national: boolean } | null;
  regions: string[];
  figures: RegionFigures[];
  /** Where the real-time channel delivers: the user's own queue, and the prefix of a région's figures. */
  channel: { personal: string; figures: string };
};

export const CONSOLE = ['console'];

/** What the console shows; read again whenever the real-time channel (re)connects or says something changed. */
export function useConsoleState() {
  return useQuery({ queryKey: CONSOLE, queryFn: () => api<ConsoleState>('GET', '/api/console') });
}

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

export const RECENT = ['tickets', 'recent'];

/** The volunteer's own recent requests (those they hold or worked on), newest first. */
export function useRecentTickets() {
  return useQuery({
    queryKey: RECENT,
    queryFn: async () => (await api<{ items: Ticket[] }>('GET', '/api/tickets?size=8')).items,
  });
}

export type Topic = { code: string; nameFr: string; nameEn: string };

export function useTopics() {
  return useQuery({
    queryKey: ['topics'],
    queryFn: () => api<Topic[]>('GET', '/api/topics'),
    staleTime: Infinity,
  });
}

/** Every console action goes through the REST API; afterwards the console state is read again. */
function useConsoleMutation<T, R>(run: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: CONSOLE });
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
}

export function useChoosePresence() {
  return useConsoleMutation((status: 'AVAILABLE' | 'PAUSED' | 'OFFLINE') =>
    api('PUT', '/api/volunteers/me/presence', { json: { status } }),
  );
}

/** Ends the wrap-up time now: offers may come again. */
export function useEndWrapUp() {
  return useConsoleMutation(() => api('DELETE', '/api/volunteers/me/wrap-up'));
}

export type TicketAction = 'accept' | 'decline' | 'release' | 'call';

export function useTicketAction() {
  return useConsoleMutation(({ id, action }: { id: number; action: TicketAction }) =>
    api('POST', `/api/tickets/${id}/${action}`, { json: {} }),
  );
}

/** "Prendre la suivante": a retried click (same key) returns the request the first one took. */
export function useTakeNext() {
  return useConsoleMutation((key: string) =>
    api<Ticket | undefined>('POST', '/api/routing/next', { json: {} }, { 'Idempotency-Key': key }),
  );
}

export function useAddNote() {
  return useConsoleMutation(({ id, body }: { id: number; body: string }) =>
    api('POST', `/api/tickets/${id}/notes`, { json: { body } }),
  );
}

export function useSendText() {
  return useConsoleMutation(({ id, body }: { id: number; body: string }) =>
    api('POST', `/api/tickets/${id}/texts`, { json: { body } }),
  );
}

export function useScheduleRetry() {
  return useConsoleMutation(({ id, at }: { id: number; at: string }) =>
    api('POST', `/api/tickets/${id}/retry`, { json: { at } }),
  );
}

export type OutcomeForm = {
  supportType: string;
  durationMinutes: number;
  procedureThemes: string[];
  supportThemes: string[];
  equipment: string[];
  autonomy: string;
  completion: string;
  redirection: string | null;
};

export function useRecordOutcome() {
  return useConsoleMutation(({ id, outcome }: { id: number; outcome: OutcomeForm }) =>
    api('PUT', `/api/tickets/${id}/outcome`, { json: outcome }),
  );
}

/** Someone a request may be handed over to: a colleague (with their presence) or a coordinator. */
export type HandoverCandidate = {
  id: number;
  name: string;
  role: 'VOLUNTEER' | 'COORDINATOR';
  presence: Presence | null;
  departement: string | null;
  /** 0 same département, 1 same région, 2 elsewhere, 3 a national coordinator. */
  nearness: number;
};

export type HandoverCandidates = { colleagues: HandoverCandidate[]; coordinators: HandoverCandidate[] };

export function useHandoverCandidates(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['tickets', id, 'handover'],
    queryFn: () => api<HandoverCandidates>('GET', `/api/tickets/${id}/handover`),
    enabled,
  });
}

/** Hands a request over: the recipient holds it from now on; the note tells them why. */
export function useHandOver() {
  return useConsoleMutation(({ id, recipientId, note }: { id: number; recipientId: number; note: string }) =>
    api<Ticket>('POST', `/api/tickets/${id}/handover`, { json: { recipientId, note } }),
  );
}

/** A published tutorial as the console lists it, with what was done with it. */
export type TutorialCard = {
  slug: string;
  shortCode: string;
  topicCode: string;
  title: string;
  summary: string;
  level: 'BEGINNER' | 'INTERMEDIATE';
  easyRead: boolean;
  path: string;
  shortUrl: string;
  counts: { smsSent: number; linkOpens: number; helpfulYes: number; helpfulNo: number };
};

/** The tutorials of a theme (suggestions for the request in hand), or those a search finds. */
export function useTutorials(search: { topic: string } | { q: string }) {
  const query =
    'q' in search ? `q=${encodeURIComponent(search.q)}` : `topic=${encodeURIComponent(search.topic)}`;
  return useQuery({
    queryKey: ['tutorials', query],
    queryFn: () => api<TutorialCard[]>('GET', `/api/tutorials?${query}`),
  });
}

/** "Envoyer par SMS": texts the citizen the tutorial's short link, from the hotline; recorded on the timeline. */
export function useSendTutorial() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, slug }: { id: number; slug: string }) =>
      api('POST', `/api/tickets/${id}/tutorials/${slug}/texts`, { json: {} }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      void queryClient.invalidateQueries({ queryKey: ['tutorials'] });
    },
  });
}
