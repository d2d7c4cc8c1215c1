package fr.passerelle.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers coordinators blocked. A number is found by its lookup hash and shown
 * masked, so that the list tells nobody whom it is about; it is kept encrypted too, so
 * that a key rotation can hash it again.
 */
@Service
public class Blocklist {

	private static final String SELECT = "SELECT id, masked, reason, blocked_by, blocked_at FROM blocked_number";

	private final JdbcClient jdbc;

	private final PhoneVault vault;

	private final Clock clock;

	private final AuditLog audit;

	Blocklist(JdbcClient jdbc, PhoneVault vault, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.clock = clock;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public boolean isBlocked(PhoneNumber phone) {
		// under every key version: one a rotation has not renewed yet still blocks
		return this.jdbc.sql("SELECT COUNT(*) FROM blocked_number WHERE lookup_hash IN (:hashes)")
			.param("hashes", this.vault.lookupHashes(phone))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Whether the number Twilio reports is blocked; one that does not parse is not.
	 */
	public boolean isBlocked(String reported) {
		try {
			return isBlocked(PhoneNumber.parse(reported));
		}
		catch (RejectedRequest unusable) {
			return false;
		}
	}

	/**
	 * Blocks a number; blocking it again keeps the first entry.
	 * @throws RejectedRequest (400) without a reason
	 */
	@Transactional
	public BlockedNumber block(PhoneNumber phone, String reason, long blockedBy) {
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty() || why.length() > 300) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "blocklist.reason.required");
		}
		String hash = this.vault.lookupHash(phone);
		int added = this.jdbc
			.sql("INSERT IGNORE INTO blocked_number (lookup_hash, masked, reason, blocked_by, blocked_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(hash, phone.masked(), why, blockedBy, Timestamp.from(this.clock.instant()))
			.update();
		BlockedNumber blocked = this.jdbc.sql(SELECT + " WHERE lookup_hash = ?")
			.param(hash)
			.query(BlockedNumber.class)
			.single();
		this.jdbc.sql("UPDATE blocked_number SET phone_cipher = ? WHERE id = ? AND phone_cipher IS NULL")
			.params(this.vault.seal(phone, sealedRow(blocked.id())).ciphertext(), blocked.id())
			.update();
		if (added > 0) {
			this.audit.record(AuditAction.NUMBER_BLOCKED, sealedRow(blocked.id()),
					Map.of("masked", blocked.masked(), "reason", blocked.reason()));
		}
		return blocked;
	}

	/**
	 * Unblocks; unblocking again changes nothing.
	 */
	@Transactional
	public void unblock(long id) {
		Optional<BlockedNumber> blocked = this.jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE")
			.param(id)
			.query(BlockedNumber.class)
			.optional();
		if (blocked.isPresent()) {
			this.jdbc.sql("DELETE FROM blocked_number WHERE id = ?").param(id).update();
			this.audit.record(AuditAction.NUMBER_UNBLOCKED, sealedRow(id),
					Map.of("masked", blocked.get().masked(), "reason", blocked.get().reason()));
		}
	}

	/** What a blocked number is sealed for: its row. */
	static String sealedRow(long id) {
		return "blocked_number/" + id;
	}

	@Transactional(readOnly = true)
	public List<BlockedNumber> list() {
		return this.jdbc.sql(SELECT + " ORDER BY blocked_at DESC, id DESC").query(BlockedNumber.class).list();
	}

	/**
	 * A blocked number, as coordinators see it.
	 */
	public record BlockedNumber(long id, String masked, String reason, Long blockedBy, Instant blockedAt) {
	}

}
