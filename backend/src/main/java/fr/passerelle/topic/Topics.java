package fr.passerelle.topic;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The themes, in the order of the phone menu.
 */
@Service
public class Topics {

	/**
	 * Themes change only with a release (a migration): each instance reads them again
	 * after this long, so that every page and call does not.
	 */
	private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(60);

	private final JdbcClient jdbc;

	private volatile Snapshot snapshot;

	Topics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Topic> all() {
		Snapshot current = this.snapshot;
		long now = System.nanoTime();
		if (current == null || now - current.readAt() > FRESH_NANOS) {
			current = new Snapshot(read(), now);
			this.snapshot = current;
		}
		return current.topics();
	}

	private List<Topic> read() {
		return this.jdbc.sql("SELECT code, name_fr, name_en, menu_digit, link_url FROM topic ORDER BY position")
			.query((rs, row) -> new Topic(rs.getString("code"), rs.getString("name_fr"), rs.getString("name_en"),
					rs.getString("menu_digit").charAt(0), rs.getString("link_url")))
			.list();
	}

	private record Snapshot(List<Topic> topics, long readAt) {
	}

	public Optional<Topic> find(String code) {
		return all().stream().filter((topic) -> topic.code().equals(code)).findFirst();
	}

	public Optional<Topic> forMenuDigit(char digit) {
		return all().stream().filter((topic) -> topic.menuDigit() == digit).findFirst();
	}

}
