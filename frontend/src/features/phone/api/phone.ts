import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

export type CallState = { sid: string | null; ended: boolean; heard: string[]; awaitedKeys: number | null };
export type Text = { from: string; body: string; receivedAt: string };
export type SimulatedPhone = { number: string; hotline: string; inbox: Text[]; call: CallState | null };

const PHONE = ['simulator', 'phone'];

export function getPhone() {
  return api<SimulatedPhone>('GET', '/api/simulator/phone');
}

/** The staff member's simulated phone; its inbox is looked at again every few seconds. */
export function usePhone() {
  return useQuery({ queryKey: PHONE, queryFn: getPhone, refetchInterval: 4000 });
}

type CallAction =
  { kind: 'dial' } | { kind: 'keys'; keys: string } | { kind: 'silence' } | { kind: 'hangup' };

export function act(action: CallAction) {
  switch (action.kind) {
    case 'dial':
      return api<CallState>('POST', '/api/simulator/phone/call', { json: {} });
    case 'keys':
      return api<CallState>('POST', '/api/simulator/phone/call/keys', { json: { keys: action.keys } });
    case 'silence':
      return api<CallState>('POST', '/api/simulator/phone/call/silence', { json: {} });
    case 'hangup':
      return api<CallState>('POST', '/api/simulator/phone/call/hangup', { json: {} });
  }
}

/** Acts on the call; what the hotline answers is handed to `onAnswer`, and the phone is read again. */
export function useCallAction(onAnswer: (state: CallState) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: act,
    onSuccess: (state) => {
      onAnswer(state);
      void queryClient.invalidateQueries({ queryKey: PHONE });
    },
  });
}
