package fr.passerelle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mails the application sent to the tests' SMTP server
 * ({@link TestMailConfiguration}). They leave after the answer of the request that sent
 * them, one after the other.
 */
public final class TestMailbox {

	private TestMailbox() {
	}

	/**
	 * The e-mails received for this address, once there are at least that many (waiting
	 * up to 20 seconds).
	 */
	public static List<MimeMessage> to(GreenMail mail, String email, int atLeast) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		List<MimeMessage> to = received(mail, email);
		while (to.size() < atLeast && System.nanoTime() < deadline) {
			Thread.sleep(20);
			to = received(mail, email);
		}
		assertThat(to).as("e-mails to %s", email).hasSizeGreaterThanOrEqualTo(atLeast);
		return to;
	}

	private static List<MimeMessage> received(GreenMail mail, String email) throws Exception {
		List<MimeMessage> to = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			Address[] recipients = message.getAllRecipients();
			if (recipients != null && Arrays.stream(recipients).anyMatch((r) -> r.toString().equals(email))) {
				to.add(message);
			}
		}
		return to;
	}

}
