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

/** Signs up, then signs in with the same address and password (the new volunteer may start training at once). */
export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: SignUp) => {
      await api('POST', '/api/sign-up', { json: request });
      return api('POST', '/api/auth/login', { form: { email: request.email, password: request.password } });
    },
    onSuccess: (me) => queryClient.setQueryData(['auth', 'me'], me),
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
