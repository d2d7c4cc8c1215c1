package fr.passerelle.ticket;

import java.util.Set;

/**
 * A request for help as it arrives, before validation: what a caller keyed in, what a
 * citizen typed in the form, or what a volunteer entered.
 *
 * @param source how it reached us
 * @param kind a caller waiting on the line, or a callback
 * @param topicCode the theme chosen ({@code CAF}…)
 * @param postcode as typed
 * @param phone as typed or as given by the phone network
 * @param firstName optional
 * @param slots preferred callback times, in the citizen's local time; empty means any
 * opening time
 * @param createdBy the volunteer who entered it, if any
 * @param practice made from a training phone: offered only to volunteers practising, and
 * counted in no figure
 */
public record HelpRequest(TicketSource source, TicketKind kind, String topicCode, String postcode, String phone,
		String firstName, Set<TimeSlot> slots, Long createdBy, boolean practice) {

	/** A request of the service (not practice). */
	public HelpRequest(TicketSource source, TicketKind kind, String topicCode, String postcode, String phone,
			String firstName, Set<TimeSlot> slots, Long createdBy) {
		this(source, kind, topicCode, postcode, phone, firstName, slots, createdBy, false);
	}

	/** The same request, made from a training phone. */
	public HelpRequest asPractice() {
		return new HelpRequest(this.source, this.kind, this.topicCode, this.postcode, this.phone, this.firstName,
				this.slots, this.createdBy, true);
	}

	public static HelpRequest callback(TicketSource source, String topicCode, String postcode, String phone,
			String firstName, Set<TimeSlot> slots) {
		return new HelpRequest(source, TicketKind.CALLBACK, topicCode, postcode, phone, firstName, slots, null);
	}

}
