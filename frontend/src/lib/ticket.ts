/** Where a request for help stands (the backend's `TicketStatus`). */
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

/** A caller waiting on the line, or a callback. */
export type TicketKind = 'LIVE_CALL' | 'CALLBACK';

/** A request as the staff see it (the backend's `TicketView`): never the full phone number, only its masked form. */
export type Ticket = {
  id: number;
  reference: string;
  kind: TicketKind;
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
