import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

export type Day = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

/** An opening period of a weekday, in Paris time (`HH:mm`, or `HH:mm:ss` as the server writes it). */
export type Slot = { day: Day; opens: string; closes: string };

/** An exceptional closure (whole days, with a message) or opening (days open with their own hours). */
export type ServiceException = {
  id: number;
  kind: 'CLOSED' | 'OPEN';
  firstDay: string;
  lastDay: string;
  opens: string | null;
  closes: string | null;
  message: string | null;
};

/** The help desk's calendar; its `version` goes with every change, so that none is overwritten. */
export type Calendar = { weekly: Slot[]; exceptions: ServiceException[]; version: number };

export type NewException = {
  kind: 'CLOSED' | 'OPEN';
  firstDay: string;
  lastDay: string | null;
  opens: string | null;
  closes: string | null;
  message: string | null;
  version: number;
};

const CALENDAR = ['settings', 'calendar'];

export function useCalendar() {
  return useQuery({ queryKey: CALENDAR, queryFn: () => api<Calendar>('GET', '/api/settings/calendar') });
}

/** Every change answers the calendar as it now is, with its new version. */
function useCalendarChange<T>(send: (change: T) => Promise<Calendar>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (calendar) => queryClient.setQueryData(CALENDAR, calendar),
  });
}

export function useReplaceWeekly() {
  return useCalendarChange((change: { slots: Slot[]; version: number }) =>
    api<Calendar>('PUT', '/api/settings/calendar/weekly', { json: change }),
  );
}

export function useAddException() {
  return useCalendarChange((change: NewException) =>
    api<Calendar>('POST', '/api/settings/calendar/exceptions', { json: change }),
  );
}

export function useRemoveException() {
  return useCalendarChange(({ id, version }: { id: number; version: number }) =>
    api<Calendar>('DELETE', `/api/settings/calendar/exceptions/${id}?version=${version}`),
  );
}
