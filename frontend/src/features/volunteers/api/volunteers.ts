import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import type { Presence, Shift } from '../../../lib/reference-data';

/** A volunteer in a coordinator's list. */
export type VolunteerLine = {
  id: number;
  displayName: string;
  departementCode: string;
  regionCode: string;
  enabled: boolean;
  approved: boolean;
  trained: boolean;
  capacity: number;
  presence: Presence;
};

export type Training = {
  approvedAt: string | null;
  charterAcceptedAt: string | null;
  practiceCalls: number;
  practiceCallsRequired: number;
  trainedAt: string | null;
};

/** A volunteer's file; its `version` goes with every change, so that none is overwritten. */
export type VolunteerFile = {
  id: number;
  displayName: string;
  departementCode: string;
  regionCode: string;
  enabled: boolean;
  skills: string[];
  languages: string[];
  capacity: number;
  servedDepartements: string[];
  servedRegions: string[];
  servesNationally: boolean;
  shifts: Shift[];
  availableAtShiftStart: boolean;
  training: Training;
  trainedInPersonBy: string | null;
  trainedInPersonReason: string | null;
  version: number;
};

export type ProfileChange = {
  skills: string[];
  languages: string[];
  capacity: number;
  servedDepartements: string[];
  servedRegions: string[];
  servesNationally: boolean;
  version: number;
};

export type Territory = { code: string; name: string };

const VOLUNTEERS = ['volunteers'];

export function useVolunteerList() {
  return useQuery({ queryKey: VOLUNTEERS, queryFn: () => api<VolunteerLine[]>('GET', '/api/volunteers') });
}

export function useVolunteerFile(id: number) {
  return useQuery({
    queryKey: [...VOLUNTEERS, id],
    queryFn: () => api<VolunteerFile>('GET', `/api/volunteers/${id}`),
  });
}

export function useTerritories() {
  const departements = useQuery({
    queryKey: ['territory', 'departements'],
    queryFn: () => api<(Territory & { regionCode: string })[]>('GET', '/api/territory/departements'),
    staleTime: Infinity,
  });
  const regions = useQuery({
    queryKey: ['territory', 'regions'],
    queryFn: () => api<Territory[]>('GET', '/api/territory/regions'),
    staleTime: Infinity,
  });
  return { departements, regions };
}

/** Every change answers the file as it now is: it replaces the one read, with its new version. */
function useFileChange<T>(id: number, send: (change: T) => Promise<VolunteerFile>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (file) => {
      queryClient.setQueryData([...VOLUNTEERS, id], file);
      void queryClient.invalidateQueries({ queryKey: VOLUNTEERS, exact: true });
    },
  });
}

export function useChangeProfile(id: number) {
  return useFileChange(id, (change: ProfileChange) =>
    api<VolunteerFile>('PUT', `/api/volunteers/${id}/profile`, { json: change }),
  );
}

export function useReplaceShifts(id: number) {
  return useFileChange(id, (change: { shifts: Shift[]; availableAtShiftStart: boolean; version: number }) =>
    api<VolunteerFile>('PUT', `/api/volunteers/${id}/shifts`, { json: change }),
  );
}

export function useValidateTraining(id: number) {
  return useFileChange(id, (change: { reason: string; version: number }) =>
    api<VolunteerFile>('POST', `/api/volunteers/${id}/training`, { json: change }),
  );
}
