package fr.passerelle.volunteer;

import java.util.List;

import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.privacy.SealedNumbers;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteers' numbers, sealed again by a key rotation (there are at most a few thousand).
 */
@Component
class VolunteerNumbers implements SealedNumbers {

	private final JdbcClient jdbc;

	private final PhoneVault vault;

	VolunteerNumbers(JdbcClient jdbc, PhoneVault vault) {
		this.jdbc = jdbc;
		this.vault = vault;
	}

	/**
	 * The phones registered before their keyed hash was kept get it at the first start
	 * (they are opened one by one: a few thousand at most, once).
	 */
	@EventListener(ApplicationStartedEvent.class)
	@Transactional
	public void hashThePhonesRegisteredBefore() {
		record Row(long accountId, byte[] cipher) {
		}
		List<Row> rows = this.jdbc
			.sql("SELECT account_id, phone_cipher FROM volunteer WHERE phone_cipher IS NOT NULL AND phone_hash IS NULL")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getBytes(2)))
			.list();
		for (Row row : rows) {
			PhoneNumber phone = this.vault.open(row.cipher(), Volunteers.sealedRow(row.accountId()));
			this.jdbc.sql("UPDATE volunteer SET phone_hash = ? WHERE account_id = ?")
				.params(this.vault.lookupHash(phone), row.accountId())
				.update();
		}
	}

	@Override
	public String name() {
		return "volunteer.phone_cipher";
	}

	@Override
	@Transactional
	public int sealAgain(PhoneVault vault) {
		record Row(long accountId, byte[] cipher) {
		}
		List<Row> rows = this.jdbc
			.sql("SELECT account_id, phone_cipher FROM volunteer WHERE phone_cipher IS NOT NULL FOR UPDATE")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getBytes(2)))
			.list();
		int sealed = 0;
		for (Row row : rows) {
			if (!vault.isCurrent(row.cipher())) {
				String name = Volunteers.sealedRow(row.accountId());
				PhoneNumber phone = vault.open(row.cipher(), name);
				sealed += this.jdbc.sql("UPDATE volunteer SET phone_cipher = ?, phone_hash = ? WHERE account_id = ?")
					.params(vault.seal(phone, name).ciphertext(), vault.lookupHash(phone), row.accountId())
					.update();
			}
		}
		return sealed;
	}

}
