import { api } from '../../../lib/api-client';

import { useConsoleMutation } from './console-mutation';

export function useChoosePresence() {
  return useConsoleMutation((status: 'AVAILABLE' | 'PAUSED' | 'OFFLINE') =>
    api('PUT', '/api/volunteers/me/presence', { json: { status } }),
  );
}

/** Ends the wrap-up time now: offers may come again. */
export function useEndWrapUp() {
  return useConsoleMutation(() => api('DELETE', '/api/volunteers/me/wrap-up'));
}
