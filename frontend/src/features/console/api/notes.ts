import { api } from '../../../lib/api-client';

import { useConsoleMutation } from './console-mutation';

export function useAddNote() {
  return useConsoleMutation(({ id, body }: { id: number; body: string }) =>
    api('POST', `/api/tickets/${id}/notes`, { json: { body } }),
  );
}
