import { useQuery } from '@tanstack/react-query';

import { api } from './api-client';

/** A theme of requests, as the API names it. */
export type Theme = { code: string; nameFr: string; nameEn: string };

export type Departement = { code: string; name: string; regionCode: string };

/** Where a volunteer stands: *Occupé·e* (BUSY) comes by itself, the others are chosen. */
/** The languages a volunteer may help in (the backend's list), French first. */
export const LANGUAGES = [
  'fr',
  'en',
  'es',
  'de',
  'it',
  'pt',
  'ar',
  'ber',
  'tr',
  'ro',
  'ru',
  'uk',
  'zh',
  'vi',
  'wo',
  'ln',
  'rcf',
  'gcf',
] as const;

export type Presence = 'AVAILABLE' | 'BUSY' | 'PAUSED' | 'OFFLINE';

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

export type Day = (typeof DAYS)[number];

/** A weekly shift, in the volunteer's own time (`HH:mm`, or `HH:mm:ss` as the server writes it). */
export type Shift = { day: Day; starts: string; ends: string };

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
