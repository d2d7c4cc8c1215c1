package fr.passerelle.telephony;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.rest.api.v2010.account.CallUpdater;
import com.twilio.rest.api.v2010.account.queue.Member;
import com.twilio.rest.api.v2010.account.queue.MemberUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.passerelle.calendar.OpeningHours;
import fr.passerelle.platform.HotlineNumber;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.routing.Routing;
import fr.passerelle.routing.RoutingQueries;
import fr.passerelle.telephony.CallStore.Leg;
import fr.passerelle.territory.PostcodeArea;
import fr.passerelle.ticket.LiveCallAssigned;
import fr.passerelle.ticket.LiveCallOffered;
import fr.passerelle.ticket.TicketKind;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Volunteers;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live answering: whether a caller may wait on the line, ringing the volunteer that
 * routing offers a waiting call to, or who took it from the console (from the hotline's
 * number, so that their voicemail never takes it: they must press 1), and taking the
 * caller out of Twilio's queue to join the volunteer who accepted ({@link LiveWebhooks}).
 * Its listeners run outside any transaction: what they write, they write in short
 * transactions of their own, and no database connection waits on Twilio's answer.
 */
@Service
class LiveCalls {

	/** The Twilio queue callers wait in; routing, not Twilio, decides who is next. */
	static final String QUEUE = "passerelle";

	/** How long a volunteer's phone rings for an offer (less than routing's 30 s). */
	static final int RING_SECONDS = 20;

	private static final Logger log = LoggerFactory.getLogger(LiveCalls.class);

	private final Routing routing;

	private final RoutingQueries routingQueries;

	private final TicketQueries tickets;

	private final Volunteers volunteers;

	private final OpeningHours openingHours;

	private final TwilioRestClient twilio;

	private final TwilioSettings settings;

	private final HotlineNumber hotline;

	private final CallStore calls;

	private final TransactionTemplate own;

	private final Clock clock;

	private final int callersPerVolunteer;

	private final TelephonyMeters meters;

	LiveCalls(Routing routing, RoutingQueries routingQueries, TicketQueries tickets, Volunteers volunteers,
			OpeningHours openingHours, TwilioRestClient twilio, TwilioSettings settings, HotlineNumber hotline,
			CallStore calls, PlatformTransactionManager transactions, Clock clock, TelephonyProperties properties,
			TelephonyMeters meters) {
		this.meters = meters;
		this.routing = routing;
		this.routingQueries = routingQueries;
		this.tickets = tickets;
		this.volunteers = volunteers;
		this.openingHours = openingHours;
		this.twilio = twilio;
		this.settings = settings;
		this.hotline = hotline;
		this.calls = calls;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.callersPerVolunteer = properties.live().callersPerVolunteer();
	}

	/**
	 * Whether a caller with this theme and postcode waits on the line rather than leaves
	 * a callback request: the help desk is open, a volunteer who could take the call is
	 * available (routing offers live calls only to volunteers with a phone to ring), and
	 * the queue is not too long (fewer callers of the same région waiting than
	 * {@code callers-per-volunteer} for each such volunteer).
	 */
	boolean canWaitOnLine(String topicCode, PostcodeArea area) {
		return route(topicCode, area) == Route.QUEUE;
	}

	/** Where a caller goes, and why (kept with the call for the statistics). */
	Route route(String topicCode, PostcodeArea area) {
		if (!this.openingHours.isOpen(this.clock.instant())) {
			return Route.CLOSED;
		}
		int reachable = this.routingQueries
			.availableForLiveCall(topicCode, area.departement().code(), area.region().code(), "fr")
			.size();
		if (reachable == 0) {
			return Route.NO_VOLUNTEER;
		}
		return (this.tickets.waitingLiveCalls(area.region().code()) < reachable * this.callersPerVolunteer)
				? Route.QUEUE : Route.QUEUE_FULL;
	}

	/**
	 * Routing offered a request to a volunteer: for a caller waiting on the line, their
	 * phone rings, once per offer whatever redelivers it. A volunteer who cannot be rung
	 * declines at once, so that the call goes to the next one.
	 */
	@Async
	@TransactionalEventListener
	void on(LiveCallOffered offered) {
		ring(offered.ticketId(), offered.volunteerId());
	}

	void ring(long ticketId, long volunteerId) {
		Optional<TicketView> ticket = this.tickets.find(ticketId)
			.filter((t) -> t.kind() == TicketKind.LIVE_CALL && t.status() == TicketStatus.OFFERED
					&& Long.valueOf(volunteerId).equals(t.assigneeId()));
		if (ticket.isEmpty()) {
			return;
		}
		Optional<PhoneNumber> phone = this.volunteers.phoneToRing(volunteerId);
		if (phone.isEmpty()) {
			this.routing.decline(ticketId, volunteerId);
			return;
		}
		if (!Boolean.TRUE.equals(this.own.execute((status) -> this.calls.firstRing(ticketId, volunteerId)))) {
			return;
		}
		place(ticketId, volunteerId, phone.get(), () -> this.routing.decline(ticketId, volunteerId));
	}

	/**
	 * Rings the volunteer's phone for a live call; {@code otherwise} if Twilio cannot.
	 */
	private void place(long ticketId, long volunteerId, PhoneNumber phone, Runnable otherwise) {
		try {
			String sid = offerCall(this.settings.publicBaseUrl(), phone, this.hotline, ticketId, volunteerId)
				.create(this.twilio)
				.getSid();
			Instant now = this.clock.instant();
			this.own.executeWithoutResult((status) -> {
				this.calls.placed(sid, Leg.VOLUNTEER, ticketId, volunteerId, now);
				this.calls.rang(ticketId, volunteerId, sid);
			});
		}
		catch (TwilioException failed) {
			log.warn("The volunteer's phone could not be rung for ticket {}: {}", ticketId,
					TwilioHttp.describe(failed));
			this.meters.twilioError("live-call");
			otherwise.run();
		}
	}

	/**
	 * A live call was given to a volunteer other than by pressing 1 on the phone that
	 * rang them (they took it from the console): their phone rings to put them through,
	 * unless the call offering it is still ringing (answering it puts them through). A
	 * volunteer who cannot be rung hands it back to the queue.
	 */
	@Async
	@TransactionalEventListener
	void on(LiveCallAssigned assigned) {
		connect(assigned.ticketId(), assigned.volunteerId());
	}

	void connect(long ticketId, long volunteerId) {
		if (this.calls.waitingFor(ticketId).isEmpty() || this.calls.wasAcceptedOnPhone(ticketId, volunteerId)) {
			return;
		}
		boolean given = this.tickets.find(ticketId)
			.filter((t) -> t.kind() == TicketKind.LIVE_CALL && t.status() == TicketStatus.ASSIGNED
					&& Long.valueOf(volunteerId).equals(t.assigneeId()))
			.isPresent();
		Instant since = this.clock.instant().minus(Duration.ofMinutes(2));
		if (!given || this.calls.ringOf(ticketId, volunteerId)
			.filter((sid) -> this.calls.underWay(sid, since))
			.isPresent()) {
			return;
		}
		Optional<PhoneNumber> phone = this.volunteers.phoneToRing(volunteerId);
		if (phone.isEmpty()) {
			this.routing.release(ticketId, volunteerId);
			return;
		}
		this.own.executeWithoutResult((status) -> this.calls.firstRing(ticketId, volunteerId));
		place(ticketId, volunteerId, phone.get(), () -> this.routing.release(ticketId, volunteerId));
	}

	/**
	 * The volunteer accepted: the caller is taken out of the queue and joins them.
	 * @return false when the caller is no longer waiting (they hung up)
	 */
	boolean bringCaller(long ticketId, long volunteerId) {
		Optional<CallStore.Waiting> waiting = this.calls.waitingFor(ticketId);
		if (waiting.isEmpty()) {
			return false;
		}
		try {
			dequeue(this.settings.publicBaseUrl(), waiting.get(), ticketId, volunteerId).update(this.twilio);
			return true;
		}
		catch (TwilioException gone) {
			log.info("The caller of ticket {} could not be taken out of the queue: {}", ticketId,
					TwilioHttp.describe(gone));
			return false;
		}
	}

	/**
	 * The caller hung up: volunteers' phones still ringing for them stop.
	 */
	void stopRinging(long ticketId) {
		for (String sid : this.calls.ringingFor(ticketId)) {
			try {
				cancel(sid).update(this.twilio);
			}
			catch (TwilioException answeredMeanwhile) {
				// the volunteer hears that the caller hung up when they answer
			}
		}
	}

	/** The request that stops a call still ringing. */
	static CallUpdater cancel(String callSid) {
		return Call.updater(callSid).setStatus(Call.UpdateStatus.CANCELED);
	}

	/**
	 * The request that rings a volunteer's phone for an offer, from the hotline's number.
	 */
	static CallCreator offerCall(String publicBaseUrl, PhoneNumber volunteerPhone, HotlineNumber hotline, long ticketId,
			long volunteerId) {
		String offer = "?ticket=" + ticketId + "&volunteer=" + volunteerId;
		return Call
			.creator(new com.twilio.type.PhoneNumber(volunteerPhone.e164()),
					new com.twilio.type.PhoneNumber(hotline.e164()),
					URI.create(publicBaseUrl + "/telephony/voice/live/volunteer" + offer))
			.setMethod(HttpMethod.POST)
			.setStatusCallback(URI.create(publicBaseUrl + "/telephony/voice/live/volunteer/status" + offer))
			.setStatusCallbackMethod(HttpMethod.POST)
			.setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"))
			.setTimeout(RING_SECONDS);
	}

	/**
	 * The request that takes a caller out of Twilio's queue to the TwiML that puts them
	 * through.
	 */
	static MemberUpdater dequeue(String publicBaseUrl, CallStore.Waiting caller, long ticketId, long volunteerId) {
		return Member
			.updater(caller.queueSid(), caller.callSid(), URI.create(
					publicBaseUrl + "/telephony/voice/live/connect?ticket=" + ticketId + "&volunteer=" + volunteerId))
			.setMethod(HttpMethod.POST);
	}

	/**
	 * Where a caller goes once their theme and postcode are known: to the queue, or to a
	 * callback request because the help desk is closed, nobody who could take the call is
	 * available, or too many callers already wait.
	 */
	enum Route {

		QUEUE, CLOSED, NO_VOLUNTEER, QUEUE_FULL

	}

}
