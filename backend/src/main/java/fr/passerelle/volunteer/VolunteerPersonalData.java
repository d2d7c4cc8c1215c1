package fr.passerelle.volunteer;

import java.util.List;
import java.util.Map;

import fr.passerelle.privacy.PersonalData;
import fr.passerelle.privacy.PhoneVault;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A number registered as a volunteer's phone to ring. Erasing removes it: the volunteer
 * takes calls again once they register a phone.
 */
@Component
@Order(40)
class VolunteerPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final PhoneVault vault;

	VolunteerPersonalData(JdbcClient jdbc, PhoneVault vault) {
		this.jdbc = jdbc;
		this.vault = vault;
	}

	@Override
	public String name() {
		return "volunteer phones";
	}

	@Override
	@Transactional(readOnly = true)
	public List<Map<String, Object>> find(DataSubject subject) {
		return holders(subject).stream()
			.<Map<String, Object>>map((accountId) -> Map.of("volunteerAccount", accountId, "use",
					"the phone the platform rings to connect this volunteer to callers"))
			.toList();
	}

	@Override
	@Transactional
	public int erase(DataSubject subject) {
		List<Long> holders = holders(subject);
		return holders.isEmpty() ? 0
				: this.jdbc
					.sql("UPDATE volunteer SET phone_cipher = NULL, phone_hash = NULL WHERE account_id IN (:ids)")
					.param("ids", holders)
					.update();
	}

	/** Volunteers' phones are sealed without a lookup hash: there are a few thousand. */
	private List<Long> holders(DataSubject subject) {
		record Row(long accountId, byte[] cipher) {
		}
		return this.jdbc.sql("SELECT account_id, phone_cipher FROM volunteer WHERE phone_cipher IS NOT NULL")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getBytes(2)))
			.list()
			.stream()
			.filter((row) -> this.vault.open(row.cipher(), Volunteers.sealedRow(row.accountId()))
				.equals(subject.phone()))
			.map(Row::accountId)
			.toList();
	}

}
