package fr.passerelle.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import fr.passerelle.platform.RateLimits;
import fr.passerelle.platform.RateLimits.Limit;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.territory.PostcodeArea;
import fr.passerelle.ticket.HelpRequest;
import fr.passerelle.topic.Topic;
import fr.passerelle.ticket.TicketKind;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a caller asks for on the phone becomes a request, once per call whatever Twilio
 * retries.
 */
@Service
class InboundCalls {

	private final CallStore calls;

	private final TicketManagement tickets;

	private final TicketQueries ticketQueries;

	private final Clock clock;

	/** Requests one number may make by phone, per hour and per day. */
	static final Limit PER_NUMBER = new Limit(5, 10);

	private final TransactionTemplate transaction;

	private final PracticeCalls practiceCalls;

	private final RateLimits limits;

	private final PhoneVault vault;

	private final TelephonyMeters meters;

	InboundCalls(CallStore calls, TicketManagement tickets, TicketQueries ticketQueries, Clock clock,
			PlatformTransactionManager transactions, PracticeCalls practiceCalls, RateLimits limits, PhoneVault vault,
			TelephonyMeters meters) {
		this.meters = meters;
		this.practiceCalls = practiceCalls;
		this.limits = limits;
		this.vault = vault;
		this.calls = calls;
		this.tickets = tickets;
		this.ticketQueries = ticketQueries;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	void answered(String callSid) {
		this.calls.inbound(callSid, this.clock.instant());
	}

	/**
	 * @param parentCallSid the call a dialled leg was dialled from, or {@code null}
	 * @param leg whose phone a dialled leg reaches, or {@code null}
	 */
	void statusChanged(String callSid, String parentCallSid, CallStore.Leg leg, CallStatus status, Integer sequence,
			Integer durationSeconds) {
		Instant now = this.clock.instant();
		if (parentCallSid != null && leg != null) {
			this.calls.dialled(callSid, parentCallSid, leg, now);
		}
		boolean changed = this.calls.recordStatus(callSid, status, sequence, durationSeconds, now);
		if (status.ended()) {
			this.practiceCalls.ended(callSid);
			if (changed) {
				this.calls.endedCaller(callSid).ifPresent(this.meters::callEnded);
			}
		}
	}

	/**
	 * The caller asks to be called back on the number they call from. A webhook delivered
	 * twice, or a caller confirming twice, gets the same request.
	 * @throws fr.passerelle.platform.RejectedRequest when the number is blocked or past
	 * its limit, and nothing is recorded
	 */
	TicketView requestCallback(String callSid, PhoneNumber from, Topic topic, PostcodeArea area) {
		return requestCallback(callSid, from, topic, area, null);
	}

	/**
	 * Like {@link #requestCallback(String, PhoneNumber, Topic, PostcodeArea)}, saying why
	 * the caller did not wait on the line.
	 */
	TicketView requestCallback(String callSid, PhoneNumber from, Topic topic, PostcodeArea area, LiveCalls.Route why) {
		return open(callSid,
				new HelpRequest(TicketSource.PHONE, TicketKind.CALLBACK, topic, area, from, null, Set.of(), null), why);
	}

	/**
	 * The caller waits on the line for a volunteer: a live call joins the queue.
	 * Delivered twice, it is the same request; a caller who asked for the same help a
	 * moment ago gets that earlier request (which may be a callback).
	 */
	TicketView waitOnLine(String callSid, PhoneNumber from, Topic topic, PostcodeArea area) {
		TicketView ticket = open(callSid,
				new HelpRequest(TicketSource.PHONE, TicketKind.LIVE_CALL, topic, area, from, null, Set.of(), null),
				LiveCalls.Route.QUEUE);
		if (ticket.kind() == TicketKind.LIVE_CALL) {
			this.calls.queued(callSid, this.clock.instant());
		}
		return ticket;
	}

	/**
	 * The call is recorded first, on its own: deliveries that arrive together then queue
	 * on its row lock, and the first one's request is the others' answer.
	 */
	private TicketView open(String callSid, HelpRequest request, LiveCalls.Route route) {
		this.calls.inbound(callSid, this.clock.instant());
		if (this.calls.ticketOf(callSid).isEmpty()) {
			// a webhook delivered again is not one more request
			this.limits.require("phone-request-number", this.vault.lookupHash(request.phone()), PER_NUMBER);
		}
		return this.transaction.execute((status) -> {
			Optional<Long> earlier = this.calls.lockTicketOf(callSid);
			if (earlier.isPresent()) {
				return this.ticketQueries.find(earlier.get()).orElseThrow();
			}
			// a call from a training phone: never counted, nor offered to volunteers who
			// are
			// not practising
			TicketView ticket = this.tickets
				.open(this.practiceCalls.isPractice(callSid) ? request.asPractice() : request);
			this.calls.attach(callSid, request.topic().code(), ticket.postcode(), ticket.id(), route);
			return ticket;
		});
	}

}
