package fr.passerelle.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settings that national coordinators change from the staff app, kept in the database by
 * group (the callback policy, the routing delays): the configuration gives the first
 * values of each, written the first time the group is read; every instance reads a group
 * again within {@value #REFRESH_SECONDS} s of a change, and a change made on a version
 * that is no longer the group's is refused (409). The modules that own a group check its
 * values and audit its changes.
 */
@Service
public class ServiceSettings {

	static final int REFRESH_SECONDS = 5;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Map<String, Group> groups = new ConcurrentHashMap<>();

	ServiceSettings(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * A group as last read, written first from {@code firstValues} (and completed with
	 * the names it lacks) the first time.
	 */
	public Group read(String group, Map<String, String> firstValues) {
		Group read = this.groups.get(group);
		if (read == null) {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.sql("INSERT IGNORE INTO service_setting_group (group_name, version) VALUES (?, 0)")
					.param(group)
					.update();
				firstValues.forEach((name, value) -> this.jdbc
					.sql("INSERT IGNORE INTO service_setting (group_name, name, value) VALUES (?, ?, ?)")
					.params(group, name, value)
					.update());
			});
			read = load(group);
		}
		return read;
	}

	/**
	 * Replaces the values of a group.
	 * @throws RejectedRequest (409) when the group changed since {@code version}
	 */
	public Group replace(String group, Map<String, String> values, int version) {
		this.transactions.executeWithoutResult((status) -> {
			if (this.jdbc
				.sql("UPDATE service_setting_group SET version = version + 1 WHERE group_name = ? AND version = ?")
				.params(group, version)
				.update() == 0) {
				throw new RejectedRequest(HttpStatus.CONFLICT, "problem.changed-meanwhile");
			}
			values.forEach((name, value) -> this.jdbc.sql("""
					INSERT INTO service_setting (group_name, name, value) VALUES (?, ?, ?)
					ON DUPLICATE KEY UPDATE value = VALUES(value)""").params(group, name, value).update());
		});
		return load(group);
	}

	/** Reads again the groups changed (on any instance). */
	@Scheduled(fixedDelay = REFRESH_SECONDS * 1000L, initialDelay = REFRESH_SECONDS * 1000L)
	void refresh() {
		List<Map.Entry<String, Integer>> versions = this.jdbc
			.sql("SELECT group_name, version FROM service_setting_group")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list();
		for (Map.Entry<String, Integer> version : versions) {
			Group read = this.groups.get(version.getKey());
			if (read != null && read.version() != version.getValue()) {
				load(version.getKey());
			}
		}
	}

	private Group load(String group) {
		int version = this.jdbc.sql("SELECT version FROM service_setting_group WHERE group_name = ?")
			.param(group)
			.query(Integer.class)
			.single();
		Map<String, String> values = new LinkedHashMap<>();
		this.jdbc.sql("SELECT name, value FROM service_setting WHERE group_name = ? ORDER BY name")
			.param(group)
			.query((rs) -> {
				values.put(rs.getString(1), rs.getString(2));
			});
		Group read = new Group(Map.copyOf(values), version);
		this.groups.put(group, read);
		return read;
	}

	/**
	 * A group of settings as read.
	 *
	 * @param values by name
	 * @param version goes with a change, so that none is overwritten
	 */
	public record Group(Map<String, String> values, int version) {

		public int number(String name) {
			return Integer.parseInt(this.values.get(name));
		}

	}

}
