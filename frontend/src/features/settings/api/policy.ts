import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

/** Attempts before a callback request ends unreachable, and the minutes before the second. */
export type CallbackPolicy = { maxAttempts: number; retryAfterMinutes: number; version: number };

/** For one kind of request: seconds before the whole région, then the whole country, may take it; to accept. */
export type KindDelays = {
  regionAfterSeconds: number;
  nationalAfterSeconds: number;
  offerTimeoutSeconds: number;
};

export type RoutingDelays = {
  liveCall: KindDelays;
  callback: KindDelays;
  wrapUpSeconds: number;
  version: number;
};

const CALLBACKS = ['settings', 'callbacks'];
const ROUTING = ['settings', 'routing'];

export function useCallbackPolicy() {
  return useQuery({
    queryKey: CALLBACKS,
    queryFn: () => api<CallbackPolicy>('GET', '/api/settings/callbacks'),
  });
}

export function useReplaceCallbackPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: CallbackPolicy) =>
      api<CallbackPolicy>('PUT', '/api/settings/callbacks', { json: policy }),
    onSuccess: (policy) => queryClient.setQueryData(CALLBACKS, policy),
  });
}

export function useRoutingDelays() {
  return useQuery({ queryKey: ROUTING, queryFn: () => api<RoutingDelays>('GET', '/api/settings/routing') });
}

export function useReplaceRoutingDelays() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (delays: RoutingDelays) =>
      api<RoutingDelays>('PUT', '/api/settings/routing', { json: delays }),
    onSuccess: (delays) => queryClient.setQueryData(ROUTING, delays),
  });
}
