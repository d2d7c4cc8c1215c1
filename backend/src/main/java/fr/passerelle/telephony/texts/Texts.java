package fr.passerelle.telephony.texts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.passerelle.telephony.TelephonyMeters;
import fr.passerelle.telephony.TwilioHttp;
import fr.passerelle.platform.HotlineNumber;
import fr.passerelle.privacy.PhoneNumber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends text messages from the hotline's number, each at most once: the text is recorded
 * under its key, in a transaction of its own, before it is handed to Twilio. Whatever
 * happens next (a failed request, a crash, the same event handled again), a key already
 * recorded is never sent again: a citizen may miss a text, but never gets it twice.
 */
@Service
public class Texts {

	private static final Logger log = LoggerFactory.getLogger(Texts.class);

	private final TwilioRestClient twilio;

	private final HotlineNumber hotline;

	private final JdbcClient jdbc;

	private final TransactionTemplate own;

	private final Clock clock;

	private final TelephonyMeters meters;

	public Texts(TwilioRestClient twilio, HotlineNumber hotline, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock, TelephonyMeters meters) {
		this.meters = meters;
		this.twilio = twilio;
		this.hotline = hotline;
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Where a text recorded under this key stands: {@code SENDING}, {@code SENT} or
	 * {@code FAILED}.
	 */
	Optional<String> status(String key) {
		return this.jdbc.sql("SELECT status FROM sms_message WHERE dedup_key = ?")
			.param(key)
			.query(String.class)
			.optional();
	}

	/**
	 * @param key what makes this text unique ({@code CALLBACK_CONFIRMATION:42})
	 * @return whether it was handed to Twilio now (false: it had been already, or Twilio
	 * refused it)
	 */
	public boolean sendOnce(String key, String templateCode, Long ticketId, PhoneNumber to, String body) {
		Integer recorded = this.own.execute((status) -> this.jdbc.sql("""
				INSERT IGNORE INTO sms_message (dedup_key, template_code, ticket_id, body, status, created_at)
				VALUES (?, ?, ?, ?, 'SENDING', ?)""")
			.params(key, templateCode, ticketId, body, Timestamp.from(this.clock.instant()))
			.update());
		if (recorded == null || recorded == 0) {
			return false;
		}
		try {
			Message message = Message
				.creator(new com.twilio.type.PhoneNumber(to.e164()),
						new com.twilio.type.PhoneNumber(this.hotline.e164()), body)
				.create(this.twilio);
			this.own.executeWithoutResult((status) -> this.jdbc
				.sql("UPDATE sms_message SET status = 'SENT', twilio_sid = ?, sent_at = ? WHERE dedup_key = ?")
				.params(message.getSid(), Timestamp.from(this.clock.instant()), key)
				.update());
			this.meters.textSent();
			return true;
		}
		catch (TwilioException failed) {
			String error = TwilioHttp.describe(failed);
			log.warn("Text {} was not sent: {}", key, error);
			this.meters.textFailed();
			this.meters.twilioError("text");
			this.own.executeWithoutResult(
					(status) -> this.jdbc.sql("UPDATE sms_message SET status = 'FAILED', error = ? WHERE dedup_key = ?")
						.params(error, key)
						.update());
			return false;
		}
	}

}
