import { api } from '../../../lib/api-client';

import { type Ticket } from './console-state';
import { useConsoleMutation } from './console-mutation';

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
