package fr.passerelle.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an SMTP server (the demonstration, a developer's machine), e-mails are written
 * as files only the application's user may read.
 */
class MailOutboxTests {

	@TempDir
	Path outbox;

	@Test
	void writesEachEMailToAFileOnlyItsOwnerReads() throws Exception {
		Mailer mailer = new MailConfiguration().mailer(
				new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class),
				new MailConfiguration.MailProperties("Passerelle <ne-pas-repondre@passerelle.local>",
						this.outbox.resolve("mail")),
				Clock.fixed(Instant.parse("2027-03-01T09:30:00Z"), ZoneOffset.UTC));

		mailer.send("nadia@example.org", "Passerelle : choisir un nouveau mot de passe", "Bonjour Nadia,\n\nLe lien");
		mailer.send("nadia@example.org", "Encore", "Un second");

		List<Path> files;
		try (var listed = Files.list(this.outbox.resolve("mail"))) {
			files = listed.sorted().toList();
		}
		assertThat(files).hasSize(2).allSatisfy((file) -> {
			assertThat(file.getFileName().toString()).startsWith("2027-03-01T09-30-00Z-").endsWith(".eml");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		});
		assertThat(files.stream().map(MailOutboxTests::read))
			.anySatisfy((mail) -> assertThat(mail).contains("To: nadia@example.org\n")
				.contains("Subject: Passerelle : choisir un nouveau mot de passe\n")
				.contains("Content-Type: text/plain; charset=UTF-8\n\nBonjour Nadia,\n\nLe lien"));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
