package fr.passerelle.ticket;

import java.util.List;

import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.privacy.SealedNumbers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests' numbers, sealed again and hashed again by a key rotation, a few hundred rows
 * per transaction.
 */
@Component
class TicketNumbers implements SealedNumbers {

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	TicketNumbers(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public String name() {
		return "ticket.phone_cipher";
	}

	@Override
	public int sealAgain(PhoneVault vault) {
		int sealed = 0;
		long after = 0;
		while (true) {
			long from = after;
			List<Row> rows = this.jdbc
				.sql("SELECT id, phone_cipher, phone_hash FROM ticket WHERE phone_cipher IS NOT NULL AND id > ? "
						+ "ORDER BY id LIMIT " + BATCH)
				.param(from)
				.query((rs, n) -> new Row(rs.getLong(1), rs.getBytes(2), rs.getString(3)))
				.list();
			if (rows.isEmpty()) {
				return sealed;
			}
			sealed += this.transactions.execute((status) -> {
				int count = 0;
				for (Row row : rows) {
					String name = TicketManagement.sealedRow(row.id());
					PhoneNumber phone = vault.open(row.cipher(), name);
					String hash = vault.lookupHash(phone);
					if (!vault.isCurrent(row.cipher()) || !hash.equals(row.hash())) {
						count += this.jdbc.sql("UPDATE ticket SET phone_cipher = ?, phone_hash = ? WHERE id = ?")
							.params(vault.seal(phone, name).ciphertext(), hash, row.id())
							.update();
					}
				}
				return count;
			});
			after = rows.get(rows.size() - 1).id();
		}
	}

	private record Row(long id, byte[] cipher, String hash) {
	}

}
