import { api } from '../../../lib/api-client';

import { useConsoleMutation } from './console-mutation';

export function useSendText() {
  return useConsoleMutation(({ id, body }: { id: number; body: string }) =>
    api('POST', `/api/tickets/${id}/texts`, { json: { body } }),
  );
}
