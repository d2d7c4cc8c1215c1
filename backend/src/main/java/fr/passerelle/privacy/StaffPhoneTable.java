package fr.passerelle.privacy;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of staff members' phones, one per account ({@code account_id},
 * {@code phone_cipher}), each sealed bound to its row: what a key rotation seals again,
 * and what a person's access and erasure requests find and erase. There are a few dozen
 * such phones: they are opened one by one.
 */
public final class StaffPhoneTable {

	private static final Pattern NAME = Pattern.compile("[a-z_]+");

	private final JdbcClient jdbc;

	private final String table;

	private final String rowPrefix;

	/**
	 * @param table the table's name (a constant of the module that owns it)
	 * @param rowPrefix what each phone is sealed for, before its account's id
	 */
	public StaffPhoneTable(JdbcClient jdbc, String table, String rowPrefix) {
		if (!NAME.matcher(table).matches()) {
			throw new IllegalArgumentException("not a table name: " + table);
		}
		this.jdbc = jdbc;
		this.table = table;
		this.rowPrefix = rowPrefix;
	}

	/** What an account's phone is sealed for: its row. */
	public String sealedRow(long accountId) {
		return this.rowPrefix + accountId;
	}

	/** Seals again, under the vault's current key, every phone not sealed so yet. */
	public int sealAgain(PhoneVault vault) {
		int sealed = 0;
		for (Row row : rows(" FOR UPDATE")) {
			if (!vault.isCurrent(row.cipher())) {
				String name = sealedRow(row.accountId());
				sealed += this.jdbc.sql("UPDATE " + this.table + " SET phone_cipher = ? WHERE account_id = ?")
					.params(vault.seal(vault.open(row.cipher(), name), name).ciphertext(), row.accountId())
					.update();
			}
		}
		return sealed;
	}

	/** The accounts whose phone is this number. */
	public List<Long> holders(PhoneVault vault, PhoneNumber phone) {
		return rows("").stream()
			.filter((row) -> vault.open(row.cipher(), sealedRow(row.accountId())).equals(phone))
			.map(Row::accountId)
			.toList();
	}

	/** Deletes these accounts' phones. */
	public int forget(List<Long> accountIds) {
		return accountIds.isEmpty() ? 0
				: this.jdbc.sql("DELETE FROM " + this.table + " WHERE account_id IN (:ids)")
					.param("ids", accountIds)
					.update();
	}

	private List<Row> rows(String lock) {
		return this.jdbc.sql("SELECT account_id, phone_cipher FROM " + this.table + lock)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getBytes(2)))
			.list();
	}

	private record Row(long accountId, byte[] cipher) {
	}

}
