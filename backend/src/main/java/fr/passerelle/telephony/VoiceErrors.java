package fr.passerelle.telephony;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Redirect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;

/**
 * Anything unexpected in a voice webhook: the person on the line hears an apology rather
 * than Twilio's "an application error has occurred". A caller in the phone menu when the
 * database stops answering goes on in the fallback's menu instead, which takes their
 * callback request without it ({@link FallbackSpool}). Before the API's error handler,
 * which answers people in JSON.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = { VoiceWebhooks.class, CallbackWebhooks.class, LiveWebhooks.class })
class VoiceErrors {

	private static final Logger log = LoggerFactory.getLogger(VoiceErrors.class);

	/** Twilio's fallback webhook: its menu needs no database. */
	static final String FALLBACK = "/telephony/voice/fallback";

	private final Voice voice;

	VoiceErrors(Voice voice) {
		this.voice = voice;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<String> failed(Exception ex, HandlerMethod handler) {
		if ((ex instanceof DataAccessException || ex instanceof TransactionException)
				&& handler.getBeanType() == VoiceWebhooks.class) {
			log.warn("The phone menu could not reach the database: the caller goes on in the fallback's menu ({})",
					ex.getClass().getSimpleName());
			return twiml(new VoiceResponse.Builder().redirect(new Redirect.Builder(FALLBACK).build()).build());
		}
		if (ex instanceof ServletRequestBindingException || ex instanceof TypeMismatchException
				|| ex instanceof IllegalArgumentException) {
			// parameters nobody but a forger or a broken proxy would send
			log.warn("A voice webhook was called with parameters it does not take: {}", ex.getClass().getSimpleName());
		}
		else {
			log.error("A voice webhook failed", ex);
		}
		return twiml(new VoiceResponse.Builder().say(this.voice.say("voice.error"))
			.hangup(new Hangup.Builder().build())
			.build());
	}

	private static ResponseEntity<String> twiml(VoiceResponse response) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(Voice.xml(response));
	}

}
