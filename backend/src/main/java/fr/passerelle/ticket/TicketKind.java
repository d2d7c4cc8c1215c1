package fr.passerelle.ticket;

/**
 * Whether someone is waiting on the line or waits to be called back; live calls are
 * routed first and escalate within minutes, callbacks within hours.
 */
public enum TicketKind {

	LIVE_CALL, CALLBACK

}
