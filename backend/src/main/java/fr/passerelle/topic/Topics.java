package fr.passerelle.topic;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The themes, in the order of the phone menu.
 */
@Service
public class Topics {

	private final JdbcClient jdbc;

	Topics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Topic> all() {
		return this.jdbc.sql("SELECT code, name_fr, name_en, menu_digit, link_url FROM topic ORDER BY position")
			.query((rs, row) -> new Topic(rs.getString("code"), rs.getString("name_fr"), rs.getString("name_en"),
					rs.getString("menu_digit").charAt(0), rs.getString("link_url")))
			.list();
	}

	public Optional<Topic> find(String code) {
		return all().stream().filter((topic) -> topic.code().equals(code)).findFirst();
	}

	public Optional<Topic> forMenuDigit(char digit) {
		return all().stream().filter((topic) -> topic.menuDigit() == digit).findFirst();
	}

}
