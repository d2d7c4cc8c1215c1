package fr.passerelle.ticket;

/**
 * How a request reached us.
 */
public enum TicketSource {

	/** A call to the hotline. */
	PHONE,
	/** The callback form of the citizen site. */
	WEB_FORM,
	/** Entered by a volunteer (e.g. a follow-up). */
	VOLUNTEER

}
