package fr.passerelle.telephony;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PersonalData;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.privacy.SealedNumbers;
import fr.passerelle.privacy.StaffPhoneTable;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The phones coordinators and administrators are rung on to call a citizen back, as
 * volunteers are on theirs (registered on their profile): sealed, bound to its row,
 * sealed again by a key rotation, found and erased by a person's access and erasure
 * requests.
 */
@Service
class StaffCallPhones implements SealedNumbers {

	private final JdbcClient jdbc;

	private final PhoneVault vault;

	private final Clock clock;

	private final StaffPhoneTable table;

	StaffCallPhones(JdbcClient jdbc, PhoneVault vault, Clock clock) {
		this.table = new StaffPhoneTable(jdbc, "staff_call_phone", "staff-call-phone/");
		this.jdbc = jdbc;
		this.vault = vault;
		this.clock = clock;
	}

	/**
	 * Rings this coordinator on this phone from now on; the same again changes nothing.
	 * @return the phone, masked
	 * @throws RejectedRequest (403) for a volunteer (their phone is on their profile),
	 */
	@Transactional
	String register(StaffAccount staff, PhoneNumber phone) {
		if (staff.role() == Role.VOLUNTEER) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "telephony.staff-phone.volunteer");
		}
		this.jdbc.sql("""
				INSERT INTO staff_call_phone (account_id, phone_cipher, registered_at) VALUES (?, ?, ?)
				ON DUPLICATE KEY UPDATE phone_cipher = VALUES(phone_cipher), registered_at = VALUES(registered_at)""")
			.params(staff.id(), this.vault.seal(phone, sealedRow(staff.id())).ciphertext(),
					Timestamp.from(this.clock.instant()))
			.update();
		return phone.masked();
	}

	/** Rings them no more; again, changes nothing. */
	@Transactional
	void remove(StaffAccount staff) {
		this.jdbc.sql("DELETE FROM staff_call_phone WHERE account_id = ?").param(staff.id()).update();
	}

	/** The phone this staff member is rung on, if they registered one. */
	@Transactional(readOnly = true)
	Optional<PhoneNumber> phoneToRing(long accountId) {
		return this.jdbc.sql("SELECT phone_cipher FROM staff_call_phone WHERE account_id = ?")
			.param(accountId)
			.query((rs, row) -> rs.getBytes(1))
			.optional()
			.map((cipher) -> this.vault.open(cipher, sealedRow(accountId)));
	}

	private String sealedRow(long accountId) {
		return this.table.sealedRow(accountId);
	}

	@Override
	public String name() {
		return "staff_call_phone.phone_cipher";
	}

	@Override
	@Transactional
	public int sealAgain(PhoneVault vault) {
		return this.table.sealAgain(vault);
	}

	List<Long> holders(PersonalData.DataSubject subject) {
		return this.table.holders(this.vault, subject.phone());
	}

	int forget(List<Long> holders) {
		return this.table.forget(holders);
	}

	/** The same phones, for a person's access and erasure requests. */
	@Component
	@Order(55)
	static class Holders implements PersonalData {

		private final StaffCallPhones phones;

		Holders(StaffCallPhones phones) {
			this.phones = phones;
		}

		@Override
		public String name() {
			return "coordinators' phones to call back from";
		}

		@Override
		@Transactional(readOnly = true)
		public List<Map<String, Object>> find(DataSubject subject) {
			return this.phones.holders(subject)
				.stream()
				.<Map<String, Object>>map((accountId) -> Map.of("staffAccount", accountId, "use",
						"the phone this coordinator is rung on to call citizens back"))
				.toList();
		}

		@Override
		@Transactional
		public int erase(DataSubject subject) {
			return this.phones.forget(this.phones.holders(subject));
		}

	}

}
