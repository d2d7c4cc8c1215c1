import { useInfiniteQuery } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';

export const AUDIT_ACTIONS = [
  'SIGN_IN',
  'SIGN_IN_FAILED',
  'ACCESS_REFUSED',
  'ACCOUNT_CHANGED',
  'ACCOUNT_INVITED',
  'INVITATION_ACCEPTED',
  'ACCOUNT_APPROVED',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET_REQUESTED',
  'PASSWORD_RESET',
  'TWO_FACTOR_ENABLED',
  'TWO_FACTOR_DISABLED',
  'TWO_FACTOR_RESET',
  'RECOVERY_CODES_RENEWED',
  'RECOVERY_CODE_USED',
  'SESSIONS_ENDED',
  'NUMBER_BLOCKED',
  'NUMBER_UNBLOCKED',
  'REQUEST_READ',
  'KEYS_ROTATED',
  'ACCESS_REQUEST_ANSWERED',
  'ERASURE_DONE',
  'TARGETS_CHANGED',
  'VOLUNTEER_PROFILE_CHANGED',
  'VOLUNTEER_SHIFTS_CHANGED',
  'TRAINING_VALIDATED',
  'OPENING_HOURS_CHANGED',
  'SERVICE_EXCEPTION_ADDED',
  'SERVICE_EXCEPTION_REMOVED',
  'TOPIC_MENU_CHANGED',
  'SERVICE_POLICY_CHANGED',
  'REQUEST_CHANGED',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One entry of the audit log; `actor` is null for the platform itself or an address that is nobody's. */
export type AuditEntry = {
  id: number;
  at: string;
  action: string;
  actor: string | null;
  clientAddress: string | null;
  target: string | null;
  detail: Record<string, unknown>;
};

type AuditPage = { events: AuditEntry[]; nextBefore: number | null };

/** What to look for; empty strings are left out. Days are French days, `to` included. */
export type AuditFilter = { action: string; actor: string; target: string; from: string; to: string };

export const NO_FILTER: AuditFilter = { action: '', actor: '', target: '', from: '', to: '' };

const PAGE_SIZE = 50;

function query(filter: AuditFilter, before: number | undefined) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value.trim() !== '') params.set(name, value.trim());
  }
  if (before !== undefined) params.set('before', String(before));
  params.set('size', String(PAGE_SIZE));
  return `/api/admin/audit?${params.toString()}`;
}

/** The entries matching `filter`, newest first, a page at a time. */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) => api<AuditPage>('GET', query(filter, pageParam)),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
