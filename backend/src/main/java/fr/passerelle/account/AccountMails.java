package fr.passerelle.account;

import fr.passerelle.platform.PublicSite;
import fr.passerelle.platform.Mailer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The e-mails the account module sends to staff (reset links, invitations, sign-up
 * confirmations): worded from the message catalogue in the reader's language, with links
 * to the staff app at the public address. A failure to hand one over is logged with the
 * account's id only, never the address nor the text.
 */
@Component
class AccountMails {

	private static final Logger log = LoggerFactory.getLogger(AccountMails.class);

	private final Mailer mailer;

	private final MessageSource messages;

	private final String publicBaseUrl;

	AccountMails(Mailer mailer, MessageSource messages, PublicSite site) {
		this.mailer = mailer;
		this.messages = messages;
		this.publicBaseUrl = site.baseUrl();
	}

	/**
	 * The address of a page of the staff app ({@code login}), the token, if any, in its
	 * fragment (never sent to a server in a Referer or a log).
	 */
	String link(String page, String token) {
		String address = this.publicBaseUrl + "/app/" + page;
		return (token != null) ? address + "#" + token : address;
	}

	/**
	 * Sends the e-mail {@code mail.<kind>.subject} / {@code mail.<kind>.body}; false when
	 * it could not be handed over.
	 */
	boolean send(long accountId, String to, String kind, Object... bodyArguments) {
		try {
			this.mailer.send(to, message("mail." + kind + ".subject"),
					message("mail." + kind + ".body", bodyArguments));
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("The {} e-mail of account {} could not be sent ({})", kind, accountId,
					ex.getClass().getSimpleName());
			return false;
		}
	}

	String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
