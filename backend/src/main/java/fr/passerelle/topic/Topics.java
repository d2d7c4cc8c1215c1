package fr.passerelle.topic;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The themes, in the order of the phone menu, as national coordinators set them
 * ({@link TopicMenu}): every instance reads them again within {@value #REFRESH_SECONDS} s
 * of a change, so that the phone menu follows without a restart, and not on every page or
 * call.
 */
@Service
public class Topics {

	static final int REFRESH_SECONDS = 5;

	private final JdbcClient jdbc;

	private volatile Snapshot snapshot;

	Topics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every theme, offered or not, in the menu's order. */
	public List<Topic> all() {
		Snapshot current = this.snapshot;
		if (current == null) {
			current = load(version());
		}
		return current.topics();
	}

	/** The themes new requests may take, in the menu's order. */
	public List<Topic> active() {
		return all().stream().filter(Topic::active).toList();
	}

	/** A theme, offered or not (a request made before keeps it). */
	public Optional<Topic> find(String code) {
		return all().stream().filter((topic) -> topic.code().equals(code)).findFirst();
	}

	/** A theme new requests may take. */
	public Optional<Topic> findActive(String code) {
		return find(code).filter(Topic::active);
	}

	public Optional<Topic> forMenuDigit(char digit) {
		return all().stream().filter((topic) -> topic.onKey(digit)).findFirst();
	}

	/** Reads the themes again when they changed (on any instance). */
	@Scheduled(fixedDelay = REFRESH_SECONDS * 1000L, initialDelay = REFRESH_SECONDS * 1000L)
	public void refresh() {
		int version = version();
		Snapshot current = this.snapshot;
		if (current == null || current.version() != version) {
			load(version);
		}
	}

	/** The themes with the version they were read at. */
	Snapshot read() {
		refresh();
		return this.snapshot;
	}

	private Snapshot load(int version) {
		List<Topic> topics = this.jdbc
			.sql("SELECT code, name_fr, name_en, menu_digit, link_url, spoken_fr, active FROM topic ORDER BY position")
			.query((rs, row) -> {
				String digit = rs.getString("menu_digit");
				return new Topic(rs.getString("code"), rs.getString("name_fr"), rs.getString("name_en"),
						(digit != null) ? digit.charAt(0) : null, rs.getString("link_url"), rs.getString("spoken_fr"),
						rs.getBoolean("active"));
			})
			.list();
		Snapshot loaded = new Snapshot(List.copyOf(topics), version);
		this.snapshot = loaded;
		return loaded;
	}

	private int version() {
		return this.jdbc.sql("SELECT version FROM topic_menu_state WHERE id = 1").query(Integer.class).single();
	}

	record Snapshot(List<Topic> topics, int version) {
	}

}
