package fr.passerelle.ticket;

import java.util.Objects;
import java.util.Set;

import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.territory.PostcodeArea;
import fr.passerelle.topic.Topic;

/**
 * A request for help, its values already parsed where it arrived (the phone menu, the
 * callback form, the API; see {@link HelpRequests}): the ticket module trusts them.
 *
 * @param source how it reached us
 * @param kind a caller waiting on the line, or a callback
 * @param topic the theme chosen
 * @param area where the citizen lives: postcode, département, région
 * @param phone the number to call back; a caller waiting on the line may have none
 * @param firstName optional, already checked ({@link HelpRequests#firstName(String)})
 * @param slots preferred callback times, in the citizen's local time; empty means any
 * opening time
 * @param createdBy the volunteer who entered it, if any
 * @param practice made from a training phone: offered only to volunteers practising, and
 * counted in no figure
 */
public record HelpRequest(TicketSource source, TicketKind kind, Topic topic, PostcodeArea area, PhoneNumber phone,
		String firstName, Set<TimeSlot> slots, Long createdBy, boolean practice) {

	public HelpRequest {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(area, "area");
		if (kind == TicketKind.CALLBACK && phone == null) {
			throw new IllegalArgumentException("a callback needs a number to call");
		}
		slots = (slots != null) ? Set.copyOf(slots) : Set.of();
	}

	/** A request of the service (not practice). */
	public HelpRequest(TicketSource source, TicketKind kind, Topic topic, PostcodeArea area, PhoneNumber phone,
			String firstName, Set<TimeSlot> slots, Long createdBy) {
		this(source, kind, topic, area, phone, firstName, slots, createdBy, false);
	}

	/** The same request, made from a training phone. */
	public HelpRequest asPractice() {
		return new HelpRequest(this.source, this.kind, this.topic, this.area, this.phone, this.firstName, this.slots,
				this.createdBy, true);
	}

	public static HelpRequest callback(TicketSource source, Topic topic, PostcodeArea area, PhoneNumber phone,
			String firstName, Set<TimeSlot> slots) {
		return new HelpRequest(source, TicketKind.CALLBACK, topic, area, phone, firstName, slots, null);
	}

}
