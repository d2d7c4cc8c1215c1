import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import { CALL_PHONE, useCallPhone, type CallPhone } from '../../../lib/call-phone';

export { useCallPhone };

export function useRegisterCallPhone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (phone: string) => api<CallPhone>('PUT', '/api/staff/me/call-phone', { json: { phone } }),
    onSuccess: (phone) => queryClient.setQueryData(CALL_PHONE, phone),
  });
}

export function useRemoveCallPhone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<CallPhone>('DELETE', '/api/staff/me/call-phone'),
    onSuccess: (phone) => queryClient.setQueryData(CALL_PHONE, phone),
  });
}
