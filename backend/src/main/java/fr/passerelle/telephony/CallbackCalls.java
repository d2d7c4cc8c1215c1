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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.HotlineNumber;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.telephony.CallStore.Leg;
import fr.passerelle.ticket.TicketKind;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Volunteers;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calling a citizen back: the platform calls the volunteer's registered phone first, from
 * the hotline's number; once they press 1 the citizen is dialled, again from the
 * hotline's number ({@link CallbackWebhooks}). Neither ever sees the other's number.
 */
@Service
class CallbackCalls {

	/** How long the volunteer's phone rings. */
	static final int RING_SECONDS = 30;

	/**
	 * A call with no news for this long is taken as over (its last status callback was
	 * lost): the volunteer may call again.
	 */
	private static final Duration LONGEST_CALL = Duration.ofHours(2);

	private static final Logger log = LoggerFactory.getLogger(CallbackCalls.class);

	private final TwilioRestClient twilio;

	private final TwilioSettings settings;

	private final HotlineNumber hotline;

	private final CallStore calls;

	private final TicketQueries tickets;

	private final Volunteers volunteers;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final TelephonyMeters meters;

	private final StaffCallPhones staffPhones;

	CallbackCalls(TwilioRestClient twilio, TwilioSettings settings, HotlineNumber hotline, CallStore calls,
			TicketQueries tickets, Volunteers volunteers, PlatformTransactionManager transactions, Clock clock,
			TelephonyMeters meters, StaffCallPhones staffPhones) {
		this.staffPhones = staffPhones;
		this.meters = meters;
		this.twilio = twilio;
		this.settings = settings;
		this.hotline = hotline;
		this.calls = calls;
		this.tickets = tickets;
		this.volunteers = volunteers;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * The volunteer clicks "appeler": their phone rings. Clicking again while that call
	 * is under way gives the same call.
	 * @throws RejectedRequest when they do not hold the request, have no registered
	 * phone, the citizen's number was erased, or Twilio refused the call
	 */
	PlacedCall callBack(long ticketId, StaffAccount volunteer) {
		TicketView ticket = this.tickets.read(ticketId, volunteer);
		if (!ticket.isHeldBy(volunteer.id())) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "telephony.callback.not-held");
		}
		if (ticket.kind() != TicketKind.CALLBACK) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "telephony.callback.not-a-callback");
		}
		// a coordinator who took the request is rung on the phone they registered
		PhoneNumber phone = this.volunteers.phoneToRing(volunteer.id())
			.or(() -> this.staffPhones.phoneToRing(volunteer.id()))
			.orElseThrow(() -> new RejectedRequest(HttpStatus.CONFLICT, "telephony.callback.no-volunteer-phone"));
		if (this.tickets.phoneToDial(ticketId).isEmpty()) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "telephony.callback.no-citizen-phone");
		}
		return this.transaction.execute((status) -> {
			Instant now = this.clock.instant();
			Optional<String> last = this.calls.lockCallbackLine(ticketId);
			if (last.isPresent() && this.calls.underWay(last.get(), now.minus(LONGEST_CALL))) {
				return new PlacedCall(last.get(), false);
			}
			String sid = place(phone, ticketId, volunteer.id());
			this.calls.placed(sid, Leg.VOLUNTEER, ticketId, volunteer.id(), now);
			this.calls.useCallbackLine(ticketId, sid);
			return new PlacedCall(sid, true);
		});
	}

	private String place(PhoneNumber phone, long ticketId, long volunteerId) {
		try {
			return volunteerCall(this.settings.publicBaseUrl(), phone, this.hotline, ticketId, volunteerId)
				.create(this.twilio)
				.getSid();
		}
		catch (TwilioException failed) {
			log.warn("The call to the volunteer for ticket {} was not placed: {}", ticketId,
					TwilioHttp.describe(failed));
			this.meters.twilioError("callback-call");
			throw new RejectedRequest(HttpStatus.BAD_GATEWAY, "telephony.call.failed");
		}
	}

	/**
	 * The request that rings the volunteer's phone from the hotline's number, and tells
	 * Twilio where to go when they answer and where to report how the call goes.
	 */
	static CallCreator volunteerCall(String publicBaseUrl, PhoneNumber volunteerPhone, HotlineNumber hotline,
			long ticketId, long volunteerId) {
		return Call
			.creator(new com.twilio.type.PhoneNumber(volunteerPhone.e164()),
					new com.twilio.type.PhoneNumber(hotline.e164()),
					URI.create(publicBaseUrl + CallbackWebhooks.volunteerAnswers(ticketId, volunteerId, 0)))
			.setMethod(HttpMethod.POST)
			.setStatusCallback(URI.create(publicBaseUrl + "/telephony/voice/status"))
			.setStatusCallbackMethod(HttpMethod.POST)
			.setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"))
			.setTimeout(RING_SECONDS);
	}

	/**
	 * @param placed whether this click placed it (false: it was under way already)
	 */
	record PlacedCall(String callSid, boolean placed) {
	}

}
