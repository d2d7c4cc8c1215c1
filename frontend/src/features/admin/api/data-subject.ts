import { useMutation } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

/** Everything Passerelle keeps about a number, by what keeps it (requests, hotline, limits, blocklist…). */
export type AccessFile = {
  generatedAt: string;
  masked: string;
  kept: Record<string, Record<string, unknown>[]>;
};

export type Erased = { erased: Record<string, number> };

export function useAccessRequest() {
  return useMutation({
    mutationFn: (phone: string) =>
      api<AccessFile>('POST', '/api/privacy/requests/access', { json: { phone } }),
  });
}

export function useErasureRequest() {
  return useMutation({
    mutationFn: (phone: string) => api<Erased>('POST', '/api/privacy/requests/erasure', { json: { phone } }),
  });
}
