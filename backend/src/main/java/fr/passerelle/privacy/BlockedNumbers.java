package fr.passerelle.privacy;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blocked numbers, sealed again and hashed again by a key rotation. Those blocked before
 * they were kept encrypted (migration 31) can only keep their hash: they stay blocked as
 * long as the retired hash key is configured.
 */
@Component
class BlockedNumbers implements SealedNumbers {

	private static final Logger log = LoggerFactory.getLogger(BlockedNumbers.class);

	private final JdbcClient jdbc;

	BlockedNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "blocked_number.phone_cipher";
	}

	@Override
	@Transactional
	public int sealAgain(PhoneVault vault) {
		record Row(long id, byte[] cipher, String hash) {
		}
		List<Row> rows = this.jdbc
			.sql("SELECT id, phone_cipher, lookup_hash FROM blocked_number WHERE phone_cipher IS NOT NULL FOR UPDATE")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getBytes(2), rs.getString(3)))
			.list();
		int sealed = 0;
		for (Row row : rows) {
			String name = Blocklist.sealedRow(row.id());
			PhoneNumber phone = vault.open(row.cipher(), name);
			String hash = vault.lookupHash(phone);
			if (!vault.isCurrent(row.cipher()) || !hash.equals(row.hash())) {
				sealed += this.jdbc.sql("UPDATE blocked_number SET phone_cipher = ?, lookup_hash = ? WHERE id = ?")
					.params(vault.seal(phone, name).ciphertext(), hash, row.id())
					.update();
			}
		}
		long unsealed = this.jdbc.sql("SELECT COUNT(*) FROM blocked_number WHERE phone_cipher IS NULL")
			.query(Long.class)
			.single();
		if (unsealed > 0) {
			log.warn("{} blocked number(s) from before migration 31 keep their old hash: keep the retired hash key "
					+ "configured, or block them again from one of their requests", unsealed);
		}
		return sealed;
	}

}
