package fr.passerelle.site;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import fr.passerelle.ticket.TimeSlot;

/**
 * The callback form as the citizen filled it in, kept as typed so that it can be shown
 * again with its errors.
 *
 * @param website a field hidden from people: only robots fill it in
 */
public record CallbackForm(String phone, String topic, String postcode, String firstName, Set<TimeSlot> slots,
		Boolean consent, String website) {

	static CallbackForm empty() {
		return new CallbackForm("", "", "", "", EnumSet.noneOf(TimeSlot.class), Boolean.FALSE, "");
	}

	public CallbackForm {
		// a time the binding could not read stays out (its error is in the binding)
		EnumSet<TimeSlot> known = EnumSet.noneOf(TimeSlot.class);
		if (slots != null) {
			slots.stream().filter(Objects::nonNull).forEach(known::add);
		}
		slots = known;
	}

	public boolean consented() {
		return Boolean.TRUE.equals(this.consent);
	}

	public boolean hasSlot(String slot) {
		return this.slots.stream().anyMatch((s) -> s.name().equals(slot));
	}

}
