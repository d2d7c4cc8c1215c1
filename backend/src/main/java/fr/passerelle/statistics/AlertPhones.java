package fr.passerelle.statistics;

import java.util.List;
import java.util.Map;

import fr.passerelle.privacy.PersonalData;
import fr.passerelle.privacy.PersonalData.DataSubject;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.privacy.SealedNumbers;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The phones coordinators are texted the alerts on: sealed again by a key rotation, and
 * found and erased by a person's access and erasure requests ({@link Holders}), as any
 * number kept (there are a few dozen, opened one by one).
 */
@Component
class AlertPhones implements SealedNumbers {

	private final JdbcClient jdbc;

	private final PhoneVault vault;

	AlertPhones(JdbcClient jdbc, PhoneVault vault) {
		this.jdbc = jdbc;
		this.vault = vault;
	}

	@Override
	public String name() {
		return "statistics_alert_subscription.phone_cipher";
	}

	@Override
	@Transactional
	public int sealAgain(PhoneVault vault) {
		int sealed = 0;
		for (Row row : rows(" FOR UPDATE")) {
			if (!vault.isCurrent(row.cipher())) {
				String name = AlertSubscriptions.sealedRow(row.accountId());
				sealed += this.jdbc
					.sql("UPDATE statistics_alert_subscription SET phone_cipher = ? WHERE account_id = ?")
					.params(vault.seal(vault.open(row.cipher(), name), name).ciphertext(), row.accountId())
					.update();
			}
		}
		return sealed;
	}

	private List<Row> rows(String lock) {
		return this.jdbc.sql("SELECT account_id, phone_cipher FROM statistics_alert_subscription" + lock)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getBytes(2)))
			.list();
	}

	List<Long> holders(DataSubject subject) {
		return rows("").stream()
			.filter((row) -> this.vault.open(row.cipher(), AlertSubscriptions.sealedRow(row.accountId()))
				.equals(subject.phone()))
			.map(Row::accountId)
			.toList();
	}

	/** Deletes these coordinators' subscriptions. */
	int forget(List<Long> holders) {
		return holders.isEmpty() ? 0
				: this.jdbc.sql("DELETE FROM statistics_alert_subscription WHERE account_id IN (:ids)")
					.param("ids", holders)
					.update();
	}

	private record Row(long accountId, byte[] cipher) {
	}

	/** The same phones, for a person's access and erasure requests. */
	@Component
	@Order(50)
	static class Holders implements PersonalData {

		private final AlertPhones phones;

		Holders(AlertPhones phones) {
			this.phones = phones;
		}

		@Override
		public String name() {
			return "coordinators' alert phones";
		}

		@Override
		@Transactional(readOnly = true)
		public List<Map<String, Object>> find(DataSubject subject) {
			return this.phones.holders(subject)
				.stream()
				.<Map<String, Object>>map((accountId) -> Map.of("staffAccount", accountId, "use",
						"the phone this coordinator is texted the coverage alerts on"))
				.toList();
		}

		@Override
		@Transactional
		public int erase(DataSubject subject) {
			return this.phones.forget(this.phones.holders(subject));
		}

	}

}
