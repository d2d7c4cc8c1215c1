package fr.passerelle.ticket;

import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;

/**
 * Which tickets a staff member may see: all of them (administrators, national
 * coordinators), those of one région (regional coordinators), or those they hold or have
 * worked on (volunteers).
 */
record TicketScope(String regionCode, Long volunteerId) {

	static TicketScope of(StaffAccount staff) {
		if (staff.role() == Role.VOLUNTEER) {
			return new TicketScope(null, staff.id());
		}
		if (staff.role() == Role.COORDINATOR && !staff.isNational()) {
			return new TicketScope(staff.regionCode(), null);
		}
		return new TicketScope(null, null);
	}

	boolean isVolunteer() {
		return this.volunteerId != null;
	}

}
