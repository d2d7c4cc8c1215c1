package fr.passerelle.platform;

/**
 * Sends an e-mail to a staff member (a password reset link, an invitation). Through the
 * SMTP server that {@code spring.mail.host} names; without one (the demonstration, a
 * developer's machine), into files of {@code passerelle.mail.outbox} that only the
 * application's user may read. Neither the address nor the text is ever logged: both may
 * carry a link that opens an account. Over SMTP, sending happens after this call returns:
 * a failure then reaches the operator's log only.
 */
public interface Mailer {

	void send(String to, String subject, String text);

}
