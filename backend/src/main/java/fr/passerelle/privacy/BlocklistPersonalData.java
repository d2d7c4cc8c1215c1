package fr.passerelle.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A number coordinators blocked, shown in the access file (masked, why, since when). An
 * erasure request does not lift it: keeping the platform's volunteers from harassment is
 * a legitimate interest that outweighs it (GDPR art. 17(3) and 21(1)); a coordinator
 * unblocks a number when that no longer holds.
 */
@Component
@Order(20)
class BlocklistPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	BlocklistPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "blocklist";
	}

	@Override
	public List<Map<String, Object>> find(DataSubject subject) {
		return this.jdbc
			.sql("SELECT masked, reason, blocked_at FROM blocked_number WHERE lookup_hash IN (:hashes) ORDER BY id")
			.param("hashes", subject.lookupHashes())
			.query((rs, n) -> {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("masked", rs.getString(1));
				item.put("reason", rs.getString(2));
				item.put("blockedAt", rs.getTimestamp(3).toInstant());
				item.put("erasure", "kept: a blocked number stays blocked until a coordinator unblocks it");
				return item;
			})
			.list();
	}

	@Override
	public int erase(DataSubject subject) {
		return 0;
	}

}
