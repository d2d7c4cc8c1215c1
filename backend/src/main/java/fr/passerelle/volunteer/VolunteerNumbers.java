package fr.passerelle.volunteer;

import java.util.List;

import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.privacy.SealedNumbers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteers' numbers, sealed again by a key rotation (there are at most a few thousand).
 */
@Component
class VolunteerNumbers implements SealedNumbers {

	private final JdbcClient jdbc;

	VolunteerNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
				sealed += this.jdbc.sql("UPDATE volunteer SET phone_cipher = ? WHERE account_id = ?")
					.params(vault.seal(vault.open(row.cipher(), name), name).ciphertext(), row.accountId())
					.update();
			}
		}
		return sealed;
	}

}
