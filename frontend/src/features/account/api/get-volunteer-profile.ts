import { useQuery } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

export type VolunteerProfile = {
  departementCode: string;
  departementName: string;
  skills: string[];
  maskedPhone: string | null;
};

export function getVolunteerProfile() {
  return api<VolunteerProfile>('GET', '/api/volunteers/me');
}

export function useVolunteerProfile(enabled: boolean) {
  return useQuery({ queryKey: ['volunteers', 'me'], queryFn: getVolunteerProfile, enabled });
}
