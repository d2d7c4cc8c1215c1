import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

/** A range of whole days (Paris time), both included, and whose figures: `null` for the whole country. */
export type Question = { from: string; to: string; region: string | null };

export type SpeedOfAnswer = {
  mean: number | null;
  p50: number | null;
  p90: number | null;
  max: number | null;
};

/** The figures of a period, as `GET /api/statistics/summary` answers; rates are fractions, `null` without a base. */
export type Summary = {
  from: string;
  to: string;
  region: string | null;
  calls: number;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  abandonmentRate: number | null;
  serviceLevel: number | null;
  serviceLevelThresholdSeconds: number;
  speedOfAnswerSeconds: SpeedOfAnswer;
  queueCallbacks: number;
  menuCallbacks: number;
  leftInMenu: number;
  closedHours: number;
  missed: number;
  callbackRequests: number;
  callbackRequestsByChannel: Record<'PHONE' | 'WEB' | 'QUEUE' | 'FOLLOW_UP', number>;
  firstAttemptWithin24hRate: number | null;
  firstAttemptWithin48hRate: number | null;
  attemptsPerCallback: number | null;
  unreachableRate: number | null;
  requests: number;
  closedRequests: number;
  resolutionRate: number | null;
  redirectionRate: number | null;
  repeatCallers: number;
  handlingTimeSeconds: number | null;
  occupancy: number | null;
};

/** One day, theme or département (`key`); the service level and the waits' percentile are known by day only. */
export type Row = {
  key: string;
  calls: number;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  abandonmentRate: number | null;
  serviceLevel: number | null;
  meanWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  maxWaitSeconds: number | null;
  missed: number;
  requests: number;
  callbackRequests: number;
  firstAttemptWithin24hRate: number | null;
  closedRequests: number;
  resolutionRate: number | null;
  redirectionRate: number | null;
  repeatCallers: number;
};

/** One hour of the week (1 Monday … 7 Sunday, Paris time) over the period. */
export type HourRow = {
  dayOfWeek: number;
  hour: number;
  occurrences: number;
  calls: number;
  offered: number;
  answered: number;
  abandoned: number;
  missed: number;
  callbackRequests: number;
  volunteersOnShift: number;
  volunteersAvailable: number;
};

export type VolunteerRow = {
  id: number;
  name: string | null;
  answered: number;
  callbacksMade: number;
  callbacksReached: number;
  availableHours: number;
  handlingTimeSeconds: number | null;
  occupancy: number | null;
};

export type Table<R> = { from: string; to: string; region: string | null; rows: R[] };

export type Outcomes = {
  from: string;
  to: string;
  region: string | null;
  forms: number;
  answers: Record<string, Record<string, number>>;
};

export type Definition = { label: string; definition: string };

export type Tables = 'days' | 'hours' | 'themes' | 'departements' | 'volunteers' | 'outcomes';

function query({ from, to, region }: Question) {
  const parameters = new URLSearchParams({ from, to });
  if (region) {
    parameters.set('region', region);
  }
  return parameters.toString();
}

export function useSummary(question: Question | null) {
  return useQuery({
    queryKey: ['statistics', 'summary', question],
    queryFn: () => api<Summary>('GET', `/api/statistics/summary?${query(question!)}`),
    enabled: question !== null,
  });
}

export function useTable<R>(table: Exclude<Tables, 'outcomes'>, question: Question | null) {
  return useQuery({
    queryKey: ['statistics', table, question],
    queryFn: () => api<Table<R>>('GET', `/api/statistics/${table}?${query(question!)}`),
    enabled: question !== null,
  });
}

export function useOutcomes(question: Question | null) {
  return useQuery({
    queryKey: ['statistics', 'outcomes', question],
    queryFn: () => api<Outcomes>('GET', `/api/statistics/outcomes?${query(question!)}`),
    enabled: question !== null,
  });
}

export function useDefinitions() {
  return useQuery({
    queryKey: ['statistics', 'definitions'],
    queryFn: () => api<Record<string, Definition>>('GET', '/api/statistics/definitions'),
    staleTime: Infinity,
  });
}

/** The address of a table's CSV export, to download: `separator` `semicolon` or `comma`, `decimal` `comma` or `point`. */
export function csvUrl(
  table: Tables | 'summary' | 'activity-report',
  question: Question,
  options: { separator: 'semicolon' | 'comma'; decimal: 'comma' | 'point' },
) {
  return `/api/statistics/${table}.csv?${query(question)}&separator=${options.separator}&decimal=${options.decimal}`;
}

export type Territory = { code: string; name: string };

export function useRegions() {
  return useQuery({
    queryKey: ['territory', 'regions'],
    queryFn: () => api<Territory[]>('GET', '/api/territory/regions'),
    staleTime: Infinity,
  });
}

export function useDepartements() {
  return useQuery({
    queryKey: ['territory', 'departements'],
    queryFn: () => api<(Territory & { regionCode: string })[]>('GET', '/api/territory/departements'),
    staleTime: Infinity,
  });
}

export type Goals = {
  serviceLevelThresholdSeconds: number;
  serviceLevel: number;
  abandonmentRate: number;
  firstAttemptWithin24hRate: number;
};

export function useTargets() {
  return useQuery({
    queryKey: ['statistics', 'targets'],
    queryFn: () => api<Goals>('GET', '/api/statistics/targets'),
  });
}

export function useSetTargets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (goals: Goals) => api<Goals>('PUT', '/api/statistics/targets', { json: goals }),
    onSuccess: (goals) => {
      client.setQueryData(['statistics', 'targets'], goals);
      void client.invalidateQueries({ queryKey: ['statistics', 'wallboard'] });
    },
  });
}

/** Whether the signed-in coordinator is texted the alerts of their scope: the phone, masked, or null. */
export function useAlertSubscription() {
  return useQuery({
    queryKey: ['statistics', 'alerts', 'subscription'],
    queryFn: () => api<{ masked: string | null }>('GET', '/api/statistics/alerts/subscription'),
  });
}

export function useSubscribeToAlerts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (phone: string) =>
      api<{ masked: string | null }>('PUT', '/api/statistics/alerts/subscription', { json: { phone } }),
    onSuccess: (subscription) => client.setQueryData(['statistics', 'alerts', 'subscription'], subscription),
  });
}

export function useUnsubscribeFromAlerts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('DELETE', '/api/statistics/alerts/subscription'),
    onSuccess: () => client.setQueryData(['statistics', 'alerts', 'subscription'], { masked: null }),
  });
}
