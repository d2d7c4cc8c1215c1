package fr.passerelle.telephony.texts;

import java.util.Map;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.messaging.Message;
import fr.passerelle.telephony.WebhookTokens;
import fr.passerelle.platform.HotlineNumber;
import fr.passerelle.platform.RateLimits;
import fr.passerelle.platform.RateLimits.Limit;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.Blocklist;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Texts sent to the hotline's number. Nobody reads them: the sender is told, once per
 * text, how to get help. Neither the text nor the number is kept.
 */
@RestController
class SmsWebhooks {

	private final SmsTemplates templates;

	private final HotlineNumber hotline;

	/** Automatic replies one number gets, per hour and per day. */
	static final Limit REPLIES_PER_NUMBER = new Limit(1, 3);

	private final WebhookTokens tokens;

	private final Blocklist blocklist;

	private final RateLimits limits;

	private final PhoneVault vault;

	SmsWebhooks(SmsTemplates templates, HotlineNumber hotline, WebhookTokens tokens, Blocklist blocklist,
			RateLimits limits, PhoneVault vault) {
		this.blocklist = blocklist;
		this.limits = limits;
		this.vault = vault;
		this.templates = templates;
		this.hotline = hotline;
		this.tokens = tokens;
	}

	@PostMapping(path = "/telephony/sms/incoming", produces = MediaType.APPLICATION_XML_VALUE)
	String incoming(@RequestHeader(name = WebhookTokens.HEADER, required = false) String token,
			@RequestParam(name = "From", defaultValue = "") String from) throws TwiMLException {
		MessagingResponse.Builder response = new MessagingResponse.Builder();
		if (this.tokens.firstDelivery(token) && mayAnswer(from)) {
			String reply = this.templates.render(SmsTemplates.INBOUND_REPLY,
					Map.of("hotline", this.hotline.display().replace('\u00a0', ' ')));
			response.message(new Message.Builder(reply).build());
		}
		return response.build().toXml();
	}

	/**
	 * A blocked number gets no answer, nor does one that already got its replies, nor a
	 * sender we could not text anyway.
	 */
	private boolean mayAnswer(String from) {
		PhoneNumber sender;
		try {
			sender = PhoneNumber.parse(from);
		}
		catch (RejectedRequest unusable) {
			return false;
		}
		return !this.blocklist.isBlocked(sender)
				&& this.limits.allows("text-inbound-reply", this.vault.lookupHash(sender), REPLIES_PER_NUMBER);
	}

}
