package fr.passerelle.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the limits counted for a number (requests, texts, answers to texts): keyed hashes
 * of its lookup hash, by bucket, kept a day. Found, and erased, under every bucket that
 * holds any: a limit added tomorrow on numbers is covered without a change here.
 */
@Component
@Order(30)
class LimitCounters implements PersonalData {

	private final JdbcClient jdbc;

	private final PhoneVault vault;

	LimitCounters(JdbcClient jdbc, PhoneVault vault) {
		this.jdbc = jdbc;
		this.vault = vault;
	}

	@Override
	public String name() {
		return "limits";
	}

	@Override
	public List<Map<String, Object>> find(DataSubject subject) {
		List<Map<String, Object>> counted = new ArrayList<>();
		for (Subject limited : subjects(subject)) {
			long hits = this.jdbc.sql("SELECT COUNT(*) FROM rate_limit_hit WHERE bucket = ? AND subject = ?")
				.params(limited.bucket(), limited.hash())
				.query(Long.class)
				.single();
			if (hits > 0) {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("limit", limited.bucket());
				item.put("countedInTheLastDay", hits);
				counted.add(item);
			}
		}
		return counted;
	}

	@Override
	@Transactional
	public int erase(DataSubject subject) {
		int erased = 0;
		for (Subject limited : subjects(subject)) {
			erased += this.jdbc.sql("DELETE FROM rate_limit_hit WHERE bucket = ? AND subject = ?")
				.params(limited.bucket(), limited.hash())
				.update();
			this.jdbc.sql("DELETE FROM rate_limit_subject WHERE bucket = ? AND subject = ?")
				.params(limited.bucket(), limited.hash())
				.update();
		}
		return erased;
	}

	/**
	 * As {@code RateLimits} hashes a subject: the number's lookup hash, keyed by bucket.
	 */
	private List<Subject> subjects(DataSubject subject) {
		List<Subject> subjects = new ArrayList<>();
		for (String bucket : this.jdbc.sql("SELECT DISTINCT bucket FROM rate_limit_subject")
			.query(String.class)
			.list()) {
			for (String lookupHash : subject.lookupHashes()) {
				subjects.add(new Subject(bucket, this.vault.hash("limit:" + bucket, lookupHash)));
			}
		}
		return subjects;
	}

	private record Subject(String bucket, String hash) {
	}

}
