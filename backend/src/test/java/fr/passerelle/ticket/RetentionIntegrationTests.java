package fr.passerelle.ticket;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing is kept for ever (issue 13, finding 10): a closed request's contact details go
 * after 30 days, its notes after a year, and what the statistics count stays. The clock
 * is moved forward, as the nights would.
 */
@IntegrationTest
class RetentionIntegrationTests {

	@Autowired
	HelpRequests requests;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketQueries ticketQueries;

	@Autowired
	Retention retention;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void erasesAClosedRequestsContactDetailsAfterThirtyDaysAndItsNotesAfterAYear() {
		long coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR).id();
		TicketView closed = this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "14000",
				TestPhones.randomMobile(), "Yvette", Set.of(TimeSlot.MORNING)));
		TicketView open = this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "TAXES", "14000",
				TestPhones.randomMobile(), "Marcel", Set.of()));
		this.tickets.addNote(closed.id(), coordinator, "Mme a des difficultés avec sa pension d'invalidité");
		this.tickets.cancel(closed.id(), coordinator, "DUPLICATE");

		this.clock.advance(Duration.ofDays(29));
		this.retention.apply();
		assertThat(contact(closed.id())).containsEntry("first_name", "Yvette");

		this.clock.advance(Duration.ofDays(2));
		Retention.Erased erased = this.retention.apply();

		assertThat(erased.contacts()).isPositive();
		Map<String, Object> after = contact(closed.id());
		assertThat(after.get("phone_cipher")).isNull();
		assertThat(after.get("phone_hash")).isNull();
		assertThat(after.get("first_name")).isNull();
		assertThat(after.get("preferred_slots")).isEqualTo("");
		assertThat(after).containsEntry("topic_code", "CAF").containsEntry("postcode", "14000");
		assertThat(this.ticketQueries.phoneToDial(closed.id())).isEmpty();
		assertThat(this.ticketQueries.find(closed.id()).orElseThrow().maskedPhone()).isNull();
		assertThat(this.ticketQueries.notes(closed.id())).as("notes are kept a year").hasSize(1);
		assertThat(contact(open.id())).as("an open request keeps its number").containsEntry("first_name", "Marcel");
		assertThat(this.ticketQueries.phoneToDial(open.id())).isPresent();
		assertThat(this.retention.apply().contacts()).as("erasing again changes nothing").isZero();

		this.clock.advance(Duration.ofDays(365));
		this.retention.apply();
		assertThat(this.ticketQueries.notes(closed.id())).isEmpty();
		assertThat(this.ticketQueries.find(closed.id())).as("the request itself stays, for the statistics").isPresent();
	}

	private Map<String, Object> contact(long ticketId) {
		return this.jdbc
			.sql("SELECT phone_cipher, phone_hash, first_name, preferred_slots, topic_code, postcode FROM ticket "
					+ "WHERE id = ?")
			.param(ticketId)
			.query()
			.singleRow();
	}

}
