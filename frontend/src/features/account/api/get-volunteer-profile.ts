import { useQuery } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

export type VolunteerProfile = {
  departementCode: string;
  departementName: string;
  skills: string[];
  maskedPhone: string | null;
  /** The codes of the languages they speak (`fr`, `en`…). */
  languages: string[];
  /** How many requests they hold at once. */
  capacity: number;
  /** The départements and régions they serve, by name. */
  served: string[];
  servesNationally: boolean;
};

export function getVolunteerProfile() {
  return api<VolunteerProfile>('GET', '/api/volunteers/me');
}

export function useVolunteerProfile(enabled: boolean) {
  return useQuery({ queryKey: ['volunteers', 'me'], queryFn: getVolunteerProfile, enabled });
}
