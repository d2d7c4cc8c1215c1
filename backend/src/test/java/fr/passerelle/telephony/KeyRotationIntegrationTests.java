package fr.passerelle.telephony;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.PasserelleApplication;
import fr.passerelle.SeparateDatabase;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.privacy.Blocklist;
import fr.passerelle.privacy.KeyRotation;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Volunteers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key rotation as an operator runs it (deploy/README.md): the service stopped, new keys
 * made current, the old ones retired, the command run once; then the service starts with
 * the new keys alone and finds every number again: requests', volunteers', blocked
 * numbers' and the requests kept on disk while the database was down. On a database of
 * its own.
 */
class KeyRotationIntegrationTests {

	private static final String DATABASE = "passerelle_key_rotation";

	/**
	 * The embedded server may stop with the context that started it: started again, it
	 * keeps its data.
	 */
	private static final String KEEP_DATA = "--passerelle.embedded-db.reset-on-start=false";

	@TempDir
	Path directory;

	@Test
	void sealsAndHashesEveryNumberAgainUnderTheNewKeys() throws Exception {
		PhoneNumber citizen = PhoneNumber.parse(TestPhones.randomMobile());
		PhoneNumber volunteerPhone = PhoneNumber.parse(TestPhones.randomMobile());
		PhoneNumber blocked = PhoneNumber.parse(TestPhones.randomMobile());
		PhoneNumber kept = PhoneNumber.parse(TestPhones.randomMobile());
		long ticketId;
		long volunteerId;
		byte[] oldCipher;
		String oldHash;
		try (ConfigurableApplicationContext before = start()) {
			SeparateDatabase.reset(before);
			TicketView ticket = before.getBean(TicketManagement.class)
				.open(before.getBean(HelpRequests.class)
					.callback(TicketSource.WEB_FORM, "CAF", "35000", citizen.e164(), null, Set.of()));
			ticketId = ticket.id();
			volunteerId = TestAccounts.open(before.getBean(AccountManagement.class), Role.VOLUNTEER).id();
			before.getBean(Volunteers.class).register(volunteerId, "35", Set.of("CAF"));
			before.getBean(Volunteers.class).registerPhone(volunteerId, volunteerPhone.e164());
			before.getBean(Blocklist.class).block(blocked, "Appels injurieux", volunteerId);
			before.getBean(FallbackSpool.class).keep("CA" + "0".repeat(32), kept, "CAF", "35000");
			Map<String, Object> row = jdbc(before).sql("SELECT phone_cipher, phone_hash FROM ticket WHERE id = ?")
				.param(ticketId)
				.query()
				.singleRow();
			oldCipher = (byte[]) row.get("phone_cipher");
			oldHash = (String) row.get("phone_hash");
		}
		String retiredEncryption = Files.readString(this.directory.resolve("keys/encryption.key")).strip();
		String retiredHash = Files.readString(this.directory.resolve("keys/hash.key")).strip();
		String newEncryption = randomKey();
		String newHash = randomKey();

		ConfigurableApplicationContext rotation = start(KEEP_DATA, "--passerelle.privacy.key-version=2",
				"--passerelle.privacy.encryption-key=" + newEncryption, "--passerelle.privacy.hash-key=" + newHash,
				"--passerelle.privacy.retired-keys.1.encryption-key=" + retiredEncryption,
				"--passerelle.privacy.retired-keys.1.hash-key=" + retiredHash, "--passerelle.privacy.rotate-keys=true");
		assertThat(rotation.isActive()).as("the command stops once done").isFalse();

		try (ConfigurableApplicationContext after = start(KEEP_DATA, "--passerelle.privacy.key-version=2",
				"--passerelle.privacy.encryption-key=" + newEncryption, "--passerelle.privacy.hash-key=" + newHash,
				"--passerelle.privacy.generate-missing-keys=false")) {
			PhoneVault vault = after.getBean(PhoneVault.class);
			TicketManagement tickets = after.getBean(TicketManagement.class);
			Map<String, Object> row = jdbc(after).sql("SELECT phone_cipher, phone_hash FROM ticket WHERE id = ?")
				.param(ticketId)
				.query()
				.singleRow();
			assertThat((byte[]) row.get("phone_cipher")).isNotEqualTo(oldCipher);
			assertThat(row.get("phone_hash")).isNotEqualTo(oldHash).isEqualTo(vault.lookupHash(citizen));
			assertThat(after.getBean(TicketQueries.class).phoneToDial(ticketId)).hasValue(citizen);
			assertThat(tickets
				.open(after.getBean(HelpRequests.class)
					.callback(TicketSource.WEB_FORM, "CAF", "35000", citizen.e164(), null, Set.of()))
				.id()).as("the same caller is recognised under the new hash").isEqualTo(ticketId);
			assertThat(after.getBean(Volunteers.class).phoneToRing(volunteerId)).hasValue(volunteerPhone);
			assertThat(after.getBean(Blocklist.class).isBlocked(blocked)).isTrue();
			assertThat(after.getBean(FallbackSpool.class).replay()).as("the request kept on disk").isEqualTo(1);
			assertThat(jdbc(after).sql("SELECT COUNT(*) FROM ticket WHERE phone_hash = ?")
				.param(vault.lookupHash(kept))
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(after.getBean(KeyRotation.class).rotate()).as("rotating again changes nothing")
				.allSatisfy((what, count) -> assertThat(count).as(what).isZero());
		}
	}

	private ConfigurableApplicationContext start(String... more) {
		List<String> arguments = new ArrayList<>(List.of(SeparateDatabase.arguments(DATABASE)));
		arguments
			.addAll(List.of("--server.port=0", "--passerelle.privacy.key-directory=" + this.directory.resolve("keys"),
					"--passerelle.telephony.spool-dir=" + this.directory.resolve("spool")));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(PasserelleApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

	private static JdbcClient jdbc(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class);
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
