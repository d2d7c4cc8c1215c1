import { useQuery } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import type { Presence } from '../../../lib/reference-data';

export type TicketStatus =
  | 'NEW'
  | 'QUEUED'
  | 'OFFERED'
  | 'ASSIGNED'
  | 'IN_CALL'
  | 'SCHEDULED'
  | 'RESOLVED'
  | 'REDIRECTED'
  | 'UNREACHABLE'
  | 'CANCELLED';

/** A request as the staff see it: never the full phone number, only its masked form. */
export type Ticket = {
  id: number;
  reference: string;
  kind: 'LIVE_CALL' | 'CALLBACK';
  topicCode: string;
  postcode: string;
  departementCode: string;
  maskedPhone: string | null;
  firstName: string | null;
  status: TicketStatus;
  createdAt: string;
  waitingSince: string | null;
  attempts: number;
  assigneeId: number | null;
};

export type FigureRow = {
  departement: string;
  topic: string;
  kind: 'LIVE_CALL' | 'CALLBACK';
  waiting: number;
  offered: number;
  oldestSince: string;
};

export type RegionFigures = { region: string; rows: FigureRow[] };

export type ConsoleState = {
  presence: Presence | null;
  wrapUpUntil: string | null;
  qualified: boolean;
  offers: { ticket: Ticket; expiresAt: string }[];
  held: Ticket[];
  territories: { departement: string; departements: string[]; regions: string[]; national: boolean } | null;
  regions: string[];
  figures: RegionFigures[];
  /** Where the real-time channel delivers: the user's own queue, and the prefix of a région's figures. */
  channel: { personal: string; figures: string };
};

export const CONSOLE = ['console'];

/** What the console shows; read again whenever the real-time channel (re)connects or says something changed. */
export function useConsoleState() {
  return useQuery({ queryKey: CONSOLE, queryFn: () => api<ConsoleState>('GET', '/api/console') });
}
