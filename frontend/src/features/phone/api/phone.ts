import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import type { Presence } from '../../../lib/reference-data';

/** What the phone's display shows of a call: the hotline's sentences, the keys pressed, a silence. */
export type Line = { kind: 'SAID' | 'KEYS' | 'SILENCE'; text: string };

/**
 * A call of the simulated phone. `RINGING`: the hotline calls this phone; `ACTIVE`: talking with the hotline;
 * `WAITING`: waiting on the line for a volunteer; `DIALING`: the hotline rings someone for this call;
 * `BRIDGED`: put through to another phone.
 */
export type CallState = {
  sid: string | null;
  state: 'QUEUED' | 'RINGING' | 'ACTIVE' | 'WAITING' | 'DIALING' | 'BRIDGED' | 'ENDED';
  ended: boolean;
  incoming: boolean;
  otherNumber: string | null;
  heard: string[];
  awaitedKeys: number | null;
  transcript: Line[];
};
export type Text = { from: string; body: string; receivedAt: string };
export type SimulatedPhone = { number: string; hotline: string; inbox: Text[]; call: CallState | null };

const PHONE = ['simulator', 'phone'];

export function getPhone() {
  return api<SimulatedPhone>('GET', '/api/simulator/phone');
}

/**
 * The staff member's simulated phone: read again every second during a call (the other end may answer or hang
 * up), every few seconds otherwise (a call or a text may come in).
 */
export function usePhone() {
  return useQuery({
    queryKey: PHONE,
    queryFn: getPhone,
    refetchInterval: (query) => {
      const call = query.state.data?.call;
      return call && !call.ended ? 1000 : 3000;
    },
  });
}

type CallAction =
  | { kind: 'dial' }
  | { kind: 'answer' }
  | { kind: 'keys'; keys: string }
  | { kind: 'silence' }
  | { kind: 'hangup' };

export function act(action: CallAction) {
  switch (action.kind) {
    case 'dial':
      return api<CallState>('POST', '/api/simulator/phone/call', { json: {} });
    case 'answer':
      return api<CallState>('POST', '/api/simulator/phone/call/answer', { json: {} });
    case 'keys':
      return api<CallState>('POST', '/api/simulator/phone/call/keys', { json: { keys: action.keys } });
    case 'silence':
      return api<CallState>('POST', '/api/simulator/phone/call/silence', { json: {} });
    case 'hangup':
      return api<CallState>('POST', '/api/simulator/phone/call/hangup', { json: {} });
  }
}

/** Acts on the call; the phone shows what the hotline answers at once, then is read again. */
export function useCallAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: act,
    onSuccess: (call) => {
      queryClient.setQueryData<SimulatedPhone>(PHONE, (phone) => (phone ? { ...phone, call } : phone));
      void queryClient.invalidateQueries({ queryKey: PHONE });
    },
  });
}

/** Makes this simulated phone the one the platform rings for the signed-in volunteer. */
export function useRingThisPhone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (number: string) =>
      api<{ phone: string }>('PUT', '/api/volunteers/me/phone', { json: { phone: number } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['volunteers', 'me', 'phone'] }),
  });
}

/** The number the platform rings for the signed-in volunteer, masked, or null when none is registered. */
export function useVolunteerPhone(enabled: boolean) {
  return useQuery({
    queryKey: ['volunteers', 'me', 'phone'],
    queryFn: async () =>
      (await api<{ maskedPhone: string | null }>('GET', '/api/volunteers/me')).maskedPhone ?? null,
    enabled,
  });
}

const PRESENCE = ['volunteers', 'me', 'presence'];

/** The signed-in volunteer's presence: routing offers live calls to available volunteers only. */
export function usePresence(enabled: boolean) {
  return useQuery({
    queryKey: PRESENCE,
    queryFn: () => api<{ status: Presence }>('GET', '/api/volunteers/me/presence'),
    enabled,
    refetchInterval: 5000,
  });
}

export function useChoosePresence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: 'AVAILABLE' | 'OFFLINE') =>
      api<{ status: Presence }>('PUT', '/api/volunteers/me/presence', { json: { status } }),
    onSuccess: (presence) => queryClient.setQueryData(PRESENCE, presence),
  });
}

/** A request offered to or held by the signed-in volunteer, as the training phone lists them. */
export type MyRequest = {
  id: number;
  reference: string;
  kind: 'LIVE_CALL' | 'CALLBACK';
  topicCode: string;
  postcode: string;
  status: 'OFFERED' | 'ASSIGNED' | 'IN_CALL';
  assigneeId: number | null;
};

const MY_REQUESTS = ['phone', 'my-requests'];

/** The requests offered to the volunteer or in their hands, looked at again every few seconds. */
export function useMyRequests(enabled: boolean) {
  return useQuery({
    queryKey: MY_REQUESTS,
    queryFn: async () =>
      (
        await api<{ items: MyRequest[] }>(
          'GET',
          '/api/tickets?status=OFFERED&status=ASSIGNED&status=IN_CALL&size=20',
        )
      ).items,
    enabled,
    refetchInterval: 3000,
  });
}

/** Accepts an offer, or has the platform call the citizen back (the volunteer's phone rings first). */
export function useRequestAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'accept' | 'call' }) =>
      api<unknown>('POST', `/api/tickets/${id}/${action}`, { json: {} }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: MY_REQUESTS }),
  });
}
