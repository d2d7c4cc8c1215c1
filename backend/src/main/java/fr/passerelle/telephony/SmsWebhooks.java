package fr.passerelle.telephony;

import java.util.Map;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.messaging.Message;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Texts sent to the hotline's number. Nobody reads them: the sender is told, once per
 * text, how to get help. Neither the text nor the number is kept.
 */
@RestController
class SmsWebhooks {

	private final SmsTemplates templates;

	private final HotlineNumber hotline;

	private final WebhookTokens tokens;

	SmsWebhooks(SmsTemplates templates, HotlineNumber hotline, WebhookTokens tokens) {
		this.templates = templates;
		this.hotline = hotline;
		this.tokens = tokens;
	}

	@PostMapping(path = "/telephony/sms/incoming", produces = MediaType.APPLICATION_XML_VALUE)
	String incoming(@RequestHeader(name = WebhookTokens.HEADER, required = false) String token) throws TwiMLException {
		MessagingResponse.Builder response = new MessagingResponse.Builder();
		if (this.tokens.firstDelivery(token)) {
			String reply = this.templates.render(SmsTemplates.INBOUND_REPLY,
					Map.of("hotline", this.hotline.display().replace('\u00a0', ' ')));
			response.message(new Message.Builder(reply).build());
		}
		return response.build().toXml();
	}

}
