import { useQuery } from '@tanstack/react-query';

import { api } from './api-client';

/** A theme of requests, as the API names it. */
export type Theme = { code: string; nameFr: string; nameEn: string };

export type Departement = { code: string; name: string; regionCode: string };

/** The themes offered, in the phone menu's order (changed rarely: read once per page load). */
export function useThemes() {
  return useQuery({
    queryKey: ['topics'],
    queryFn: () => api<Theme[]>('GET', '/api/topics'),
    staleTime: Infinity,
  });
}

/** Every département, overseas included. */
export function useDepartements() {
  return useQuery({
    queryKey: ['territory', 'departements'],
    queryFn: () => api<Departement[]>('GET', '/api/territory/departements'),
    staleTime: Infinity,
  });
}
