package fr.passerelle.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.IntegrationTest;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.calendar.OpeningHours;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditLog;
import fr.passerelle.privacy.Blocklist;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.territory.Territories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@IntegrationTest
class TicketManagementIntegrationTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Autowired
	HelpRequests requests;

	@Autowired
	TicketStore store;

	@Autowired
	TicketHistory history;

	@Autowired
	Territories territories;

	@Autowired
	PhoneVault vault;

	@Autowired
	OpeningHours openingHours;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TransactionTemplate transactions;

	/**
	 * Monday 1 March 2027, 10:30 in Paris: the help desk is open (a date to come, so no
	 * real-time job touches these tickets).
	 */
	final TestClock clock = new TestClock(paris("2027-03-01T10:30"));

	final List<Object> events = new CopyOnWriteArrayList<>();

	TicketManagement tickets;

	TicketQueries ticketQueries;

	@Autowired
	Blocklist blocklist;

	@Autowired
	AuditLog audit;

	long volunteer;

	long colleague;

	@BeforeEach
	void setUp() {
		CallbackPolicyProperties settings = new CallbackPolicyProperties(3, Duration.ofHours(2), Duration.ofDays(7));
		CallbackPolicy policy = new CallbackPolicy(() -> settings, this.openingHours);
		this.ticketQueries = new TicketQueries(this.store, this.history, this.vault, settings, this.audit);
		TicketChanges changes = new TicketChanges(this.store, this.history, this.events::add);
		TicketOpening opening = new TicketOpening(this.store, this.history, changes, this.ticketQueries, this.vault,
				policy, settings, this.clock, this.blocklist);
		this.tickets = new TicketManagement(this.store, this.history, this.territories, policy, this.clock,
				this.ticketQueries, changes, opening);
		this.volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER).id();
		this.colleague = TestAccounts.open(this.accounts, Role.VOLUNTEER).id();
	}

	@Test
	void opensACallbackRequestAndQueuesItWhileOpen() {
		TicketView ticket = open("06 12 34 56 78".replace("12 34 56 78", TestPhones.randomMobile().substring(2)), "CAF",
				"29200");

		assertThat(ticket.reference().value()).matches("[A-Z0-9]{3}-[A-Z0-9]{3}");
		assertThat(ticket.status()).isEqualTo(TicketStatus.QUEUED);
		assertThat(ticket.departementCode()).isEqualTo("29");
		assertThat(ticket.regionCode()).isEqualTo("53");
		assertThat(ticket.maskedPhone()).matches("06 •• •• •• \\d\\d");
		assertThat(ticket.waitingSince()).isEqualTo(this.clock.instant());
		assertThat(ticket.dueAt()).isEqualTo(this.clock.instant().plus(Duration.ofHours(24)));
		assertThat(this.events).hasAtLeastOneElementOfType(CallbackRequested.class)
			.hasAtLeastOneElementOfType(TicketQueued.class);
		assertThat(this.ticketQueries.timeline(ticket.id())).extracting(TimelineEntry::type)
			.containsExactly("CREATED", "QUEUED");
	}

	@Test
	void storesTheNumberEncryptedAndFindsItAgain() {
		String typed = TestPhones.randomMobile();
		TicketView ticket = open(typed, "HEALTH", "75011");

		byte[] stored = this.jdbc.sql("SELECT phone_cipher FROM ticket WHERE id = ?")
			.param(ticket.id())
			.query(byte[].class)
			.single();

		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(typed.substring(1));
		assertThat(this.ticketQueries.phoneToDial(ticket.id())).hasValue(PhoneNumber.parse(typed));
		assertThat(this.ticketQueries.findByReference(ticket.reference()))
			.hasValueSatisfying((found) -> assertThat(found.id()).isEqualTo(ticket.id()));
	}

	@Test
	void schedulesARequestMadeAtNightForTheFirstTimeTheCitizenCanBeCalled() {
		this.clock.set(paris("2027-03-01T21:15"));

		TicketView ticket = this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "TAXES", "69003",
				TestPhones.randomMobile(), null, Set.of(TimeSlot.AFTERNOON)));

		assertThat(ticket.status()).isEqualTo(TicketStatus.SCHEDULED);
		assertThat(ticket.nextAttemptAt()).isEqualTo(paris("2027-03-02T14:00"));

		this.clock.set(paris("2027-03-02T14:00"));
		Integer moved = this.transactions.execute((status) -> this.tickets.queueDueCallbacks(10_000));
		assertThat(moved).isPositive();
		TicketView queued = this.ticketQueries.find(ticket.id()).orElseThrow();
		assertThat(queued.status()).isEqualTo(TicketStatus.QUEUED);
		assertThat(queued.waitingSince()).as("keeps its place from the request").isEqualTo(ticket.createdAt());
	}

	/**
	 * Each value is parsed where the request arrives ({@link HelpRequests}), and each
	 * refusal names the field it was typed in; what opening itself refuses (a blocked
	 * number) names its field too.
	 */
	@Test
	void refusesBadInputNamingTheFieldAndWritesNothing() {
		long before = count();
		String blocked = TestPhones.randomMobile();
		this.blocklist.block(PhoneNumber.parse(blocked), "insults", this.volunteer);

		assertRefused(() -> open(TestPhones.randomMobile(), "ASTROLOGY", "75001"), "ticket.topic.unknown", "topic");
		assertRefused(() -> open(TestPhones.randomMobile(), "CAF", "99999"), "territory.postcode.unknown", "postcode");
		assertRefused(() -> open(TestPhones.randomMobile(), "CAF", "7500"), "territory.postcode.malformed", "postcode");
		assertRefused(() -> open("+44 20 7946 0958", "CAF", "75001"), "phone.foreign", "phone");
		assertRefused(() -> open("", "CAF", "75001"), "ticket.phone.required", "phone");
		assertRefused(
				() -> this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "75001",
						TestPhones.randomMobile(), "x".repeat(61), Set.of())),
				"ticket.first-name.invalid", "firstName");
		assertRefused(() -> open(blocked, "CAF", "75001"), "ticket.phone.blocked", "phone");

		assertThat(count()).isEqualTo(before);
	}

	@Test
	void treatsTheSameRequestMadeTwiceAsOne() {
		String phone = TestPhones.randomMobile();
		TicketView first = open(phone, "CAF", "13001");
		this.clock.advance(Duration.ofMinutes(2));

		TicketView again = open(phone.replaceFirst("^0", "+33"), "CAF", "13001");

		assertThat(again.id()).isEqualTo(first.id());
	}

	@Test
	void recognisesARepeatCallerAndPrioritisesOneStillWaiting() {
		String phone = TestPhones.randomMobile();
		TicketView first = open(phone, "CAF", "13001");
		this.clock.advance(Duration.ofDays(2));

		TicketView second = open(phone, "HOUSING", "13001");

		assertThat(second.earlierTicketId()).isEqualTo(first.id());
		assertThat(second.priority()).isEqualTo(1);
		assertThat(this.ticketQueries.earlierRequests(second.id())).extracting(TicketView::id)
			.containsExactly(first.id());
		assertThat(this.ticketQueries.timeline(second.id())).extracting(TimelineEntry::type)
			.contains("LINKED_TO_EARLIER");
	}

	@Test
	void forgetsACallerAfterSevenDays() {
		String phone = TestPhones.randomMobile();
		TicketView first = open(phone, "CAF", "13001");
		assign(first);
		this.tickets.recordOutcome(first.id(), this.volunteer, resolved());
		this.clock.advance(Duration.ofDays(8));

		TicketView later = open(phone, "CAF", "13001");

		assertThat(later.earlierTicketId()).isNull();
		assertThat(later.priority()).isZero();
	}

	@Test
	void walksAnOfferThroughAcceptanceCallAndResolution() {
		TicketView ticket = open(TestPhones.randomMobile(), "IDENTITY", "35000");

		this.tickets.offer(ticket.id(), this.volunteer, this.clock.instant().plusSeconds(120));
		this.tickets.assign(ticket.id(), this.volunteer);
		this.tickets.assign(ticket.id(), this.volunteer);
		this.tickets.startCall(ticket.id(), this.volunteer);
		TicketView resolved = this.tickets.recordOutcome(ticket.id(), this.volunteer, resolved());
		TicketView again = this.tickets.recordOutcome(ticket.id(), this.volunteer, resolved());

		assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
		assertThat(resolved.closedAt()).isEqualTo(this.clock.instant());
		assertThat(again.status()).isEqualTo(TicketStatus.RESOLVED);
		assertThat(this.ticketQueries.outcome(ticket.id())).hasValue(resolved());
		assertThat(this.ticketQueries.timeline(ticket.id())).extracting(TimelineEntry::type)
			.containsExactly("CREATED", "QUEUED", "OFFERED", "ASSIGNED", "CALL_STARTED", "OUTCOME_RECORDED",
					"RESOLVED");
		assertThat(this.events.stream().filter(TicketAssigned.class::isInstance)).hasSize(1);
		assertThat(this.events).hasAtLeastOneElementOfType(TicketResolved.class)
			.hasAtLeastOneElementOfType(TicketClosed.class);
	}

	@Test
	void givesUpAfterThreeFailedCallbacksAndSaysSo() {
		TicketView ticket = open(TestPhones.randomMobile(), "RETIREMENT", "59000");

		assign(ticket);
		TicketView first = this.tickets.callbackFailed(ticket.id(), this.volunteer, "NO_ANSWER", 1);
		assertThat(this.tickets.callbackFailed(ticket.id(), this.volunteer, "NO_ANSWER", 1)).as("reported twice")
			.isEqualTo(first);
		assertThat(first.status()).isEqualTo(TicketStatus.SCHEDULED);
		assertThat(first.nextAttemptAt()).isEqualTo(paris("2027-03-01T12:30"));

		this.clock.set(first.nextAttemptAt());
		this.transactions.execute((status) -> this.tickets.queueDueCallbacks(10_000));
		assertThat(this.ticketQueries.find(ticket.id()).orElseThrow().waitingSince()).isEqualTo(first.nextAttemptAt());
		assign(ticket);
		TicketView second = this.tickets.callbackFailed(ticket.id(), this.volunteer, "BUSY", 2);
		assertThat(second.nextAttemptAt()).isEqualTo(paris("2027-03-02T09:00"));

		this.clock.set(second.nextAttemptAt());
		this.transactions.execute((status) -> this.tickets.queueDueCallbacks(10_000));
		assign(ticket);
		TicketView last = this.tickets.callbackFailed(ticket.id(), this.volunteer, "NO_ANSWER", 3);

		assertThat(last.status()).isEqualTo(TicketStatus.UNREACHABLE);
		assertThat(last.attempts()).isEqualTo(3);
		assertThat(this.events.stream().filter(CallbackAttemptFailed.class::isInstance)).hasSize(3);
		assertThat(this.events).contains(new TicketUnreachable(ticket.id(), ticket.reference()));
	}

	@Test
	void refusesAnImpossibleTransitionWithAClearError() {
		TicketView ticket = open(TestPhones.randomMobile(), "CAF", "75001");
		assign(ticket);
		this.tickets.recordOutcome(ticket.id(), this.volunteer, resolved());

		assertThatExceptionOfType(RejectedRequest.class)
			.isThrownBy(() -> this.tickets.offer(ticket.id(), this.colleague, this.clock.instant()))
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("ticket.transition.refused"));
		assertThat(this.ticketQueries.find(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
	}

	@Test
	void letsOnlyTheHolderWorkOnATicket() {
		TicketView ticket = open(TestPhones.randomMobile(), "CAF", "75001");
		this.tickets.offer(ticket.id(), this.volunteer, this.clock.instant().plusSeconds(30));

		assertRejected(() -> this.tickets.assign(ticket.id(), this.colleague), "ticket.offer.not-yours");
		this.tickets.assign(ticket.id(), this.volunteer);
		assertRejected(() -> this.tickets.startCall(ticket.id(), this.colleague), "ticket.not-found");
		assertRejected(() -> this.tickets.recordOutcome(ticket.id(), this.colleague, resolved()), "ticket.not-found");
		assertRejected(() -> this.tickets.returnToQueue(ticket.id(), this.colleague, "RELEASED"), "ticket.not-found");
	}

	@Test
	void returnsADeclinedOfferToTheQueueInItsPlace() {
		TicketView ticket = open(TestPhones.randomMobile(), "CAF", "75001");
		this.tickets.offer(ticket.id(), this.volunteer, this.clock.instant().plusSeconds(30));
		this.clock.advance(Duration.ofMinutes(1));

		TicketView back = this.tickets.returnToQueue(ticket.id(), this.volunteer, "OFFER_DECLINED");
		TicketView again = this.tickets.returnToQueue(ticket.id(), this.volunteer, "OFFER_DECLINED");

		assertThat(back.status()).isEqualTo(TicketStatus.QUEUED);
		assertThat(back.assigneeId()).isNull();
		assertThat(back.waitingSince()).isEqualTo(ticket.waitingSince());
		assertThat(again).isEqualTo(back);
	}

	@Test
	void keepsNotesAsTheTextTheyAre() {
		TicketView ticket = open(TestPhones.randomMobile(), "CAF", "75001");
		String html = "<script>alert('x')</script> Mme a besoin d'aide pour <b>Ameli</b>";

		this.tickets.addNote(ticket.id(), this.volunteer, html);

		assertThat(this.ticketQueries.notes(ticket.id())).extracting(Note::body).containsExactly(html);
		assertRejected(() -> this.tickets.addNote(ticket.id(), this.volunteer, "  "), "ticket.note.empty");
		assertRejected(() -> this.tickets.addNote(ticket.id(), this.volunteer, "x".repeat(4001)),
				"ticket.note.too-long");
	}

	@Test
	void schedulesTheNextRoundWhenTheCitizenMustComeBack() {
		TicketView ticket = open(TestPhones.randomMobile(), "CAF", "75001");
		assign(ticket);

		TicketView next = this.tickets.recordOutcome(ticket.id(), this.volunteer,
				new Outcome(Outcome.SupportType.ADMINISTRATIVE_PROCEDURE, 30,
						Set.of(Outcome.ProcedureTheme.SOCIAL_HEALTH), Set.of(), Set.of(Outcome.Equipment.PHONE),
						Outcome.Autonomy.FULLY_SUPPORTED, Outcome.Completion.MUST_COME_BACK, null));

		assertThat(next.status()).isEqualTo(TicketStatus.SCHEDULED);
		assertThat(next.nextAttemptAt()).isEqualTo(paris("2027-03-02T09:00"));
		assertThat(next.assigneeId()).isNull();
	}

	private TicketView open(String phone, String topic, String postcode) {
		return this.tickets
			.open(this.requests.callback(TicketSource.WEB_FORM, topic, postcode, phone, "Yvette", Set.of()));
	}

	private void assign(TicketView ticket) {
		this.tickets.assign(ticket.id(), this.volunteer);
	}

	private static Outcome resolved() {
		return new Outcome(Outcome.SupportType.ADMINISTRATIVE_PROCEDURE, 25,
				Set.of(Outcome.ProcedureTheme.SOCIAL_HEALTH), Set.of(Outcome.SupportTheme.BROWSING),
				Set.of(Outcome.Equipment.COMPUTER), Outcome.Autonomy.TOOK_PART, Outcome.Completion.COMPLETED, null);
	}

	private long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM ticket").query(Long.class).single();
	}

	private static void assertRefused(Runnable action, String code, String field) {
		assertThatExceptionOfType(RejectedRequest.class).isThrownBy(action::run).satisfies((ex) -> {
			assertThat(ex.messageCode()).isEqualTo(code);
			assertThat(ex.field()).isEqualTo(field);
		});
	}

	private static void assertRejected(Runnable action, String code) {
		assertThatExceptionOfType(RejectedRequest.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo(code));
	}

	private static Instant paris(String local) {
		return LocalDateTime.parse(local).atZone(PARIS).toInstant();
	}

}
