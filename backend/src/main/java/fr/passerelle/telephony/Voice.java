package fr.passerelle.telephony;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Say;
import com.twilio.twiml.voice.SsmlProsody;

import fr.passerelle.calendar.OpeningHours;
import fr.passerelle.territory.Departement;
import fr.passerelle.territory.Territories;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the hotline says, and how: every sentence from the message catalogue, in French,
 * with a French neural voice slowed down a little; digits and references spelled out one
 * by one.
 */
@Component
public class Voice {

	static final Locale LOCALE = Locale.FRENCH;

	/** Times a step is played to a silent caller. */
	static final int PLAYS = 3;

	private static final String RATE = "90%";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", LOCALE);

	private final MessageSource messages;

	private final Territories territories;

	private final OpeningHours openingHours;

	Voice(MessageSource messages, Territories territories, OpeningHours openingHours) {
		this.messages = messages;
		this.territories = territories;
		this.openingHours = openingHours;
	}

	/** A sentence of the catalogue ({@code voice.*}), said. */
	Say say(String code, Object... arguments) {
		return sayText(text(code, arguments));
	}

	Say sayText(String text) {
		return new Say.Builder().language(Say.Language.FR_FR)
			.voice(Say.Voice.POLLY_LEA_NEURAL)
			.prosody(new SsmlProsody.Builder(text).rate(RATE).build())
			.build();
	}

	public String text(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, LOCALE);
	}

	/**
	 * Waits for keys: {@code digits} of them, or fewer ended by {@code #}; silence posts
	 * to {@code action} too, with no digits.
	 */
	static Gather.Builder keys(int digits, int timeoutSeconds, String action) {
		return new Gather.Builder().inputs(Gather.Input.DTMF)
			.numDigits(digits)
			.timeout(timeoutSeconds)
			.finishOnKey("#")
			.language(Gather.Language.FR_FR)
			.actionOnEmptyResult(true)
			.action(action);
	}

	/** {@code 75001} → {@code 7, 5, 0, 0, 1}: one digit or letter at a time. */
	static String spelled(String characters) {
		return characters.chars()
			.filter(Character::isLetterOrDigit)
			.mapToObj((c) -> String.valueOf((char) c))
			.collect(Collectors.joining(", "));
	}

	/**
	 * A moment as a caller would say it, in their own time zone: "aujourd'hui à 14 h 30",
	 * "demain à 9 h", "lundi 2 mars à 9 h".
	 */
	String moment(Instant instant, Instant now, ZoneId zone) {
		ZonedDateTime at = instant.atZone(zone);
		LocalDate today = now.atZone(zone).toLocalDate();
		String day = at.toLocalDate().equals(today) ? text("voice.day.today")
				: at.toLocalDate().equals(today.plusDays(1)) ? text("voice.day.tomorrow") : DAY.format(at);
		String time = (at.getMinute() == 0) ? text("voice.time.hour", at.getHour())
				: text("voice.time.hour-minute", at.getHour(), at.getMinute());
		return day + " " + time;
	}

	/**
	 * When a volunteer will first call back, if not as soon as possible: the moment, in
	 * the citizen's own time zone, as {@link #moment} says it.
	 */
	public Optional<String> firstCallLater(TicketView ticket, Instant now) {
		if (ticket.status() != TicketStatus.SCHEDULED || ticket.nextAttemptAt() == null
				|| !ticket.nextAttemptAt().isAfter(now)) {
			return Optional.empty();
		}
		ZoneId zone = this.territories.departement(ticket.departementCode())
			.map(Departement::timeZone)
			.orElse(this.openingHours.zone());
		return Optional.of(moment(ticket.nextAttemptAt(), now, zone));
	}

	static String xml(VoiceResponse response) {
		try {
			return response.toXml();
		}
		catch (TwiMLException ex) {
			throw new IllegalStateException("TwiML could not be written", ex);
		}
	}

	/** The caller joins the queue (told first when they are served first). */
	String enqueue(TicketView ticket) {
		VoiceResponse.Builder response = new VoiceResponse.Builder().say(say("voice.live.queued"));
		if (ticket.earlierTicketId() != null && ticket.priority() > 0) {
			response.say(say("voice.live.priority"));
		}
		return xml(response
			.enqueue(new com.twilio.twiml.voice.Enqueue.Builder(LiveCalls.QUEUE)
				.waitUrl("/telephony/voice/live/hold?ticket=" + ticket.id())
				.waitUrlMethod(com.twilio.http.HttpMethod.POST)
				.action("/telephony/voice/live/left?ticket=" + ticket.id())
				.method(com.twilio.http.HttpMethod.POST)
				.build())
			.build());
	}

	/**
	 * A number typed on the keypad or sent by Twilio, or {@code null} when it is none.
	 */
	static Integer number(String digits) {
		return (digits != null && digits.matches("\\d{1,9}")) ? Integer.valueOf(digits) : null;
	}

}
