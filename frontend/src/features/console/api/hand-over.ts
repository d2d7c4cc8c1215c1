import { useQuery } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import type { Presence } from '../../../lib/reference-data';

import { type Ticket } from './console-state';
import { useConsoleMutation } from './console-mutation';

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
