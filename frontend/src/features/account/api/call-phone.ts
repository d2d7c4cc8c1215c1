import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

type CallPhone = { maskedPhone: string | null };

const CALL_PHONE = ['staff', 'call-phone'];

/** The phone a coordinator is rung on to call citizens back (masked), or null. */
export function useCallPhone(enabled: boolean) {
  return useQuery({
    queryKey: CALL_PHONE,
    queryFn: () => api<CallPhone>('GET', '/api/staff/me/call-phone'),
    enabled,
  });
}

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
