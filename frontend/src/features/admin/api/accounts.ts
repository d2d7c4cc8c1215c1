import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import type { Role } from '../../../lib/auth';

/** A staff account as administrators see it; `version` comes back with a change, so that none is overwritten. */
export type StaffAccount = {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  enabled: boolean;
  approved: boolean;
  twoFactorEnabled: boolean;
  createdAt: string;
  version: number | null;
  /** When the invitation its holder has not accepted yet expires (or expired); null when there is none. */
  invitationExpiresAt: string | null;
};

export type Invitation = {
  email: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
};

export type AccountChange = {
  role: Role;
  regionCode: string | null;
  enabled: boolean;
  version: number | null;
};

export type Region = { code: string; name: string };

const ACCOUNTS = ['admin', 'accounts'];

export function useStaffAccounts() {
  return useQuery({ queryKey: ACCOUNTS, queryFn: () => api<StaffAccount[]>('GET', '/api/admin/accounts') });
}

export function useRegions() {
  return useQuery({
    queryKey: ['territory', 'regions'],
    queryFn: () => api<Region[]>('GET', '/api/territory/regions'),
    staleTime: Infinity,
  });
}

/** Changes a role, a région or whether the account may sign in; a 409 says someone changed it meanwhile. */
export function useChangeAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: AccountChange }) =>
      api<StaffAccount>('PUT', `/api/admin/accounts/${id}`, { json: change }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ACCOUNTS }),
  });
}

/** Forgets the two-factor authentication of someone who lost their phone and their recovery codes. */
export function useResetTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<StaffAccount>('POST', `/api/admin/accounts/${id}/two-factor/reset`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ACCOUNTS }),
  });
}

/** Opens a coordinator's or an administrator's account and e-mails them their invitation. */
export function useInviteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitation: Invitation) =>
      api<StaffAccount>('POST', '/api/admin/accounts', { json: invitation }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ACCOUNTS }),
  });
}

/** Sends a new invitation to an account that has not accepted its own; the earlier link stops working. */
export function useResendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<StaffAccount>('POST', `/api/admin/accounts/${id}/invitation`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ACCOUNTS }),
  });
}
