package fr.passerelle.statistics;

import java.util.List;
import java.util.Map;

import fr.passerelle.privacy.PersonalData;
import fr.passerelle.privacy.PersonalData.DataSubject;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.privacy.SealedNumbers;
import fr.passerelle.privacy.StaffPhoneTable;

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

	private final StaffPhoneTable phones;

	private final PhoneVault vault;

	AlertPhones(JdbcClient jdbc, PhoneVault vault) {
		this.phones = new StaffPhoneTable(jdbc, "statistics_alert_subscription", "alert-subscription/");
		this.vault = vault;
	}

	@Override
	public String name() {
		return "statistics_alert_subscription.phone_cipher";
	}

	@Override
	@Transactional
	public int sealAgain(PhoneVault vault) {
		return this.phones.sealAgain(vault);
	}

	List<Long> holders(DataSubject subject) {
		return this.phones.holders(this.vault, subject.phone());
	}

	/** Deletes these coordinators' subscriptions. */
	int forget(List<Long> holders) {
		return this.phones.forget(holders);
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
