import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, ApiError } from './api-client';

export type Role = 'VOLUNTEER' | 'COORDINATOR' | 'ADMIN';

export type Me = {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  regionName: string | null;
  passwordChangeRequired: boolean;
  /** False for a volunteer who signed up, until a coordinator approves them: they reach their onboarding only. */
  approved: boolean;
  /** Whether sign-in asks them for a code. */
  twoFactorEnabled: boolean;
  /** A coordinator or administrator without two-factor authentication: they reach its setup only. */
  twoFactorSetupRequired: boolean;
};

const meKey = ['auth', 'me'] as const;

/** The signed-in staff member, or null when nobody is signed in. */
export async function getMe(): Promise<Me | null> {
  try {
    return await api<Me>('GET', '/api/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return null;
    }
    throw error;
  }
}

/** Asks the server again who is signed in: a sign-in that ended sends the person back to the sign-in screen. */
export function useRecheckSignIn() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: meKey });
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: getMe, staleTime: 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password, code }: { email: string; password: string; code?: string }) =>
      api<Me>('POST', '/api/auth/login', {
        form: code === undefined ? { email, password } : { email, password, code },
      }),
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/api/auth/logout'),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}

export function useRefreshMe() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meKey });
}
