import { useQuery } from '@tanstack/react-query';

import { api } from './api-client';

export type CallPhone = { maskedPhone: string | null };

export const CALL_PHONE = ['staff', 'call-phone'];

/**
 * The phone a coordinator or an administrator is rung on to call citizens back (masked), or null; volunteers' is on
 * their profile. Read by *Mon compte* and by the console, which offers *Appeler* only with one.
 */
export function useCallPhone(enabled: boolean) {
  return useQuery({
    queryKey: CALL_PHONE,
    queryFn: () => api<CallPhone>('GET', '/api/staff/me/call-phone'),
    enabled,
  });
}
