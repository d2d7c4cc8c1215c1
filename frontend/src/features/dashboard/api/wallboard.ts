import { useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import { useLiveTopic, type TopicStatus } from '../live/live-topic';
import type { Goals } from './statistics';

export type Status = 'GOOD' | 'WARNING' | 'BAD';

export type WallboardQueue = {
  callersWaiting: number;
  longestWaitSince: string | null;
  callbacksDue: number;
  oldestCallbackSince: string | null;
};

export type WallboardVolunteers = {
  available: number;
  inCall: number;
  wrapUp: number;
  onBreak: number;
  onShiftOffline: number;
};

export type WallboardToday = {
  calls: number;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  abandonmentRate: number | null;
  serviceLevel: number | null;
  missed: number;
  callbackRequests: number;
};

export type Area = {
  code: string;
  name: string;
  queue: WallboardQueue;
  volunteers: WallboardVolunteers;
  today: WallboardToday;
};

export type Alert = { rule: 'NOBODY_AVAILABLE' | 'ABANDONMENT'; scope: string; since: string };

/** The service now, as `GET /api/statistics/wallboard` answers and `/topic/wallboard.{scope}` pushes it. */
export type Wallboard = {
  scope: string;
  region: string | null;
  updatedAt: string;
  queue: WallboardQueue;
  volunteers: WallboardVolunteers;
  today: WallboardToday;
  /** When today's figures were counted (a few seconds before `updatedAt` at most). */
  todayCountedAt: string;
  firstAttemptWithin24hRate: number | null;
  targets: Goals;
  status: Partial<Record<'serviceLevel' | 'abandonmentRate' | 'firstAttemptWithin24hRate', Status>>;
  areas: Area[];
  alerts: Alert[];
};

/**
 * The wallboard of the whole country (`region` null) or of a région, read once and then kept up to date by what the
 * server pushes (no polling); read again at each reconnection.
 */
export function useWallboard(region: string | null): {
  wallboard: ReturnType<typeof useQuery<Wallboard>>;
  live: TopicStatus;
} {
  const client = useQueryClient();
  const key = ['statistics', 'wallboard', region];
  const wallboard = useQuery({
    queryKey: key,
    queryFn: () => api<Wallboard>('GET', `/api/statistics/wallboard${region ? `?region=${region}` : ''}`),
  });
  const scope = region ?? 'FR';
  const live = useLiveTopic<Wallboard>(
    `/topic/wallboard.${scope}`,
    (pushed) => client.setQueryData(key, pushed),
    () => void client.invalidateQueries({ queryKey: key }),
  );
  return { wallboard, live };
}
