import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import { useDepartements, useThemes } from '../../../lib/reference-data';

/** What a sign-up chooses from: the départements and the themes. */
export function useSignUpOptions() {
  return { departements: useDepartements(), topics: useThemes() };
}

export type SignUp = {
  displayName: string;
  email: string;
  password: string;
  phone: string;
  departement: string;
  skills: string[];
  languages: string[];
  availability: string;
};

/**
 * Signs up. The answer is the same whether the address already had an account or not: what comes next arrives by
 * e-mail (a link that confirms the address, after which the new volunteer signs in).
 */
export function useSignUp() {
  return useMutation({
    mutationFn: (request: SignUp) => api<void>('POST', '/api/sign-up', { json: request }),
  });
}

/** Confirms the address of a sign-up with the link's token. */
export function useConfirmAddress() {
  return useMutation({
    mutationFn: (token: string) => api<void>('POST', '/api/sign-up/confirm', { json: { token } }),
  });
}

export type Applicant = {
  accountId: number;
  displayName: string;
  email: string;
  departement: string;
  region: string;
  languages: string[];
  availability: string | null;
  appliedAt: string | null;
  skills: string[];
};

const APPLICANTS = ['volunteer-applications'];

export function useApplicants() {
  return useQuery({
    queryKey: APPLICANTS,
    queryFn: () => api<Applicant[]>('GET', '/api/volunteer-applications'),
  });
}

export function useApprove() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api('POST', `/api/volunteer-applications/${id}/approve`, { json: {} }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: APPLICANTS }),
  });
}
