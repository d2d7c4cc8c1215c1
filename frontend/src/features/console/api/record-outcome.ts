import { api } from '../../../lib/api-client';

import { useConsoleMutation } from './console-mutation';

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
