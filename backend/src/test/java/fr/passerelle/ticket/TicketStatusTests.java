package fr.passerelle.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static fr.passerelle.ticket.TicketStatus.ASSIGNED;
import static fr.passerelle.ticket.TicketStatus.CANCELLED;
import static fr.passerelle.ticket.TicketStatus.IN_CALL;
import static fr.passerelle.ticket.TicketStatus.NEW;
import static fr.passerelle.ticket.TicketStatus.OFFERED;
import static fr.passerelle.ticket.TicketStatus.QUEUED;
import static fr.passerelle.ticket.TicketStatus.REDIRECTED;
import static fr.passerelle.ticket.TicketStatus.RESOLVED;
import static fr.passerelle.ticket.TicketStatus.SCHEDULED;
import static fr.passerelle.ticket.TicketStatus.UNREACHABLE;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TicketStatusTests {

	/** DESIGN.md §6, written out independently of the implementation. */
	private static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = Map.ofEntries(
			entry(NEW, EnumSet.of(QUEUED, SCHEDULED, CANCELLED)),
			entry(QUEUED, EnumSet.of(OFFERED, ASSIGNED, SCHEDULED, CANCELLED)),
			entry(SCHEDULED, EnumSet.of(QUEUED, CANCELLED)), entry(OFFERED, EnumSet.of(ASSIGNED, QUEUED, CANCELLED)),
			entry(ASSIGNED, EnumSet.of(IN_CALL, QUEUED, SCHEDULED, RESOLVED, REDIRECTED, UNREACHABLE, CANCELLED)),
			entry(IN_CALL, EnumSet.of(ASSIGNED, SCHEDULED, RESOLVED, REDIRECTED, UNREACHABLE)),
			entry(RESOLVED, EnumSet.noneOf(TicketStatus.class)), entry(REDIRECTED, EnumSet.noneOf(TicketStatus.class)),
			entry(UNREACHABLE, EnumSet.noneOf(TicketStatus.class)),
			entry(CANCELLED, EnumSet.noneOf(TicketStatus.class)));

	@Test
	void allowsExactlyTheDesignedTransitions() {
		for (TicketStatus from : TicketStatus.values()) {
			for (TicketStatus to : TicketStatus.values()) {
				assertThat(from.canMoveTo(to)).as("%s → %s", from, to).isEqualTo(ALLOWED.get(from).contains(to));
			}
		}
	}

	@Test
	void refusesEveryOtherTransitionOnATicketWithAClearError() {
		for (TicketStatus from : TicketStatus.values()) {
			for (TicketStatus to : EnumSet.complementOf(EnumSet.copyOf(ALLOWED.get(from)))) {
				Ticket ticket = new Ticket();
				ticket.status = from;
				assertThatExceptionOfType(fr.passerelle.platform.RejectedRequest.class)
					.isThrownBy(() -> ticket.moveTo(to, java.time.Instant.EPOCH))
					.as("%s → %s", from, to)
					.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("ticket.transition.refused"));
				assertThat(ticket.status).isEqualTo(from);
			}
		}
	}

	@Test
	void closesOnlyFinalStates() {
		assertThat(EnumSet.allOf(TicketStatus.class).stream().filter(TicketStatus::isClosed))
			.containsExactlyInAnyOrder(RESOLVED, REDIRECTED, UNREACHABLE, CANCELLED);
		assertThat(EnumSet.allOf(TicketStatus.class).stream().filter(TicketStatus::isHeld))
			.containsExactlyInAnyOrder(ASSIGNED, IN_CALL);
	}

}
