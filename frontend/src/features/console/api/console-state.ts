import { useQuery } from '@tanstack/react-query';

import { api } from '../../../lib/api-client';
import type { Presence } from '../../../lib/reference-data';
import type { Ticket, TicketKind } from '../../../lib/ticket';

export type { Ticket, TicketStatus } from '../../../lib/ticket';

export type FigureRow = {
  departement: string;
  topic: string;
  kind: TicketKind;
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
