package fr.passerelle.telephony;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Hangup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Anything unexpected in a voice webhook: the person on the line hears an apology rather
 * than Twilio's "an application error has occurred". Before the API's error handler,
 * which answers people in JSON.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = { VoiceWebhooks.class, CallbackWebhooks.class, LiveWebhooks.class })
class VoiceErrors {

	private static final Logger log = LoggerFactory.getLogger(VoiceErrors.class);

	private final Voice voice;

	VoiceErrors(Voice voice) {
		this.voice = voice;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<String> failed(Exception ex) {
		if (ex instanceof ServletRequestBindingException || ex instanceof TypeMismatchException
				|| ex instanceof IllegalArgumentException) {
			// parameters nobody but a forger or a broken proxy would send
			log.warn("A voice webhook was called with parameters it does not take: {}", ex.getClass().getSimpleName());
		}
		else {
			log.error("A voice webhook failed", ex);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_XML)
			.body(Voice.xml(new VoiceResponse.Builder().say(this.voice.say("voice.error"))
				.hangup(new Hangup.Builder().build())
				.build()));
	}

}
