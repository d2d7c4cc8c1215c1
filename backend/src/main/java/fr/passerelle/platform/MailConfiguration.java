package fr.passerelle.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The {@link Mailer}: SMTP when a mail sender is configured, files otherwise.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

	@Bean
	Mailer mailer(ObjectProvider<JavaMailSender> sender, MailProperties properties, Clock clock) {
		String from = properties.from();
		Path outbox = properties.outbox();
		JavaMailSender smtp = sender.getIfAvailable();
		if (smtp != null) {
			return new SmtpMailer(smtp, from);
		}
		log.info("No SMTP server configured (spring.mail.host): e-mails are written to {}", outbox.toAbsolutePath());
		return (to, subject, text) -> write(outbox, clock, "From: " + from + "\nTo: " + to + "\nSubject: " + subject
				+ "\nContent-Type: text/plain; charset=UTF-8\n\n" + text + "\n");
	}

	/**
	 * Hands each e-mail to the SMTP server from a thread of its own, in the order given:
	 * how long the server takes never shows in the answer of the request that sent it
	 * (which would tell a password reset for an existing account from one for an unknown
	 * address). At most {@link #QUEUE} e-mails wait; past that one is refused at once.
	 */
	static final class SmtpMailer implements Mailer, DisposableBean {

		static final int QUEUE = 500;

		private final JavaMailSender smtp;

		private final String from;

		private final ThreadPoolExecutor sending = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(QUEUE), (task) -> {
					Thread thread = new Thread(task, "mail-sender");
					thread.setDaemon(true);
					return thread;
				});

		SmtpMailer(JavaMailSender smtp, String from) {
			this.smtp = smtp;
			this.from = from;
		}

		@Override
		public void send(String to, String subject, String text) {
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(this.from);
			message.setTo(to);
			message.setSubject(subject);
			message.setText(text);
			this.sending.execute(() -> {
				try {
					this.smtp.send(message);
				}
				catch (RuntimeException ex) {
					// neither the address nor the text: the message of a mail exception
					// may quote both
					log.warn("An e-mail could not be handed to the SMTP server ({})", ex.getClass().getSimpleName());
				}
			});
		}

		@Override
		public void destroy() throws InterruptedException {
			this.sending.shutdown();
			this.sending.awaitTermination(10, TimeUnit.SECONDS);
		}

	}

	private static void write(Path outbox, Clock clock, String mail) {
		try {
			Files.createDirectories(outbox);
			String name = DateTimeFormatter.ISO_INSTANT.format(clock.instant()).replace(':', '-') + "-"
					+ UUID.randomUUID().toString().substring(0, 8) + ".eml";
			Path file = Files.createFile(outbox.resolve(name),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, mail, StandardCharsets.UTF_8);
			log.info("An e-mail was written to {}", file.toAbsolutePath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Outgoing e-mail ({@code passerelle.mail.*}).
	 *
	 * @param from the sender of every e-mail
	 * @param outbox where e-mails are written as files when no SMTP server is configured
	 */
	@ConfigurationProperties("passerelle.mail")
	record MailProperties(@DefaultValue("Passerelle <ne-pas-repondre@passerelle.local>") String from,
			@DefaultValue("data/mail") Path outbox) {
	}

}
