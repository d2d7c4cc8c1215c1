import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

export type Departement = { code: string; name: string; regionCode: string };
export type Topic = { code: string; nameFr: string; nameEn: string };

export function useSignUpOptions() {
  const departements = useQuery({
    queryKey: ['territory', 'departements'],
    queryFn: () => api<Departement[]>('GET', '/api/territory/departements'),
    staleTime: Infinity,
  });
  const topics = useQuery({
    queryKey: ['topics'],
    queryFn: () => api<Topic[]>('GET', '/api/topics'),
    staleTime: Infinity,
  });
  return { departements, topics };
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
