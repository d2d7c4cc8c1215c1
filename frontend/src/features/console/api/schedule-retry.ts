import { api } from '../../../lib/api-client';

import { useConsoleMutation } from './console-mutation';

export function useScheduleRetry() {
  return useConsoleMutation(({ id, at }: { id: number; at: string }) =>
    api('POST', `/api/tickets/${id}/retry`, { json: { at } }),
  );
}
