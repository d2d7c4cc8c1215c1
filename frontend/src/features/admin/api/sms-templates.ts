import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

/** A text the platform sends citizens, in French, with the placeholders it may use. */
export type SmsTemplate = { code: string; body: string; updatedAt: string; placeholders: string[] };

const TEMPLATES = ['sms-templates'];

export function useSmsTemplates() {
  return useQuery({
    queryKey: TEMPLATES,
    queryFn: () => api<SmsTemplate[]>('GET', '/api/sms-templates'),
  });
}

export function useSaveSmsTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: string }) =>
      api<SmsTemplate>('PUT', `/api/sms-templates/${code}`, { json: { body } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TEMPLATES }),
  });
}
